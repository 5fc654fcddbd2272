"""The demo database: the whole Battambang programme, written through the services."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from civicdesk.demo import content
from civicdesk.demo.builder import DemoRefused, build_demo
from civicdesk.models import Endorsement, Headcount, Meeting, RecommendationRevision, Vote
from civicdesk.models.enums import (
    JointListStatus,
    MeetingKind,
    MeetingStatus,
    RecommendationStatus,
)
from civicdesk.services import (
    actions,
    attendance,
    joint_lists,
    meetings,
    priorities,
    recommendations,
)
from civicdesk.services.integrity import verify_audit
from civicdesk.storage.database import Database


def test_every_district_has_its_three_meetings(demo_database: Database) -> None:
    with demo_database.reading() as session:
        rows = meetings.list_meetings(session)
    kinds_by_district: dict[str | None, Counter[MeetingKind]] = {}
    for row in rows:
        kinds_by_district.setdefault(row.district_code, Counter())[row.kind] += 1
    assert set(content.DISTRICT_CODES) <= set(kinds_by_district)
    for code in content.DISTRICT_CODES:
        kinds = kinds_by_district[code]
        assert kinds[MeetingKind.FOCUS_GROUP] >= 1
        assert kinds[MeetingKind.JOINT_CONSULTATION] == 1
        assert kinds[MeetingKind.TECHNICAL_MEETING] == 1
    workshops = [r for r in rows if r.kind is MeetingKind.PROVINCIAL_WORKSHOP]
    assert len(workshops) == 1


def test_focus_groups_count_the_case_study_respondents(demo_database: Database) -> None:
    with demo_database.reading() as session:
        women, men = session.execute(
            select(func.sum(Headcount.female), func.sum(Headcount.male))
        ).one()
    assert (women + men, women) == (367, 209)


def test_recommendations_have_amendments_votes_and_lists(demo_database: Database) -> None:
    with demo_database.reading() as session:
        rows = recommendations.recommendations(session)
        amended = [r for r in rows if r.revision_count > 1]
        assert amended, "some recommendations are amended"
        first_revision = session.scalars(
            select(RecommendationRevision).where(
                RecommendationRevision.recommendation_id == amended[0].id,
                RecommendationRevision.number == 1,
            )
        ).one()
        assert (first_revision.text_km, first_revision.text_en) != (
            amended[0].text_km,
            amended[0].text_en,
        )
        assert session.scalar(select(func.count()).select_from(Vote)) >= len(rows)
        statuses = Counter(r.status for r in rows)
        assert statuses[RecommendationStatus.ADOPTED] > statuses[RecommendationStatus.REJECTED] > 0
        lists = joint_lists.joint_lists(session)
        assert len(lists) == len(content.DISTRICT_CODES)
        assert all(j.status is JointListStatus.ENDORSED for j in lists)
        assert all(not j.sides_missing for j in lists)
        signatures = session.scalars(select(Endorsement.signature_png)).all()
        assert all(png and png.startswith(b"\x89PNG") for png in signatures)


def test_actions_and_prioritisation(demo_database: Database) -> None:
    with demo_database.reading() as session:
        plan = actions.actions(session)
        assert plan and any(a.updates for a in plan)
        workshop = session.scalars(
            select(Meeting).where(Meeting.kind == MeetingKind.PROVINCIAL_WORKSHOP)
        ).one()
        (round_id,) = priorities.rounds(session, workshop.id)
        ranked = priorities.results(session, round_id)
        dots = sum(len(allocation.refs) for allocation in content.PROVINCIAL_WORKSHOP.dots)
        assert sum(c.score for c in ranked) == dots
        assert ranked[0].score >= ranked[-1].score
        stats = attendance.attendance_statistics(session, workshop.id)
        assert stats.total > 20


def test_district_meetings_are_signed_and_the_audit_chain_verifies(
    demo_database: Database,
) -> None:
    with demo_database.reading() as session:
        statuses = Counter(m.status for m in meetings.list_meetings(session))
        assert statuses[MeetingStatus.SIGNED] == len(content.PROGRAMMES) * 0 + sum(
            len(p.meetings) for p in content.PROGRAMMES
        )
        check = verify_audit(session)
    assert check.ok, check.message
    assert check.events > 1000


def test_demo_refuses_a_database_that_holds_meetings(demo_database: Database) -> None:
    with pytest.raises(DemoRefused, match="already holds"):
        build_demo(demo_database)


def test_command_line_demo_then_meetings_lists_the_seven_districts(
    tmp_path: Path, demo_database_file: Path
) -> None:
    database = tmp_path / "cli.sqlite"
    command = [sys.executable, "-m", "civicdesk"]
    # The demo itself is exercised above; here the CLI must refuse a full database and list it.
    database.write_bytes(demo_database_file.read_bytes())
    refused = subprocess.run(
        [*command, "demo", "--db", str(database)], capture_output=True, text=True, timeout=120
    )
    assert refused.returncode != 0
    assert "already holds" in refused.stderr
    listed = subprocess.run(
        [*command, "meetings", "--json", "--db", str(database)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    rows = json.loads(listed.stdout)
    assert {row["district_code"] for row in rows} >= set(content.DISTRICT_CODES)
    assert all(row["attendance_total"] >= row["attendance_women"] >= 0 for row in rows)
    verified = subprocess.run(
        [*command, "audit", "verify", "--db", str(database)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert verified.returncode == 0, verified.stderr
