"""The joint action plan: actions, their progress, and what is overdue."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from civicdesk.models import Action, ActionUpdate
from civicdesk.models.enums import ActionStatus
from civicdesk.services import LockedError, NotFoundError, ValidationError, actions

from .helpers import count_rows

START = dt.date(2022, 1, 1)
DUE = dt.date(2022, 3, 31)


def _plan(**changes):
    values = {
        "description_km": "ផ្សព្វផ្សាយថវិកា",
        "description_en": "Post the budget",
        "responsible_office_en": "Finance office",
        "start_date": START,
        "due_date": DUE,
        "resources_en": "Notice board",
        "indicator_en": "Budget posted in 10 communes",
    }
    values.update(changes)
    return actions.ActionPlan(**values)


def _action(database, meeting, **changes):
    with database.transaction("test") as session:
        return actions.plan_action(session, meeting, _plan(**changes))


def _row(database, action_id):
    with database.reading() as session:
        return next(a for a in actions.actions(session) if a.id == action_id)


def _progress(database, action_id, reported_on, status, percent, **kwargs):
    with database.transaction("test") as session:
        return actions.record_progress(
            session,
            action_id,
            reported_on=reported_on,
            status=status,
            progress_percent=percent,
            **kwargs,
        )


def test_plan_and_update(database, adopted) -> None:
    seed = adopted.seed
    plan = _plan(recommendation_id=adopted.recommendation, cso_partner_id=seed.cso)
    with database.transaction("test") as session:
        first = actions.plan_action(session, seed.meeting, plan)
        second = actions.plan_action(session, seed.meeting, _plan(description_en="Second"))
    row = _row(database, first)
    assert row.plan == plan
    assert (row.position, _row(database, second).position) == (1, 2)
    assert (row.recommendation_code, row.cso_partner_name_en) == ("0204-R01", "Aphivat Strey")
    assert (row.status, row.progress_percent, row.updates) == (ActionStatus.NOT_STARTED, 0, ())
    changed = dataclasses.replace(
        plan, description_en="Post it online too", status=ActionStatus.IN_PROGRESS
    )
    with database.transaction("test") as session:
        actions.update_action(session, first, changed)
    row = _row(database, first)
    assert row.plan == changed
    assert row.status is ActionStatus.IN_PROGRESS
    with database.reading() as session:
        assert [a.id for a in actions.actions(session, meeting_id=seed.meeting)] == [first, second]
        assert [a.id for a in actions.actions(session, district_code="0201")] == []


PLAN_REFUSALS = [
    ("due-before-start", {"due_date": START - dt.timedelta(days=1)}, ValidationError, "due_date"),
    (
        "no-description",
        {"description_km": "", "description_en": ""},
        ValidationError,
        "description",
    ),
    ("bidi", {"indicator_en": "\u202aX"}, ValidationError, "indicator_en"),
    ("unknown-recommendation", {"recommendation_id": uuid.uuid4()}, NotFoundError, None),
    ("unknown-partner", {"cso_partner_id": uuid.uuid4()}, NotFoundError, None),
]


def test_plan_refusals(database, open_meeting, refuse) -> None:
    for name, changes, error, field in PLAN_REFUSALS:
        refuse(
            error,
            lambda s, c=changes: actions.plan_action(s, open_meeting.meeting, _plan(**c)),
            field=field,
            case=name,
        )
    assert count_rows(database, Action) == 0
    action = _action(database, open_meeting.meeting)
    refuse(
        ValidationError,
        lambda s: actions.update_action(s, action, _plan(start_date=DUE, due_date=START)),
        field="due_date",
    )


def test_due_date_equal_to_start_is_fine(database, open_meeting) -> None:
    action = _action(database, open_meeting.meeting, due_date=START)
    assert _row(database, action).plan.due_date == START


def test_status_comes_from_latest_update(database, open_meeting) -> None:
    action = _action(database, open_meeting.meeting)
    _progress(database, action, dt.date(2022, 2, 1), ActionStatus.IN_PROGRESS, 40, note_en="Half")
    # Reported later but about an earlier date: it does not become the current status.
    _progress(database, action, dt.date(2022, 1, 15), ActionStatus.DELAYED, 10)
    row = _row(database, action)
    assert (row.status, row.progress_percent) == (ActionStatus.IN_PROGRESS, 40)
    assert [(u.reported_on, u.status) for u in row.updates] == [
        (dt.date(2022, 1, 15), ActionStatus.DELAYED),
        (dt.date(2022, 2, 1), ActionStatus.IN_PROGRESS),
    ]
    _progress(database, action, dt.date(2022, 3, 1), ActionStatus.DONE, 100)
    row = _row(database, action)
    assert (row.status, row.progress_percent) == (ActionStatus.DONE, 100)
    # The agreed plan is not touched by progress.
    assert row.plan.status is ActionStatus.NOT_STARTED
    with database.reading() as session:
        model = session.get(Action, action)
        assert (model.status, model.progress_percent) == (ActionStatus.DONE, 100)


def test_progress_out_of_range_is_refused(database, open_meeting, refuse) -> None:
    action = _action(database, open_meeting.meeting)
    for percent in (-1, 101, 50.5, True, "50", None):
        refuse(
            ValidationError,
            lambda s, p=percent: actions.record_progress(
                s, action, reported_on=START, status=ActionStatus.IN_PROGRESS, progress_percent=p
            ),
            field="progress_percent",
            case=percent,
        )
    assert count_rows(database, ActionUpdate) == 0
    for percent in (0, 100):
        _progress(database, action, START, ActionStatus.IN_PROGRESS, percent)
        assert _row(database, action).progress_percent == percent


def test_progress_in_the_future_is_refused(database, open_meeting, refuse) -> None:
    action = _action(database, open_meeting.meeting)
    refuse(
        ValidationError,
        lambda s: actions.record_progress(
            s,
            action,
            reported_on=dt.date.today() + dt.timedelta(days=3),
            status=ActionStatus.IN_PROGRESS,
            progress_percent=5,
        ),
        field="reported_on",
    )


OVERDUE_CASES = [
    (dt.date(2022, 3, 31), ActionStatus.IN_PROGRESS, True),
    (dt.date(2022, 3, 31), ActionStatus.DELAYED, True),
    (dt.date(2022, 3, 31), ActionStatus.NOT_STARTED, True),
    (dt.date(2022, 3, 31), ActionStatus.DONE, False),
    (dt.date(2022, 3, 31), ActionStatus.CANCELLED, False),
    (dt.date(2022, 4, 1), ActionStatus.IN_PROGRESS, False),  # due today
    (dt.date(2022, 5, 1), ActionStatus.IN_PROGRESS, False),
    (None, ActionStatus.IN_PROGRESS, False),
]


def test_overdue(database, open_meeting) -> None:
    today = dt.date(2022, 4, 1)
    planned = []
    for due, status, overdue in OVERDUE_CASES:
        action = _action(database, open_meeting.meeting, due_date=due)
        if status is not ActionStatus.NOT_STARTED:
            _progress(database, action, dt.date(2022, 2, 1), status, 50)
        planned.append((action, due, status, overdue))
    with database.reading() as session:
        rows = {row.id: row for row in actions.actions(session, meeting_id=open_meeting.meeting)}
    for action, due, status, overdue in planned:
        assert rows[action].status is status
        assert rows[action].overdue(today) is overdue, (due, status)


def test_progress_at_a_follow_up_after_signing(database, signed, follow_up, refuse) -> None:
    """The plan is locked with its meeting; progress is reported at later meetings."""
    update = _progress(
        database,
        signed.action,
        dt.date(2022, 2, 1),
        ActionStatus.IN_PROGRESS,
        30,
        meeting_id=follow_up,
    )
    row = _row(database, signed.action)
    assert [(u.id, u.meeting_id) for u in row.updates] == [(update, follow_up)]
    assert row.status is ActionStatus.IN_PROGRESS
    # ... but not as part of the signed meeting itself.
    refuse(
        LockedError,
        lambda s: actions.record_progress(
            s,
            signed.action,
            reported_on=dt.date(2022, 2, 2),
            status=ActionStatus.DONE,
            progress_percent=100,
            meeting_id=signed.meeting,
        ),
        match="signed",
    )


def test_actions_of_signed_meeting_are_locked(signed, refuse) -> None:
    refuse(LockedError, lambda s: actions.plan_action(s, signed.meeting, _plan()), match="signed")
    refuse(
        LockedError,
        lambda s: actions.update_action(s, signed.action, _plan(description_en="Rewritten")),
        match="signed",
    )
