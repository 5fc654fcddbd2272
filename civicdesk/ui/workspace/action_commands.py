"""Undoable edits of the action plan, both ways through `civicdesk.services.actions`.

An undone plan that is redone gets its first id back (`plan_action(action_id=...)`), so edits
further up the undo stack still find the action they were made on.
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from civicdesk.i18n import _
from civicdesk.models.enums import ActionStatus
from civicdesk.services import actions
from civicdesk.services.actions import ActionPlan
from civicdesk.ui.workspace.context import ServiceCommand, Topic

#: QUndoCommand.id() of plan edits: consecutive edits of one action merge into one undo step.
UPDATE_MERGE_ID = 0x414354


class PlanActionCommand(ServiceCommand):
    """Add an action; undo takes it out of the plan again."""

    def __init__(self, meeting_id: uuid.UUID, plan: ActionPlan) -> None:
        super().__init__(_("Plan an action"), Topic.ACTIONS, self._plan, self._remove)
        self._meeting_id = meeting_id
        self._plan_values = plan
        self._action_id: uuid.UUID | None = None

    def _plan(self, session: Session) -> uuid.UUID:
        self._action_id = actions.plan_action(
            session, self._meeting_id, self._plan_values, action_id=self._action_id
        )
        return self._action_id

    @staticmethod
    def _remove(session: Session, action_id: uuid.UUID) -> None:
        actions.remove_action(session, action_id)


class UpdateActionCommand(ServiceCommand):
    """Change an action's plan; undo puts back the plan it had."""

    def __init__(self, action_id: uuid.UUID, before: ActionPlan, after: ActionPlan) -> None:
        super().__init__(_("Edit an action"), Topic.ACTIONS, self._apply_after, self._put_back)
        self.action_id = action_id
        self.before = before
        self.after = after

    def _apply_after(self, session: Session) -> None:
        actions.update_action(session, self.action_id, self.after)

    def _put_back(self, session: Session, _result: object) -> None:
        actions.update_action(session, self.action_id, self.before)

    def id(self) -> int:
        return UPDATE_MERGE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        # Edits saved one field at a time undo together, back to the plan before the first.
        if not isinstance(other, UpdateActionCommand) or other.action_id != self.action_id:
            return False
        self.after = other.after
        return True


class RecordProgressCommand(ServiceCommand):
    """Record progress on an action; undo takes that update back."""

    def __init__(
        self,
        action_id: uuid.UUID,
        meeting_id: uuid.UUID,
        *,
        reported_on: dt.date,
        status: ActionStatus,
        percent: int,
        note_km: str = "",
        note_en: str = "",
    ) -> None:
        super().__init__(_("Record progress"), Topic.ACTIONS, self._record, self._take_back)
        self._action_id = action_id
        self._meeting_id = meeting_id
        self._reported_on = reported_on
        self._status = status
        self._percent = percent
        self._notes = (note_km, note_en)

    def _record(self, session: Session) -> uuid.UUID:
        return actions.record_progress(
            session,
            self._action_id,
            reported_on=self._reported_on,
            status=self._status,
            progress_percent=self._percent,
            note_km=self._notes[0],
            note_en=self._notes[1],
            meeting_id=self._meeting_id,
        )

    @staticmethod
    def _take_back(session: Session, update_id: uuid.UUID) -> None:
        actions.remove_progress(session, update_id)
