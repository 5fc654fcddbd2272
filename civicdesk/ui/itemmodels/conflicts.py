"""Conflicts left by package imports: the list of them, and one conflict's differing fields with
both versions side by side."""

from __future__ import annotations

import enum
import uuid
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from civicdesk.exchange.presentation import ConflictDetails, FieldDifference
from civicdesk.i18n import _
from civicdesk.ui.itemmodels.row_table import WARNING_COLOUR, RowTableModel, wrappable

#: Rows of the comparison are fields, not records: their ids are made from the field's name.
_FIELD_NAMESPACE = uuid.UUID("a9f4a3f2-3c0e-4f8e-9d61-2b7c5e0d8a14")


class ConflictColumn(enum.IntEnum):
    KIND = 0
    RECORD = 1
    FIELDS = 2


class ConflictListModel(RowTableModel):
    """One row per open conflict: what kind of record, which one, and what differs."""

    def column_count(self) -> int:
        return len(ConflictColumn)

    def header(self, column: int) -> str:
        return {
            ConflictColumn.KIND: _("Kind of record"),
            ConflictColumn.RECORD: _("Record"),
            ConflictColumn.FIELDS: _("What differs"),
        }[ConflictColumn(column)]

    def display(self, row: ConflictDetails, column: int) -> str:
        column = ConflictColumn(column)
        if column == ConflictColumn.KIND:
            return row.kind
        if column == ConflictColumn.RECORD:
            return row.record
        if row.mine_deleted or row.theirs_deleted:
            return _("deleted on one side")
        return ", ".join(field.label for field in row.fields)

    def extra(self, row: ConflictDetails, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.display(row, column)
        return None


class DifferenceColumn(enum.IntEnum):
    FIELD = 0
    MINE = 1
    THEIRS = 2


class DifferenceModel(RowTableModel):
    """The fields that differ in one conflict: their names, the version in use ("mine") and the
    version set aside ("theirs"). Khmer text wraps between words; a deletion reads "deleted"."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._mine_deleted = False
        self._theirs_deleted = False

    def set_conflict(self, conflict: ConflictDetails | None) -> None:
        self._mine_deleted = conflict is not None and conflict.mine_deleted
        self._theirs_deleted = conflict is not None and conflict.theirs_deleted
        self.set_rows(list(conflict.fields) if conflict is not None else [])

    def column_count(self) -> int:
        return len(DifferenceColumn)

    def header(self, column: int) -> str:
        return {
            DifferenceColumn.FIELD: _("Field"),
            DifferenceColumn.MINE: _("Mine: the version in use"),
            DifferenceColumn.THEIRS: _("Theirs: the version set aside"),
        }[DifferenceColumn(column)]

    def display(self, row: FieldDifference, column: int) -> str:
        column = DifferenceColumn(column)
        if column == DifferenceColumn.FIELD:
            return row.label
        return wrappable(row.mine if column == DifferenceColumn.MINE else row.theirs)

    def row_id(self, row: FieldDifference) -> uuid.UUID:
        return uuid.uuid5(_FIELD_NAMESPACE, row.name)

    def _deleted(self, column: int) -> bool:
        return (column == DifferenceColumn.MINE and self._mine_deleted) or (
            column == DifferenceColumn.THEIRS and self._theirs_deleted
        )

    def extra(self, row: FieldDifference, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and self._deleted(column):
            return WARNING_COLOUR
        if role == Qt.ItemDataRole.FontRole and column == DifferenceColumn.FIELD:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None
