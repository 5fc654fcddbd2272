"""A read-only table of plain rows (service dataclasses), one class per table, few lines each."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from civicdesk.i18n import current_language
from civicdesk.i18n.linebreak import with_break_hints

Index = QModelIndex | QPersistentModelIndex

#: The record id (a str, so it survives QVariant) of a row, on every column.
ID_ROLE = Qt.ItemDataRole.UserRole + 1

#: Text for the "over time", "refused" and "removed" cues; readable on a projector.
WARNING_COLOUR = QColor(170, 32, 24)
MUTED_COLOUR = QColor(110, 110, 110)


def in_language(km: str, en: str) -> str:
    """The UI language's text, or the other language's when it is empty."""
    first, second = (km, en) if current_language() == "km" else (en, km)
    return first or second


def wrappable(text: str) -> str:
    """Text for a view that wraps: Qt breaks lines only at spaces and U+200B, so Khmer gets an
    invisible U+200B between its words (the stored text is unchanged)."""
    return with_break_hints(text)


class RowTableModel(QAbstractTableModel):
    """Subclasses say how many columns there are, their headers, and what each cell shows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    # ------------------------------------------------------------------ for subclasses

    def column_count(self) -> int:
        raise NotImplementedError

    def header(self, column: int) -> str:
        raise NotImplementedError

    def display(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def extra(self, row: Any, column: int, role: int) -> Any:
        """Any role other than display and id (colour, font, tool tip, alignment)."""
        return None

    def row_id(self, row: Any) -> uuid.UUID:
        return uuid.UUID(str(row.id))

    # ------------------------------------------------------------------ rows

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, record_id: uuid.UUID) -> int:
        """The row showing the record, or -1."""
        for number, row in enumerate(self._rows):
            if self.row_id(row) == record_id:
                return number
        return -1

    def retranslate(self) -> None:
        """Headers and cells are translated when read; tell the views to read them again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.column_count() - 1)
        self.refresh_cells()

    def refresh_cells(self, first_column: int = 0, last_column: int | None = None) -> None:
        if self._rows:
            last = self.column_count() - 1 if last_column is None else last_column
            self.dataChanged.emit(
                self.index(0, first_column), self.index(len(self._rows) - 1, last)
            )

    # ------------------------------------------------------------------ Qt

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.column_count()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self.column_count()
        ):
            return self.header(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, index.column())
        if role == ID_ROLE:
            return str(self.row_id(row))
        return self.extra(row, index.column(), role)
