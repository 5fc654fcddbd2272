"""Undoable edits of the agenda, both ways through `civicdesk.services.agenda`."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from civicdesk.i18n import _
from civicdesk.services import agenda
from civicdesk.services.agenda import AgendaRow
from civicdesk.ui.workspace.context import Topic, WorkspaceContext
from civicdesk.ui.workspace.undoable import PageCommand, create_command, record_ids

#: Title in Khmer, title in English, planned minutes.
Details = tuple[str, str, int]


def add_command(
    context: WorkspaceContext, title_km: str, title_en: str, minutes: int
) -> PageCommand:
    meeting_id = context.meeting_id

    def create(session: Session) -> uuid.UUID:
        return agenda.add_agenda_item(
            session, meeting_id, title_km=title_km, title_en=title_en, planned_minutes=minutes
        )

    return create_command(
        context, _("Add agenda item"), Topic.AGENDA, create, agenda.remove_agenda_item
    )


def remove_command(context: WorkspaceContext, row: AgendaRow) -> PageCommand:
    """Undo adds the item again where it was, with its notes (and its times, see below)."""
    ids = record_ids(context)
    meeting_id = context.meeting_id

    def remove(session: Session) -> None:
        agenda.remove_agenda_item(session, ids.current(row.id))

    def put_back(session: Session, _result: Any) -> None:
        new_id = agenda.add_agenda_item(
            session,
            meeting_id,
            title_km=row.title_km,
            title_en=row.title_en,
            planned_minutes=row.planned_minutes,
        )
        agenda.set_agenda_notes(session, new_id, notes_km=row.notes_km, notes_en=row.notes_en)
        agenda.move_agenda_item(session, new_id, row.position)
        _restore_times(session, meeting_id, new_id, row)
        ids.replace(ids.current(row.id), new_id)

    return PageCommand(_("Remove agenda item"), Topic.AGENDA, remove, put_back)


def _restore_times(
    session: Session, meeting_id: uuid.UUID, item_id: uuid.UUID, row: AgendaRow
) -> None:
    """Give a re-added item its clock back, unless another item is running now (starting one
    would stop that one at the old time)."""
    if row.started_at is None:
        return
    if any(other.running for other in agenda.agenda(session, meeting_id) if other.id != item_id):
        return
    agenda.start_agenda_item(session, item_id, at=row.started_at)
    if row.ended_at is not None:
        agenda.end_agenda_item(session, item_id, at=row.ended_at)


def move_command(context: WorkspaceContext, item_id: uuid.UUID, old: int, new: int) -> PageCommand:
    ids = record_ids(context)

    def move(position: int) -> Any:
        def apply(session: Session, _result: Any = None) -> None:
            agenda.move_agenda_item(session, ids.current(item_id), position)

        return apply

    return PageCommand(_("Move agenda item"), Topic.AGENDA, move(new), move(old))


def details_command(
    context: WorkspaceContext, item_id: uuid.UUID, before: Details, after: Details
) -> PageCommand:
    """Consecutive edits of one item's title and minutes merge into one undo step."""
    ids = record_ids(context)

    def update(values: Details) -> Any:
        def apply(session: Session, _result: Any = None) -> None:
            agenda.update_agenda_item(
                session,
                ids.current(item_id),
                title_km=values[0],
                title_en=values[1],
                planned_minutes=values[2],
            )

        return apply

    return PageCommand(
        _("Edit agenda item"),
        Topic.AGENDA,
        update(after),
        update(before),
        merge_key=("agenda-details", item_id),
    )


def notes_command(
    context: WorkspaceContext,
    item_id: uuid.UUID,
    before: tuple[str, str],
    after: tuple[str, str],
) -> PageCommand:
    """Notes are saved at every pause; one item's run of saves is one undo step."""
    ids = record_ids(context)

    def notes(values: tuple[str, str]) -> Any:
        def apply(session: Session, _result: Any = None) -> None:
            agenda.set_agenda_notes(
                session, ids.current(item_id), notes_km=values[0], notes_en=values[1]
            )

        return apply

    return PageCommand(
        _("Edit discussion notes"),
        Topic.AGENDA,
        notes(after),
        notes(before),
        merge_key=("agenda-notes", item_id),
    )
