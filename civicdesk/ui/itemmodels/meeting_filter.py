"""Search and filters over the meeting list."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from civicdesk.i18n.text import search_key
from civicdesk.models.enums import MeetingKind, MeetingStatus
from civicdesk.ui.itemmodels.filtering import rows_filter_change
from civicdesk.ui.itemmodels.meetings import SORT_ROLE, MeetingTableModel


class MeetingFilterModel(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._query = ""
        self._district: str | None = None
        self._kind: MeetingKind | None = None
        self._status: MeetingStatus | None = None
        self._date_from: dt.date | None = None
        self._date_to: dt.date | None = None

    def set_query(self, text: str) -> None:
        with rows_filter_change(self):
            self._query = search_key(text)

    def set_district(self, code: str | None) -> None:
        with rows_filter_change(self):
            self._district = code or None

    def set_kind(self, kind: MeetingKind | None) -> None:
        with rows_filter_change(self):
            self._kind = kind

    def set_status(self, status: MeetingStatus | None) -> None:
        with rows_filter_change(self):
            self._status = status

    def set_date_range(self, date_from: dt.date | None, date_to: dt.date | None) -> None:
        """Meetings held from `date_from` to `date_to`, both included (None: no limit)."""
        with rows_filter_change(self):
            self._date_from = date_from
            self._date_to = date_to

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if not isinstance(model, MeetingTableModel):
            return True
        meeting = model.meeting_at(source_row)
        if self._district and meeting.district_code != self._district:
            return False
        if self._kind and meeting.kind is not self._kind:
            return False
        if self._status and meeting.status is not self._status:
            return False
        if self._date_from and meeting.meeting_date < self._date_from:
            return False
        if self._date_to and meeting.meeting_date > self._date_to:
            return False
        if self._query:
            haystack = " ".join(
                [meeting.title_km, meeting.title_en, meeting.place_name_km, meeting.place_name_en]
            )
            return self._query in search_key(haystack)
        return True
