"""Agenda: ordered items, planned minutes, the running clock, notes."""

from __future__ import annotations

import datetime as dt

import pytest

from civicdesk.models import AgendaItem
from civicdesk.services import LockedError, StateError, ValidationError, agenda

from .helpers import count_rows

T0 = dt.datetime(2021, 11, 23, 1, 0, tzinfo=dt.UTC)


def _add(database, meeting, *titles):
    with database.transaction("facilitator") as session:
        return [
            agenda.add_agenda_item(session, meeting, title_en=title, planned_minutes=15)
            for title in titles
        ]


def _rows(database, meeting):
    with database.reading() as session:
        return agenda.agenda(session, meeting)


def test_add_update_and_notes(database, open_meeting) -> None:
    meeting = open_meeting.meeting
    welcome, findings = _add(database, meeting, "Welcome", "Findings")
    with database.transaction("facilitator") as session:
        agenda.update_agenda_item(
            session, findings, title_km="លទ្ធផល", title_en="Findings of the FGDs", planned_minutes=45
        )
        agenda.set_agenda_notes(
            session, welcome, notes_km="ស្វាគមន៍", notes_en="Opened by the governor.\n"
        )
    rows = _rows(database, meeting)
    assert [(r.id, r.position) for r in rows] == [(welcome, 1), (findings, 2)]
    assert (rows[1].title_km, rows[1].title_en, rows[1].planned_minutes) == (
        "លទ្ធផល",
        "Findings of the FGDs",
        45,
    )
    assert (rows[0].notes_km, rows[0].notes_en) == ("ស្វាគមន៍", "Opened by the governor.")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"title_en": "", "title_km": ""}, "title"),
        ({"title_en": "Lunch", "planned_minutes": -5}, "planned_minutes"),
        ({"title_en": "Lunch", "planned_minutes": 24 * 60 + 1}, "planned_minutes"),
    ],
    ids=["no-title", "negative-minutes", "longer-than-a-day"],
)
def test_add_refusals(database, open_meeting, refuse, kwargs, field) -> None:
    refuse(
        ValidationError,
        lambda s: agenda.add_agenda_item(s, open_meeting.meeting, **kwargs),
        field=field,
    )
    assert count_rows(database, AgendaItem) == 0


def test_move_and_remove_renumber(database, open_meeting) -> None:
    meeting = open_meeting.meeting
    a, b, c, d = _add(database, meeting, "A", "B", "C", "D")
    with database.transaction("facilitator") as session:
        agenda.move_agenda_item(session, d, 1)
    assert [r.id for r in _rows(database, meeting)] == [d, a, b, c]
    with database.transaction("facilitator") as session:
        agenda.move_agenda_item(session, d, 99)  # past the end: last
    assert [r.id for r in _rows(database, meeting)] == [a, b, c, d]
    with database.transaction("facilitator") as session:
        agenda.remove_agenda_item(session, b)
    rows = _rows(database, meeting)
    assert [(r.id, r.position) for r in rows] == [(a, 1), (c, 2), (d, 3)]
    e = _add(database, meeting, "E")[0]
    assert [(r.id, r.position) for r in _rows(database, meeting)][-1] == (e, 4)


def test_clock(database, open_meeting, refuse) -> None:
    meeting = open_meeting.meeting
    first, second = _add(database, meeting, "First", "Second")
    with database.transaction("facilitator") as session:
        agenda.start_agenda_item(session, first, at=T0)
    assert _rows(database, meeting)[0].running
    refuse(
        StateError,
        lambda s: agenda.start_agenda_item(s, first, at=T0 + dt.timedelta(minutes=1)),
        match="already running",
    )
    refuse(StateError, lambda s: agenda.end_agenda_item(s, second), match="not running")
    # Starting the next item ends the running one at the same moment.
    later = T0 + dt.timedelta(minutes=20)
    with database.transaction("facilitator") as session:
        agenda.start_agenda_item(session, second, at=later)
    rows = _rows(database, meeting)
    assert (rows[0].started_at, rows[0].ended_at, rows[0].running) == (T0, later, False)
    assert (rows[1].started_at, rows[1].running) == (later, True)
    with database.transaction("facilitator") as session:
        agenda.end_agenda_item(session, second, at=later + dt.timedelta(minutes=30))
    rows = _rows(database, meeting)
    assert rows[1].ended_at == later + dt.timedelta(minutes=30)
    assert not any(r.running for r in rows)
    refuse(StateError, lambda s: agenda.end_agenda_item(s, second), match="not running")


def test_agenda_of_signed_meeting_is_locked(signed, refuse) -> None:
    item = signed.agenda_item
    changes = [
        lambda s: agenda.add_agenda_item(s, signed.meeting, title_en="Addendum"),
        lambda s: agenda.update_agenda_item(s, item, title_km="", title_en="X", planned_minutes=5),
        lambda s: agenda.set_agenda_notes(s, item, notes_en="Rewritten"),
        lambda s: agenda.move_agenda_item(s, item, 2),
        lambda s: agenda.remove_agenda_item(s, item),
        lambda s: agenda.start_agenda_item(s, item),
        lambda s: agenda.end_agenda_item(s, item),
    ]
    for change in changes:
        refuse(LockedError, change, match="signed")
