"""The joint action plan as Qt table models: the actions, and one action's progress updates."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_date, format_number
from civicdesk.i18n.labels import label
from civicdesk.services.actions import ActionRow, ProgressRow
from civicdesk.ui.itemmodels.display import in_language, wrappable

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
#: True for an action whose due date has passed and that is neither done nor cancelled.
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
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


class ActionTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None, today: Callable[[], dt.date] = dt.date.today) -> None:
        super().__init__(parent)
        self._rows: list[ActionRow] = []
        self._today = today

    def set_actions(self, rows: list[ActionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_today(self, today: Callable[[], dt.date]) -> None:
        """What counts as today for marking overdue actions (a fixed day for screenshots)."""
        self._today = today
        self.refresh()

    def action_at(self, row: int) -> ActionRow:
        return self._rows[row]

    def row_of(self, action_id: uuid.UUID) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == action_id), -1)

    def is_overdue(self, row: int) -> bool:
        return self._rows[row].overdue(self._today())

    def refresh(self) -> None:
        """Headers and labels are translated when read; tell the views to read them again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(ActionColumn) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(ActionColumn) - 1)
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ActionColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(ActionColumn)
        ):
            return _action_headers()[ActionColumn(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        action = self._rows[index.row()]
        column = ActionColumn(index.column())
        overdue = action.overdue(self._today())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(action, column, overdue)
        if role == SORT_ROLE:
            return self._sort_key(action, column)
        if role == ID_ROLE:
            return str(action.id)
        if role == OVERDUE_ROLE:
            return overdue
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(action, column, overdue)
        if overdue and column in (ActionColumn.DUE, ActionColumn.STATUS):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(OVERDUE_COLOUR)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ActionColumn.PROGRESS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

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


class ProgressTableModel(QAbstractTableModel):
    """The progress updates of one action, oldest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ProgressRow] = []

    def set_updates(self, rows: list[ProgressRow] | tuple[ProgressRow, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_at(self, row: int) -> ProgressRow:
        return self._rows[row]

    def refresh(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(ProgressColumn) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(ProgressColumn) - 1)
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ProgressColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(ProgressColumn)
        ):
            return _progress_headers()[ProgressColumn(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        update = self._rows[index.row()]
        column = ProgressColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column == ProgressColumn.DATE:
                return short_date(update.reported_on)
            if column == ProgressColumn.STATUS:
                return label(update.status)
            if column == ProgressColumn.PERCENT:
                return format_percent(update.progress_percent)
            return wrappable(in_language(update.note_km, update.note_en))
        if role == ID_ROLE:
            return str(update.id)
        if role == SORT_ROLE:
            if column == ProgressColumn.DATE:
                return update.reported_on.isoformat()
            if column == ProgressColumn.PERCENT:
                return update.progress_percent
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole and column == ProgressColumn.NOTE:
            return "\n".join(t for t in (update.note_km, update.note_en) if t) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ProgressColumn.PERCENT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
