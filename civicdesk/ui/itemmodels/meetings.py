"""The meeting list as a Qt table model."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_date, format_number
from civicdesk.i18n.labels import label
from civicdesk.services.meetings import MeetingSummary

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    DATE = 0
    TITLE = 1
    KIND = 2
    PLACE = 3
    STATUS = 4
    TOTAL = 5
    WOMEN = 6


def _headers() -> dict[Column, str]:
    return {
        Column.DATE: _("Date"),
        Column.TITLE: _("Title"),
        Column.KIND: _("Kind"),
        Column.PLACE: _("Place"),
        Column.STATUS: _("Status"),
        Column.TOTAL: _("Total"),
        Column.WOMEN: _("Women"),
    }


class MeetingTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MeetingSummary] = []

    def set_meetings(self, rows: list[MeetingSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def meeting_at(self, row: int) -> MeetingSummary:
        return self._rows[row]

    def retranslate(self) -> None:
        """Headers and labels are translated when read; tell the views to read them again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _headers()[Column(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        meeting = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(meeting, column)
        if role == SORT_ROLE:
            return self._sort_key(meeting, column)
        if role == ID_ROLE:
            return str(meeting.id)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.TOTAL, Column.WOMEN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.TITLE:
            return f"{meeting.title_km}\n{meeting.title_en}".strip()
        return None

    def _display(self, meeting: MeetingSummary, column: Column) -> str:
        language = current_language()
        if column == Column.DATE:
            return format_date(meeting.meeting_date, language, weekday=False)
        if column == Column.TITLE:
            return meeting.title(language)
        if column == Column.KIND:
            return label(meeting.kind)
        if column == Column.PLACE:
            if language == "km":
                return meeting.place_name_km or meeting.place_name_en
            return meeting.place_name_en or meeting.place_name_km
        if column == Column.STATUS:
            return label(meeting.status)
        if column == Column.TOTAL:
            return format_number(meeting.attendance.total, language)
        return format_number(meeting.attendance.women, language)

    def _sort_key(self, meeting: MeetingSummary, column: Column) -> Any:
        if column == Column.DATE:
            return meeting.meeting_date.isoformat()
        if column == Column.TOTAL:
            return meeting.attendance.total
        if column == Column.WOMEN:
            return meeting.attendance.women
        return self._display(meeting, column)
