"""Check a signed PDF from the window: the same checks as `civicdesk verify FILE.pdf` (intact,
signed by a trusted key, nothing added after the signature), said in the UI language, and
whether this computer's export register knows the file (which meeting, when, by whom)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from civicdesk.documents import signing
from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_datetime
from civicdesk.i18n.labels import label
from civicdesk.models import Document, Meeting
from civicdesk.services.errors import DomainError
from civicdesk.storage.database import Database

GOOD_STYLE = (
    "QLabel { background: #eef6ee; color: #1d4a23; border: 1px solid #a9cfae;"
    " border-radius: 4px; padding: 8px; font-weight: bold; }"
)
BAD_STYLE = (
    "QLabel { background: #fbeaea; color: #7a1712; border: 1px solid #e0a9a5;"
    " border-radius: 4px; padding: 8px; font-weight: bold; }"
)


@dataclass(frozen=True)
class RegisterEntry:
    """The export register's record of a file with the same SHA-256."""

    kind: str
    meeting_title: str
    exported_at: str
    signer: str


def find_in_register(database: Database, file_sha256: str) -> RegisterEntry | None:
    language = current_language()
    with database.reading() as session:
        document = session.scalars(
            select(Document).where(Document.sha256 == file_sha256).order_by(Document.created_at)
        ).first()
        if document is None:
            return None
        meeting = session.get(Meeting, document.meeting_id) if document.meeting_id else None
        title = ""
        if meeting is not None:
            title = (meeting.title_km if language == "km" else meeting.title_en) or (
                meeting.title_en or meeting.title_km
            )
        return RegisterEntry(
            kind=label(document.kind),
            meeting_title=title,
            exported_at=format_datetime(document.created_at, language),
            signer=document.signer,
        )


def share_certificate(parent: QWidget) -> Path | None:
    """Save this organisation's certificate for those who will check its documents; the path,
    or None if nothing was written (cancelled, or no key yet: said)."""
    info = signing.organisation_key_info()
    if info is None:
        QMessageBox.information(
            parent,
            _("Share our signing certificate"),
            _(
                "This computer has no signing key yet: it is made the first time a document is "
                "signed (Minutes step, Sign with the organisation's key)."
            ),
        )
        return None
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        _("Share our signing certificate"),
        str(Path.home() / "civicdesk-certificate.pem"),
        _("Certificates (*.pem *.crt *.cer)"),
    )
    if not path:
        return None
    try:
        written = signing.export_certificate(Path(path))
    except (DomainError, OSError) as error:
        message = error.message if isinstance(error, DomainError) else str(error)
        QMessageBox.warning(parent, _("Share our signing certificate"), message)
        return None
    QMessageBox.information(
        parent,
        _("Share our signing certificate"),
        _(
            "The certificate of {organisation} was saved to {path}. Give this file to those "
            "who check your signed documents, and tell them its fingerprint another way (by "
            "phone, or in person) so they can be sure it is yours: {fingerprint}"
        ).format(organisation=info.organisation, path=written, fingerprint=fingerprint_text(info)),
    )
    return written


