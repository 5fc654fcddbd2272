"""Two CivicDesk processes editing the same meeting: neither loses the other's change.

Each process is a separate `Database` on the same file (or server database); a change made from
what someone read before another process's change is refused with a StaleEditError, not saved
over it.
"""

from __future__ import annotations

import dataclasses

import pytest

from civicdesk.models import Meeting
from civicdesk.services import meetings, open_database
from civicdesk.services.concurrency import expect_version, row_version
from civicdesk.services.errors import StaleEditError
from civicdesk.storage.database import Database


@pytest.fixture
def other_process(database: Database) -> Database:
    """A second process's connection to the same database."""
    other = open_database(database.url)
    yield other
    other.dispose()


def test_every_update_raises_the_row_version(database, seed) -> None:
    with database.reading() as session:
        before = row_version(session, Meeting, seed.meeting)
        details = meetings.meeting_details(session, seed.meeting)
    with database.transaction("test") as session:
        meetings.update_meeting(
            session,
            seed.meeting,
            dataclasses.replace(details, venue_en="Hall"),
            expected_version=before,
        )
    with database.reading() as session:
        assert row_version(session, Meeting, seed.meeting) == before + 1


def test_a_save_from_a_stale_form_is_refused(database, other_process, seed) -> None:
    # Process A shows the meeting in a form...
    with database.reading() as session:
        seen = row_version(session, Meeting, seed.meeting)
        details = meetings.meeting_details(session, seed.meeting)
    # ...process B changes it and saves...
    with other_process.transaction("clerk B") as session:
        meetings.update_meeting(
            session, seed.meeting, dataclasses.replace(details, venue_en="Room B")
        )
    # ...and A's save, from what it showed, is refused: B's change stays.
    with (
        pytest.raises(StaleEditError, match="Someone else changed"),
        database.transaction("clerk A") as session,
    ):
        meetings.update_meeting(
            session,
            seed.meeting,
            dataclasses.replace(details, venue_en="Room A"),
            expected_version=seen,
        )
    with database.reading() as session:
        assert meetings.meeting_details(session, seed.meeting).venue_en == "Room B"


def test_a_change_to_a_stale_copy_of_the_row_is_refused(database, other_process, seed) -> None:
    """The database's own check (the row version in the UPDATE): a session that still holds
    the row as it was before another process changed it cannot write over the change."""
    session = database.session_factory()
    try:
        with session.begin():
            # Held, as a window holding the record would (the session keeps rows weakly).
            held = session.get(Meeting, seed.meeting)
            details = meetings.meeting_details(session, seed.meeting)
        with other_process.transaction("clerk B") as other:
            meetings.update_meeting(other, seed.meeting, dataclasses.replace(details, venue_en="B"))
        with pytest.raises(StaleEditError), session.begin():
            # The session's copy of the meeting is the one read before B's change.
            meetings.update_meeting(
                session, seed.meeting, dataclasses.replace(details, venue_en="A")
            )
        assert held is not None
    finally:
        session.close()
    with database.reading() as check:
        assert meetings.meeting_details(check, seed.meeting).venue_en == "B"


def test_expect_version_accepts_the_current_version(database, seed) -> None:
    with database.transaction("test") as session:
        expect_version(session, Meeting, seed.meeting, None)
        expect_version(session, Meeting, seed.meeting, row_version(session, Meeting, seed.meeting))
        with pytest.raises(StaleEditError):
            expect_version(session, Meeting, seed.meeting, 999)
