"""What every page of a meeting's workspace shares: the database, the meeting, undo, and the
signals that tell the other pages (and the projector) that something changed.

Pages never open sessions themselves: they call `context.run(...)` (one user action, one
transaction, errors shown in the UI language) or `context.execute(command)` for undoable edits,
and `context.read(...)` to read.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_time
from civicdesk.models.enums import MeetingStatus
from civicdesk.services import DomainError
from civicdesk.services.meetings import MeetingSummary, get_meeting_summary
from civicdesk.storage.database import Database

log = logging.getLogger(__name__)
T = TypeVar("T")


class Topic(enum.StrEnum):
    """What changed, so pages reload only what they show."""

    MEETING = "meeting"
    ATTENDANCE = "attendance"
    AGENDA = "agenda"
    FINDINGS = "findings"
    RECOMMENDATIONS = "recommendations"
    VOTES = "votes"
    ACTIONS = "actions"
    JOINT_LIST = "joint_list"
    DOCUMENTS = "documents"


class WorkspaceContext(QObject):
    #: Something about the data changed (the topic says what); every page and the projector
    #: listen to this.
    dataChanged = Signal(str)
    #: A service refused an action: the message (UI language) and the field at fault, or "".
    errorRaised = Signal(str, str)
    #: A short message for the status bar.
    statusMessage = Signal(str)
    #: A page selected a recommendation (its id): the projector follows it.
    recommendationFocused = Signal(object)
    #: The facilitator asked to show a priority round's results (its id) to the room.
    prioritiesShown = Signal(object)

    def __init__(self, database: Database, meeting_id: uuid.UUID, actor: str = "") -> None:
        super().__init__()
        self.database = database
        self.meeting_id = meeting_id
        self.actor = actor
        self.undo_stack = QUndoStack(self)
        self._summary: MeetingSummary | None = None

    # ------------------------------------------------------------------ reading

    def read(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self.database.reading() as session:
            return function(session, *args, **kwargs)

    def summary(self, *, refresh: bool = False) -> MeetingSummary:
        if self._summary is None or refresh:
            self._summary = self.read(get_meeting_summary, self.meeting_id)
        return self._summary

    @property
    def locked(self) -> bool:
        return self.summary().status is MeetingStatus.SIGNED

    # ------------------------------------------------------------------ changing

    def run(
        self,
        topic: Topic,
        function: Callable[..., T],
        *args: Any,
        **kwargs: Any,
    ) -> T | None:
        """One user action in one transaction. On a refusal, the message is shown and None is
        returned; nothing was written."""
        try:
            with self.database.transaction(self.actor) as session:
                result = function(session, *args, **kwargs)
        except DomainError as error:
            self.errorRaised.emit(error.message, error.field or "")
            return None
        self.changed(topic)
        return result

    def run_in_session(self, topic: Topic, action: Callable[[Session], T]) -> T | None:
        """Like run, for an action that calls several services in one transaction."""
        return self.run(topic, action)

    def changed(self, topic: Topic) -> None:
        self._summary = None  # attendance counts and status live in the summary
        self.dataChanged.emit(topic.value)
        moment = format_time(dt.datetime.now(dt.UTC), current_language())
        self.statusMessage.emit(_("Saved at {time}.").format(time=moment))

    def focus_recommendation(self, recommendation_id: uuid.UUID) -> None:
        """Tell the projector (and other pages) which recommendation the facilitator is on."""
        self.recommendationFocused.emit(recommendation_id)

    def show_priorities(self, round_id: uuid.UUID) -> None:
        self.prioritiesShown.emit(round_id)

    def execute(self, command: ServiceCommand) -> bool:
        """Do an undoable edit; only if it succeeds is it put on the undo stack."""
        if not command.apply(self):
            return False
        self.undo_stack.push(command)
        return True


class ServiceCommand(QUndoCommand):
    """An edit that can be undone, both ways through the services.

    `do` and `undo` each take a Session and run in their own transaction. `do` may return a value
    that `undo` needs (such as the id of what it created): it is kept in `self.result`.
    """

    def __init__(
        self,
        text: str,
        topic: Topic,
        do: Callable[[Session], Any],
        undo: Callable[[Session, Any], Any],
    ) -> None:
        super().__init__(text)
        self.topic = topic
        self._do = do
        self._undo = undo
        self.result: Any = None
        self._context: WorkspaceContext | None = None
        self._first = True
        self._succeeded = False
        self._undone = False

    def apply(self, context: WorkspaceContext) -> bool:
        """Do it for the first time; False (and the refusal shown) if a service refused."""
        self._context = context
        self._succeeded = False
        context.run(self.topic, self._call_do)
        return self._succeeded

    def _call_do(self, session: Session) -> Any:
        self._succeeded = False
        self.result = self._do(session)
        self._succeeded = True
        return self.result

    def _call_undo(self, session: Session) -> Any:
        self._undone = False
        outcome = self._undo(session, self.result)
        self._undone = True
        return outcome

    # Something done since (a vote, a withdrawal, another window) can make a service refuse an
    # undo or a redo. The refusal is shown like any other, and the command marks itself
    # obsolete, so the stack drops it instead of believing it was undone and redoing it later
    # on a record it no longer matches.

    def redo(self) -> None:
        if self._first:
            self._first = False  # apply() already did it, before the push
            return
        if self._context is not None:
            self._context.run(self.topic, self._call_do)
            if not self._succeeded:
                self.setObsolete(True)

    def undo(self) -> None:
        if self._context is not None:
            self._context.run(self.topic, self._call_undo)
            if not self._undone:
                self.setObsolete(True)
