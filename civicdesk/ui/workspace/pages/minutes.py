"""Step: what the minutes will contain, and what is still missing before they can be signed."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _, current_language
from civicdesk.i18n.labels import label
from civicdesk.models.enums import DocumentLanguage
from civicdesk.ui.workspace.context import Topic, WorkspaceContext
from civicdesk.ui.workspace.minutes_export import (
    PagePreviewDialog,
    default_file_name,
    default_folder,
    export_available,
    export_minutes,
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

WARNING_STYLE = (
    "QLabel { background: #fff6e0; color: #5c4200; border: 1px solid #e3c77a;"
    " border-radius: 4px; padding: 6px; }"
)
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
        self.export_bar = self._build_export_bar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.browser, 1)
        layout.addLayout(self.export_bar)
        self.retranslate()

    def _build_export_bar(self) -> QHBoxLayout:
        self.language_label = QLabel(self)
        self.document_language = QComboBox(self)
        self.language_label.setBuddy(self.document_language)
        for language in DocumentLanguage:
            self.document_language.addItem("", language.value)
        # The UI's language first; any other can be chosen (a Khmer PDF from an English UI).
        self.document_language.setCurrentIndex(
            max(0, self.document_language.findData(current_language()))
        )
        self.preview_button = QPushButton(self)
        self.export_button = QPushButton(self)
        # Exporting writes a new file; it never changes the meeting, so it stays possible
        # once the meeting is locked.
        for control in (self.document_language, self.preview_button, self.export_button):
            control.setProperty("keepEnabledWhenLocked", True)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.language_label)
        bar.addWidget(self.document_language)
        bar.addWidget(self.preview_button)
        bar.addWidget(self.export_button)
        exporting = export_available()
        for widget in (self.language_label, self.document_language, self.export_button):
            widget.setVisible(exporting)
        self.preview_button.setVisible(exporting and preview_available())
        self.preview_button.clicked.connect(self.preview_first_page)
        self.export_button.clicked.connect(self.export)
        return bar

    def retranslate(self) -> None:
        self.intro.setText(
            _(
                "What the minutes will contain, as recorded so far. They are signed by the "
                "chair and the clerk; once signed, the meeting is locked."
            )
        )
        self.language_label.setText(_("Document &language"))
        for row in range(self.document_language.count()):
            language = DocumentLanguage(self.document_language.itemData(row))
            self.document_language.setItemText(row, label(language))
        self.preview_button.setText(_("Preview the first page…"))
        self.export_button.setText(_("Export minutes…"))
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

    def chosen_language(self) -> DocumentLanguage:
        return DocumentLanguage(self.document_language.currentData())

    @Slot()
    def export(self) -> None:
        language = self.chosen_language()
        suggested = default_folder() / default_file_name(
            self.context.summary().meeting_date, language
        )
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Export the minutes"), str(suggested), _("PDF documents (*.pdf)")
        )
        if path:
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
            export_minutes(self.context, self, language, Path(path))

    @Slot()
    def preview_first_page(self) -> None:
        image = render_first_page(self.context, self, self.chosen_language())
        if image is None:
            return
        dialog = PagePreviewDialog(image, self)
        dialog.exec()
        dialog.deleteLater()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()


def _escape(text: str) -> str:
    return html.escape(text)
