"""Exporting the meeting's documents to PDF from the workspace (minutes, sign-in sheet, joint
list, action plan): language, file, signature, progress that can be cancelled, and a preview of
the first page.

The PDF itself is made by `civicdesk.documents.export`, which writes to a temporary file and
renames it only when the document is complete and registered, so a cancelled or failed export
leaves no partial file. It runs in the UI thread; the progress dialog is window-modal and
the progress callback lets Qt process its events, so Cancel is heard.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _
from civicdesk.i18n.labels import label
from civicdesk.models.enums import DocumentKind, DocumentLanguage
from civicdesk.services import DomainError
from civicdesk.ui.workspace.context import Topic, WorkspaceContext

if TYPE_CHECKING:  # the exporter loads ReportLab (0.4 s): only when something is exported
    from civicdesk.documents.export import ExportRequest, ExportResult
    from civicdesk.documents.signing import SigningKey

#: Width in pixels of the first-page preview: a portrait page, and a landscape one (the action
#: plan), whose table would be unreadable at the portrait width.
PREVIEW_WIDTH = 620
PREVIEW_LANDSCAPE_WIDTH = 900


def preview_available() -> bool:
    """Whether a PDF page can be drawn here (pypdfium2, a dependency; Qt's own PDF module is
    not in PySide6-Essentials)."""
    return importlib.util.find_spec("pypdfium2") is not None


def default_file_name(
    kind: DocumentKind, meeting_date: dt.date, language: DocumentLanguage, *, signed: bool = False
) -> str:
    """For example ``minutes-2021-11-23-km-signed.pdf`` or ``sign-in-sheet-2021-11-23-en.pdf``."""
    name = f"{kind.value.replace('_', '-')}-{meeting_date.isoformat()}-{language.value}"
    return f"{name}-signed.pdf" if signed else f"{name}.pdf"


def confirm_signing(context: WorkspaceContext, parent: QWidget) -> bool:
    """Say what signing this meeting locks, and ask; True to sign (the workspace's "Sign and
    lock" button, and signed minutes exported from the Minutes step)."""
    from civicdesk.ui.workspace.minutes_summary import read_minutes_content, signing_confirmation

    content = context.read(read_minutes_content, context.meeting_id)
    answer = QMessageBox.question(
        parent,
        _("Sign and lock the meeting?"),
        signing_confirmation(content),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def default_folder() -> Path:
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


class ProgressReporter:
    """The exporter's progress callback and cancel check, shown in a window-modal dialog."""

    def __init__(self, parent: QWidget, label: str) -> None:
        self.dialog = QProgressDialog(label, _("Cancel"), 0, 100, parent)
        self.dialog.setWindowTitle(_("Exporting"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setValue(0)

    def progress(self, fraction: float) -> None:
        self.dialog.setValue(max(0, min(100, round(fraction * 100))))
        QApplication.processEvents()

    def cancelled(self) -> bool:
        QApplication.processEvents()
        return self.dialog.wasCanceled()

    def close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()


def _run(
    context: WorkspaceContext,
    parent: QWidget,
    label: str,
    work: Callable[[ProgressReporter], Any],
) -> Any:
    """Run `work` with a progress dialog; refusals and a cancel are reported, None returned."""
    reporter = ProgressReporter(parent, label)
    try:
        return work(reporter)
    except DomainError as error:
        # A cancel is an ExportCancelled, a DomainError whose message says nothing was written.
        context.errorRaised.emit(error.message, error.field or "")
        return None
    finally:
        reporter.close()


def export_to_file(
    context: WorkspaceContext,
    parent: QWidget,
    request: ExportRequest,
    destination: Path,
    *,
    signing_key: SigningKey | None = None,
    reporter_hook: Callable[[ProgressReporter], None] | None = None,
) -> ExportResult | None:
    """Export a document of the meeting to `destination`, signed if a key is given; the
    ExportResult, or None if refused or cancelled. `reporter_hook` sees the progress reporter
    first (tests press Cancel with it). Signed minutes of a closed meeting lock it."""
    from civicdesk.documents.export import export_document

    document = label(request.kind)

    def work(reporter: ProgressReporter) -> ExportResult:
        if reporter_hook is not None:
            reporter_hook(reporter)
        return export_document(
            context.database,
            request,
            destination,
            signing_key=signing_key,
            actor=context.actor,
            progress=reporter.progress,
            cancelled=reporter.cancelled,
        )

    result: ExportResult | None = _run(
        context, parent, _("Exporting: {document}…").format(document=document), work
    )
    if result is None:
        return None
    if result.locked_meeting:
        # Signed and locked: the edits before the signature can no longer be undone.
        context.undo_stack.clear()
        context.changed(Topic.MEETING)
    else:
        context.changed(Topic.DOCUMENTS)
    if result.signed:
        message = _("{document} signed by {signer} and exported to {path}.").format(
            document=document, signer=result.signer, path=str(result.path)
        )
    else:
        message = _("{document} exported to {path}.").format(
            document=document, path=str(result.path)
        )
    context.statusMessage.emit(message)
    return result


def render_first_page(
    context: WorkspaceContext, parent: QWidget, request: ExportRequest
) -> QImage | None:
    """The document's first page as an image (made in memory: no file, nothing registered)."""
    from civicdesk.documents.export import render_document

    def work(reporter: ProgressReporter) -> Any:
        return render_document(
            context.database, request, progress=reporter.progress, cancelled=reporter.cancelled
        )

    rendered = _run(context, parent, _("Preparing the preview…"), work)
    return None if rendered is None else pdf_page_image(rendered.pdf, 0)


def pdf_page_image(pdf: bytes, index: int) -> QImage | None:
    """One page of a PDF drawn for the preview, or None if it cannot be drawn here."""
    if not preview_available():
        return None
    import pypdfium2

    formats = {
        "RGB": QImage.Format.Format_RGB888,
        "RGBX": QImage.Format.Format_RGBX8888,
        "RGBA": QImage.Format.Format_RGBA8888,
        "L": QImage.Format.Format_Grayscale8,
    }
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[index]
        landscape = page.get_width() > page.get_height()
        width = PREVIEW_LANDSCAPE_WIDTH if landscape else PREVIEW_WIDTH
        bitmap = page.render(scale=width / page.get_width(), rev_byteorder=True)
        image_format = formats.get(bitmap.mode)
        if image_format is None:
            return None
        data = bytes(bitmap.buffer)
        image = QImage(data, bitmap.width, bitmap.height, bitmap.stride, image_format)
        return image.copy()  # `data` is gone when this function returns
    finally:
        document.close()


class PagePreviewDialog(QDialog):
    """The first page of a document, as it will print."""

    def __init__(self, image: QImage, kind: DocumentKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("First page: {document}").format(document=label(kind)))
        self.page = QLabel(self)
        self.page.setPixmap(QPixmap.fromImage(image))
        self.page.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidget(self.page)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(image.width() + 60, 680)
