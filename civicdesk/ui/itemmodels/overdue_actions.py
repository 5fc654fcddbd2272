"""The actions overdue on the report's date, as a table."""

from __future__ import annotations

import enum
from typing import Any

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_date, format_number
from civicdesk.i18n.labels import label
from civicdesk.services.reports import OverdueAction
from civicdesk.ui.itemmodels.records import SORT_ROLE, SortableTableModel, in_language

__all__ = ["SORT_ROLE", "OverdueActionsModel", "OverdueColumn"]


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


class OverdueActionsModel(SortableTableModel):
    numeric_columns = frozenset({OverdueColumn.DAYS, OverdueColumn.PROGRESS})

    def headers(self) -> list[str]:
        return [_headers()[column] for column in OverdueColumn]

    def display(self, row: OverdueAction, column: int) -> str:
        return self._display(row, OverdueColumn(column))

    def sort_value(self, row: OverdueAction, column: int) -> Any:
        if column == OverdueColumn.DUE:
            return row.due_date.isoformat()
        if column == OverdueColumn.DAYS:
            return row.days_overdue
        if column == OverdueColumn.PROGRESS:
            return row.progress_percent
        return self.display(row, column)

    def tool_tip(self, row: OverdueAction, column: int) -> str | None:
        if column == OverdueColumn.ACTION:
            return f"{row.description_km}\n\n{row.description_en}".strip()
        return None

    def _display(self, item: OverdueAction, column: OverdueColumn) -> str:
        language = current_language()
        if column == OverdueColumn.PLACE:
            return item.place.name(language)
        if column == OverdueColumn.RECOMMENDATION:
            return item.recommendation_code
        if column == OverdueColumn.ACTION:
            return in_language(item.description_km, item.description_en).replace("\n", " ")
        if column == OverdueColumn.OFFICE:
            return in_language(item.responsible_office_km, item.responsible_office_en)
        if column == OverdueColumn.DUE:
            return format_date(item.due_date, language, weekday=False)
        if column == OverdueColumn.DAYS:
            return format_number(item.days_overdue, language)
        if column == OverdueColumn.STATUS:
            return label(item.status)
        return format_number(item.progress_percent, language) + "%"
