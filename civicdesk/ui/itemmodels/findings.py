"""Findings of a focus group as a table, and a checkable list of them to link to a
recommendation."""

from __future__ import annotations

import enum
import uuid
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, Signal

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_number
from civicdesk.i18n.labels import label
from civicdesk.services.findings import FindingRow
from civicdesk.ui.itemmodels.row_table import (
    ID_ROLE,
    Index,
    RowTableModel,
    in_language,
    wrappable,
)


class FindingColumn(enum.IntEnum):
    POSITION = 0
    TEXT = 1
    RAISED_BY = 2
    THEME = 3


class FindingTableModel(RowTableModel):
    def column_count(self) -> int:
        return len(FindingColumn)

    def header(self, column: int) -> str:
        return {
            FindingColumn.POSITION: _("No."),
            FindingColumn.TEXT: _("Finding"),
            FindingColumn.RAISED_BY: _("Raised by"),
            FindingColumn.THEME: _("Theme"),
        }[FindingColumn(column)]

    def display(self, row: FindingRow, column: int) -> str:
        column = FindingColumn(column)
        if column == FindingColumn.POSITION:
            return format_number(row.position, current_language())
        if column == FindingColumn.TEXT:
            return wrappable(in_language(row.text_km, row.text_en))
        if column == FindingColumn.RAISED_BY:
            return in_language(row.raised_by_km, row.raised_by_en)
        return label(row.theme)

    def extra(self, row: FindingRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == FindingColumn.TEXT:
            return f"{row.text_km}\n{row.text_en}".strip()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == FindingColumn.POSITION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class FindingCheckModel(QAbstractListModel):
    """The district's findings, each checked when the recommendation answers it.

    Checking or unchecking a finding only asks (`checkToggled`); the page links or unlinks
    through the services, then shows what was stored.
    """

    checkToggled = Signal(object, bool)  # finding id, checked

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[FindingRow] = []
        self._checked: set[uuid.UUID] = set()
        self._editable = True

    def set_findings(self, rows: list[FindingRow], checked: set[uuid.UUID]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._checked = set(checked)
        self.endResetModel()

    def set_checked(self, checked: set[uuid.UUID]) -> None:
        self._checked = set(checked)
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def checked(self) -> set[uuid.UUID]:
        return set(self._checked)

    def row_of(self, finding_id: uuid.UUID) -> int:
        for number, row in enumerate(self._rows):
            if row.id == finding_id:
                return number
        return -1

    def retranslate(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = wrappable(in_language(row.text_km, row.text_en))
            group = in_language(row.raised_by_km, row.raised_by_en)
            return _("{finding} ({group})").format(finding=text, group=group) if group else text
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = row.id in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.text_km}\n{row.text_en}".strip()
        if role == ID_ROLE:
            return str(row.id)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.CheckStateRole
            or not self._editable
            or not 0 <= index.row() < len(self._rows)
        ):
            return False
        finding_id = self._rows[index.row()].id
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked:
            self._checked.add(finding_id)
        else:
            self._checked.discard(finding_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checkToggled.emit(finding_id, checked)
        return True
