"""Setup: the meeting's details, editable until the meeting is signed.

Each change is saved when the person leaves the field (no Save button), as one undoable edit:
undo puts the details back as they were, through `meetings.update_meeting`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from civicdesk.i18n import _
from civicdesk.services.meetings import (
    MeetingDetails,
    list_meetings,
    meeting_details,
    update_meeting,
)
from civicdesk.ui.widgets.meeting_form import MeetingForm
from civicdesk.ui.widgets.person_picker import PeopleLookup
from civicdesk.ui.workspace.context import ServiceCommand, Topic, WorkspaceContext
from civicdesk.ui.workspace.page import StepPage
from civicdesk.ui.workspace.pages import register
from civicdesk.ui.workspace.steps import Step

NOTE_STYLE = (
    "QLabel { background: #fff6e0; color: #5c4400; border: 1px solid #e6cf8f;"
    " border-radius: 4px; padding: 6px; }"
)


@dataclass(frozen=True)
class ApplyDetails:
    """Set a meeting's details: the `do` of an edit, and (with the old details) its `undo`."""

    meeting_id: uuid.UUID
    details: MeetingDetails

    def __call__(self, session: Session, _result: object = None) -> None:
        update_meeting(session, self.meeting_id, self.details)


@register
class SetupPage(StepPage):
    step = Step.SETUP
    topics = frozenset({Topic.MEETING})

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._saved: MeetingDetails | None = None
        self._saving = False
        self._opened_kind = context.summary().kind
        self._intro = QLabel(self)
        self._intro.setWordWrap(True)
        self._kind_note = QLabel(self)
        self._kind_note.setWordWrap(True)
        self._kind_note.setStyleSheet(NOTE_STYLE)
        self._kind_note.hide()
        self.form = MeetingForm(self)
        self.form.set_lookup(PeopleLookup(context.read))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addWidget(self._kind_note)
        layout.addWidget(scroll, 1)
        self.form.edited.connect(self._on_edited)
        context.errorRaised.connect(self._on_error)
        self.retranslate()

    # ------------------------------------------------------------------ StepPage

    def retranslate(self) -> None:
        self._intro.setText(
            _(
                "Changes are saved as soon as you leave a field; Ctrl+Z undoes them. The "
                "details can be changed until the meeting is signed."
            )
        )
        self._kind_note.setText(
            _(
                "The kind of meeting has changed: close this window and open the meeting "
                "again to see the steps of the new kind."
            )
        )
        self.form.retranslate()

    def reload(self) -> None:
        meeting_id = self.context.meeting_id
        details = self.context.read(meeting_details, meeting_id)
        self.form.set_meetings(self.context.read(list_meetings), exclude=meeting_id)
        self.form.set_details(details)
        self._saved = details
        self._kind_note.setVisible(details.kind is not self._opened_kind)

    def missing(self) -> list[str]:
        details = self.context.read(meeting_details, self.context.meeting_id)
        lacking = []
        if details.facilitator_id is None:
            lacking.append(_("No facilitator chosen"))
        if details.clerk_id is None:
            lacking.append(_("No clerk chosen"))
        return lacking

    def apply_lock(self, locked: bool) -> None:
        super().apply_lock(locked)
        self.form.set_editable(not locked)

    # ------------------------------------------------------------------ saving

    @Slot()
    def _on_edited(self) -> None:
        if self._saved is None or self.context.locked:
            return
        details = self.form.details()
        if details is None or details == self._saved:
            return
        command = ServiceCommand(
            _("Change the meeting's details"),
            Topic.MEETING,
            ApplyDetails(self.context.meeting_id, details),
            ApplyDetails(self.context.meeting_id, self._saved),
        )
        self._saving = True
        try:
            self.context.execute(command)
        finally:
            self._saving = False

    @Slot(str, str)
    def _on_error(self, message: str, field: str) -> None:
        if self._saving:
            self.form.show_error(field, message)
