"""Undoing the action plan through the services: an action taken out again, and planned again
under its first id; a progress update taken back."""

from __future__ import annotations

import datetime as dt

import pytest

from civicdesk.models import Action, ActionUpdate
from civicdesk.models.enums import ActionStatus
from civicdesk.services import LockedError, StateError, actions, meetings
from civicdesk.storage.database import Database
from tests.conftest import Seed

PLAN = actions.ActionPlan(description_en="Post the budget", description_km="ផ្សព្វផ្សាយថវិកា")


def _count(database: Database, model: type) -> int:
    with database.reading() as session:
        return session.query(model).count()


def test_an_action_is_removed_and_planned_again_under_its_first_id(
    database: Database, open_meeting: Seed
) -> None:
    with database.transaction("test") as session:
        first = actions.plan_action(session, open_meeting.meeting, PLAN)
    with database.transaction("test") as session:
        actions.remove_action(session, first)
    assert _count(database, Action) == 0
    with database.transaction("test") as session:
        again = actions.plan_action(session, open_meeting.meeting, PLAN, action_id=first)
    assert again == first
    with database.reading() as session:
        assert [row.id for row in actions.actions(session)] == [first]


def test_an_id_in_use_is_refused(database: Database, open_meeting: Seed) -> None:
    with database.transaction("test") as session:
        first = actions.plan_action(session, open_meeting.meeting, PLAN)
    with pytest.raises(StateError), database.transaction("test") as session:
        actions.plan_action(session, open_meeting.meeting, PLAN, action_id=first)
    assert _count(database, Action) == 1


def test_progress_is_taken_back_but_an_action_with_progress_stays(
    database: Database, open_meeting: Seed
) -> None:
    with database.transaction("test") as session:
        action = actions.plan_action(session, open_meeting.meeting, PLAN)
        update = actions.record_progress(
            session,
            action,
            reported_on=dt.date(2022, 1, 10),
            status=ActionStatus.IN_PROGRESS,
            progress_percent=40,
            meeting_id=open_meeting.meeting,
        )
    with pytest.raises(StateError), database.transaction("test") as session:
        actions.remove_action(session, action)
    with database.transaction("test") as session:
        actions.remove_progress(session, update)
    assert _count(database, ActionUpdate) == 0
    with database.reading() as session:
        (row,) = actions.actions(session)
    assert row.status is ActionStatus.NOT_STARTED and row.progress_percent == 0
    with database.transaction("test") as session:
        actions.remove_action(session, action)
    assert _count(database, Action) == 0


def test_nothing_is_removed_from_a_signed_meeting(database: Database, open_meeting: Seed) -> None:
    with database.transaction("test") as session:
        action = actions.plan_action(session, open_meeting.meeting, PLAN)
        update = actions.record_progress(
            session,
            action,
            reported_on=dt.date(2022, 1, 10),
            status=ActionStatus.IN_PROGRESS,
            progress_percent=40,
            meeting_id=open_meeting.meeting,
        )
        meetings.close_meeting(session, open_meeting.meeting)
        meetings.sign_meeting(session, open_meeting.meeting)
    with pytest.raises(LockedError), database.transaction("test") as session:
        actions.remove_progress(session, update)
    with pytest.raises(LockedError), database.transaction("test") as session:
        actions.remove_action(session, action)
    assert _count(database, ActionUpdate) == 1
