"""The fixture ladder: a private data folder → a migrated database → seed records.

GUI fixtures (one widget, the full window) build on these in tests/ui/conftest.py.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from civicdesk.i18n import set_language
from civicdesk.models.enums import MeetingKind, OrganisationKind, Sex
from civicdesk.services import attendance, meetings, open_database, people
from civicdesk.storage.database import Database
from tests.server_databases import ServerDatabases, is_sqlite_only, server_url


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sqlite_only: about the SQLite file; skipped on a server")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if server_url():
        skip = pytest.mark.skip(reason="about the SQLite file (CIVICDESK_TEST_DATABASE_URL set)")
        for item in items:
            if is_sqlite_only(item):
                item.add_marker(skip)


@pytest.fixture(scope="session")
def server_databases() -> Iterator[ServerDatabases | None]:
    """The PostgreSQL server named by CIVICDESK_TEST_DATABASE_URL, or None (SQLite files)."""
    url = server_url()
    if url is None:
        yield None
        return
    server = ServerDatabases(url)
    yield server
    server.close()


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user data folder and no database settings from outside."""
    path = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("CIVICDESK_DATA_DIR", str(path))
    for name in ("CIVICDESK_DB", "CIVICDESK_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    set_language("en")
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "civicdesk.sqlite"


@pytest.fixture
def database(db_path: Path, server_databases: ServerDatabases | None) -> Iterator[Database]:
    """A migrated, audited, guarded SQLite database in a temporary file (a fresh database on
    the server instead, when CIVICDESK_TEST_DATABASE_URL names one)."""
    if server_databases is not None:
        with server_databases.fresh() as on_server:
            yield on_server
        return
    db = open_database(f"sqlite:///{db_path}")
    yield db
    db.dispose()


@pytest.fixture(scope="session")
def demo_database_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Battambang demo, built once per test run (it takes several seconds)."""
    from civicdesk.demo.builder import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = open_database(f"sqlite:///{path}")
    try:
        build_demo(db)
    finally:
        db.dispose()
    return path


@pytest.fixture
def demo_database(demo_database_file: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demo database, free to change."""
    from civicdesk.storage.backup import backup_sqlite

    path = backup_sqlite(demo_database_file, tmp_path / "demo-copy.sqlite")
    db = open_database(f"sqlite:///{path}")
    yield db
    db.dispose()


@dataclass(frozen=True)
class Seed:
    """A planned joint consultation in Bavel with one person of each side in the directory."""

    district_administration: uuid.UUID
    cso: uuid.UUID
    official: uuid.UUID
    official_2: uuid.UUID
    activist: uuid.UUID
    activist_2: uuid.UUID
    meeting: uuid.UUID


@pytest.fixture
def seed(database: Database) -> Seed:
    with database.transaction("test") as session:
        administration = people.create_organisation(
            session,
            name_km="រដ្ឋបាលស្រុកបវេល",
            name_en="Bavel District Administration",
            kind=OrganisationKind.DISTRICT_ADMINISTRATION,
            district_code="0204",
        )
        cso = people.create_organisation(
            session,
            name_km="អង្គការអភិវឌ្ឍន៍ស្ត្រី",
            name_en="Aphivat Strey",
            abbreviation="AS",
            kind=OrganisationKind.CSO,
        )
        official = people.create_person(
            session,
            name_km="សុខ ចាន់ធី",
            name_latin="Sok Chanthy",
            sex=Sex.FEMALE,
            position="Deputy Governor",
            organisation_id=administration,
        )
        official_2 = people.create_person(
            session,
            name_km="ជា វុទ្ធី",
            name_latin="Chea Vuthy",
            sex=Sex.MALE,
            position="Councillor",
            organisation_id=administration,
        )
        activist = people.create_person(
            session,
            name_km="ស្រី ពៅ",
            name_latin="Srey Pov",
            sex=Sex.FEMALE,
            organisation_id=cso,
            phone="012 000 101",
        )
        activist_2 = people.create_person(
            session, name_km="ហេង សុភា", name_latin="Heng Sophea", sex=Sex.MALE, organisation_id=cso
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
    return Seed(administration, cso, official, official_2, activist, activist_2, meeting)


@pytest.fixture
def open_meeting(database: Database, seed: Seed) -> Seed:
    """The seed meeting, opened, with all four people signed in."""
    with database.transaction("test") as session:
        meetings.open_meeting(session, seed.meeting)
        for person in (seed.official, seed.official_2, seed.activist, seed.activist_2):
            attendance.sign_in(session, seed.meeting, person)
    return seed
