"""Undoable edits for the step pages, on top of :class:`ServiceCommand`.

Two things a plain ServiceCommand leaves open, which pages that create and edit records need:

- **Ids that change.** Undoing "add an item" removes it; redoing adds it again, and the service
  gives the new record a new id. A later command on the stack (edit that item, move it) still
  holds the first id. :class:`RecordIds` remembers which id replaced which, one map per
  workspace, and commands look their record up through it when they run.
- **Refusals on undo or redo** are handled by ServiceCommand itself: a refused command marks
  itself obsolete and the stack drops it.

Consecutive edits of the same record's text (saved after every pause in typing) merge into one
undo step when they share a merge key.
"""

from __future__ import annotations

import uuid
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from civicdesk.ui.workspace.context import ServiceCommand, Topic, WorkspaceContext

#: QUndoCommand.id() for commands that merge with the one before when their keys match.
MERGE_ID = 0x43444B  # any constant other than -1


class RecordIds:
    """Which id a record has now, given the id it had when a command first saw it."""

    def __init__(self) -> None:
        self._replaced_by: dict[uuid.UUID, uuid.UUID] = {}

    def current(self, record_id: uuid.UUID) -> uuid.UUID:
        seen = {record_id}
        while record_id in self._replaced_by:
            record_id = self._replaced_by[record_id]
            if record_id in seen:  # never loops, but a bad map must not hang the UI
                break
            seen.add(record_id)
        return record_id

    def replace(self, old: uuid.UUID, new: uuid.UUID) -> None:
        if old != new:
            self._replaced_by[old] = new


_RECORD_IDS: weakref.WeakKeyDictionary[WorkspaceContext, RecordIds] = weakref.WeakKeyDictionary()


def record_ids(context: WorkspaceContext) -> RecordIds:
    """The workspace's id map, shared by all its pages (a finding created on one page may be
    linked on another)."""
    ids = _RECORD_IDS.get(context)
    if ids is None:
        ids = RecordIds()
        _RECORD_IDS[context] = ids
    return ids


class PageCommand(ServiceCommand):
    """A ServiceCommand that can merge with the next command of the same `merge_key`."""

    def __init__(
        self,
        text: str,
        topic: Topic,
        do: Callable[[Session], Any],
        undo: Callable[[Session, Any], Any],
        *,
        merge_key: object = None,
    ) -> None:
        super().__init__(text, topic, do, undo)
        self._merge_key = merge_key

    def id(self) -> int:
        return MERGE_ID if self._merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, PageCommand) or other._merge_key != self._merge_key:
            return False
        # Undo still goes back to before this command's first edit; redo goes to the latest.
        self._do = other._do
        return True


def create_command(
    context: WorkspaceContext,
    text: str,
    topic: Topic,
    create: Callable[[Session], uuid.UUID],
    remove: Callable[[Session, uuid.UUID], Any],
) -> PageCommand:
    """Creating a record: undo removes it (or withdraws it: whatever `remove` does), redo
    creates it again and tells the workspace's id map that the new id replaces the old."""
    ids = record_ids(context)
    latest: list[uuid.UUID] = []

    def do(session: Session) -> uuid.UUID:
        new_id = create(session)
        if latest:
            ids.replace(latest[-1], new_id)
        latest.append(new_id)
        return new_id

    def undo(session: Session, created: uuid.UUID) -> Any:
        return remove(session, ids.current(created))

    return PageCommand(text, topic, do, undo)
