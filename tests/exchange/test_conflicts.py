"""A record changed on two laptops since they last exchanged is a conflict, not an overwrite;
deletions travel; locked records never change; and the order of arrival never matters."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from civicdesk.exchange import conflicts, resolve_conflict
from civicdesk.models import Attendance, Meeting, Tombstone
from civicdesk.models.enums import AttendanceRole, MeetingStatus, Side
from civicdesk.services import LockedError, StateError, ValidationError, attendance, meetings

from .helpers import (
    audit_ok,
    canonical_state,
    export,
    import_all,
    phone_of,
    plan_district,
    set_phone,
)


@pytest.fixture
def exchanged(laptop, new_database, tmp_path):
    """A district laptop and the secretariat, which has imported the district's package."""
    district = laptop("district")
    bavel = plan_district(district)
    secretariat = new_database("secretariat")
    import_all(secretariat, [export(district, tmp_path / "first.cdpkg")])
    return district, secretariat, bavel


def test_a_record_changed_on_both_sides_is_kept_as_a_conflict(exchanged, tmp_path) -> None:
    district, secretariat, bavel = exchanged
    set_phone(district, bavel.activist, "012 111 111")
    second = export(district, tmp_path / "second.cdpkg")
    set_phone(secretariat, bavel.activist, "012 222 222")  # changed later, here

    (summary,) = import_all(secretariat, [second])

    assert summary.conflicts == 1 and summary.updated == 0
    assert phone_of(secretariat, bavel.activist) == "012 222 222"  # not overwritten
    with secretariat.reading() as session:
        (conflict,) = conflicts(session)
    assert conflict.table_name == "person" and conflict.record_id == bavel.activist
    assert conflict.differences == ["phone"]
    assert (conflict.mine["phone"], conflict.theirs["phone"]) == ("012 222 222", "012 111 111")
    assert audit_ok(secretariat)

    # The same package again brings nothing new.
    (again,) = import_all(secretariat, [second])
    assert again.conflicts == 0 and not again.changed

    with secretariat.transaction("secretariat") as session:
        resolve_conflict(session, conflict.id, "theirs")
    assert phone_of(secretariat, bavel.activist) == "012 111 111"
    with secretariat.reading() as session:
        assert conflicts(session) == []
        (resolved,) = conflicts(session, include_resolved=True)
    assert resolved.resolution == "theirs"
    assert audit_ok(secretariat)

    # The choice travels: the district takes it without a conflict of its own.
    (back,) = import_all(district, [export(secretariat, tmp_path / "back.cdpkg")])
    assert back.conflicts == 0 and back.updated >= 1
    assert phone_of(district, bavel.activist) == "012 111 111"
    assert audit_ok(district)


def test_keeping_mine_settles_the_conflict_for_good(exchanged, tmp_path) -> None:
    district, secretariat, bavel = exchanged
    set_phone(secretariat, bavel.activist, "012 222 222")
    set_phone(district, bavel.activist, "012 111 111")  # changed later, there
    second = export(district, tmp_path / "second.cdpkg")
    (summary,) = import_all(secretariat, [second])
    assert summary.conflicts == 1
    assert phone_of(secretariat, bavel.activist) == "012 111 111"  # the later change shows
    with secretariat.reading() as session:
        (conflict,) = conflicts(session)
    assert conflict.theirs["phone"] == "012 222 222"  # this database's own change, set aside

    with secretariat.transaction("secretariat") as session:
        resolve_conflict(session, conflict.id, "mine")
    assert phone_of(secretariat, bavel.activist) == "012 111 111"
    (again,) = import_all(secretariat, [second])
    assert again.conflicts == 0 and not again.changed
    with secretariat.reading() as session:
        assert conflicts(session) == []


def test_resolving_is_refused_for_a_bad_choice_or_twice(exchanged, tmp_path) -> None:
    district, secretariat, bavel = exchanged
    set_phone(district, bavel.activist, "012 111 111")
    set_phone(secretariat, bavel.activist, "012 222 222")
    import_all(secretariat, [export(district, tmp_path / "second.cdpkg")])
    with secretariat.reading() as session:
        (conflict,) = conflicts(session)
    with pytest.raises(ValidationError), secretariat.transaction() as session:
        resolve_conflict(session, conflict.id, "both")  # type: ignore[arg-type]
    with secretariat.transaction() as session:
        resolve_conflict(session, conflict.id, "mine")
    with pytest.raises(StateError, match="already"), secretariat.transaction() as session:
        resolve_conflict(session, conflict.id, "theirs")


