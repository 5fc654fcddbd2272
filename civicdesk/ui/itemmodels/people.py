"""People and organisations: the sign-in search results, person pickers, organisation pickers."""

from __future__ import annotations

import enum
import uuid
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from civicdesk.i18n import _
from civicdesk.i18n.labels import label
from civicdesk.models.enums import AttendanceStatus, Side
from civicdesk.services.people import OrganisationInfo, PersonInfo
from civicdesk.ui.itemmodels.records import (
    ID_ROLE,
    Index,
    SortableTableModel,
    both_names,
    in_language,
)


def organisation_name(km: str, en: str, abbreviation: str = "") -> str:
    name = in_language(km, en)
    if abbreviation and abbreviation != name:
        return f"{name} ({abbreviation})" if name else abbreviation
    return name


class PersonColumn(enum.IntEnum):
    NAME = 0
    ORGANISATION = 1
    PHONE = 2
    STATUS = 3


class PersonSearchModel(SortableTableModel):
    """People found by the sign-in search, with where each stands in this meeting."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._statuses: dict[uuid.UUID, AttendanceStatus] = {}

    def set_people(
        self, people: list[PersonInfo], statuses: dict[uuid.UUID, AttendanceStatus]
    ) -> None:
        self._statuses = dict(statuses)
        self.set_rows(people)

    def person_at(self, row: int) -> PersonInfo:
        person: PersonInfo = self.row_at(row)
        return person

    def status_of(self, person_id: uuid.UUID) -> AttendanceStatus | None:
        return self._statuses.get(person_id)

    def headers(self) -> list[str]:
        return [_("Name"), _("Organisation"), _("Phone"), _("In this meeting")]

    def display(self, row: PersonInfo, column: int) -> str:
        if column == PersonColumn.NAME:
            return both_names(row.name_km, row.name_latin)
        if column == PersonColumn.ORGANISATION:
            return organisation_name(row.organisation_name_km, row.organisation_name_en)
        if column == PersonColumn.PHONE:
            return row.phone
        status = self._statuses.get(row.id)
        if status is AttendanceStatus.PRESENT:
            return "✓ " + label(status)
        return label(status) if status else ""

    def tool_tip(self, row: PersonInfo, column: int) -> str | None:
        lines = [row.name_km, row.name_latin, row.position, row.position_en]
        if row.side is not None:
            lines.append(label(row.side))
        return "\n".join(line for line in lines if line) or None


class PersonChoiceModel(QAbstractListModel):
    """People for a picker's type-ahead: "name · organisation" in the list, the name alone
    once chosen (EditRole)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._people: list[PersonInfo] = []

    def set_people(self, people: list[PersonInfo]) -> None:
        self.beginResetModel()
        self._people = list(people)
        self.endResetModel()

    def person_at(self, row: int) -> PersonInfo:
        return self._people[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._people)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            organisation = organisation_name(
                person.organisation_name_km, person.organisation_name_en
            )
            name = both_names(person.name_km, person.name_latin)
            return f"{name} · {organisation}" if organisation else name
        if role == Qt.ItemDataRole.EditRole:
            return in_language(person.name_km, person.name_latin)
        if role == ID_ROLE:
            return str(person.id)
        return None


class OrganisationChoiceModel(QAbstractListModel):
    """Organisations to pick from (UI language's name, with abbreviation), with a first row
    for "no organisation"."""

    SIDE_ROLE = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._organisations: list[OrganisationInfo] = []

    def set_organisations(self, organisations: list[OrganisationInfo]) -> None:
        self.beginResetModel()
        self._organisations = sorted(
            organisations,
            key=lambda o: organisation_name(o.name_km, o.name_en).casefold(),
        )
        self.endResetModel()

    def organisation_at(self, row: int) -> OrganisationInfo | None:
        return self._organisations[row - 1] if 1 <= row <= len(self._organisations) else None

    def row_of(self, organisation_id: uuid.UUID | None) -> int:
        for row, organisation in enumerate(self._organisations, start=1):
            if organisation.id == organisation_id:
                return row
        return 0

    def retranslate(self) -> None:
        if self._organisations:
            self.set_organisations(self._organisations)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._organisations) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        organisation = self.organisation_at(index.row())
        if organisation is None:
            return _("(no organisation)") if role == Qt.ItemDataRole.DisplayRole else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return organisation_name(
                organisation.name_km, organisation.name_en, organisation.abbreviation
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            names = [n for n in (organisation.name_km, organisation.name_en) if n]
            return "\n".join([*names, label(organisation.kind), label(organisation.side)])
        if role == ID_ROLE:
            return str(organisation.id)
        if role == self.SIDE_ROLE:
            return organisation.side.value
        return None

    def side_at(self, row: int) -> Side | None:
        organisation = self.organisation_at(row)
        return organisation.side if organisation else None
