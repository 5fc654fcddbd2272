"""The "New meeting" dialog: fill in the meeting form, plan the meeting, open it."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from civicdesk.i18n import _
from civicdesk.services import DomainError
from civicdesk.services.meetings import MeetingDetails, MeetingSummary, plan_meeting
from civicdesk.storage.database import Database
from civicdesk.ui.reading import reader
from civicdesk.ui.widgets.meeting_form import MeetingForm
from civicdesk.ui.widgets.person_picker import PeopleLookup

#: Wide enough for both titles side by side; still well inside a 1366×768 screen.
DEFAULT_WIDTH = 1000
BANNER_STYLE = (
    "QLabel { background: #fdecea; color: #7a1c13; border: 1px solid #e0a49c;"
    " border-radius: 4px; padding: 6px; }"
)


class NewMeetingDialog(QDialog):
    """Plans the meeting when the person confirms; a refusal keeps the dialog open with the
    reason next to the field (and above the buttons), so nothing typed is lost."""

    meetingPlanned = Signal(object)  # uuid.UUID

    def __init__(
        self,
        database: Database,
        meetings: list[MeetingSummary],
        *,
        actor: str = "",
        initial: MeetingDetails | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._actor = actor
        self.planned_id: uuid.UUID | None = None
        self.form = MeetingForm(self)
        self.form.set_lookup(PeopleLookup(reader(database)))
        self.form.set_meetings(meetings)
        self.form.set_details(initial)
        self._banner = QLabel(self)
        self._banner.setWordWrap(True)
        self._banner.setStyleSheet(BANNER_STYLE)
        self._banner.hide()
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.form, 1)
        layout.addWidget(self._banner)
        layout.addWidget(self._buttons)
        self._buttons.accepted.connect(self.plan)
        self._buttons.rejected.connect(self.reject)
        self.retranslate()
        self.resize(max(self.sizeHint().width(), DEFAULT_WIDTH), self.sizeHint().height())
        self.form.title_km.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(_("New meeting"))
        ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self._buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if ok is not None:
            ok.setText(_("&Plan the meeting"))
        if cancel is not None:
            cancel.setText(_("Cancel"))
        self.form.retranslate()

    @Slot()
    def plan(self) -> None:
        self._banner.hide()
        details = self.form.details()
        if details is None:
            self._show_banner(_("Some details need fixing: see the marks in the form."))
            return
        try:
            with self._database.transaction(self._actor) as session:
                meeting_id = plan_meeting(session, details)
        except DomainError as error:
            self.form.show_error(error.field or "", error.message)
            self._show_banner(error.message)
            return
        self.planned_id = meeting_id
        self.meetingPlanned.emit(meeting_id)
        self.accept()

    def _show_banner(self, message: str) -> None:
        self._banner.setText(message)
        self._banner.show()
