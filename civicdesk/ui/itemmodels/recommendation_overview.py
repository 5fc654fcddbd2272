"""The secretariat's table of every recommendation, and its filter proxy."""

from __future__ import annotations

import dataclasses
import enum
import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_number
from civicdesk.i18n.labels import label
from civicdesk.models.enums import RecommendationStatus, VoteMethod
from civicdesk.services.recommendation_overview import OverviewFilter, OverviewRow, SideVotes

Index = QModelIndex | QPersistentModelIndex

#: The recommendation's id (a str, so it survives QVariant), on every column.
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: What the column sorts by.
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

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


class RecommendationOverviewModel(QAbstractTableModel):
    """Rows are :class:`~civicdesk.services.recommendation_overview.OverviewRow`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[OverviewRow] = []

    def set_rows(self, rows: list[OverviewRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> OverviewRow:
        return self._rows[row]

    def rows(self) -> list[OverviewRow]:
        return list(self._rows)

    def row_of(self, recommendation_id: uuid.UUID) -> int:
        for number, row in enumerate(self._rows):
            if row.id == recommendation_id:
                return number
        return -1

    def retranslate(self) -> None:
        """Headers and labels are translated when read; tell the views to read them again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(OverviewColumn) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(OverviewColumn) - 1)
            )

    # ------------------------------------------------------------------ Qt

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(OverviewColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(OverviewColumn)
        ):
            return _headers()[OverviewColumn(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = OverviewColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == ID_ROLE:
            return str(row.id)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tool_tip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and row.status is RecommendationStatus.WITHDRAWN:
            return MUTED
        if role == Qt.ItemDataRole.BackgroundRole and row.is_consolidated:
            return CONSOLIDATED_BACKGROUND
        if role == Qt.ItemDataRole.FontRole and row.is_consolidated:
            font = QFont()
            font.setBold(column == OverviewColumn.CODE)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == OverviewColumn.FINDINGS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

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
