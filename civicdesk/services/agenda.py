"""The agenda of a meeting: ordered items, planned and actual times, discussion notes."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk.i18n import _
from civicdesk.models import AgendaItem, Meeting, utcnow
from civicdesk.services.base import bilingual, count, get, require_editable, service, text
from civicdesk.services.errors import StateError, ValidationError


@dataclass(frozen=True)
class AgendaRow:
    id: uuid.UUID
    position: int
    title_km: str
    title_en: str
    planned_minutes: int
    started_at: dt.datetime | None
    ended_at: dt.datetime | None
    notes_km: str
    notes_en: str

    @property
    def running(self) -> bool:
        return self.started_at is not None and self.ended_at is None


def _editable_item(session: Session, item_id: uuid.UUID) -> AgendaItem:
    item = get(session, AgendaItem, item_id, _("agenda item"))
    require_editable(get(session, Meeting, item.meeting_id, _("meeting")))
    return item


def _items(session: Session, meeting_id: uuid.UUID) -> list[AgendaItem]:
    return list(
        session.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.position)
        )
    )


def _minutes(value: int) -> int:
    minutes = count(value, "planned_minutes", _("Planned minutes"))
    if minutes > 24 * 60:
        raise ValidationError(
            _("An agenda item cannot last more than a day."), field="planned_minutes"
        )
    return minutes


@service("agenda.add")
def add_agenda_item(
    session: Session,
    meeting_id: uuid.UUID,
    *,
    title_km: str = "",
    title_en: str = "",
    planned_minutes: int = 0,
) -> uuid.UUID:
    meeting = get(session, Meeting, meeting_id, _("meeting"))
    require_editable(meeting)
    title_km, title_en = bilingual(title_km, title_en, "title", _("Agenda item"), max_length=300)
    last = session.scalar(
        select(func.max(AgendaItem.position)).where(AgendaItem.meeting_id == meeting.id)
    )
    item = AgendaItem(
        meeting_id=meeting.id,
        position=(last or 0) + 1,
        title_km=title_km,
        title_en=title_en,
        planned_minutes=_minutes(planned_minutes),
    )
    session.add(item)
    return item.id


@service("agenda.update")
def update_agenda_item(
    session: Session,
    item_id: uuid.UUID,
    *,
    title_km: str,
    title_en: str,
    planned_minutes: int,
) -> None:
    item = _editable_item(session, item_id)
    item.title_km, item.title_en = bilingual(
        title_km, title_en, "title", _("Agenda item"), max_length=300
    )
    item.planned_minutes = _minutes(planned_minutes)


@service("agenda.notes")
def set_agenda_notes(
    session: Session, item_id: uuid.UUID, *, notes_km: str = "", notes_en: str = ""
) -> None:
    item = _editable_item(session, item_id)
    item.notes_km = text(notes_km, "notes_km", _("Notes"), max_length=20_000)
    item.notes_en = text(notes_en, "notes_en", _("Notes"), max_length=20_000)


@service("agenda.move")
def move_agenda_item(session: Session, item_id: uuid.UUID, new_position: int) -> None:
    """Move an item to a position (1 is first); the others close up around it."""
    item = _editable_item(session, item_id)
    items = [i for i in _items(session, item.meeting_id) if i.id != item.id]
    index = max(0, min(new_position - 1, len(items)))
    items.insert(index, item)
    for position, each in enumerate(items, start=1):
        each.position = position


@service("agenda.remove")
def remove_agenda_item(session: Session, item_id: uuid.UUID) -> None:
    item = _editable_item(session, item_id)
    meeting_id = item.meeting_id
    session.delete(item)
    session.flush()
    for position, each in enumerate(_items(session, meeting_id), start=1):
        each.position = position


@service("agenda.start")
def start_agenda_item(session: Session, item_id: uuid.UUID, at: dt.datetime | None = None) -> None:
    """Start an item's clock; an item still running is ended at the same moment."""
    item = _editable_item(session, item_id)
    now = at or utcnow()
    for other in _items(session, item.meeting_id):
        if other.id != item.id and other.started_at is not None and other.ended_at is None:
            other.ended_at = now
    if item.started_at is not None and item.ended_at is None:
        raise StateError(_("This agenda item is already running."))
    item.started_at = now
    item.ended_at = None


@service("agenda.end")
def end_agenda_item(session: Session, item_id: uuid.UUID, at: dt.datetime | None = None) -> None:
    item = _editable_item(session, item_id)
    if item.started_at is None or item.ended_at is not None:
        raise StateError(_("This agenda item is not running."))
    item.ended_at = at or utcnow()


def agenda(session: Session, meeting_id: uuid.UUID) -> list[AgendaRow]:
    return [
        AgendaRow(
            i.id,
            i.position,
            i.title_km,
            i.title_en,
            i.planned_minutes,
            i.started_at,
            i.ended_at,
            i.notes_km,
            i.notes_en,
        )
        for i in _items(session, meeting_id)
    ]
