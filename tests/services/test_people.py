"""The directory: organisations (with their side) and people, and searching them."""

from __future__ import annotations

import uuid

from civicdesk.models import Organisation, Person
from civicdesk.models.enums import OrganisationKind, Sex, Side
from civicdesk.services import NotFoundError, ValidationError, people

from .helpers import count_rows

COENG_TA = "\u17d2\u178f"  # ្ត
COENG_DA = "\u17d2\u178a"  # ្ដ


SIDES = {
    OrganisationKind.DISTRICT_ADMINISTRATION: Side.SNA,
    OrganisationKind.DISTRICT_COUNCIL: Side.SNA,
    OrganisationKind.PROVINCIAL_ADMINISTRATION: Side.SNA,
    OrganisationKind.COMMUNE_COUNCIL: Side.SNA,
    OrganisationKind.MINISTRY: Side.SNA,
    OrganisationKind.CSO: Side.CIVIL_SOCIETY,
    OrganisationKind.CBO: Side.CIVIL_SOCIETY,
    OrganisationKind.CITIZEN_GROUP: Side.CIVIL_SOCIETY,
    OrganisationKind.DEVELOPMENT_PARTNER: Side.OBSERVER,
}


def test_organisation_side_follows_kind(database) -> None:
    assert set(SIDES) == set(OrganisationKind)
    with database.transaction("test") as session:
        made = {
            people.create_organisation(session, name_en=kind.value, kind=kind): kind
            for kind in OrganisationKind
        }
    with database.reading() as session:
        stored = {o: session.get(Organisation, o).side for o in made}
    assert stored == {o: SIDES[kind] for o, kind in made.items()}


def test_organisation_details(database, seed) -> None:
    with database.transaction("test") as session:
        override = people.create_organisation(
            session,
            name_km="គណៈកម្មាធិការ",
            kind=OrganisationKind.CITIZEN_GROUP,
            side=Side.OBSERVER,
            abbreviation=" CG ",
            district_code="0204",
        )
        listed = people.list_organisations(session)
    assert [o.name_en for o in listed] == ["", "Aphivat Strey", "Bavel District Administration"]
    entry = next(o for o in listed if o.id == override)
    assert (entry.side, entry.abbreviation, entry.district_code, entry.kind) == (
        Side.OBSERVER,
        "CG",
        "0204",
        OrganisationKind.CITIZEN_GROUP,
    )


ORGANISATION_REFUSALS = [
    ("no-name", {"name_km": " ", "name_en": ""}, "name_km"),
    ("unknown-district", {"name_en": "Org", "district_code": "0299"}, "district_code"),
    ("unknown-province", {"name_en": "Org", "district_code": "9901"}, "province_code"),
    ("bidi", {"name_en": "Evil\u202eOrg"}, "name_en"),
]


def test_organisation_refusals(database, seed, refuse) -> None:
    for name, kwargs, field in ORGANISATION_REFUSALS:
        refuse(
            ValidationError,
            lambda s, k=kwargs: people.create_organisation(s, kind=OrganisationKind.CSO, **k),
            field=field,
            case=name,
        )
    assert count_rows(database, Organisation) == 2


def test_create_update_and_get_person(database, seed) -> None:
    with database.transaction("test") as session:
        person = people.create_person(
            session,
            name_km="  ចាន់\u200bធី ",
            name_latin="Chan  Thy",
            sex=Sex.FEMALE,
            position="Clerk",
            organisation_id=seed.cso,
            phone="+855 12 345 678",
        )
    with database.reading() as session:
        info = people.get_person(session, person)
    # Whitespace is tidied; the Khmer word separator U+200B is kept.
    assert (info.name_km, info.name_latin, info.phone) == (
        "ចាន់\u200bធី",
        "Chan Thy",
        "+855 12 345 678",
    )
    assert (info.organisation_name_en, info.side, info.sex) == (
        "Aphivat Strey",
        Side.CIVIL_SOCIETY,
        Sex.FEMALE,
    )
    assert info.display_name("km") == "ចាន់\u200bធី"
    assert info.display_name("en") == "Chan Thy"
    with database.transaction("test") as session:
        people.update_person(
            session,
            person,
            name_km="",
            name_latin="Chan Thy",
            sex=Sex.MALE,
            organisation_id=seed.district_administration,
            phone="០១២ ៣៤៥ ៦៧៨",
        )
    with database.reading() as session:
        info = people.get_person(session, person)
    assert (info.name_km, info.sex, info.side, info.phone) == (
        "",
        Sex.MALE,
        Side.SNA,
        "០១២ ៣៤៥ ៦៧៨",
    )
    assert info.display_name("km") == "Chan Thy"


