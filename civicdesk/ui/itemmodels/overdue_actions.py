"""The actions overdue on the report's date, as a table."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_date, format_number
from civicdesk.i18n.labels import label
from civicdesk.services.reports import OverdueAction

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2


class OverdueColumn(enum.IntEnum):
    PLACE = 0
    RECOMMENDATION = 1
    ACTION = 2
    OFFICE = 3
    DUE = 4
    DAYS = 5
    STATUS = 6
    PROGRESS = 7


def _headers() -> dict[OverdueColumn, str]:
    return {
        OverdueColumn.PLACE: _("District"),
        OverdueColumn.RECOMMENDATION: _("Recommendation"),
        OverdueColumn.ACTION: _("Action"),
        OverdueColumn.OFFICE: _("Responsible office"),
        OverdueColumn.DUE: _("Due"),
        OverdueColumn.DAYS: _("Days overdue"),
        OverdueColumn.STATUS: _("Status"),
        OverdueColumn.PROGRESS: _("Progress"),
    }


def _pick(km: str, en: str) -> str:
    first, second = (km, en) if current_language() == "km" else (en, km)
    return first or second


class OverdueActionsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[OverdueAction] = []

    def set_rows(self, rows: list[OverdueAction]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> OverdueAction:
        return self._rows[row]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(OverdueColumn) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(OverdueColumn) - 1)
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(OverdueColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(OverdueColumn)
        ):
            return _headers()[OverdueColumn(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        column = OverdueColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == ID_ROLE:
            return str(item.id)
        if role == SORT_ROLE:
            if column == OverdueColumn.DUE:
                return item.due_date.isoformat()
            if column in (OverdueColumn.DAYS, OverdueColumn.PROGRESS):
                return item.days_overdue if column == OverdueColumn.DAYS else item.progress_percent
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == OverdueColumn.ACTION:
            return f"{item.description_km}\n\n{item.description_en}".strip()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            OverdueColumn.DAYS,
            OverdueColumn.PROGRESS,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, item: OverdueAction, column: OverdueColumn) -> str:
        language = current_language()
        if column == OverdueColumn.PLACE:
            return item.place.name(language)
        if column == OverdueColumn.RECOMMENDATION:
            return item.recommendation_code
        if column == OverdueColumn.ACTION:
            return _pick(item.description_km, item.description_en).replace("\n", " ")
        if column == OverdueColumn.OFFICE:
            return _pick(item.responsible_office_km, item.responsible_office_en)
        if column == OverdueColumn.DUE:
            return format_date(item.due_date, language, weekday=False)
        if column == OverdueColumn.DAYS:
            return format_number(item.days_overdue, language)
        if column == OverdueColumn.STATUS:
            return label(item.status)
        return format_number(item.progress_percent, language) + "%"
