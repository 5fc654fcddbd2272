"""Voting: the recommendations with their outcome in this meeting, one recommendation's vote
history, and named ballots."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_datetime, format_number, format_time
from civicdesk.i18n.labels import label
from civicdesk.models.enums import BallotChoice, VoteMethod, VoteOutcome
from civicdesk.services.attendance import AttendanceRow
from civicdesk.services.recommendations import RecommendationRow
from civicdesk.services.votes import SideTally, VoteRow
from civicdesk.ui.itemmodels.row_table import (
    MUTED_COLOUR,
    WARNING_COLOUR,
    Index,
    RowTableModel,
    in_language,
    wrappable,
)

ADOPTED_COLOUR_HEX = "#1b6e2a"


@dataclass(frozen=True)
class VotingRow:
    recommendation: RecommendationRow
    vote: VoteRow | None

    @property
    def id(self) -> uuid.UUID:
        return self.recommendation.id


class VotingColumn(enum.IntEnum):
    CODE = 0
    TEXT = 1
    OUTCOME = 2


class VotingListModel(RowTableModel):
    def column_count(self) -> int:
        return len(VotingColumn)

    def header(self, column: int) -> str:
        return {
            VotingColumn.CODE: _("Code"),
            VotingColumn.TEXT: _("Recommendation"),
            VotingColumn.OUTCOME: _("Outcome"),
        }[VotingColumn(column)]

    def display(self, row: VotingRow, column: int) -> str:
        column = VotingColumn(column)
        if column == VotingColumn.CODE:
            return row.recommendation.code
        if column == VotingColumn.TEXT:
            return wrappable(row.recommendation.text(current_language()))
        return label(row.vote.outcome) if row.vote else _("Not voted")

    def extra(self, row: VotingRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == VotingColumn.TEXT:
            return f"{row.recommendation.text_km}\n{row.recommendation.text_en}".strip()
        if role == Qt.ItemDataRole.ForegroundRole and column == VotingColumn.OUTCOME:
            if row.vote is None:
                return MUTED_COLOUR
            if row.vote.outcome is VoteOutcome.REJECTED:
                return WARNING_COLOUR
        return None

    def not_voted(self) -> int:
        return sum(1 for row in self._rows if row.vote is None)


def format_side(tally: SideTally) -> str:
    """In favour / against / abstain, as ``3 / 1 / 0``."""
    language = current_language()
    return " / ".join(format_number(n, language) for n in (tally.yes, tally.no, tally.abstain))


class HistoryColumn(enum.IntEnum):
    WHEN = 0
    METHOD = 1
    SNA = 2
    CIVIL_SOCIETY = 3
    OUTCOME = 4
    STATE = 5


class VoteHistoryModel(RowTableModel):
    """Every vote on one recommendation; superseded ones greyed and struck through."""

    def column_count(self) -> int:
        return len(HistoryColumn)

    def header(self, column: int) -> str:
        return {
            HistoryColumn.WHEN: _("Time"),
            HistoryColumn.METHOD: _("Method"),
            HistoryColumn.SNA: _("SNA"),
            HistoryColumn.CIVIL_SOCIETY: _("Civil society"),
            HistoryColumn.OUTCOME: _("Outcome"),
            HistoryColumn.STATE: _("Status"),
        }[HistoryColumn(column)]

    def display(self, row: VoteRow, column: int) -> str:
        column = HistoryColumn(column)
        if column == HistoryColumn.WHEN:
            return format_time(row.created_at, current_language())
        if column == HistoryColumn.METHOD:
            return label(row.method)
        if column in (HistoryColumn.SNA, HistoryColumn.CIVIL_SOCIETY):
            if row.method is VoteMethod.CONSENSUS:
                return "–"
            tally = row.tally.sna if column == HistoryColumn.SNA else row.tally.civil_society
            return format_side(tally)
        if column == HistoryColumn.OUTCOME:
            return label(row.outcome)
        return _("Superseded by a re-vote") if row.superseded else _("Current result")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and section in (HistoryColumn.SNA, HistoryColumn.CIVIL_SOCIETY)
        ):
            return _("In favour / against / abstain")
        return super().headerData(section, orientation, role)

    def extra(self, row: VoteRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == HistoryColumn.WHEN:
            return format_datetime(row.created_at, current_language(), weekday=False)
        if role == Qt.ItemDataRole.ForegroundRole and row.superseded:
            return MUTED_COLOUR
        if role == Qt.ItemDataRole.FontRole and row.superseded and column != HistoryColumn.STATE:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and row.objection:
            return _("Objection: {text}").format(text=row.objection)
        return None


class BallotColumn(enum.IntEnum):
    NAME = 0
    SIDE = 1
    YES = 2
    NO = 3
    ABSTAIN = 4


_CHOICE_OF_COLUMN = {
    BallotColumn.YES: BallotChoice.YES,
    BallotColumn.NO: BallotChoice.NO,
    BallotColumn.ABSTAIN: BallotChoice.ABSTAIN,
}


class BallotTableModel(RowTableModel):
    """The voters present, one row each; check one of in favour, against or abstain.

    A voter with nothing checked casts no ballot.
    """

    ballotsChanged = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._choices: dict[uuid.UUID, BallotChoice] = {}
        self._editable = True

    def row_id(self, row: AttendanceRow) -> uuid.UUID:
        return row.person_id

    def set_rows(self, rows: Any) -> None:
        super().set_rows(rows)
        self._choices = {}
        self.ballotsChanged.emit()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable

    def clear_choices(self) -> None:
        self._choices = {}
        self.refresh_cells(BallotColumn.YES, BallotColumn.ABSTAIN)
        self.ballotsChanged.emit()

    def ballots(self) -> list[tuple[uuid.UUID, BallotChoice]]:
        return [
            (row.person_id, self._choices[row.person_id])
            for row in self._rows
            if row.person_id in self._choices
        ]

    def column_count(self) -> int:
        return len(BallotColumn)

    def header(self, column: int) -> str:
        column = BallotColumn(column)
        if column == BallotColumn.NAME:
            return _("Voter")
        if column == BallotColumn.SIDE:
            return _("Side")
        return label(_CHOICE_OF_COLUMN[column])

    def display(self, row: AttendanceRow, column: int) -> str:
        column = BallotColumn(column)
        if column == BallotColumn.NAME:
            return in_language(row.name_km, row.name_latin)
        if column == BallotColumn.SIDE:
            return label(row.side)
        return ""

    def extra(self, row: AttendanceRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column in _CHOICE_OF_COLUMN:
            chosen = self._choices.get(row.person_id) is _CHOICE_OF_COLUMN[BallotColumn(column)]
            return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column == BallotColumn.NAME:
            return f"{row.name_km}\n{row.name_latin}".strip()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable and index.column() in _CHOICE_OF_COLUMN:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.CheckStateRole
            or index.column() not in _CHOICE_OF_COLUMN
            or not self._editable
            or not 0 <= index.row() < len(self._rows)
        ):
            return False
        person_id = self._rows[index.row()].person_id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._choices[person_id] = _CHOICE_OF_COLUMN[BallotColumn(index.column())]
        else:
            self._choices.pop(person_id, None)
        self.dataChanged.emit(
            self.index(index.row(), BallotColumn.YES),
            self.index(index.row(), BallotColumn.ABSTAIN),
            [Qt.ItemDataRole.CheckStateRole],
        )
        self.ballotsChanged.emit()
        return True

    def set_choice(self, row: int, choice: BallotChoice | None) -> None:
        """Choose for a voter (keyboard: the page maps keys to choices)."""
        if not 0 <= row < len(self._rows):
            return
        column = next((c for c, v in _CHOICE_OF_COLUMN.items() if v is choice), BallotColumn.YES)
        state = Qt.CheckState.Checked if choice is not None else Qt.CheckState.Unchecked
        self.setData(self.index(row, column), state, Qt.ItemDataRole.CheckStateRole)
