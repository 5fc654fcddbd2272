"""Duplicating a meeting: a planned copy with the same details and agenda, and nothing else."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest
from sqlalchemy import func, select

from civicdesk.models import AgendaItem, Attendance, Headcount, Meeting
from civicdesk.models.enums import MeetingStatus, Side, VoteRule
from civicdesk.services import NotFoundError, agenda, attendance, meetings
from civicdesk.services.integrity import verify_audit


def _add_agenda(database, meeting_id) -> None:
    with database.transaction("test") as session:
        first = agenda.add_agenda_item(
            session, meeting_id, title_km="ការស្វាគមន៍", title_en="Welcome", planned_minutes=15
        )
        agenda.add_agenda_item(session, meeting_id, title_en="Findings", planned_minutes=45)
        agenda.set_agenda_notes(session, first, notes_en="The governor opened the meeting.")


def test_copy_is_planned_with_the_same_details_and_a_marked_title(database, seed) -> None:
    with database.transaction("test") as session:
        details = dataclasses.replace(
            meetings.meeting_details(session, seed.meeting),
            start_time=dt.time(8, 0),
            end_time=dt.time(11, 30),
            venue_km="សាលាស្រុក",
            venue_en="District hall",
            facilitator_id=seed.activist,
            clerk_id=seed.official_2,
            vote_rule=VoteRule.TWO_THIRDS,
            commune_code="020401",
        )
        meetings.update_meeting(session, seed.meeting, details)
    with database.transaction("test") as session:
        copy_id = meetings.duplicate_meeting(session, seed.meeting)
    assert copy_id != seed.meeting
    with database.reading() as session:
        copy = meetings.meeting_details(session, copy_id)
        status = session.get(Meeting, copy_id).status
    assert status is MeetingStatus.PLANNED
    assert copy.title_en == "Joint consultation, Bavel (copy)"
    # The Khmer title is marked in Khmer once the catalog has it; until then the English mark.
    assert copy.title_km.startswith("កិច្ចប្រជុំពិគ្រោះយោបល់រួមគ្នា ស្រុកបវេល")
    assert copy.title_km != details.title_km
    unmarked = dataclasses.replace(copy, title_km=details.title_km, title_en=details.title_en)
    assert unmarked == details


def test_agenda_items_are_copied_without_notes_or_times(database, open_meeting) -> None:
    _add_agenda(database, open_meeting.meeting)
    with database.transaction("test") as session:
        items = agenda.agenda(session, open_meeting.meeting)
        agenda.start_agenda_item(session, items[0].id)
        copy_id = meetings.duplicate_meeting(session, open_meeting.meeting)
    with database.reading() as session:
        copied = agenda.agenda(session, copy_id)
        original = agenda.agenda(session, open_meeting.meeting)
    assert [(i.position, i.title_km, i.title_en, i.planned_minutes) for i in copied] == [
        (1, "ការស្វាគមន៍", "Welcome", 15),
        (2, "", "Findings", 45),
    ]
    assert all(i.notes_en == "" and i.started_at is None for i in copied)
    assert {i.id for i in copied}.isdisjoint({i.id for i in original})
    # The original keeps its own.
    assert original[0].notes_en == "The governor opened the meeting."


def test_nothing_but_details_and_agenda_is_copied(database, open_meeting) -> None:
    with database.transaction("test") as session:
        attendance.record_headcount(
            session, open_meeting.meeting, group_en="Youth", women=3, men=2, side=Side.CIVIL_SOCIETY
        )
        copy_id = meetings.duplicate_meeting(session, open_meeting.meeting)
    with database.reading() as session:
        for model in (Attendance, Headcount):
            rows = session.scalar(
                select(func.count()).select_from(model).where(model.meeting_id == copy_id)
            )
            assert rows == 0
        assert attendance.attendance_statistics(session, copy_id).total == 0


def test_a_signed_meeting_can_be_duplicated_and_stays_untouched(database, open_meeting) -> None:
    _add_agenda(database, open_meeting.meeting)
    with database.transaction("test") as session:
        meetings.close_meeting(session, open_meeting.meeting)
        meetings.sign_meeting(session, open_meeting.meeting)
    with database.transaction("test") as session:
        copy_id = meetings.duplicate_meeting(session, open_meeting.meeting)
    with database.reading() as session:
        assert session.get(Meeting, open_meeting.meeting).status is MeetingStatus.SIGNED
        assert session.get(Meeting, copy_id).status is MeetingStatus.PLANNED
        assert len(agenda.agenda(session, copy_id)) == 2
        assert verify_audit(session).ok


def test_a_long_title_is_shortened_to_fit_the_mark(database, seed) -> None:
    long_title = "A" * meetings.TITLE_MAX_LENGTH
    with database.transaction("test") as session:
        details = meetings.meeting_details(session, seed.meeting)
        meetings.update_meeting(
            session, seed.meeting, dataclasses.replace(details, title_en=long_title)
        )
        copy_id = meetings.duplicate_meeting(session, seed.meeting)
    with database.reading() as session:
        title = meetings.meeting_details(session, copy_id).title_en
    assert len(title) == meetings.TITLE_MAX_LENGTH
    assert title.endswith(" (copy)")


def test_an_empty_title_stays_empty(database, seed) -> None:
    with database.transaction("test") as session:
        details = meetings.meeting_details(session, seed.meeting)
        meetings.update_meeting(session, seed.meeting, dataclasses.replace(details, title_km=""))
        copy_id = meetings.duplicate_meeting(session, seed.meeting)
    with database.reading() as session:
        assert meetings.meeting_details(session, copy_id).title_km == ""


def test_an_unknown_meeting_is_refused_and_nothing_is_written(database, seed) -> None:
    with pytest.raises(NotFoundError), database.transaction("test") as session:
        meetings.duplicate_meeting(session, uuid.uuid4())
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(Meeting)) == 1
        assert session.scalar(select(func.count()).select_from(AgendaItem)) == 0
