"""The secretariat's reports on the Battambang demo: the case study's 367 respondents (209
women), recommendations by theme and district, and action-plan progress on a given day."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from civicdesk.models import Meeting
from civicdesk.models.enums import ActionStatus, MeetingKind, RecommendationStatus, Theme
from civicdesk.services import consolidation, reports
from civicdesk.storage.database import Database

AFTER_THE_PROGRAMME = dt.date(2022, 6, 30)


@pytest.fixture
def report(demo_database: Database) -> reports.SecretariatReport:
    with demo_database.reading() as session:
        return reports.build_report(session, AFTER_THE_PROGRAMME)


def test_focus_groups_heard_367_respondents_209_of_them_women(
    report: reports.SecretariatReport,
) -> None:
    focus_groups = report.participation.total(MeetingKind.FOCUS_GROUP)
    assert (focus_groups.total, focus_groups.women, focus_groups.men) == (367, 209, 158)
    assert focus_groups.women_share == pytest.approx(209 / 367)
    # The two CSO staff who ran each of the 15 groups are not respondents.
    assert (focus_groups.meetings, focus_groups.organisers) == (15, 30)


def test_participation_by_district_and_by_kind_add_up(report: reports.SecretariatReport) -> None:
    participation = report.participation
    by_place = participation.by_place(MeetingKind.FOCUS_GROUP)
    assert [row.place.district_code for row in by_place] == [
        "0201",
        "0202",
        "0203",
        "0204",
        "0206",
        "0207",
        "0212",
    ]
    assert sum(row.turnout.total for row in by_place) == 367
    assert sum(row.turnout.women for row in by_place) == 209
    bavel = next(row for row in by_place if row.place.district_code == "0204")
    assert (bavel.place.name("en"), bavel.place.name("km")) == ("Bavel", "បវេល")
    assert bavel.turnout.meetings == 3
    kinds = [row.kind for row in participation.by_kind()]
    assert kinds == [
        MeetingKind.FOCUS_GROUP,
        MeetingKind.JOINT_CONSULTATION,
        MeetingKind.TECHNICAL_MEETING,
        MeetingKind.ENDORSEMENT,
        MeetingKind.PROVINCIAL_WORKSHOP,
    ]
    everyone = participation.total()
    assert everyone.total == sum(row.turnout.total for row in participation.by_kind())
    assert everyone.meetings == 37
    # The provincial workshop is reported under the province, after the districts.
    last = participation.by_place()[-1]
    assert last.place.district_code is None and last.place.name("en") == "Battambang province"
    assert [row.kind for row in participation.by_kind("0204")][:2] == [
        MeetingKind.FOCUS_GROUP,
        MeetingKind.JOINT_CONSULTATION,
    ]


def test_participation_counts_only_meetings_held_by_the_date(demo_database: Database) -> None:
    with demo_database.reading() as session:
        first_fgd = session.scalars(
            select(Meeting.meeting_date)
            .where(Meeting.kind == MeetingKind.FOCUS_GROUP)
            .order_by(Meeting.meeting_date)
        ).first()
        assert first_fgd is not None
        before = reports.participation(session, first_fgd - dt.timedelta(days=1))
        first_day = reports.participation(session, first_fgd)
    assert before.rows == () and before.total().women_share is None
    assert 0 < first_day.total().total < 367


def test_recommendations_by_theme_and_district(report: reports.SecretariatReport) -> None:
    counts = report.recommendations
    assert counts.count() == 34
    assert counts.count(statuses=[RecommendationStatus.ADOPTED]) == 30
    assert counts.count(statuses=[RecommendationStatus.REJECTED]) == 4
    assert counts.count(district_code="0204") == 6
    assert counts.count(district_code="0204", theme=Theme.ACCOUNTABILITY) == 2
    assert counts.count(theme=Theme.CAPACITY) == 2
    assert sum(counts.count(theme=theme) for theme in counts.themes()) == 34
    assert len(counts.places()) == 7
    assert counts.consolidated == {}


def test_consolidated_recommendations_are_counted_apart(demo_database: Database) -> None:
    with demo_database.transaction("secretariat") as session:
        workshop = session.scalars(
            select(Meeting.id).where(Meeting.kind == MeetingKind.PROVINCIAL_WORKSHOP)
        ).one()
        ids = [r.id for r in consolidation.overview(session) if r.code in ("0201-R01", "0207-R01")]
        consolidation.consolidate(
            session, ids, "", "Forums", Theme.PARTICIPATION, meeting_id=workshop
        )
    with demo_database.reading() as session:
        counts = reports.recommendation_counts(session)
    assert counts.count() == 34
    assert counts.consolidated == {Theme.PARTICIPATION: 1}


def test_action_progress_and_overdue_actions_on_a_date(report: reports.SecretariatReport) -> None:
    actions = report.actions
    assert actions.total == 27
    assert sum(row.overdue for row in actions.rows) == len(actions.overdue) == 1
    (late,) = actions.overdue
    assert late.place.district_code == "0201"
    assert (late.due_date, late.days_overdue) == (dt.date(2022, 5, 31), 30)
    assert late.status is ActionStatus.DELAYED
    assert late.description_en.startswith("Draft a referral form")
    assert all(0 <= row.mean_progress <= 100 for row in actions.rows)
    assert actions.status_total(ActionStatus.DONE) == sum(
        row.by_status.get(ActionStatus.DONE, 0) for row in actions.rows
    )


def test_action_status_is_read_as_it_was_on_the_date(demo_database: Database) -> None:
    with demo_database.reading() as session:
        early = reports.action_progress(session, dt.date(2022, 2, 1))
        late = reports.action_progress(session, dt.date(2023, 1, 31))
    assert early.status_total(ActionStatus.DONE) == 0
    assert early.overdue == ()
    assert late.status_total(ActionStatus.DONE) >= 13
    # By the end of January 2023 every action not done is past its due date.
    assert len(late.overdue) == late.total - late.status_total(
        ActionStatus.DONE
    ) - late.status_total(ActionStatus.CANCELLED)
    assert [item.days_overdue for item in late.overdue] == sorted(
        (item.days_overdue for item in late.overdue), reverse=True
    )