def test_conflicts_come_out_the_same_whichever_package_comes_first(
    laptop, new_database, tmp_path
) -> None:
    """Two laptops change the same person after receiving the district's package; the
    secretariat gets the same records and the same conflict in either order."""
    district = laptop("district")
    bavel = plan_district(district)
    first = export(district, tmp_path / "first.cdpkg")
    packages = [first]
    for name, phone in (("north", "012 333 333"), ("south", "012 444 444")):
        other = laptop(name)
        import_all(other, [first])
        set_phone(other, bavel.activist, phone)
        packages.append(export(other, tmp_path / f"{name}.cdpkg"))

    forwards, backwards = new_database("forwards"), new_database("backwards")
    import_all(forwards, packages)
    import_all(backwards, reversed(packages))

    assert canonical_state(forwards) == canonical_state(backwards)
    assert phone_of(forwards, bavel.activist) == "012 444 444"  # the later change
    for secretariat in (forwards, backwards):
        with secretariat.reading() as session:
            (conflict,) = conflicts(session)
        assert conflict.theirs["phone"] == "012 333 333"
        assert audit_ok(secretariat)


def test_a_deletion_travels_and_an_older_package_does_not_bring_the_record_back(
    laptop, new_database, tmp_path
) -> None:
    district = laptop("district")
    bavel = plan_district(district)
    before = export(district, tmp_path / "before.cdpkg")
    with district.transaction("clerk") as session:
        attendance.remove_attendance(session, bavel.activist_attendance)
    after = export(district, tmp_path / "after.cdpkg")

    in_order, late = new_database("in-order"), new_database("late")
    summaries = import_all(in_order, [before, after])
    import_all(late, [after, before])

    assert summaries[1].deleted == 1
    for secretariat in (in_order, late):
        with secretariat.reading() as session:
            assert session.get(Attendance, bavel.activist_attendance) is None
            tombstone = session.get(Tombstone, bavel.activist_attendance)
            assert tombstone is not None and tombstone.table_name == "attendance"
            assert tombstone.meeting_id == bavel.meeting
        assert audit_ok(secretariat)
    assert canonical_state(in_order) == canonical_state(late)


def _edit_venue(database, meeting_id, venue):
    with database.transaction("clerk") as session:
        details = meetings.meeting_details(session, meeting_id)
        meetings.update_meeting(session, meeting_id, dataclasses.replace(details, venue_en=venue))


def test_a_signed_meeting_wins_over_an_edit_made_elsewhere_meanwhile(
    laptop, new_database, tmp_path
) -> None:
    district = laptop("district")
    bavel = plan_district(district)
    first = export(district, tmp_path / "first.cdpkg")
    with district.transaction("clerk") as session:
        meetings.close_meeting(session, bavel.meeting)
        meetings.sign_meeting(session, bavel.meeting)
    signed = export(district, tmp_path / "signed.cdpkg")
    elsewhere = laptop("elsewhere")
    import_all(elsewhere, [first])
    _edit_venue(elsewhere, bavel.meeting, "Another hall")  # after the signing, but not signed
    edited = export(elsewhere, tmp_path / "edited.cdpkg")

    signed_first, edited_first = new_database("signed-first"), new_database("edited-first")
    summaries = import_all(signed_first, [first, signed, edited])
    import_all(edited_first, [first, edited, signed])

    assert summaries[2].conflicts == 1
    assert canonical_state(signed_first) == canonical_state(edited_first)
    for secretariat in (signed_first, edited_first):
        with secretariat.reading() as session:
            meeting = session.get(Meeting, bavel.meeting)
            assert meeting.status is MeetingStatus.SIGNED and meeting.venue_en == ""
            (conflict,) = conflicts(session)
        assert conflict.theirs["venue_en"] == "Another hall"
        with pytest.raises(LockedError), secretariat.transaction() as session:
            resolve_conflict(session, conflict.id, "theirs")
        with secretariat.transaction() as session:
            resolve_conflict(session, conflict.id, "mine")
        assert audit_ok(secretariat)


def test_an_import_never_changes_a_record_locked_here(laptop, new_database, tmp_path) -> None:
    """A newer version of a record of a meeting signed here is set aside, never applied."""
    district = laptop("district")
    bavel = plan_district(district)
    first = export(district, tmp_path / "first.cdpkg")
    elsewhere = laptop("elsewhere")
    import_all(elsewhere, [first])
    with elsewhere.transaction("clerk") as session:
        attendance.update_attendance(
            session,
            bavel.activist_attendance,
            role=AttendanceRole.PARTICIPANT,
            side=Side.CIVIL_SOCIETY,
            may_vote=False,
        )
    edited = export(elsewhere, tmp_path / "edited.cdpkg")
    with district.transaction("clerk") as session:
        meetings.close_meeting(session, bavel.meeting)
        meetings.sign_meeting(session, bavel.meeting)
    signed = export(district, tmp_path / "signed.cdpkg")

    secretariat = new_database("secretariat")
    summaries = import_all(secretariat, [signed, edited])

    assert summaries[1].locked == 1 and summaries[1].conflicts == 1
    with secretariat.reading() as session:
        row = session.scalars(
            select(Attendance).where(Attendance.id == bavel.activist_attendance)
        ).one()
        assert row.may_vote is True
    assert audit_ok(secretariat)
