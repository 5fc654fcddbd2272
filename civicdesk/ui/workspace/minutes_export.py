"""Exporting the minutes to PDF from the workspace: language, file, progress that can be
cancelled, and a preview of the first page.

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
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressDialog,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from civicdesk.i18n import _
from civicdesk.models.enums import DocumentKind, DocumentLanguage
from civicdesk.services import DomainError
from civicdesk.ui.workspace.context import Topic, WorkspaceContext

EXPORT_MODULE = "civicdesk.documents.export"
#: Width in pixels of the first-page preview.
PREVIEW_WIDTH = 620


def export_available() -> bool:
    """Whether this installation has the PDF exporter (issue 5)."""
    return importlib.util.find_spec(EXPORT_MODULE) is not None


def preview_available() -> bool:
    """Whether a PDF page can be drawn here (pypdfium2; Qt's own PDF module is not installed)."""
    return importlib.util.find_spec("pypdfium2") is not None


def default_file_name(meeting_date: dt.date, language: DocumentLanguage) -> str:
    return f"minutes-{meeting_date.isoformat()}-{language.value}.pdf"


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


def export_minutes(
    context: WorkspaceContext,
    parent: QWidget,
    language: DocumentLanguage,
    destination: Path,
    *,
    reporter_hook: Callable[[ProgressReporter], None] | None = None,
) -> Any:
    """Export the meeting's minutes to `destination`; the ExportResult, or None if refused or
    cancelled. `reporter_hook` sees the progress reporter first (tests press Cancel with it)."""
    from civicdesk.documents.export import ExportRequest, export_document

    request = ExportRequest(DocumentKind.MINUTES, context.meeting_id, language)

    def work(reporter: ProgressReporter) -> Any:
        if reporter_hook is not None:
            reporter_hook(reporter)
        return export_document(
            context.database,
            request,
            destination,
            actor=context.actor,
            progress=reporter.progress,
            cancelled=reporter.cancelled,
        )

    result = _run(context, parent, _("Exporting the minutes…"), work)
    if result is not None:
        context.changed(Topic.DOCUMENTS)
        context.statusMessage.emit(
            _("The minutes were exported to {path}.").format(path=str(result.path))
        )
    return result


def render_first_page(
    context: WorkspaceContext, parent: QWidget, language: DocumentLanguage
) -> QImage | None:
    """The minutes' first page as an image (made in memory: no file, nothing registered)."""
    from civicdesk.documents.export import ExportRequest, render_document

    request = ExportRequest(DocumentKind.MINUTES, context.meeting_id, language)

    def work(reporter: ProgressReporter) -> Any:
        return render_document(
            context.database, request, progress=reporter.progress, cancelled=reporter.cancelled
        )

    rendered = _run(context, parent, _("Preparing the preview…"), work)
    return None if rendered is None else pdf_page_image(rendered.pdf, 0, PREVIEW_WIDTH)


def pdf_page_image(pdf: bytes, index: int, width: int) -> QImage | None:
    """One page of a PDF drawn `width` pixels wide, or None if it cannot be drawn here."""
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
    """The first page of the minutes, as it will print."""

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("First page of the minutes"))
        self.page = QLabel(self)
        self.page.setPixmap(QPixmap.fromImage(image))
        self.page.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidget(self.page)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(image.width() + 60, 680)
