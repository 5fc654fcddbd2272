"""The joint action plan as Qt table models: the actions, and one action's progress updates."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_date, format_number
from civicdesk.i18n.labels import label
from civicdesk.services.actions import ActionRow, ProgressRow
from civicdesk.ui.itemmodels.display import in_language, wrappable
from civicdesk.ui.itemmodels.records import ID_ROLE, SORT_ROLE, SortableTableModel

__all__ = [
    "ID_ROLE",
    "OVERDUE_ROLE",
    "SORT_ROLE",
    "ActionColumn",
    "ActionTableModel",
    "ProgressColumn",
    "ProgressTableModel",
]

#: True for an action whose due date has passed and that is neither done nor cancelled.
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3

OVERDUE_COLOUR = QColor(160, 30, 20)


def format_percent(value: int) -> str:
    return f"{format_number(value, current_language())}%"


def short_date(value: dt.date | None) -> str:
    return format_date(value, current_language(), weekday=False) if value else ""


class ActionColumn(enum.IntEnum):
    RECOMMENDATION = 0
    ACTION = 1
    OFFICE = 2
    PARTNER = 3
    START = 4
    DUE = 5
    STATUS = 6
    PROGRESS = 7


def _action_headers() -> dict[ActionColumn, str]:
    return {
        ActionColumn.RECOMMENDATION: _("Recommendation"),
        ActionColumn.ACTION: _("Action"),
        ActionColumn.OFFICE: _("Responsible SNA office"),
        ActionColumn.PARTNER: _("CSO partner"),
        ActionColumn.START: _("Start"),
        ActionColumn.DUE: _("Due"),
        ActionColumn.STATUS: _("Status"),
        ActionColumn.PROGRESS: _("Progress"),
    }


class ActionTableModel(SortableTableModel):
    numeric_columns = frozenset({ActionColumn.PROGRESS})

    def __init__(self, parent: Any = None, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self._today = today

    def set_today(self, today: Callable[[], dt.date]) -> None:
        """What counts as today for marking overdue actions (a fixed day for screenshots)."""
        self._today = today
        self.retranslate()

    def is_overdue(self, row: int) -> bool:
        return bool(self.row_at(row).overdue(self._today()))

    def headers(self) -> list[str]:
        return [_action_headers()[column] for column in ActionColumn]

    def display(self, row: ActionRow, column: int) -> str:
        return self._display(row, ActionColumn(column), row.overdue(self._today()))

    def sort_value(self, row: ActionRow, column: int) -> Any:
        return self._sort_key(row, ActionColumn(column))

    def tool_tip(self, row: ActionRow, column: int) -> str | None:
        return self._tooltip(row, ActionColumn(column), row.overdue(self._today()))

    def extra(self, row: ActionRow, column: int, role: int) -> Any:
        if role == OVERDUE_ROLE:
            return row.overdue(self._today())
        if column in (ActionColumn.DUE, ActionColumn.STATUS) and row.overdue(self._today()):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(OVERDUE_COLOUR)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return super().extra(row, column, role)

    def _display(self, action: ActionRow, column: ActionColumn, overdue: bool) -> str:
        plan = action.plan
        if column == ActionColumn.RECOMMENDATION:
            return action.recommendation_code
        if column == ActionColumn.ACTION:
            return in_language(plan.description_km, plan.description_en)
        if column == ActionColumn.OFFICE:
            return in_language(plan.responsible_office_km, plan.responsible_office_en)
        if column == ActionColumn.PARTNER:
            return in_language(action.cso_partner_name_km, action.cso_partner_name_en)
        if column == ActionColumn.START:
            return short_date(plan.start_date)
        if column == ActionColumn.DUE:
            return short_date(plan.due_date)
        if column == ActionColumn.STATUS:
            status = label(action.status)
            return _("{status} (overdue)").format(status=status) if overdue else status
        return format_percent(action.progress_percent)

    def _sort_key(self, action: ActionRow, column: ActionColumn) -> Any:
        if column == ActionColumn.START:
            return action.plan.start_date.isoformat() if action.plan.start_date else ""
        if column == ActionColumn.DUE:
            return action.plan.due_date.isoformat() if action.plan.due_date else ""
        if column == ActionColumn.PROGRESS:
            return action.progress_percent
        if column == ActionColumn.RECOMMENDATION:
            return f"{action.recommendation_code}|{action.position:05d}"
        return self._display(action, column, overdue=False)

    def _tooltip(self, action: ActionRow, column: ActionColumn, overdue: bool) -> str | None:
        if overdue and column in (ActionColumn.DUE, ActionColumn.STATUS):
            return _("Overdue: the due date has passed and the action is not done.")
        if column == ActionColumn.ACTION:
            return "\n".join(
                t for t in (action.plan.description_km, action.plan.description_en) if t
            )
        return None


class ProgressColumn(enum.IntEnum):
    DATE = 0
    STATUS = 1
    PERCENT = 2
    NOTE = 3


def _progress_headers() -> dict[ProgressColumn, str]:
    return {
        ProgressColumn.DATE: _("Date"),
        ProgressColumn.STATUS: _("Status"),
        ProgressColumn.PERCENT: _("Progress"),
        ProgressColumn.NOTE: _("Note"),
    }


class ProgressTableModel(SortableTableModel):
    """The progress updates of one action, oldest first."""

    numeric_columns = frozenset({ProgressColumn.PERCENT})

    def headers(self) -> list[str]:
        return [_progress_headers()[column] for column in ProgressColumn]

    def display(self, row: ProgressRow, column: int) -> str:
        if column == ProgressColumn.DATE:
            return short_date(row.reported_on)
        if column == ProgressColumn.STATUS:
            return label(row.status)
        if column == ProgressColumn.PERCENT:
            return format_percent(row.progress_percent)
        return wrappable(in_language(row.note_km, row.note_en))

    def sort_value(self, row: ProgressRow, column: int) -> Any:
        if column == ProgressColumn.DATE:
            return row.reported_on.isoformat()
        if column == ProgressColumn.PERCENT:
            return row.progress_percent
        return self.display(row, column)

    def tool_tip(self, row: ProgressRow, column: int) -> str | None:
        if column == ProgressColumn.NOTE:
            return "\n".join(t for t in (row.note_km, row.note_en) if t) or None
        return None
