"""Meetings to choose from ("follows from"), newest first, after a row for "none"."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_date
from civicdesk.i18n.labels import label
from civicdesk.services.meetings import MeetingSummary
from civicdesk.ui.itemmodels.records import ID_ROLE, Index


class MeetingChoiceModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._meetings: list[MeetingSummary] = []

    def set_meetings(self, meetings: list[MeetingSummary]) -> None:
        self.beginResetModel()
        self._meetings = sorted(meetings, key=lambda m: m.meeting_date, reverse=True)
        self.endResetModel()

    def meeting_id_at(self, row: int) -> uuid.UUID | None:
        return self._meetings[row - 1].id if 1 <= row <= len(self._meetings) else None

    def row_of(self, meeting_id: uuid.UUID | None) -> int:
        for row, meeting in enumerate(self._meetings, start=1):
            if meeting.id == meeting_id:
                return row
        return 0

    def retranslate(self) -> None:
        self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._meetings) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        if index.row() == 0:
            return _("(none)") if role == Qt.ItemDataRole.DisplayRole else None
        meeting = self._meetings[index.row() - 1]
        language = current_language()
        if role == Qt.ItemDataRole.DisplayRole:
            date = format_date(meeting.meeting_date, language, weekday=False)
            return f"{date} · {meeting.title(language)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(
                [label(meeting.kind), *(t for t in (meeting.title_km, meeting.title_en) if t)]
            )
        if role == ID_ROLE:
            return str(meeting.id)
        return None
