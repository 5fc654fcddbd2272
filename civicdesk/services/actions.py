"""The joint action plan: actions that implement adopted recommendations, and their progress."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from civicdesk.i18n import _
from civicdesk.models import Action, ActionUpdate, Meeting, Organisation, Recommendation
from civicdesk.models.enums import ActionStatus
from civicdesk.services.base import bilingual, get, require_editable, service, text
from civicdesk.services.errors import StateError, ValidationError

FINISHED = frozenset({ActionStatus.DONE, ActionStatus.CANCELLED})


@dataclass(frozen=True)
class ActionPlan:
    """What a person fills in for one action."""

    description_km: str = ""
    description_en: str = ""
    recommendation_id: uuid.UUID | None = None
    responsible_office_km: str = ""
    responsible_office_en: str = ""
    cso_partner_id: uuid.UUID | None = None
    start_date: dt.date | None = None
    due_date: dt.date | None = None
    resources_km: str = ""
    resources_en: str = ""
    indicator_km: str = ""
    indicator_en: str = ""
    status: ActionStatus = ActionStatus.NOT_STARTED


@dataclass(frozen=True)
class ProgressRow:
    id: uuid.UUID
    reported_on: dt.date
    status: ActionStatus
    progress_percent: int
    note_km: str
    note_en: str
    meeting_id: uuid.UUID | None


@dataclass(frozen=True)
class ActionRow:
    id: uuid.UUID
    meeting_id: uuid.UUID
    position: int
    plan: ActionPlan
    recommendation_code: str
    cso_partner_name_km: str
    cso_partner_name_en: str
    status: ActionStatus
    progress_percent: int
    updates: tuple[ProgressRow, ...]

    def overdue(self, today: dt.date) -> bool:
        return (
            self.plan.due_date is not None
            and self.plan.due_date < today
            and self.status not in FINISHED
        )


def _apply(session: Session, action: Action, plan: ActionPlan) -> None:
    action.description_km, action.description_en = bilingual(
        plan.description_km, plan.description_en, "description", _("Action")
    )
    if plan.recommendation_id is not None:
        get(session, Recommendation, plan.recommendation_id, _("recommendation"))
    if plan.cso_partner_id is not None:
        get(session, Organisation, plan.cso_partner_id, _("organisation"))
    if plan.start_date and plan.due_date and plan.due_date < plan.start_date:
        raise ValidationError(_("The due date is before the start date."), field="due_date")
    action.recommendation_id = plan.recommendation_id
    action.responsible_office_km = text(
        plan.responsible_office_km, "responsible_office_km", _("Responsible office"), max_length=300
    )
    action.responsible_office_en = text(
        plan.responsible_office_en, "responsible_office_en", _("Responsible office"), max_length=300
    )
    action.cso_partner_id = plan.cso_partner_id
    action.start_date = plan.start_date
    action.due_date = plan.due_date
    action.resources_km = text(plan.resources_km, "resources_km", _("Resources"))
    action.resources_en = text(plan.resources_en, "resources_en", _("Resources"))
    action.indicator_km = text(plan.indicator_km, "indicator_km", _("Indicator"))
    action.indicator_en = text(plan.indicator_en, "indicator_en", _("Indicator"))
    action.initial_status = ActionStatus(plan.status)


@service("action.plan")
def plan_action(
    session: Session,
    meeting_id: uuid.UUID,
    plan: ActionPlan,
    *,
    action_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Add an action to the meeting's plan. `action_id` is for redoing an undone plan, so later
    edits that name the action still find it."""
    meeting = get(session, Meeting, meeting_id, _("meeting"))
    require_editable(meeting)
    last = session.scalar(select(func.max(Action.position)).where(Action.meeting_id == meeting.id))
    action = Action(meeting_id=meeting.id, position=(last or 0) + 1, updates=[])
    if action_id is not None:
        if session.get(Action, action_id) is not None:
            raise StateError(_("This action is already in the plan."))
        action.id = action_id
    _apply(session, action, plan)
    session.add(action)
    return action.id


@service("action.remove")
def remove_action(session: Session, action_id: uuid.UUID) -> None:
    """Take an action out of the plan (undoing its planning). An action whose progress has
    been reported stays: its history is a record."""
    action = get(session, Action, action_id, _("action"))
    require_editable(get(session, Meeting, action.meeting_id, _("meeting")))
    if action.updates:
        raise StateError(_("Progress has been reported on this action, so it stays in the plan."))
    session.delete(action)


