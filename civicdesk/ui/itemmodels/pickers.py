"""List models behind combo boxes that pick a record: a recommendation, an organisation.

Each starts with a "none" row (its id is None) unless told not to.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from civicdesk.i18n import _, current_language
from civicdesk.i18n.labels import label
from civicdesk.models.enums import Side
from civicdesk.services.attendance import AttendanceRow
from civicdesk.services.people import OrganisationInfo
from civicdesk.services.recommendations import RecommendationRow

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SIDE_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex
#: How much of a recommendation's text a combo box shows after its code.
PREVIEW_LENGTH = 90


def _preview(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= PREVIEW_LENGTH else text[: PREVIEW_LENGTH - 1] + "…"


class _PickerModel(QAbstractListModel):
    def __init__(self, parent: Any = None, *, with_none: bool = True) -> None:
        super().__init__(parent)
        self._with_none = with_none

    def _offset(self) -> int:
        return 1 if self._with_none else 0

    def _count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count() + self._offset()

    def row_of(self, record_id: uuid.UUID | None) -> int:
        for row in range(self.rowCount()):
            if self.id_at(row) == record_id:
                return row
        return 0 if self._with_none else -1

    def id_at(self, row: int) -> uuid.UUID | None:
        raise NotImplementedError

    def refresh(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))


class RecommendationChoiceModel(_PickerModel):
    """Recommendations by code and text (UI language), for choosing the one an action serves."""

    def __init__(self, parent: Any = None, *, with_none: bool = True) -> None:
        super().__init__(parent, with_none=with_none)
        self._rows: list[RecommendationRow] = []

    def set_recommendations(self, rows: list[RecommendationRow]) -> None:
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _count(self) -> int:
        return len(self._rows)

    def id_at(self, row: int) -> uuid.UUID | None:
        index = row - self._offset()
        return self._rows[index].id if 0 <= index < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row = index.row() - self._offset()
        if row < 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return _("(no recommendation)")
            return None
        recommendation = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            text = _preview(recommendation.text(current_language()))
            return f"{recommendation.code}  {text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(t for t in (recommendation.text_km, recommendation.text_en) if t)
        if role == ID_ROLE:
            return str(recommendation.id)
        return None


class OrganisationChoiceModel(_PickerModel):
    """Organisations by name (UI language) and abbreviation, optionally of one side only."""

    def __init__(self, parent: Any = None, *, with_none: bool = True) -> None:
        super().__init__(parent, with_none=with_none)
        self._all: list[OrganisationInfo] = []
        self._rows: list[OrganisationInfo] = []
        self._side: Side | None = None

    def set_organisations(self, rows: list[OrganisationInfo], *, force: bool = False) -> None:
        """The organisations to choose from; `force` re-sorts them (after a language switch)."""
        if rows == self._all and not force:
            return
        self._all = list(rows)
        self._filter()

    def set_side(self, side: Side | None) -> None:
        """Show only the organisations that sit on `side` (None: all of them)."""
        if side != self._side:
            self._side = side
            self._filter()

    def _filter(self) -> None:
        self.beginResetModel()
        rows = [o for o in self._all if self._side is None or o.side is self._side]
        self._rows = sorted(rows, key=lambda o: self._name(o).casefold())
        self.endResetModel()

    def organisation(self, row: int) -> OrganisationInfo | None:
        index = row - self._offset()
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def _count(self) -> int:
        return len(self._rows)

    def id_at(self, row: int) -> uuid.UUID | None:
        organisation = self.organisation(row)
        return organisation.id if organisation else None

    @staticmethod
    def _name(organisation: OrganisationInfo) -> str:
        first, second = (
            (organisation.name_km, organisation.name_en)
            if current_language() == "km"
            else (organisation.name_en, organisation.name_km)
        )
        name = first or second
        return f"{name} ({organisation.abbreviation})" if organisation.abbreviation else name

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        organisation = self.organisation(index.row())
        if organisation is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return _("(no organisation)")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._name(organisation)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(
                [
                    *(n for n in (organisation.name_km, organisation.name_en) if n),
                    label(organisation.kind),
                ]
            )
        if role == ID_ROLE:
            return str(organisation.id)
        if role == SIDE_ROLE:
            return organisation.side.value
        return None


class AttendeeChoiceModel(_PickerModel):
    """People present at the meeting, by name and organisation (to fill in a form from)."""

    def __init__(self, parent: Any = None, *, with_none: bool = True) -> None:
        super().__init__(parent, with_none=with_none)
        self._rows: list[AttendanceRow] = []

    def set_attendees(self, rows: list[AttendanceRow]) -> None:
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def attendee(self, row: int) -> AttendanceRow | None:
        index = row - self._offset()
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def _count(self) -> int:
        return len(self._rows)

    def id_at(self, row: int) -> uuid.UUID | None:
        attendee = self.attendee(row)
        return attendee.person_id if attendee else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        attendee = self.attendee(index.row())
        if attendee is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return _("(someone not on the attendance list)")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            language = current_language()
            name = (
                attendee.name_km or attendee.name_latin
                if language == "km"
                else attendee.name_latin or attendee.name_km
            )
            organisation = (
                attendee.organisation_name_km or attendee.organisation_name_en
                if language == "km"
                else attendee.organisation_name_en or attendee.organisation_name_km
            )
            return f"{name} – {organisation}" if organisation else name
        if role == ID_ROLE:
            return str(attendee.person_id)
        if role == SIDE_ROLE:
            return attendee.side.value
        return None
