"""Who came to a meeting: the attendance list and the anonymous headcounts."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel

from civicdesk.i18n import _
from civicdesk.i18n.labels import label
from civicdesk.models.enums import AttendanceStatus
from civicdesk.services.attendance import AttendanceRow, HeadcountRow
from civicdesk.ui.itemmodels.people import organisation_name
from civicdesk.ui.itemmodels.records import (
    SORT_ROLE,
    SortableTableModel,
    both_names,
    in_language,
    number,
)


class AttendanceColumn(enum.IntEnum):
    NAME = 0
    SEX = 1
    ORGANISATION = 2
    ROLE = 3
    SIDE = 4
    VOTES = 5
    STATUS = 6


class AttendanceTableModel(SortableTableModel):
    def headers(self) -> list[str]:
        return [
            _("Name"),
            _("Sex"),
            _("Organisation"),
            _("Role"),
            _("Side"),
            _("Votes"),
            _("Status"),
        ]

    def attendance_at(self, row: int) -> AttendanceRow:
        attendance: AttendanceRow = self.row_at(row)
        return attendance

    def display(self, row: AttendanceRow, column: int) -> str:
        if column == AttendanceColumn.NAME:
            return both_names(row.name_km, row.name_latin)
        if column == AttendanceColumn.SEX:
            return label(row.sex)
        if column == AttendanceColumn.ORGANISATION:
            return organisation_name(row.organisation_name_km, row.organisation_name_en)
        if column == AttendanceColumn.ROLE:
            return label(row.role)
        if column == AttendanceColumn.SIDE:
            return label(row.side)
        if column == AttendanceColumn.VOTES:
            return "✓" if row.may_vote else "–"
        return self._status(row)

    @staticmethod
    def _status(row: AttendanceRow) -> str:
        status = label(row.status)
        if row.status is AttendanceStatus.ABSENT:
            reason = in_language(row.absence_reason, row.absence_reason_en)
            if reason:
                return _("{status}: {reason}").format(status=status, reason=reason)
        return status

    def sort_value(self, row: AttendanceRow, column: int) -> Any:
        if column == AttendanceColumn.STATUS:
            order = (AttendanceStatus.PRESENT, AttendanceStatus.INVITED, AttendanceStatus.ABSENT)
            return order.index(row.status)
        return super().sort_value(row, column)

    def tool_tip(self, row: AttendanceRow, column: int) -> str | None:
        if column == AttendanceColumn.VOTES:
            return _("May vote") if row.may_vote else _("Does not vote")
        lines = [row.name_km, row.name_latin, row.position, row.position_en, row.phone]
        if row.status is AttendanceStatus.ABSENT:
            lines += [row.absence_reason, row.absence_reason_en]
        return "\n".join(line for line in lines if line) or None


class HeadcountColumn(enum.IntEnum):
    GROUP = 0
    SIDE = 1
    WOMEN = 2
    MEN = 3
    TOTAL = 4


class HeadcountTableModel(SortableTableModel):
    numeric_columns = frozenset({HeadcountColumn.WOMEN, HeadcountColumn.MEN, HeadcountColumn.TOTAL})

    def headers(self) -> list[str]:
        return [_("Group"), _("Side"), _("Women"), _("Men"), _("Total")]

    def headcount_at(self, row: int) -> HeadcountRow:
        headcount: HeadcountRow = self.row_at(row)
        return headcount

    def display(self, row: HeadcountRow, column: int) -> str:
        if column == HeadcountColumn.GROUP:
            return in_language(row.group_km, row.group_en)
        if column == HeadcountColumn.SIDE:
            return label(row.side)
        return number(self._count(row, column))

    @staticmethod
    def _count(row: HeadcountRow, column: int) -> int:
        if column == HeadcountColumn.WOMEN:
            return row.women
        if column == HeadcountColumn.MEN:
            return row.men
        return row.women + row.men

    def sort_value(self, row: HeadcountRow, column: int) -> Any:
        if column in self.numeric_columns:
            return self._count(row, column)
        return super().sort_value(row, column)

    def tool_tip(self, row: HeadcountRow, column: int) -> str | None:
        return "\n".join(t for t in (row.group_km, row.group_en) if t) or None


class SortByKeyModel(QSortFilterProxyModel):
    """Sorts a SortableTableModel by its sort keys (numbers as numbers)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
