"""Step: what the minutes will contain, what is still missing before they can be signed, and the
meeting's documents exported as PDF (minutes, sign-in sheet, joint list, action plan), signed
with the organisation's key when asked; the key is made or imported at the first signature."""

from __future__ import annotations

import html
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _, current_language
from civicdesk.i18n.labels import label
from civicdesk.models.enums import DocumentKind, DocumentLanguage, MeetingStatus
from civicdesk.services import actions, joint_lists
from civicdesk.services.errors import DomainError
from civicdesk.services.places import district_name
from civicdesk.ui.workspace.context import Topic, WorkspaceContext
from civicdesk.ui.workspace.minutes_export import (
    PagePreviewDialog,
    confirm_signing,
    default_file_name,
    default_folder,
    export_to_file,
    preview_available,
    render_first_page,
)
from civicdesk.ui.workspace.minutes_summary import (
    MinutesContent,
    missing_before_signing,
    read_minutes_content,
    summary_html,
)
from civicdesk.ui.workspace.page import StepPage
from civicdesk.ui.workspace.pages import register
from civicdesk.ui.workspace.steps import Step

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from civicdesk.documents.export import ExportRequest

WARNING_STYLE = (
    "QLabel { background: #fff6e0; color: #5c4200; border: 1px solid #e3c77a;"
    " border-radius: 4px; padding: 6px; }"
)
NOTE_STYLE = "QLabel { color: #555; }"
READY_STYLE = (
    "QLabel { background: #eef6ee; color: #1d4a23; border: 1px solid #a9cfae;"
    " border-radius: 4px; padding: 6px; }"
)


