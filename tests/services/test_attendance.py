"""Attendance: signing in, invitations and absences, anonymous headcounts, statistics."""

from __future__ import annotations

import uuid

import pytest

from civicdesk.models import Attendance, Headcount
from civicdesk.models.enums import (
    AttendanceRole,
    AttendanceStatus,
    OrganisationKind,
    Sex,
    Side,
)
from civicdesk.services import (
    LockedError,
    NotFoundError,
    StateError,
    ValidationError,
    attendance,
    people,
)

from .helpers import count_rows


def _row(database, meeting, person):
    with database.reading() as session:
        rows = attendance.attendance_list(session, meeting)
    return next(r for r in rows if r.person_id == person)


def test_sign_in_takes_side_from_organisation(database, seed) -> None:
    with database.transaction("clerk") as session:
        attendance.sign_in(session, seed.meeting, seed.official, role=AttendanceRole.CHAIR)
        attendance.sign_in(session, seed.meeting, seed.activist)
    official = _row(database, seed.meeting, seed.official)
    activist = _row(database, seed.meeting, seed.activist)
    assert (official.side, official.role, official.may_vote, official.status) == (
        Side.SNA,
        AttendanceRole.CHAIR,
        True,
        AttendanceStatus.PRESENT,
    )
    assert (official.name_latin, official.organisation_name_en, official.sex) == (
        "Sok Chanthy",
        "Bavel District Administration",
        Sex.FEMALE,
    )
    assert (activist.side, activist.may_vote, activist.phone) == (
        Side.CIVIL_SOCIETY,
        True,
        "012 000 101",
    )
    with database.reading() as session:
        stored = session.get(Attendance, official.id)
        assert stored.checked_in_at is not None


VOTING_RIGHTS = [
    # role, side given, may_vote given → side, may vote
    (AttendanceRole.FACILITATOR, None, None, Side.CIVIL_SOCIETY, False),
    (AttendanceRole.CLERK, None, None, Side.CIVIL_SOCIETY, False),
    (AttendanceRole.RESOURCE_PERSON, None, None, Side.CIVIL_SOCIETY, False),
    (AttendanceRole.OBSERVER, None, None, Side.CIVIL_SOCIETY, False),
    (AttendanceRole.CHAIR, None, None, Side.CIVIL_SOCIETY, True),
    (AttendanceRole.PARTICIPANT, None, None, Side.CIVIL_SOCIETY, True),
    (AttendanceRole.PARTICIPANT, Side.OBSERVER, None, Side.OBSERVER, False),
    (AttendanceRole.PARTICIPANT, Side.SNA, None, Side.SNA, True),
    (AttendanceRole.FACILITATOR, None, True, Side.CIVIL_SOCIETY, True),
    (AttendanceRole.PARTICIPANT, None, False, Side.CIVIL_SOCIETY, False),
]


def test_sign_in_roles_and_voting_right(database, seed) -> None:
    with database.transaction("clerk") as session:
        signed_in = []
        for n, (role, side, may_vote, expected_side, expected_vote) in enumerate(VOTING_RIGHTS):
            person = people.create_person(
                session, name_latin=f"CSO member {n}", sex=Sex.MALE, organisation_id=seed.cso
            )
            attendance.sign_in(
                session, seed.meeting, person, role=role, side=side, may_vote=may_vote
            )
            signed_in.append((person, role, expected_side, expected_vote))
    with database.reading() as session:
        rows = {r.person_id: r for r in attendance.attendance_list(session, seed.meeting)}
    for person, role, expected_side, expected_vote in signed_in:
        row = rows[person]
        assert (row.role, row.side, row.may_vote) == (role, expected_side, expected_vote), role


def test_person_without_organisation_sits_with_civil_society(database, seed) -> None:
    with database.transaction("clerk") as session:
        citizen = people.create_person(session, name_km="ប្រជាពលរដ្ឋ", sex=Sex.MALE)
        attendance.sign_in(session, seed.meeting, citizen)
    assert _row(database, seed.meeting, citizen).side is Side.CIVIL_SOCIETY


def test_signing_in_twice_is_refused(database, open_meeting, refuse) -> None:
    error = refuse(
        StateError,
        lambda s: attendance.sign_in(s, open_meeting.meeting, open_meeting.activist),
        match="already signed in",
        field="person_id",
    )
    assert "ស្រី ពៅ" in str(error)
    assert count_rows(database, Attendance) == 4


