"""What every service shares: the audit action name, look-ups and common validation."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from civicdesk.models import AuditEvent, Meeting
from civicdesk.models.enums import MeetingStatus, OrganisationKind
from civicdesk.services import (
    LockedError,
    NotFoundError,
    StateError,
    ValidationError,
    attendance,
    meetings,
    people,
)
from civicdesk.services.base import bilingual, count, get, require_in_session, service, text


def test_events_carry_the_service_action_and_actor(database, seed) -> None:
    with database.transaction("clerk Dara") as session:
        meetings.open_meeting(session, seed.meeting)
        attendance.sign_in(session, seed.meeting, seed.official)
    with database.reading() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).all()
        newest = [(e.action, e.entity_type, e.actor) for e in events[-2:]]
        earlier = {e.action for e in events[:-2]}
    assert newest == [
        ("meeting.open", "meeting", "clerk Dara"),
        ("attendance.sign_in", "attendance", "clerk Dara"),
    ]
    assert earlier == {"organisation.create", "person.create", "meeting.plan"}


def test_nested_services_keep_the_outer_action(database, seed) -> None:
    @service("outer.thing")
    def outer(session):
        return people.create_organisation(session, name_en="Inner", kind=OrganisationKind.CBO)

    with database.transaction("test") as session:
        outer(session)
    with database.reading() as session:
        newest = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc())).first()
        assert (newest.action, newest.entity_type) == ("outer.thing", "organisation")


def test_service_needs_a_session_first() -> None:
    @service("x")
    def use_case(session):
        return session

    with pytest.raises(TypeError, match="Session first"):
        use_case("not a session")


def test_get(database, seed) -> None:
    with database.reading() as session:
        assert get(session, Meeting, seed.meeting, "meeting").id == seed.meeting
        assert get(session, Meeting, str(seed.meeting), "meeting").id == seed.meeting
        for bad in (uuid.uuid4(), "nonsense", ""):
            with pytest.raises(NotFoundError, match="No meeting has the id"):
                get(session, Meeting, bad, "meeting")


def test_text_cleans_and_refuses() -> None:
    assert text("  a \t b  \r\n c ", "f", "F") == "a b\nc"
    assert text(None, "f", "F") == ""
    assert text("ក\u200bខ", "f", "F") == "ក\u200bខ"  # the Khmer word separator stays
    for control in [
        "\u202a",
        "\u202b",
        "\u202c",
        "\u202d",
        "\u202e",
        "\u2066",
        "\u2067",
        "\u2068",
        "\u2069",
    ]:
        with pytest.raises(ValidationError, match="direction-control") as caught:
            text(f"a{control}b", "name_km", "Name")
        assert caught.value.field == "name_km"
    assert text("x" * 10, "f", "F", max_length=10) == "x" * 10
    with pytest.raises(ValidationError, match="at most 10"):
        text("x" * 11, "f", "F", max_length=10)


def test_bilingual() -> None:
    assert bilingual("ក", "", "title", "Title") == ("ក", "")
    assert bilingual(None, " E ", "title", "Title") == ("", "E")
    with pytest.raises(ValidationError, match="empty") as caught:
        bilingual(" ", None, "title", "Title")
    assert caught.value.field == "title"


@pytest.mark.parametrize("bad", [-1, 1.0, True, "3", None])
def test_count_refuses_non_counts(bad) -> None:
    with pytest.raises(ValidationError, match="whole number"):
        count(bad, "n", "N")


def test_count_accepts_counts() -> None:
    assert count(0, "n", "N") == 0
    assert count(12, "n", "N") == 12


def test_require_in_session(database, seed) -> None:
    with database.transaction("test") as session:
        meeting = session.get(Meeting, seed.meeting)
        with pytest.raises(StateError, match="Open the meeting first"):
            require_in_session(meeting)
        meeting.status = MeetingStatus.OPEN
        require_in_session(meeting)
        meeting.status = MeetingStatus.SIGNED
        with pytest.raises(LockedError):
            require_in_session(meeting)
