"""The secretariat's table of every recommendation, and its filter proxy."""

from __future__ import annotations

import dataclasses
import enum
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_number
from civicdesk.i18n.labels import label
from civicdesk.models.enums import RecommendationStatus, VoteMethod
from civicdesk.services.recommendation_overview import OverviewFilter, OverviewRow, SideVotes
from civicdesk.ui.itemmodels.records import SORT_ROLE, Index, SortableTableModel

MUTED = QColor(110, 110, 110)
CONSOLIDATED_BACKGROUND = QColor(236, 242, 250)


class OverviewColumn(enum.IntEnum):
    CODE = 0
    PLACE = 1
    THEME = 2
    STATUS = 3
    TEXT = 4
    SNA_VOTES = 5
    CIVIL_SOCIETY_VOTES = 6
    JOINT_LIST = 7
    FINDINGS = 8
    CONSOLIDATION = 9


def _headers() -> dict[OverviewColumn, str]:
    return {
        OverviewColumn.CODE: _("Code"),
        OverviewColumn.PLACE: _("District"),
        OverviewColumn.THEME: _("Theme"),
        OverviewColumn.STATUS: _("Status"),
        OverviewColumn.TEXT: _("Recommendation"),
        OverviewColumn.SNA_VOTES: _("SNA votes"),
        OverviewColumn.CIVIL_SOCIETY_VOTES: _("Civil society votes"),
        OverviewColumn.JOINT_LIST: _("Joint list"),
        OverviewColumn.FINDINGS: _("Findings"),
        OverviewColumn.CONSOLIDATION: _("Consolidation"),
    }


def _votes(row: OverviewRow, side: SideVotes | None) -> str:
    if row.vote is None or side is None:
        return ""
    if row.vote.method is VoteMethod.CONSENSUS:
        return label(VoteMethod.CONSENSUS)
    language = current_language()
    return "–".join(format_number(n, language) for n in (side.yes, side.no, side.abstain))


class RecommendationOverviewModel(SortableTableModel):
    """Rows are :class:`~civicdesk.services.recommendation_overview.OverviewRow`."""

    numeric_columns = frozenset({OverviewColumn.FINDINGS})

    def headers(self) -> list[str]:
        return [_headers()[column] for column in OverviewColumn]

    def display(self, row: OverviewRow, column: int) -> str:
        return self._display(row, OverviewColumn(column))

    def sort_value(self, row: OverviewRow, column: int) -> Any:
        return self._sort_key(row, OverviewColumn(column))

    def tool_tip(self, row: OverviewRow, column: int) -> str | None:
        return self._tool_tip(row, OverviewColumn(column))

    def extra(self, row: OverviewRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.status is RecommendationStatus.WITHDRAWN:
            return MUTED
        if role == Qt.ItemDataRole.BackgroundRole and row.is_consolidated:
            return CONSOLIDATED_BACKGROUND
        if role == Qt.ItemDataRole.FontRole and row.is_consolidated:
            font = QFont()
            font.setBold(column == OverviewColumn.CODE)
            return font
        return super().extra(row, column, role)

    def _display(self, row: OverviewRow, column: OverviewColumn) -> str:
        language = current_language()
        if column == OverviewColumn.CODE:
            return row.code
        if column == OverviewColumn.PLACE:
            return row.place_name(language)
        if column == OverviewColumn.THEME:
            return label(row.theme)
        if column == OverviewColumn.STATUS:
            return label(row.status)
        if column == OverviewColumn.TEXT:
            return row.text(language).replace("\n", " ")
        if column == OverviewColumn.SNA_VOTES:
            return _votes(row, row.vote.sna if row.vote else None)
        if column == OverviewColumn.CIVIL_SOCIETY_VOTES:
            return _votes(row, row.vote.civil_society if row.vote else None)
        if column == OverviewColumn.JOINT_LIST:
            return label(row.joint_list_status) if row.joint_list_status else ""
        if column == OverviewColumn.FINDINGS:
            return format_number(len(row.findings), language) if row.findings else ""
        return self._consolidation(row)

    def _consolidation(self, row: OverviewRow) -> str:
        if row.consolidated_level is not None:
            codes = ", ".join(link.code for link in row.sources)
            return _("{level}: {codes}").format(level=label(row.consolidated_level), codes=codes)
        if row.consolidated_into:
            codes = ", ".join(link.code for link in row.consolidated_into)
            return _("In {codes}").format(codes=codes)
        return ""

    def _sort_key(self, row: OverviewRow, column: OverviewColumn) -> str | int:
        # One type per column: Qt cannot order a number against a text.
        if column == OverviewColumn.CODE:
            return ("1" if row.is_consolidated else "0") + row.code
        if column in (OverviewColumn.SNA_VOTES, OverviewColumn.CIVIL_SOCIETY_VOTES):
            if row.vote is None:
                return -(10**6)
            side = row.vote.sna if column == OverviewColumn.SNA_VOTES else row.vote.civil_society
            return side.yes - side.no
        if column == OverviewColumn.FINDINGS:
            return len(row.findings)
        return self._display(row, column)

    def _tool_tip(self, row: OverviewRow, column: OverviewColumn) -> str | None:
        if column == OverviewColumn.TEXT:
            return f"{row.text_km}\n\n{row.text_en}".strip()
        if column in (OverviewColumn.SNA_VOTES, OverviewColumn.CIVIL_SOCIETY_VOTES) and row.vote:
            return _("In favour – against – abstaining; {outcome}").format(
                outcome=label(row.vote.outcome)
            )
        return None


class RecommendationOverviewFilter(QSortFilterProxyModel):
    """Narrows the table with an :class:`OverviewFilter` (search in Khmer or English)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._filter = OverviewFilter()

    def row_filter(self) -> OverviewFilter:
        return self._filter

    def set_row_filter(self, row_filter: OverviewFilter) -> None:
        if row_filter == self._filter:
            return
        begin = getattr(self, "beginFilterChange", None)
        if begin is not None:  # Qt 6.10 and later
            begin()
            self._filter = row_filter
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._filter = row_filter
            self.invalidateRowsFilter()

    def update_filter(self, **changes: Any) -> None:
        self.set_row_filter(dataclasses.replace(self._filter, **changes))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RecommendationOverviewModel):
            return True
        return self._filter.accepts(model.row_at(source_row))
