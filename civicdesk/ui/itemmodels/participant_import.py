"""The preview of a participant list import: the rows that will be imported (and what each will
do), and the rows that will not, with their row number and reason."""

from __future__ import annotations

import enum
import uuid

from civicdesk.i18n import _
from civicdesk.i18n.labels import label
from civicdesk.services.participant_import import PlannedRow, RowError
from civicdesk.ui.itemmodels.records import SortableTableModel, number


def _row_number_id(row_number: int) -> uuid.UUID:
    """A file's rows are no records yet: their row number stands for an id."""
    return uuid.UUID(int=row_number)


class PlannedColumn(enum.IntEnum):
    ROW = 0
    NAME_KM = 1
    NAME_LATIN = 2
    SEX = 3
    ORGANISATION = 4
    SIDE = 5
    PHONE = 6
    OUTCOME = 7


class PlannedRowsModel(SortableTableModel):
    numeric_columns = frozenset({PlannedColumn.ROW})

    def headers(self) -> list[str]:
        return [
            _("Row"),
            _("Name in Khmer"),
            _("Name in Latin letters"),
            _("Sex"),
            _("Organisation"),
            _("Side"),
            _("Phone"),
            _("What happens"),
        ]

    def row_id(self, row: PlannedRow) -> uuid.UUID:
        return _row_number_id(row.row.row)

    def display(self, row: PlannedRow, column: int) -> str:
        given = row.row
        if column == PlannedColumn.ROW:
            return number(given.row)
        if column == PlannedColumn.NAME_KM:
            return given.name_km
        if column == PlannedColumn.NAME_LATIN:
            return given.name_latin
        if column == PlannedColumn.SEX:
            return label(given.sex)
        if column == PlannedColumn.ORGANISATION:
            return given.organisation
        if column == PlannedColumn.SIDE:
            return label(row.side)
        if column == PlannedColumn.PHONE:
            return given.phone
        return self._outcome(row)

    @staticmethod
    def _outcome(row: PlannedRow) -> str:
        if row.already_listed:
            return _("Already on the list: skipped")
        parts = [_("Known person") if row.person_id else _("New person")]
        if row.new_organisation:
            parts.append(_("new organisation"))
        return ", ".join(parts)

    def sort_value(self, row: PlannedRow, column: int) -> object:
        return row.row.row if column == PlannedColumn.ROW else self.display(row, column)

    def importable(self) -> int:
        return sum(not row.already_listed for row in self._rows)


class ErrorColumn(enum.IntEnum):
    ROW = 0
    REASON = 1


class RowErrorsModel(SortableTableModel):
    numeric_columns = frozenset({ErrorColumn.ROW})

    def headers(self) -> list[str]:
        return [_("Row"), _("Why it cannot be imported")]

    def row_id(self, row: RowError) -> uuid.UUID:
        return _row_number_id(row.row)

    def display(self, row: RowError, column: int) -> str:
        return number(row.row) if column == ErrorColumn.ROW else row.reason

    def sort_value(self, row: RowError, column: int) -> object:
        return row.row if column == ErrorColumn.ROW else row.reason

    def tool_tip(self, row: RowError, column: int) -> str | None:
        return row.reason