@service("action.update")
def update_action(session: Session, action_id: uuid.UUID, plan: ActionPlan) -> None:
    action = get(session, Action, action_id, _("action"))
    require_editable(get(session, Meeting, action.meeting_id, _("meeting")))
    _apply(session, action, plan)


@service("action.progress")
def record_progress(
    session: Session,
    action_id: uuid.UUID,
    *,
    reported_on: dt.date,
    status: ActionStatus,
    progress_percent: int,
    note_km: str = "",
    note_en: str = "",
    meeting_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Progress on an action; the action's plan is kept as it was agreed."""
    action = get(session, Action, action_id, _("action"))
    if meeting_id is not None:
        require_editable(get(session, Meeting, meeting_id, _("meeting")))
    if (
        isinstance(progress_percent, bool)
        or not isinstance(progress_percent, int)
        or not 0 <= progress_percent <= 100
    ):
        raise ValidationError(
            _("Progress is a percentage from 0 to 100."), field="progress_percent"
        )
    if reported_on > dt.date.today() + dt.timedelta(days=1):
        raise ValidationError(
            _("Progress cannot be reported for a future date."), field="reported_on"
        )
    update = ActionUpdate(
        action_id=action.id,
        meeting_id=meeting_id,
        reported_on=reported_on,
        status=ActionStatus(status),
        progress_percent=progress_percent,
        note_km=text(note_km, "note_km", _("Note")),
        note_en=text(note_en, "note_en", _("Note")),
    )
    # Appended, not session.add()-ed first: the append loads the collection, and an autoflush
    # of an added update would list it twice in this session.
    action.updates.append(update)
    return update.id


@service("action.progress.remove")
def remove_progress(session: Session, update_id: uuid.UUID) -> None:
    """Take back a progress update recorded by mistake (undo), while its meeting is editable."""
    update = get(session, ActionUpdate, update_id, _("progress update"))
    if update.meeting_id is not None:
        require_editable(get(session, Meeting, update.meeting_id, _("meeting")))
    action = get(session, Action, update.action_id, _("action"))
    action.updates.remove(update)
    session.delete(update)


def _row(action: Action) -> ActionRow:
    plan = ActionPlan(
        description_km=action.description_km,
        description_en=action.description_en,
        recommendation_id=action.recommendation_id,
        responsible_office_km=action.responsible_office_km,
        responsible_office_en=action.responsible_office_en,
        cso_partner_id=action.cso_partner_id,
        start_date=action.start_date,
        due_date=action.due_date,
        resources_km=action.resources_km,
        resources_en=action.resources_en,
        indicator_km=action.indicator_km,
        indicator_en=action.indicator_en,
        status=action.initial_status,
    )
    updates = sorted(action.updates, key=lambda u: (u.reported_on, u.created_at))
    return ActionRow(
        id=action.id,
        meeting_id=action.meeting_id,
        position=action.position,
        plan=plan,
        recommendation_code=action.recommendation.code if action.recommendation else "",
        cso_partner_name_km=action.cso_partner.name_km if action.cso_partner else "",
        cso_partner_name_en=action.cso_partner.name_en if action.cso_partner else "",
        status=updates[-1].status if updates else action.initial_status,
        progress_percent=updates[-1].progress_percent if updates else 0,
        updates=tuple(
            ProgressRow(
                u.id,
                u.reported_on,
                u.status,
                u.progress_percent,
                u.note_km,
                u.note_en,
                u.meeting_id,
            )
            for u in updates
        ),
    )


def actions(
    session: Session, *, meeting_id: uuid.UUID | None = None, district_code: str | None = None
) -> list[ActionRow]:
    query = (
        select(Action)
        .join(Meeting, Action.meeting_id == Meeting.id)
        .options(
            selectinload(Action.updates),
            selectinload(Action.recommendation),
            selectinload(Action.cso_partner),
        )
        .order_by(Meeting.meeting_date, Action.position)
    )
    if meeting_id is not None:
        query = query.where(Action.meeting_id == meeting_id)
    if district_code is not None:
        query = query.where(Meeting.district_code == district_code)
    return [_row(a) for a in session.scalars(query)]
