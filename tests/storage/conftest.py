"""Storage fixtures, on top of the ladder in tests/conftest.py (data folder → database → seed).

The helpers are fixtures returning functions, so that the test modules need no imports from
each other.
"""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from civicdesk.services import people, recommendations, votes
from civicdesk.services.integrity import AuditCheck, verify_audit
from civicdesk.storage import audit
from civicdesk.storage.database import Database, sqlite_url

SIDECARS = ("-wal", "-shm", "-journal")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: takes tens of seconds; still part of the default test run"
    )


def logical_dump(path: Path) -> list[str]:
    """Every table's schema and rows, as SQL (the WAL included: read through SQLite)."""
    connection = sqlite3.connect(str(path))
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecars(path: Path) -> list[Path]:
    return [Path(f"{path}{suffix}") for suffix in SIDECARS if Path(f"{path}{suffix}").exists()]


def verify_file(path: Path) -> tuple[audit.AuditReport, AuditCheck]:
    """What `civicdesk audit verify` finds in the file: the storage report and the service's."""
    database = Database(sqlite_url(path))
    try:
        with database.reading() as session:
            report = audit.verify(session.connection())
            check = verify_audit(session)
        return report, check
    finally:
        database.dispose()


@pytest.fixture(name="logical_dump")
def logical_dump_fixture() -> Callable[[Path], list[str]]:
    return logical_dump


@pytest.fixture(name="file_digest")
def file_digest_fixture() -> Callable[[Path], str]:
    return file_digest


@pytest.fixture(name="sidecars")
def sidecars_fixture() -> Callable[[Path], list[Path]]:
    return sidecars


@pytest.fixture(name="verify_file")
def verify_file_fixture() -> Callable[[Path], tuple[audit.AuditReport, AuditCheck]]:
    return verify_file


@dataclass(frozen=True)
class Scenario:
    """The seed meeting held: a recommendation drafted, amended and voted on, and, last of all,
    a phone number corrected. The database is closed (disposed) and its WAL folded in."""

    path: Path
    official: uuid.UUID
    activist: uuid.UUID
    meeting: uuid.UUID
    recommendation: uuid.UUID
    revision_1: uuid.UUID
    revision_2: uuid.UUID
    vote: uuid.UUID
    events: int


@pytest.fixture
def scenario(database: Database, open_meeting: Any, db_path: Path) -> Scenario:
    seed = open_meeting
    meeting = seed.meeting
    with database.transaction("clerk") as session:
        recommendation = recommendations.draft_recommendation(
            session, meeting, text_en="Publish the commune budget at the market", author="Srey Pov"
        )
    with database.transaction("clerk") as session:
        revision_2 = recommendations.amend_recommendation(
            session,
            recommendation,
            meeting,
            text_en="Publish the commune budget at the market and online",
            reason="Agreed wording",
        )
        vote = votes.record_vote(
            session,
            meeting,
            recommendation,
            tally=votes.Tally(sna=votes.SideTally(yes=2), civil_society=votes.SideTally(yes=2)),
        ).id
    with database.transaction("clerk") as session:
        person = people.get_person(session, seed.activist)
        people.update_person(
            session,
            seed.activist,
            name_km=person.name_km,
            name_latin=person.name_latin,
            sex=person.sex,
            position=person.position,
            organisation_id=person.organisation_id,
            phone="012 000 999",
        )
    with database.reading() as session:
        revision_1 = recommendations.revisions(session, recommendation)[0].id
        events, _hash = audit.head(session)
    database.dispose()
    # Close the way the app does: the last connection folds the WAL into the file.
    assert sidecars(db_path) == []
    return Scenario(
        path=db_path,
        official=seed.official,
        activist=seed.activist,
        meeting=meeting,
        recommendation=recommendation,
        revision_1=revision_1,
        revision_2=revision_2,
        vote=vote,
        events=events,
    )