PERSON_REFUSALS = [
    ("no-name", {"name_km": "", "name_latin": "  "}, "name_km"),
    ("rlo-khmer", {"name_km": "សុខ\u202eចាន់"}, "name_km"),
    ("isolate-latin", {"name_latin": "Sok \u2066Chan\u2069"}, "name_latin"),
    ("embedding", {"name_latin": "Sok \u202aChan"}, "name_latin"),
    ("bidi-position", {"name_latin": "Sok", "position": "\u202bChief"}, "position"),
    ("phone-words", {"name_latin": "Sok", "phone": "call me"}, "phone"),
    ("phone-short", {"name_latin": "Sok", "phone": "12"}, "phone"),
    ("too-long", {"name_latin": "x" * 201}, "name_latin"),
]


def test_person_refusals(database, seed, refuse) -> None:
    for name, kwargs, field in PERSON_REFUSALS:
        refuse(
            ValidationError,
            lambda s, k=kwargs: people.create_person(s, sex=Sex.MALE, **k),
            field=field,
            case=name,
        )
    assert count_rows(database, Person) == 4


def test_bidi_refused_on_update_too(database, seed, refuse) -> None:
    refuse(
        ValidationError,
        lambda s: people.update_person(
            s, seed.activist, name_km="ស្រី ពៅ", name_latin="Srey \u202ePov", sex=Sex.FEMALE
        ),
        field="name_latin",
        match="direction-control",
    )


def test_unknown_organisation_or_person(database, seed, refuse) -> None:
    refuse(
        NotFoundError,
        lambda s: people.create_person(
            s, name_latin="X", sex=Sex.MALE, organisation_id=uuid.uuid4()
        ),
        match="organisation",
    )
    refuse(
        NotFoundError,
        lambda s: people.update_person(s, uuid.uuid4(), name_km="", name_latin="X", sex=Sex.MALE),
        match="person",
    )


def test_search_treats_coeng_ta_and_da_alike(database, seed) -> None:
    spelled_ta = "ឧ" + COENG_TA + "ម សុខា"  # ឧត្តម typed with COENG TA
    spelled_da = "ឧ" + COENG_DA + "ម វណ្ណា"  # ... and with COENG DA, which looks the same
    with database.transaction("test") as session:
        with_ta = people.create_person(session, name_km=spelled_ta, sex=Sex.MALE)
        with_da = people.create_person(session, name_km=spelled_da, sex=Sex.FEMALE)
        people.create_person(session, name_km="ឧទ្ទម ចាន់", sex=Sex.FEMALE)
    with database.reading() as session:
        by_ta = {p.id for p in people.search_people(session, "ឧ" + COENG_TA + "ម")}
        by_da = {p.id for p in people.search_people(session, "ឧ" + COENG_DA + "ម")}
        # The organisation name អង្គការអភិវឌ្ឍន៍ស្ត្រី is found when ស្ត្រី is typed with ្ដ.
        by_org = {p.id for p in people.search_people(session, "ស" + COENG_DA + "្រី")}
    assert by_ta == by_da == {with_ta, with_da}
    assert by_org == {seed.activist, seed.activist_2}
    # Stored names are kept as typed.
    with database.reading() as session:
        assert people.get_person(session, with_da).name_km == spelled_da


def test_search_by_name_organisation_phone(database, seed) -> None:
    with database.reading() as session:

        def ids(query: str, **kwargs) -> set[uuid.UUID]:
            return {p.id for p in people.search_people(session, query, **kwargs)}

        assert ids("chanthy") == {seed.official}
        assert ids("  SOK  ") == {seed.official}
        assert ids("សុខ") == {seed.official}
        assert ids("AS") >= {seed.activist, seed.activist_2}
        assert ids("Bavel district") == {seed.official, seed.official_2}
        assert ids("012 000") == {seed.activist}
        assert ids("nobody like this") == set()
        assert len(ids("")) == 4
        assert len(ids("", limit=2)) == 2
        found = people.search_people(session, "Heng")
    assert [(p.name_latin, p.organisation_name_en, p.side) for p in found] == [
        ("Heng Sophea", "Aphivat Strey", Side.CIVIL_SOCIETY)
    ]