def trust_certificate_file(parent: QWidget) -> signing.KeyInfo | None:
    """Choose another organisation's certificate, see whose it is and its fingerprint, and
    trust it once the person confirms; the certificate trusted, or None."""
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Trust another organisation's certificate"),
        "",
        _("Certificates (*.pem *.crt *.cer)"),
    )
    if not path:
        return None
    try:
        info = signing.read_certificate(Path(path))
    except DomainError as error:
        QMessageBox.warning(parent, _("Trust another organisation's certificate"), error.message)
        return None
    answer = QMessageBox.question(
        parent,
        _("Trust another organisation's certificate"),
        _(
            "Accept documents signed by {organisation} as genuine?\n\nFingerprint: {fingerprint}"
            "\n\nCompare it first with the fingerprint {organisation} gives you by phone or in "
            "person: anyone can make a certificate with any name."
        ).format(organisation=info.organisation, fingerprint=fingerprint_text(info)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    return signing.trust_certificate(Path(path))


def fingerprint_text(info: signing.KeyInfo) -> str:
    """The SHA-256 fingerprint in groups of four, easier to read out over the phone."""
    return " ".join(info.fingerprint[i : i + 4] for i in range(0, len(info.fingerprint), 4))


class VerifyDocumentDialog(QDialog):
    """Choose a PDF; see whether its signature holds, who signed it and when."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self.result_of_check: signing.Verification | None = None
        self.setWindowTitle(_("Check a signed document"))
        intro = QLabel(
            _(
                "Choose a PDF that CivicDesk signed: it is checked for any change since it was "
                "signed, bytes added after its end, and the key that signed it."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.file_label = QLabel(self)
        self.file_label.setWordWrap(True)
        self.choose_button = QPushButton(_("Choose a PDF…"), self)
        self.choose_button.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.file_label, 1)
        row.addWidget(self.choose_button)
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.verdict.hide()
        self.details = QTextBrowser(self)
        self.details.setOpenLinks(False)
        self.trust_button = QPushButton(_("Trust the signer's certificate…"), self)
        self.trust_button.setToolTip(
            _("Choose the certificate file the signing organisation gave you, then check again.")
        )
        self.trust_button.clicked.connect(self.trust_and_check_again)
        self.trust_button.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.trust_button)
        bottom.addWidget(buttons, 1)
        layout.addLayout(bottom)
        self._path: Path | None = None
        self.resize(720, 520)

    @Slot()
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Check a signed document"), "", _("PDF documents (*.pdf)")
        )
        if path:
            self.check_file(Path(path))

    @Slot()
    def trust_and_check_again(self) -> None:
        if trust_certificate_file(self) is not None and self._path is not None:
            self.check_file(self._path)

    def check_file(self, path: Path) -> signing.Verification | None:
        self._path = path
        self.file_label.setText(str(path))
        self.trust_button.hide()
        try:
            data = path.read_bytes()
        except OSError as error:
            self._show_verdict(
                False, _("Cannot read {path}: {reason}").format(path=path, reason=error.strerror)
            )
            self.details.clear()
            self.result_of_check = None
            return None
        result = signing.verify_pdf(data)
        self.result_of_check = result
        if result.ok:
            self._show_verdict(
                True, _("The signature is valid and the file is unchanged since it was signed.")
            )
        else:
            self._show_verdict(False, "\n".join(result.problems))
            self.trust_button.setVisible(not result.trusted and bool(result.signer))
        self.details.setHtml(self._details_html(result))
        return result

    def _show_verdict(self, good: bool, text: str) -> None:
        self.verdict.setStyleSheet(GOOD_STYLE if good else BAD_STYLE)
        self.verdict.setText(text)
        self.verdict.show()

    def _details_html(self, result: signing.Verification) -> str:
        rows: list[tuple[str, str]] = []
        if result.signer:
            rows.append((_("Signed by"), result.signer))
            rows.append((_("Certificate"), result.fingerprint))
        if result.signed_at:
            rows.append((_("Signed at"), format_datetime(result.signed_at, current_language())))
        names = {
            "document-id": _("Document ID"),
            "content-sha256": _("SHA-256 of the content"),
            "audit-head": _("Audit log head when signed"),
        }
        details = result.details
        rows += [(name, details[key]) for key, name in names.items() if key in details]
        rows.append((_("File SHA-256"), result.file_sha256))
        entry = find_in_register(self._database, result.file_sha256)
        if entry is None:
            register = _("Not in this computer's export register (made elsewhere, or changed).")
        else:
            register = _("{document} of “{meeting}”, exported {when}.").format(
                document=entry.kind, meeting=entry.meeting_title, when=entry.exported_at
            )
        rows.append((_("Export register"), register))
        cells = "".join(
            f"<tr><td style='padding: 2px 12px 2px 0'><b>{html.escape(name)}</b></td>"
            f"<td style='padding: 2px 0'>{html.escape(value)}</td></tr>"
            for name, value in rows
        )
        return f"<table>{cells}</table>"