def test_invited_then_signed_in_is_one_row(database, seed, refuse) -> None:
    with database.transaction("clerk") as session:
        invited = attendance.invite(session, seed.meeting, seed.official, role=AttendanceRole.CHAIR)
    assert _row(database, seed.meeting, seed.official).status is AttendanceStatus.INVITED
    refuse(
        StateError,
        lambda s: attendance.invite(s, seed.meeting, seed.official),
        match="already on this meeting's list",
    )
    with database.transaction("clerk") as session:
        signed_in = attendance.sign_in(
            session, seed.meeting, seed.official, role=AttendanceRole.CHAIR
        )
    assert signed_in == invited
    row = _row(database, seed.meeting, seed.official)
    assert (row.status, row.role, row.may_vote) == (
        AttendanceStatus.PRESENT,
        AttendanceRole.CHAIR,
        True,
    )
    assert count_rows(database, Attendance) == 1


def test_absent_with_reason_then_arrives(database, seed) -> None:
    with database.transaction("clerk") as session:
        attendance.invite(session, seed.meeting, seed.official_2)
        attendance.mark_absent(session, seed.meeting, seed.official_2, "  mission to Phnom Penh ")
        attendance.mark_absent(session, seed.meeting, seed.activist, "")
    row = _row(database, seed.meeting, seed.official_2)
    assert (row.status, row.absence_reason) == (AttendanceStatus.ABSENT, "mission to Phnom Penh")
    assert _row(database, seed.meeting, seed.activist).status is AttendanceStatus.ABSENT
    with database.transaction("clerk") as session:
        attendance.sign_in(session, seed.meeting, seed.official_2)
    row = _row(database, seed.meeting, seed.official_2)
    assert (row.status, row.absence_reason) == (AttendanceStatus.PRESENT, "")
    assert count_rows(database, Attendance) == 2


def test_update_and_remove_attendance(database, open_meeting) -> None:
    seed = open_meeting
    row = _row(database, seed.meeting, seed.official_2)
    with database.transaction("clerk") as session:
        attendance.update_attendance(
            session, row.id, role=AttendanceRole.OBSERVER, side=Side.OBSERVER, may_vote=False
        )
    updated = _row(database, seed.meeting, seed.official_2)
    assert (updated.role, updated.side, updated.may_vote) == (
        AttendanceRole.OBSERVER,
        Side.OBSERVER,
        False,
    )
    with database.transaction("clerk") as session:
        attendance.remove_attendance(session, row.id)
    with database.reading() as session:
        assert {r.person_id for r in attendance.attendance_list(session, seed.meeting)} == {
            seed.official,
            seed.activist,
            seed.activist_2,
        }


def test_unknown_person_or_meeting(database, open_meeting, refuse) -> None:
    refuse(
        NotFoundError,
        lambda s: attendance.sign_in(s, open_meeting.meeting, uuid.uuid4()),
        match="person",
    )
    refuse(
        NotFoundError,
        lambda s: attendance.sign_in(s, uuid.uuid4(), open_meeting.official),
        match="meeting",
    )


def test_headcounts(database, open_meeting) -> None:
    seed = open_meeting
    with database.transaction("clerk") as session:
        villagers = attendance.record_headcount(
            session, seed.meeting, group_km="ប្រជាពលរដ្ឋ", women=7, men=3
        )
        chiefs = attendance.record_headcount(
            session,
            seed.meeting,
            group_en="Village chiefs",
            women=0,
            men=2,
            side=Side.SNA,
            organisation_id=seed.district_administration,
        )
        attendance.update_headcount(session, villagers, women=8, men=3)
    with database.reading() as session:
        rows = attendance.headcounts(session, seed.meeting)
    assert [(r.id, r.group_km, r.group_en, r.side, r.women, r.men) for r in rows] == [
        (villagers, "ប្រជាពលរដ្ឋ", "", Side.CIVIL_SOCIETY, 8, 3),
        (chiefs, "", "Village chiefs", Side.SNA, 0, 2),
    ]
    with database.transaction("clerk") as session:
        attendance.remove_headcount(session, chiefs)
    assert count_rows(database, Headcount) == 1


HEADCOUNT_REFUSALS = [
    ("nobody", {"group_en": "Youth", "women": 0, "men": 0}, "women"),
    ("negative", {"group_en": "Youth", "women": -1, "men": 3}, "women"),
    ("bool", {"group_en": "Youth", "women": 2, "men": True}, "men"),
    ("fraction", {"group_en": "Youth", "women": 2.5, "men": 1}, "women"),
    ("no-group", {"group_en": " ", "women": 2, "men": 1}, "group"),
]


