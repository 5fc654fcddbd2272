"""Helpers shared by the exchange tests (fixtures are in conftest.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from civicdesk.exchange import ImportSummary, export_package, import_package
from civicdesk.exchange.codec import exchanged_tables
from civicdesk.models import Base, ExchangeConflict
from civicdesk.models.enums import MeetingKind, OrganisationKind, Sex
from civicdesk.services import attendance, meetings, people
from civicdesk.services.integrity import verify_audit
from civicdesk.storage.database import Database

State = dict[str, list[tuple[str, ...]]]
#: This database's own bookkeeping, which may differ with the order of arrival: how often a row
#: was updated here, and when a conflict was noticed.
LOCAL_COLUMNS = {"row_version", "detected_at"}


def import_all(
    database: Database, paths: Iterable[Path], actor: str = "secretariat"
) -> list[ImportSummary]:
    summaries = []
    for path in paths:
        with database.transaction(actor) as session:
            summaries.append(import_package(session, path))
    return summaries


def canonical_state(database: Database) -> State:
    """The records (every exchanged table, tombstones and conflicts), without the columns that
    are this database's own bookkeeping, in a stable order."""
    tables = [*exchanged_tables(), ExchangeConflict.__table__]
    state: State = {}
    with database.reading() as session:
        connection = session.connection()
        for table in tables:
            columns = [c for c in table.columns if c.name not in LOCAL_COLUMNS]
            rows = connection.execute(select(*columns)).all()
            state[table.name] = sorted(tuple(repr(value) for value in row) for row in rows)
    return state


def full_state(database: Database) -> State:
    """Every row of every table, the audit log included."""
    state: State = {}
    with database.reading() as session:
        connection = session.connection()
        for table in Base.metadata.sorted_tables:
            rows = connection.execute(select(table)).all()
            state[table.name] = sorted(tuple(repr(value) for value in row) for row in rows)
    return state


def counts(database: Database) -> dict[str, int]:
    return {name: len(rows) for name, rows in canonical_state(database).items()}


def audit_ok(database: Database) -> bool:
    with database.reading() as session:
        check = verify_audit(session)
    assert check.ok, check.message
    return check.ok


def package_ids(path: Path) -> dict[str, set[str]]:
    """Table → the ids of the records the package holds."""
    ids: dict[str, set[str]] = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("records/"):
                entry = json.loads(archive.read(name))
                column = entry["columns"].index("id")
                ids[entry["table"]] = {row[column] for row in entry["rows"]}
    return ids


Entries = dict[str, bytes]


def rewrite_package(
    source: Path,
    target: Path,
    change: Callable[[dict[str, Any], Entries], None],
    *,
    rehash: bool = True,
) -> Path:
    """A copy of the package with `change(manifest, entries)` applied; with `rehash`, the
    manifest's hashes are made to match the changed entries (a careful forger's package)."""
    with zipfile.ZipFile(source) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        entries = {n: archive.read(n) for n in archive.namelist() if n != "manifest.json"}
    change(manifest, entries)
    if rehash:
        manifest["entries"] = {
            name: {"sha256": hashlib.sha256(data).hexdigest()} for name, data in entries.items()
        }
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        for name, data in entries.items():
            archive.writestr(name, data)
    return target


def edit_json(entries: Entries, name: str, change: Callable[[Any], None]) -> None:
    data = json.loads(entries[name])
    change(data)
    entries[name] = json.dumps(data, ensure_ascii=False).encode("utf-8")


# --------------------------------------------------------------------------- a small district


@dataclass(frozen=True)
class District:
    """A joint consultation in Bavel, open, with an official and an activist signed in."""

    cso: uuid.UUID
    official: uuid.UUID
    activist: uuid.UUID
    meeting: uuid.UUID
    activist_attendance: uuid.UUID


def plan_district(database: Database) -> District:
    with database.transaction("clerk") as session:
        administration = people.create_organisation(
            session,
            name_km="រដ្ឋបាលស្រុកបវេល",
            name_en="Bavel District Administration",
            kind=OrganisationKind.DISTRICT_ADMINISTRATION,
            district_code="0204",
        )
        cso = people.create_organisation(
            session, name_en="Aphivat Strey", abbreviation="AS", kind=OrganisationKind.CSO
        )
        official = people.create_person(
            session,
            name_km="សុខ ចាន់ធី",
            name_latin="Sok Chanthy",
            sex=Sex.FEMALE,
            organisation_id=administration,
        )
        activist = people.create_person(
            session, name_km="ស្រី ពៅ", name_latin="Srey Pov", sex=Sex.FEMALE, organisation_id=cso
        )
        meeting = meetings.plan_meeting(
            session,
            meetings.MeetingDetails(
                kind=MeetingKind.JOINT_CONSULTATION,
                title_km="កិច្ចប្រជុំពិគ្រោះយោបល់រួមគ្នា ស្រុកបវេល",
                title_en="Joint consultation, Bavel",
                meeting_date=dt.date(2021, 11, 23),
                province_code="02",
                district_code="0204",
            ),
        )
        meetings.open_meeting(session, meeting)
        attendance.sign_in(session, meeting, official)
        activist_attendance = attendance.sign_in(session, meeting, activist)
    return District(cso, official, activist, meeting, activist_attendance)


def set_phone(database: Database, person_id: uuid.UUID, phone: str) -> None:
    with database.transaction("clerk") as session:
        person = people.get_person(session, person_id)
        people.update_person(
            session,
            person_id,
            name_km=person.name_km,
            name_latin=person.name_latin,
            sex=person.sex,
            position=person.position,
            organisation_id=person.organisation_id,
            phone=phone,
        )


def phone_of(database: Database, person_id: uuid.UUID) -> str:
    with database.reading() as session:
        return people.get_person(session, person_id).phone


def export(database: Database, path: Path, scope: Any = "0204") -> Path:
    with database.reading() as session:
        export_package(session, scope, path)
    return path
