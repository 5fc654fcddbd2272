"""Meetings: planning with gazetteer places, and the status order planned → open → closed →
signed, with signing locking the meeting."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest

from civicdesk.models import Meeting
from civicdesk.models.enums import MeetingKind, MeetingStatus, VoteRule
from civicdesk.services import (
    LockedError,
    NotFoundError,
    StateError,
    ValidationError,
    attendance,
    meetings,
)

from .conftest import follow_up_details
from .helpers import count_rows


def _details(**changes):
    values = {
        "kind": MeetingKind.FOCUS_GROUP,
        "title_km": "កិច្ចពិភាក្សាជាក្រុម",
        "title_en": "Focus group, Ta Pung",
        "meeting_date": dt.date(2021, 10, 5),
        "province_code": "02",
        "district_code": "0201",
        "commune_code": "020107",
    }
    values.update(changes)
    return meetings.MeetingDetails(**values)


def _status(database, meeting_id):
    with database.reading() as session:
        return session.get(Meeting, meeting_id).status


def test_plan_names_the_place_and_stores_details(database, seed) -> None:
    details = _details(
        start_time=dt.time(8, 0),
        end_time=dt.time(11, 30),
        venue_en="Pagoda hall",
        facilitator_id=seed.activist,
        clerk_id=seed.official_2,
        follows_from_id=seed.meeting,
        vote_rule=VoteRule.TWO_THIRDS,
    )
    with database.transaction("test") as session:
        meeting_id = meetings.plan_meeting(session, details)
    with database.reading() as session:
        meeting = session.get(Meeting, meeting_id)
        assert meeting.status is MeetingStatus.PLANNED
        assert (meeting.province_code, meeting.district_code, meeting.commune_code) == (
            "02",
            "0201",
            "020107",
        )
        assert meeting.place_name_en.endswith("Battambang")
        assert meeting.place_name_en.count(",") == 2
        assert meeting.place_name_km.endswith("បាត់ដំបង")
        assert meetings.meeting_details(session, meeting_id) == details
        summary = meetings.get_meeting_summary(session, meeting_id)
    assert summary.title("en") == "Focus group, Ta Pung"
    assert summary.title("km") == "កិច្ចពិភាក្សាជាក្រុម"
    assert summary.attendance.total == 0


def test_seed_place_is_bavel(database, seed) -> None:
    with database.reading() as session:
        meeting = session.get(Meeting, seed.meeting)
        assert (meeting.place_name_en, meeting.place_name_km) == (
            "Bavel, Battambang",
            "បវេល, បាត់ដំបង",
        )


PLAN_REFUSALS = [
    (
        "unknown-province",
        {"province_code": "99", "district_code": None, "commune_code": None},
        "province_code",
    ),
    (
        "no-province",
        {"province_code": "", "district_code": None, "commune_code": None},
        "province_code",
    ),
    ("unknown-district", {"district_code": "0299", "commune_code": None}, "district_code"),
    ("district-not-in-province", {"district_code": "0102", "commune_code": None}, "district_code"),
    ("unknown-commune", {"commune_code": "020199"}, "commune_code"),
    ("commune-not-in-district", {"commune_code": "020401"}, "commune_code"),
    ("no-title", {"title_km": " ", "title_en": ""}, "title"),
    ("bidi-title", {"title_en": "Evil \u202etitle"}, "title_en"),
    ("ends-before-start", {"start_time": dt.time(10), "end_time": dt.time(9)}, "end_time"),
    ("ends-when-starts", {"start_time": dt.time(10), "end_time": dt.time(10)}, "end_time"),
]


def test_plan_refusals(database, seed, refuse) -> None:
    for name, changes, field in PLAN_REFUSALS:
        refuse(
            ValidationError,
            lambda s, c=changes: meetings.plan_meeting(s, _details(**c)),
            field=field,
            case=name,
        )
    assert count_rows(database, Meeting) == 1


def test_plan_with_unknown_people_or_meeting_is_refused(database, seed, refuse) -> None:
    for changes in (
        {"facilitator_id": uuid.uuid4()},
        {"clerk_id": uuid.uuid4()},
        {"follows_from_id": uuid.uuid4()},
    ):
        refuse(NotFoundError, lambda s, c=changes: meetings.plan_meeting(s, _details(**c)))


def test_update_meeting(database, seed, refuse) -> None:
    with database.transaction("test") as session:
        details = meetings.meeting_details(session, seed.meeting)
        changed = dataclasses.replace(details, title_en="Renamed", commune_code="020401")
        meetings.update_meeting(session, seed.meeting, changed)
    with database.reading() as session:
        meeting = session.get(Meeting, seed.meeting)
        assert meeting.title_en == "Renamed"
        assert meeting.commune_code == "020401"
        assert meeting.place_name_en.endswith("Bavel, Battambang")
        assert meeting.place_name_en != "Bavel, Battambang"
    refuse(
        ValidationError,
        lambda s: meetings.update_meeting(
            s, seed.meeting, dataclasses.replace(changed, follows_from_id=seed.meeting)
        ),
        field="follows_from_id",
    )


def test_status_moves_in_order(database, seed) -> None:
    steps = [
        (meetings.open_meeting, MeetingStatus.OPEN, "opened_at"),
        (meetings.close_meeting, MeetingStatus.CLOSED, "closed_at"),
        (meetings.reopen_meeting, MeetingStatus.OPEN, None),
        (meetings.close_meeting, MeetingStatus.CLOSED, "closed_at"),
        (meetings.sign_meeting, MeetingStatus.SIGNED, "signed_at"),
    ]
    for step, status, stamp in steps:
        with database.transaction("test") as session:
            step(session, seed.meeting)
        with database.reading() as session:
            meeting = session.get(Meeting, seed.meeting)
            assert meeting.status is status
            if stamp:
                assert getattr(meeting, stamp) is not None
    with database.reading() as session:
        meeting = session.get(Meeting, seed.meeting)
        assert meeting.is_locked
        assert meeting.opened_at <= meeting.closed_at <= meeting.signed_at


@pytest.mark.parametrize(
    ("reach", "step", "match"),
    [
        ("closed", meetings.open_meeting, "(?i)closed cannot become open"),
        ("open", meetings.open_meeting, "(?i)open cannot become open"),
        ("open", meetings.sign_meeting, "(?i)open cannot become signed"),
        ("planned", meetings.sign_meeting, "(?i)planned cannot become signed"),
        ("planned", meetings.close_meeting, "(?i)planned cannot become closed"),
        ("closed", meetings.close_meeting, "(?i)closed cannot become closed"),
        ("planned", meetings.reopen_meeting, "Only a closed meeting"),
        ("open", meetings.reopen_meeting, "Only a closed meeting"),
    ],
    ids=[
        "open-a-closed",
        "open-an-open",
        "sign-an-open",
        "sign-a-planned",
        "close-a-planned",
        "close-a-closed",
        "reopen-a-planned",
        "reopen-an-open",
    ],
)
def test_status_out_of_order_is_refused(database, seed, refuse, reach, step, match) -> None:
    path = {"planned": [], "open": [meetings.open_meeting]}
    path["closed"] = [*path["open"], meetings.close_meeting]
    for move in path[reach]:
        with database.transaction("test") as session:
            move(session, seed.meeting)
    refuse(StateError, lambda s: step(s, seed.meeting), match=match)
    assert _status(database, seed.meeting).value == reach


def test_signed_meeting_cannot_move(database, signed, refuse) -> None:
    steps = [
        meetings.open_meeting,
        meetings.close_meeting,
        meetings.reopen_meeting,
        meetings.sign_meeting,
    ]
    for step in steps:
        refuse(LockedError, lambda s, f=step: f(s, signed.meeting), match="signed on", case=step)
    assert _status(database, signed.meeting) is MeetingStatus.SIGNED


def test_signed_meeting_cannot_be_updated(database, signed, refuse) -> None:
    with database.reading() as session:
        details = meetings.meeting_details(session, signed.meeting)
    refuse(
        LockedError,
        lambda s: meetings.update_meeting(
            s, signed.meeting, dataclasses.replace(details, title_en="Rewritten")
        ),
        match="locked",
    )


def test_unknown_meeting(database, seed, refuse) -> None:
    refuse(NotFoundError, lambda s: meetings.open_meeting(s, uuid.uuid4()), match="meeting")
    refuse(NotFoundError, lambda s: meetings.open_meeting(s, "garbage"), match="garbage")


def test_list_meetings_filters_and_counts_attendance(database, open_meeting, follow_up) -> None:
    seed = open_meeting
    with database.transaction("test") as session:
        other = meetings.plan_meeting(session, _details())
        attendance.record_headcount(session, follow_up, group_en="Youth", women=4, men=1)
    with database.reading() as session:
        everything = meetings.list_meetings(session)
        bavel = meetings.list_meetings(session, district_code="0204")
        focus = meetings.list_meetings(session, kind=MeetingKind.FOCUS_GROUP)
        opened = meetings.list_meetings(session, status=MeetingStatus.OPEN)
        in_2022 = meetings.list_meetings(session, date_from=dt.date(2022, 1, 1))
        in_2021 = meetings.list_meetings(session, date_to=dt.date(2021, 12, 31))
    # In date order: the focus group (Oct 2021), the consultation (Nov 2021), the follow-up.
    assert [m.id for m in everything] == [other, seed.meeting, follow_up]
    assert [m.id for m in bavel] == [seed.meeting, follow_up]
    assert [m.id for m in focus] == [other]
    assert [m.id for m in opened] == [seed.meeting, follow_up]
    assert [m.id for m in in_2022] == [follow_up]
    assert [m.id for m in in_2021] == [other, seed.meeting]
    counts = {m.id: (m.attendance.total, m.attendance.women) for m in everything}
    assert counts == {other: (0, 0), seed.meeting: (4, 2), follow_up: (9, 6)}


def test_follow_up_details_helper_plans(database, seed) -> None:
    with database.transaction("test") as session:
        meeting = meetings.plan_meeting(session, follow_up_details(seed))
        assert meetings.meeting_details(session, meeting).follows_from_id == seed.meeting
