"""Priority rounds: participants, one participant's marks (editable), and the ranked results."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_number
from civicdesk.services.priorities import CandidateRow, RankedCandidate
from civicdesk.ui.itemmodels.row_table import Index, RowTableModel, in_language


@dataclass(frozen=True)
class ParticipantRow:
    id: uuid.UUID
    name: str
    organisation: str
    placed: int


class ParticipantTableModel(RowTableModel):
    def column_count(self) -> int:
        return 3

    def header(self, column: int) -> str:
        return (_("Participant"), _("Organisation"), _("Marks placed"))[column]

    def display(self, row: Any, column: int) -> str:
        if column == 0:
            return str(row.name)
        if column == 1:
            return str(row.organisation)
        return format_number(int(row.placed), current_language())


@dataclass
class MarkRow:
    id: uuid.UUID
    code: str
    text_km: str
    text_en: str
    value: int


class MarksTableModel(RowTableModel):
    """One participant's dots (or ranks) per candidate; the value column is editable."""

    VALUE_COLUMN = 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.maximum = 5

    def column_count(self) -> int:
        return 3

    def header(self, column: int) -> str:
        return (_("Code"), _("Recommendation"), _("Dots or rank"))[column]

    def display(self, row: Any, column: int) -> str:
        if column == 0:
            return str(row.code)
        if column == 1:
            return in_language(row.text_km, row.text_en)
        return format_number(int(row.value), current_language()) if row.value else ""

    def extra(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.EditRole and column == self.VALUE_COLUMN:
            return int(row.value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.VALUE_COLUMN:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return f"{row.text_km}\n{row.text_en}".strip()
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == self.VALUE_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.VALUE_COLUMN:
            return False
        try:
            number = int(value)
        except (TypeError, ValueError):
            return False
        if not 0 <= number <= self.maximum:
            return False
        self.row_at(index.row()).value = number
        self.dataChanged.emit(index, index)
        return True

    def set_candidates(
        self, candidates: tuple[CandidateRow, ...], marks: dict[uuid.UUID, int]
    ) -> None:
        self.set_rows(
            [MarkRow(c.id, c.code, c.text_km, c.text_en, marks.get(c.id, 0)) for c in candidates]
        )

    def marks(self) -> dict[uuid.UUID, int]:
        return {row.id: row.value for row in self.rows() if row.value}

    def total(self) -> int:
        return sum(row.value for row in self.rows())


class ResultsTableModel(RowTableModel):
    def column_count(self) -> int:
        return 4

    def header(self, column: int) -> str:
        return (_("Rank"), _("Code"), _("Recommendation"), _("Score"))[column]

    def row_id(self, row: Any) -> uuid.UUID:
        return uuid.UUID(str(row.recommendation_id))

    def display(self, row: Any, column: int) -> str:
        result: RankedCandidate = row
        language = current_language()
        if column == 0:
            rank = format_number(result.rank, language)
            return f"={rank}" if result.tied else rank
        if column == 1:
            return result.code
        if column == 2:
            return in_language(result.text_km, result.text_en)
        return format_number(result.score, language)

    def extra(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and row.tied:
            return _("Tied with another recommendation")
        return None


__all__ = ["MarksTableModel", "ParticipantTableModel", "ResultsTableModel"]
