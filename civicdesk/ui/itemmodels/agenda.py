"""The agenda as a table: planned minutes, actual start and end, time used so far."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_number, format_time, khmer_digits
from civicdesk.services.agenda import AgendaRow
from civicdesk.ui.itemmodels.row_table import WARNING_COLOUR, RowTableModel, in_language


class AgendaColumn(enum.IntEnum):
    POSITION = 0
    TITLE = 1
    PLANNED = 2
    STARTED = 3
    ENDED = 4
    ELAPSED = 5


def format_duration(seconds: int, language: str) -> str:
    """``12:05`` (minutes and seconds) or ``1:02:05``, in the language's digits."""
    seconds = max(0, seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
    return khmer_digits(text) if language == "km" else text


def elapsed_seconds(row: AgendaRow, now: dt.datetime) -> int | None:
    """Time used by an item: until now while it runs, until its end once ended."""
    if row.started_at is None:
        return None
    end = row.ended_at or now
    return int((end - row.started_at).total_seconds())


def is_over_time(row: AgendaRow, now: dt.datetime) -> bool:
    elapsed = elapsed_seconds(row, now)
    return elapsed is not None and row.planned_minutes > 0 and elapsed > row.planned_minutes * 60


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _local_time(moment: dt.datetime | None) -> str:
    return format_time(moment, current_language()) if moment else ""


class AgendaTableModel(RowTableModel):
    def __init__(self, parent: Any = None, clock: Callable[[], dt.datetime] = utc_now) -> None:
        super().__init__(parent)
        self._clock = clock

    def column_count(self) -> int:
        return len(AgendaColumn)

    def header(self, column: int) -> str:
        return {
            AgendaColumn.POSITION: _("No."),
            AgendaColumn.TITLE: _("Item"),
            AgendaColumn.PLANNED: _("Planned"),
            AgendaColumn.STARTED: _("Started"),
            AgendaColumn.ENDED: _("Ended"),
            AgendaColumn.ELAPSED: _("Time used"),
        }[AgendaColumn(column)]

    def display(self, row: AgendaRow, column: int) -> str:
        language = current_language()
        column = AgendaColumn(column)
        if column == AgendaColumn.POSITION:
            return format_number(row.position, language)
        if column == AgendaColumn.TITLE:
            return in_language(row.title_km, row.title_en)
        if column == AgendaColumn.PLANNED:
            return _("{minutes} min").format(minutes=format_number(row.planned_minutes, language))
        if column == AgendaColumn.STARTED:
            return _local_time(row.started_at)
        if column == AgendaColumn.ENDED:
            return _local_time(row.ended_at)
        elapsed = elapsed_seconds(row, self._clock())
        if elapsed is None:
            return ""
        # In minutes, like the planned time beside it: "15:00" next to the clock times of the
        # Started and Ended columns read as a time of day. The page's clock shows the seconds.
        return _("{minutes} min").format(minutes=format_number(elapsed // 60, language))

    def extra(self, row: AgendaRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == AgendaColumn.TITLE:
            return f"{row.title_km}\n{row.title_en}".strip()
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == AgendaColumn.ELAPSED
            and is_over_time(row, self._clock())
        ):
            return WARNING_COLOUR
        if role == Qt.ItemDataRole.FontRole and row.running:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column != AgendaColumn.TITLE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def running_row(self) -> int:
        """The row of the item whose clock is running, or -1."""
        for number, row in enumerate(self._rows):
            if row.running:
                return number
        return -1

    def tick(self) -> None:
        """A second passed: the running item's time used changed."""
        number = self.running_row()
        if number >= 0:
            cell = self.index(number, AgendaColumn.ELAPSED)
            self.dataChanged.emit(cell, cell)
