"""Step: what the minutes will contain, and what is still missing before they can be signed."""

from __future__ import annotations

import html

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from civicdesk.i18n import _
from civicdesk.ui.workspace.context import Topic, WorkspaceContext
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.browser, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(
            _(
                "What the minutes will contain, as recorded so far. They are signed by the "
                "chair and the clerk; once signed, the meeting is locked."
            )
        )
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
                f"<b>{_escape(_('Still missing before the minutes can be signed:'))}</b>"
                f"<ul style='margin: 0'>{items}</ul>"
            )
        else:
            self.missing_label.setStyleSheet(READY_STYLE)
            self.missing_label.setText(
                _escape(_("Nothing is missing: the minutes are ready to be signed."))
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()


def _escape(text: str) -> str:
    return html.escape(text)
