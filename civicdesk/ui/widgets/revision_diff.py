"""One revision of a recommendation against the one before: added text highlighted and
underlined, removed text struck through, Khmer and English each in its own block."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_number
from civicdesk.i18n.linebreak import with_break_hints
from civicdesk.i18n.textdiff import ADDED_STYLE, REMOVED_STYLE, diff_html
from civicdesk.services.recommendations import RevisionRow


class RevisionDiffView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self._revision: RevisionRow | None = None
        self._previous: RevisionRow | None = None

    def show_revisions(self, revision: RevisionRow | None, previous: RevisionRow | None) -> None:
        self._revision, self._previous = revision, previous
        self.retranslate()

    def retranslate(self) -> None:
        revision, previous = self._revision, self._previous
        if revision is None:
            self.setHtml(html.escape(_("Choose a revision to see what it changed.")))
            return
        language = current_language()
        number = format_number(revision.number, language)
        if previous is None:
            heading = _("Revision {number}: the first draft").format(number=number)
        else:
            heading = _("Revision {number} compared with revision {previous}").format(
                number=number, previous=format_number(previous.number, language)
            )
        legend = (
            f'<span style="{ADDED_STYLE}">' + html.escape(_("added text")) + "</span>"
            f" &nbsp; "
            f'<span style="{REMOVED_STYLE}">' + html.escape(_("removed text")) + "</span>"
        )
        parts = [f"<p><b>{html.escape(heading)}</b><br/>{legend}</p>"]
        for title, old, new in (
            (_("Khmer"), previous.text_km if previous else "", revision.text_km),
            (_("English"), previous.text_en if previous else "", revision.text_en),
        ):
            if old or new:
                body = diff_html(old, new, display=with_break_hints)
            else:
                body = html.escape(_("(empty)"))
            parts.append(f"<p><b>{html.escape(title)}</b><br/>{body}</p>")
        reason = revision.reason if language == "km" else revision.reason_en
        reason = reason or revision.reason or revision.reason_en
        if previous is not None and reason:
            parts.append("<p>" + html.escape(_("Reason: {reason}").format(reason=reason)) + "</p>")
        self.setHtml("".join(parts))