def test_headcount_refusals(database, open_meeting, refuse) -> None:
    for name, kwargs, field in HEADCOUNT_REFUSALS:
        refuse(
            ValidationError,
            lambda s, k=kwargs: attendance.record_headcount(s, open_meeting.meeting, **k),
            field=field,
            case=name,
        )
    assert count_rows(database, Headcount) == 0


def test_headcount_update_to_nobody_is_refused(database, open_meeting, refuse) -> None:
    with database.transaction("clerk") as session:
        headcount = attendance.record_headcount(
            session, open_meeting.meeting, group_en="Youth", women=1, men=1
        )
    refuse(
        ValidationError,
        lambda s: attendance.update_headcount(s, headcount, women=0, men=0),
        field="women",
    )


def test_statistics(database, open_meeting) -> None:
    """Named people present and headcounts are counted; invited and absent people are not."""
    seed = open_meeting
    with database.transaction("clerk") as session:
        cbo = people.create_organisation(session, name_en="Farmers CBO", kind=OrganisationKind.CBO)
        farmer = people.create_person(
            session, name_latin="Farmer", sex=Sex.FEMALE, organisation_id=cbo
        )
        loner = people.create_person(session, name_latin="Loner", sex=Sex.MALE)
        invited = people.create_person(session, name_latin="Invited", sex=Sex.FEMALE)
        absent = people.create_person(session, name_latin="Absent", sex=Sex.MALE)
        attendance.sign_in(session, seed.meeting, farmer)
        attendance.sign_in(session, seed.meeting, loner, side=Side.OBSERVER)
        attendance.invite(session, seed.meeting, invited)
        attendance.mark_absent(session, seed.meeting, absent, "harvest")
        attendance.record_headcount(
            session, seed.meeting, group_en="Villagers", women=5, men=2, organisation_id=cbo
        )
        attendance.record_headcount(
            session, seed.meeting, group_en="Commune chiefs", women=1, men=3, side=Side.SNA
        )
        stats = attendance.attendance_statistics(session, seed.meeting)
    # Named present: 2 SNA (1 woman), 2 CSO (1 woman), farmer (woman, CBO), loner (man, observer).
    assert (stats.total, stats.women, stats.men) == (6 + 11, 3 + 6, 3 + 5)
    assert (stats.named, stats.anonymous, stats.absent) == (6, 11, 1)
    by_side = {side: (c.women, c.men) for side, c in stats.by_side.items()}
    assert by_side == {
        Side.SNA: (1 + 1, 1 + 3),
        Side.CIVIL_SOCIETY: (1 + 1 + 5, 1 + 2),
        Side.OBSERVER: (0, 1),
    }
    by_kind = {kind: (c.women, c.men) for kind, c in stats.by_organisation_kind.items()}
    assert by_kind == {
        OrganisationKind.DISTRICT_ADMINISTRATION: (1, 1),
        OrganisationKind.CSO: (1, 1),
        OrganisationKind.CBO: (1 + 5, 2),
        None: (1, 1 + 3),
    }
    assert stats.all.total == stats.total


def test_statistics_of_unknown_meeting(database, seed) -> None:
    with database.reading() as session, pytest.raises(NotFoundError):
        attendance.attendance_statistics(session, uuid.uuid4())


def test_attendance_of_signed_meeting_is_locked(database, signed, refuse) -> None:
    seed = signed.seed
    with database.transaction("test") as session:
        newcomer = people.create_person(session, name_latin="Late Comer", sex=Sex.MALE)
    changes = [
        lambda s: attendance.sign_in(s, signed.meeting, newcomer),
        lambda s: attendance.sign_in(s, signed.meeting, seed.activist_2),
        lambda s: attendance.invite(s, signed.meeting, newcomer),
        lambda s: attendance.mark_absent(s, signed.meeting, seed.official, "left early"),
        lambda s: attendance.remove_attendance(s, signed.attendance),
        lambda s: attendance.update_attendance(
            s, signed.attendance, role=AttendanceRole.CHAIR, side=Side.SNA, may_vote=True
        ),
        lambda s: attendance.record_headcount(
            s, signed.meeting, group_en="Latecomers", women=1, men=1
        ),
        lambda s: attendance.update_headcount(s, signed.headcount, women=9, men=9),
        lambda s: attendance.remove_headcount(s, signed.headcount),
    ]
    for change in changes:
        refuse(LockedError, change, match="signed")
