"""Service fixtures, one rung above the ladder in tests/conftest.py.

- `refuse`: see helpers.Refuser (a refusal writes nothing at all).
- `adopted`: the open seed meeting with one recommendation jointly adopted.
- `endorsed`: its joint list, endorsed by both sides (the meeting stays open).
- `signed`: the seed meeting with one record of every kind, then closed and signed.
- `follow_up`: a second Bavel meeting, open, with the four seed people signed in.
"""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from civicdesk.models.enums import MeetingKind, Side, VoteOutcome
from civicdesk.services import (
    actions,
    agenda,
    attendance,
    findings,
    joint_lists,
    meetings,
    open_database,
    recommendations,
    votes,
)
from civicdesk.storage.database import Database, sqlite_url
from tests.server_databases import ServerDatabases

from .helpers import PNG, Refuser, tally

if TYPE_CHECKING:
    from conftest import Seed


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database file at the newest schema, made once for the whole run."""
    path = tmp_path_factory.mktemp("template") / "migrated.sqlite"
    open_database(sqlite_url(path)).dispose()
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture
def database(
    db_path: Path, migrated_template: Path, server_databases: ServerDatabases | None
) -> Iterator[Database]:
    """As in tests/conftest.py (opened by `open_database`: audited and guarded), but from a copy
    of a file already migrated to the newest schema, which keeps the service tests fast. On a
    server (CIVICDESK_TEST_DATABASE_URL), a fresh database there, as in tests/conftest.py."""
    if server_databases is not None:
        with server_databases.fresh() as on_server:
            yield on_server
        return
    shutil.copyfile(migrated_template, db_path)
    db = open_database(sqlite_url(db_path), migrate=False)
    yield db
    db.dispose()


@pytest.fixture
def refuse(database: Database) -> Refuser:
    return Refuser(database)


@dataclass(frozen=True)
class Adopted:
    seed: Seed
    recommendation: uuid.UUID
    revision: uuid.UUID
    vote: uuid.UUID


def adopt(database: Database, seed: Seed, text_en: str, **draft: Any) -> Adopted:
    """Draft a recommendation in the open seed meeting and adopt it 2–0 on both sides."""
    with database.transaction("test") as session:
        recommendation = recommendations.draft_recommendation(
            session, seed.meeting, text_en=text_en, **draft
        )
        row = votes.record_vote(session, seed.meeting, recommendation, tally=tally((2,), (2,)))
    assert row.outcome is VoteOutcome.ADOPTED
    return Adopted(seed, recommendation, row.revision_id, row.id)


@pytest.fixture
def adopted(database: Database, open_meeting: Seed) -> Adopted:
    return adopt(
        database,
        open_meeting,
        "Publish the district budget on the notice board.",
        text_km="ផ្សព្វផ្សាយថវិកាស្រុកនៅលើក្ដារព័ត៌មាន",
    )


def endorse_both(database: Database, joint_list_id: uuid.UUID) -> None:
    with database.transaction("test") as session:
        joint_lists.endorse_joint_list(
            session,
            joint_list_id,
            signatory_name="Sok Chanthy",
            title="Deputy Governor",
            side=Side.SNA,
            signed_on=dt.date(2021, 11, 23),
            signature_png=PNG,
        )
        joint_lists.endorse_joint_list(
            session,
            joint_list_id,
            signatory_name="Srey Pov",
            title="Director",
            side=Side.CIVIL_SOCIETY,
            signed_on=dt.date(2021, 11, 23),
        )


@dataclass(frozen=True)
class Endorsed:
    adopted: Adopted
    joint_list: uuid.UUID


@pytest.fixture
def endorsed(database: Database, adopted: Adopted) -> Endorsed:
    with database.transaction("test") as session:
        joint_list = joint_lists.build_joint_list(session, adopted.seed.meeting)
    endorse_both(database, joint_list)
    return Endorsed(adopted, joint_list)


@dataclass(frozen=True)
class Signed:
    seed: Seed
    meeting: uuid.UUID
    attendance: uuid.UUID
    absence: uuid.UUID
    headcount: uuid.UUID
    agenda_item: uuid.UUID
    finding: uuid.UUID
    recommendation: uuid.UUID
    revision: uuid.UUID
    vote: uuid.UUID
    action: uuid.UUID
    joint_list: uuid.UUID


@pytest.fixture
def signed(database: Database, adopted: Adopted) -> Signed:
    seed = adopted.seed
    with database.transaction("test") as session:
        present = attendance.attendance_list(session, seed.meeting)
        official = next(row.id for row in present if row.person_id == seed.official)
        absence = attendance.mark_absent(session, seed.meeting, seed.activist_2, "ill")
        headcount = attendance.record_headcount(
            session, seed.meeting, group_en="Villagers", women=3, men=2
        )
        item = agenda.add_agenda_item(session, seed.meeting, title_en="Welcome", planned_minutes=10)
        finding = findings.record_finding(
            session, seed.meeting, text_en="Budgets are not posted.", raised_by_en="Villagers"
        )
        action = actions.plan_action(
            session,
            seed.meeting,
            actions.ActionPlan(
                description_en="Post the budget",
                recommendation_id=adopted.recommendation,
                start_date=dt.date(2022, 1, 1),
                due_date=dt.date(2022, 3, 31),
            ),
        )
        joint_list = joint_lists.build_joint_list(session, seed.meeting)
    with database.transaction("test") as session:
        meetings.close_meeting(session, seed.meeting)
        meetings.sign_meeting(session, seed.meeting)
    return Signed(
        seed=seed,
        meeting=seed.meeting,
        attendance=official,
        absence=absence,
        headcount=headcount,
        agenda_item=item,
        finding=finding,
        recommendation=adopted.recommendation,
        revision=adopted.revision,
        vote=adopted.vote,
        action=action,
        joint_list=joint_list,
    )


def follow_up_details(seed: Seed, **changes: Any) -> meetings.MeetingDetails:
    values: dict[str, Any] = {
        "kind": MeetingKind.FOLLOW_UP,
        "title_km": "",
        "title_en": "Follow-up, Bavel",
        "meeting_date": dt.date(2022, 6, 1),
        "province_code": "02",
        "district_code": "0204",
        "follows_from_id": seed.meeting,
    }
    values.update(changes)
    return meetings.MeetingDetails(**values)


@pytest.fixture
def follow_up(database: Database, seed: Seed) -> uuid.UUID:
    with database.transaction("test") as session:
        meeting = meetings.plan_meeting(session, follow_up_details(seed))
        meetings.open_meeting(session, meeting)
        for person in (seed.official, seed.official_2, seed.activist, seed.activist_2):
            attendance.sign_in(session, meeting, person)
    return meeting