@register
class MinutesPage(StepPage):
    step = Step.MINUTES
    #: The minutes show everything the meeting recorded.
    topics = frozenset(Topic)

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.content: MinutesContent | None = None
        self.still_missing: list[str] = []
        self._stale = True
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.missing_label = QLabel(self)
        self.missing_label.setWordWrap(True)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.documents: list[tuple[DocumentKind, uuid.UUID, str]] = []
        self.export_box = self._build_export_box()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.export_box)
        self.retranslate()

    def _build_export_box(self) -> QGroupBox:
        box = QGroupBox(self)
        self.document_label = QLabel(box)
        self.document_kind = QComboBox(box)
        self.document_label.setBuddy(self.document_kind)
        self.language_label = QLabel(box)
        self.document_language = QComboBox(box)
        self.language_label.setBuddy(self.document_language)
        for language in DocumentLanguage:
            self.document_language.addItem("", language.value)
        # The UI's language first; any other can be chosen (a Khmer PDF from an English UI).
        self.document_language.setCurrentIndex(
            max(0, self.document_language.findData(current_language()))
        )
        self.sign_box = QCheckBox(box)
        self.signing_note = QLabel(box)
        self.signing_note.setWordWrap(True)
        self.signing_note.setStyleSheet(NOTE_STYLE)
        self.preview_button = QPushButton(box)
        self.export_button = QPushButton(box)
        # Exporting writes a new file; it never changes the meeting, so it stays possible
        # once the meeting is locked.
        for control in (
            self.document_kind,
            self.document_language,
            self.sign_box,
            self.preview_button,
            self.export_button,
        ):
            control.setProperty("keepEnabledWhenLocked", True)
        choices = QHBoxLayout()
        choices.addWidget(self.document_label)
        choices.addWidget(self.document_kind, 2)
        choices.addSpacing(12)
        choices.addWidget(self.language_label)
        choices.addWidget(self.document_language, 1)
        choices.addSpacing(12)
        choices.addWidget(self.sign_box)
        actions = QHBoxLayout()
        actions.addWidget(self.signing_note, 1)
        actions.addWidget(self.preview_button)
        actions.addWidget(self.export_button)
        layout = QVBoxLayout(box)
        layout.addLayout(choices)
        layout.addLayout(actions)
        self.preview_button.setVisible(preview_available())
        self.preview_button.clicked.connect(self.preview_first_page)
        self.export_button.clicked.connect(self.export)
        self.document_kind.currentIndexChanged.connect(self._show_signing_note)
        self.sign_box.toggled.connect(self._show_signing_note)
        return box

    def retranslate(self) -> None:
        self.intro.setText(
            _(
                "What the minutes will contain, as recorded so far. They are signed by the "
                "chair and the clerk; once signed, the meeting is locked."
            )
        )
        self.export_box.setTitle(_("Export a document"))
        self.document_label.setText(_("&Document"))
        self.language_label.setText(_("&Language"))
        for row in range(self.document_language.count()):
            language = DocumentLanguage(self.document_language.itemData(row))
            self.document_language.setItemText(row, label(language))
        self.sign_box.setText(_("&Sign with the organisation's key"))
        self.preview_button.setText(_("Preview the first page…"))
        self.export_button.setText(_("&Export…"))
        self._fill_documents()
        self._stale = True
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        # Reading everything the meeting recorded is not free: only for someone looking.
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self.content = self.context.read(read_minutes_content, self.context.meeting_id)
        self.still_missing = missing_before_signing(self.content)
        self._show_missing()
        self.documents = self.context.read(exportable_documents, self.context.meeting_id)
        self._fill_documents()
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(summary_html(self.content))
        self.browser.verticalScrollBar().setValue(scroll)

    def _show_missing(self) -> None:
        if self.context.locked:
            self.missing_label.setStyleSheet(READY_STYLE)
            self.missing_label.setText(_escape(_("The minutes have been signed.")))
        elif self.still_missing:
            self.missing_label.setStyleSheet(WARNING_STYLE)
            items = "".join(f"<li>{_escape(text)}</li>" for text in self.still_missing)
            self.missing_label.setText(
                "<b>" + _escape(_("Still missing before the minutes can be signed:")) + "</b>"
                f"<ul style='margin: 0'>{items}</ul>"
            )
        else:
            self.missing_label.setStyleSheet(READY_STYLE)
            self.missing_label.setText(
                _escape(_("Nothing is missing: the minutes are ready to be signed."))
            )

    # ------------------------------------------------------------------ export

    def _fill_documents(self) -> None:
        """The documents this meeting has: minutes and sign-in sheet always, the joint list and
        the action plan once there is one. The choice is kept across reloads."""
        chosen = self.document_kind.currentData()
        self.document_kind.blockSignals(True)
        self.document_kind.clear()
        for kind, subject, district in self.documents or default_documents(self.context):
            text = label(kind)
            if district:
                text = _("{document}, {district}").format(document=text, district=district)
            self.document_kind.addItem(text, f"{kind.value} {subject}")
        index = self.document_kind.findData(chosen) if chosen is not None else -1
        self.document_kind.setCurrentIndex(max(0, index))
        self.document_kind.blockSignals(False)
        self._show_signing_note()

    def chosen_request(self) -> ExportRequest:
        from civicdesk.documents.export import ExportRequest

        kind, subject = self.document_kind.currentData().split()
        return ExportRequest(DocumentKind(kind), uuid.UUID(subject), self.chosen_language())

    def chosen_kind(self) -> DocumentKind:
        return DocumentKind(self.document_kind.currentData().split()[0])

    def chosen_language(self) -> DocumentLanguage:
        return DocumentLanguage(self.document_language.currentData())

    def choose_document(self, kind: DocumentKind) -> bool:
        """Select the first document of this kind; False if the meeting has none."""
        for row in range(self.document_kind.count()):
            if self.document_kind.itemData(row).split()[0] == kind.value:
                self.document_kind.setCurrentIndex(row)
                return True
        return False

    @Slot()
    def _show_signing_note(self) -> None:
        if self.document_kind.currentData() is None:
            return
        status = self.context.summary().status
        minutes = self.chosen_kind() is DocumentKind.MINUTES
        if not self.sign_box.isChecked():
            text = ""
        elif minutes and status in (MeetingStatus.PLANNED, MeetingStatus.OPEN):
            text = _("Minutes can be signed once the meeting is closed.")
        elif minutes and status is MeetingStatus.CLOSED:
            text = _("Signing the minutes also signs and locks the meeting.")
        else:
            text = signing_key_note()
        self.signing_note.setText(text)

    @Slot()
    def export(self) -> None:
        request = self.chosen_request()
        sign = self.sign_box.isChecked()
        if sign and not self._confirm_signing(request):
            return
        suggested = default_folder() / default_file_name(
            request.kind, self.context.summary().meeting_date, request.language, signed=sign
        )
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export: {document}").format(document=label(request.kind)),
            str(suggested),
            _("PDF documents (*.pdf)"),
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        key = None
        if sign:
            from civicdesk.ui.dialogs.signing_key import unlock_signing_key

            key = unlock_signing_key(self)
            if key is None:
                return
        export_to_file(self.context, self, request, Path(path), signing_key=key)
        self._show_signing_note()

    def _confirm_signing(self, request: ExportRequest) -> bool:
        """Refused at once if the minutes cannot be signed yet; signing the minutes of a closed
        meeting locks it, which is said, and asked, first."""
        from civicdesk.documents.export import check_can_sign

        try:
            check_can_sign(self.context.database, request)
        except DomainError as error:
            self.context.errorRaised.emit(error.message, error.field or "")
            return False
        status = self.context.summary(refresh=True).status
        if request.kind is not DocumentKind.MINUTES or status is not MeetingStatus.CLOSED:
            return True
        return confirm_signing(self.context, self)

    @Slot()
    def preview_first_page(self) -> None:
        request = self.chosen_request()
        image = render_first_page(self.context, self, request)
        if image is None:
            return
        dialog = PagePreviewDialog(image, request.kind, self)
        dialog.exec()
        dialog.deleteLater()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()


def exportable_documents(
    session: Session, meeting_id: uuid.UUID
) -> list[tuple[DocumentKind, uuid.UUID, str]]:
    """(kind, subject, district name if the meeting has several joint lists) for each document
    the meeting can export."""
    found = [
        (DocumentKind.MINUTES, meeting_id, ""),
        (DocumentKind.SIGN_IN_SHEET, meeting_id, ""),
    ]
    lists = joint_lists.joint_lists(session, meeting_id=meeting_id)
    for joint_list in lists:
        district = (
            district_name(joint_list.district_code, current_language()) if len(lists) > 1 else ""
        )
        found.append((DocumentKind.JOINT_LIST, joint_list.id, district))
    if actions.actions(session, meeting_id=meeting_id):
        found.append((DocumentKind.ACTION_PLAN, meeting_id, ""))
    return found


def default_documents(context: WorkspaceContext) -> list[tuple[DocumentKind, uuid.UUID, str]]:
    """Before the page has read the meeting: the two documents every meeting has."""
    return [
        (DocumentKind.MINUTES, context.meeting_id, ""),
        (DocumentKind.SIGN_IN_SHEET, context.meeting_id, ""),
    ]


def signing_key_note() -> str:
    """Whose key will sign, or that one is made at the first signature."""
    from civicdesk.documents import signing

    info = signing.organisation_key_info()
    if info is None:
        return _(
            "This computer has no signing key yet: you will be asked to create or import "
            "the organisation's key."
        )
    return _("Signed for {organisation}.").format(organisation=info.organisation)


def _escape(text: str) -> str:
    return html.escape(text)
