"""Organisations and people: the directory the clerk signs people in from."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from civicdesk.i18n import _
from civicdesk.i18n.text import search_key
from civicdesk.models import Organisation, Person
from civicdesk.models.enums import OrganisationKind, Sex, Side
from civicdesk.services import places
from civicdesk.services.base import get, service, text
from civicdesk.services.errors import ValidationError

PHONE_PATTERN = re.compile(r"^\+?[0-9០-៩][0-9០-៩ ()-]{5,19}$")


@dataclass(frozen=True)
class PersonInfo:
    id: uuid.UUID
    name_km: str
    name_latin: str
    sex: Sex
    position: str
    position_en: str
    organisation_id: uuid.UUID | None
    organisation_name_km: str
    organisation_name_en: str
    side: Side | None
    phone: str

    def display_name(self, language: str) -> str:
        first, second = (
            (self.name_km, self.name_latin) if language == "km" else (self.name_latin, self.name_km)
        )
        return first or second


def _person_info(person: Person) -> PersonInfo:
    organisation = person.organisation
    return PersonInfo(
        id=person.id,
        name_km=person.name_km,
        name_latin=person.name_latin,
        sex=person.sex,
        position=person.position,
        position_en=person.position_en,
        organisation_id=person.organisation_id,
        organisation_name_km=organisation.name_km if organisation else "",
        organisation_name_en=organisation.name_en if organisation else "",
        side=organisation.side if organisation else None,
        phone=person.phone,
    )


@service("organisation.create")
def create_organisation(
    session: Session,
    *,
    name_km: str = "",
    name_en: str = "",
    kind: OrganisationKind,
    abbreviation: str = "",
    district_code: str | None = None,
    side: Side | None = None,
) -> uuid.UUID:
    """Add an organisation. Its side follows from its kind unless given."""
    name_km = text(name_km, "name_km", _("Khmer name"), max_length=300)
    name_en = text(name_en, "name_en", _("English name"), max_length=300)
    if not name_km and not name_en:
        raise ValidationError(_("Give the organisation a name."), field="name_km")
    kind = OrganisationKind(kind)
    if district_code:
        district_code = places.resolve(district_code[:2], district_code).district_code
    organisation = Organisation(
        name_km=name_km,
        name_en=name_en,
        abbreviation=text(abbreviation, "abbreviation", _("Abbreviation"), max_length=30),
        kind=kind,
        side=Side(side) if side else kind.side,
        district_code=district_code,
    )
    session.add(organisation)
    return organisation.id


def _validated_person_fields(
    name_km: str, name_latin: str, position: str, phone: str
) -> tuple[str, str, str, str]:
    """The cleaned name, position and phone, or a ValidationError naming the field."""
    name_km = text(name_km, "name_km", _("Name in Khmer"), max_length=200)
    name_latin = text(name_latin, "name_latin", _("Name in Latin letters"), max_length=200)
    if not name_km and not name_latin:
        raise ValidationError(
            _("Write the person's name in Khmer script, in Latin letters, or both."),
            field="name_km",
        )
    position = text(position, "position", _("Position"), max_length=200)
    phone = text(phone, "phone", _("Phone"), max_length=30)
    if phone and not PHONE_PATTERN.match(phone):
        raise ValidationError(
            _("{phone} does not look like a phone number.").format(phone=phone), field="phone"
        )
    return name_km, name_latin, position, phone


@service("person.create")
def create_person(
    session: Session,
    *,
    name_km: str = "",
    name_latin: str = "",
    sex: Sex,
    position: str = "",
    position_en: str = "",
    organisation_id: uuid.UUID | None = None,
    phone: str = "",
) -> uuid.UUID:
    name_km, name_latin, position, phone = _validated_person_fields(
        name_km, name_latin, position, phone
    )
    if organisation_id is not None:
        get(session, Organisation, organisation_id, _("organisation"))
    person = Person(
        name_km=name_km,
        name_latin=name_latin,
        sex=Sex(sex),
        position=position,
        position_en=text(position_en, "position_en", _("Position in English"), max_length=200),
        organisation_id=organisation_id,
        phone=phone,
    )
    session.add(person)
    return person.id


@service("person.update")
def update_person(
    session: Session,
    person_id: uuid.UUID,
    *,
    name_km: str,
    name_latin: str,
    sex: Sex,
    position: str = "",
    position_en: str = "",
    organisation_id: uuid.UUID | None = None,
    phone: str = "",
) -> None:
    person = get(session, Person, person_id, _("person"))
    name_km, name_latin, position, phone = _validated_person_fields(
        name_km, name_latin, position, phone
    )
    if organisation_id is not None:
        get(session, Organisation, organisation_id, _("organisation"))
    person.name_km = name_km
    person.name_latin = name_latin
    person.sex = Sex(sex)
    person.position = position
    person.position_en = text(position_en, "position_en", _("Position in English"), max_length=200)
    person.organisation_id = organisation_id
    person.phone = phone


def get_person(session: Session, person_id: uuid.UUID) -> PersonInfo:
    return _person_info(get(session, Person, person_id, _("person")))


def search_people(session: Session, query: str = "", limit: int = 50) -> list[PersonInfo]:
    """People whose name, organisation or phone matches, in Khmer or Latin letters."""
    people = session.scalars(
        select(Person).options(joinedload(Person.organisation)).order_by(Person.name_latin)
    ).all()
    key = search_key(query)
    found = []
    for person in people:
        organisation = person.organisation
        haystack = " ".join(
            [
                person.name_km,
                person.name_latin,
                person.phone,
                organisation.name_km if organisation else "",
                organisation.name_en if organisation else "",
                organisation.abbreviation if organisation else "",
            ]
        )
        if not key or key in search_key(haystack):
            found.append(_person_info(person))
            if len(found) >= limit:
                break
    return found


@dataclass(frozen=True)
class OrganisationInfo:
    id: uuid.UUID
    name_km: str
    name_en: str
    abbreviation: str
    kind: OrganisationKind
    side: Side
    district_code: str | None


def list_organisations(session: Session) -> list[OrganisationInfo]:
    return [
        OrganisationInfo(
            o.id, o.name_km, o.name_en, o.abbreviation, o.kind, o.side, o.district_code
        )
        for o in session.scalars(select(Organisation).order_by(Organisation.name_en))
    ]
