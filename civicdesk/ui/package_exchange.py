"""Exchange packages from the main window: export the records of a meeting or a district, import
a package after a summary of what it would change, and resolve the conflicts imports leave.

The services (civicdesk.exchange) do the work, each user action in one transaction; this shows
the dialogs and the outcome, and says when records changed so that the windows reload.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from civicdesk.exchange import (
    ExportSummary,
    ImportSummary,
    conflicts,
    export_package,
    import_package,
    preview_import,
)
from civicdesk.i18n import _, current_language, ngettext
from civicdesk.i18n.khmer import format_number
from civicdesk.services import DomainError
from civicdesk.services.meetings import MeetingSummary
from civicdesk.storage.database import Database
from civicdesk.ui.dialogs.conflicts import ConflictDialog
from civicdesk.ui.dialogs.package_export import SUFFIX, ExportScopeDialog
from civicdesk.ui.dialogs.package_import import ImportSummaryDialog


@contextmanager
def _busy() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def _package_filter() -> str:
    return ";;".join([_("CivicDesk packages (*.cdpkg)"), _("All files (*)")])


class PackageExchange(QObject):
    #: Records changed (a package imported, a conflict resolved): windows showing them reload.
    recordsChanged = Signal()

    def __init__(self, database: Database, actor: str, window: QWidget) -> None:
        super().__init__(window)
        self._database = database
        self._actor = actor
        self._window = window
        self._folder = Path.home()
        self._conflicts: ConflictDialog | None = None

    def retranslate(self) -> None:
        if self._conflicts is not None:
            self._conflicts.retranslate()

    # ------------------------------------------------------------------ export

    def export_package(
        self, meeting: MeetingSummary | None, districts: list[str]
    ) -> ExportSummary | None:
        """Ask what to export and where, then write the package."""
        title = _("Export package")
        if meeting is None and not districts:
            QMessageBox.information(self._window, title, _("There are no meetings to export."))
            return None
        dialog = ExportScopeDialog(meeting, districts, self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choice = dialog.choice(dt.date.today())
        chosen, _filter = QFileDialog.getSaveFileName(
            self._window, title, str(self._folder / choice.file_name), _package_filter()
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        self._folder = path.parent
        try:
            with _busy(), self._database.reading() as session:
                summary = export_package(session, choice.scope, path)
        except DomainError as error:
            QMessageBox.warning(self._window, title, error.message)
            return None
        except OSError as error:
            QMessageBox.warning(
                self._window,
                title,
                _("The file could not be written: {reason}").format(reason=error.strerror or error),
            )
            return None
        QMessageBox.information(self._window, title, self._export_message(summary))
        return summary

    @staticmethod
    def _export_message(summary: ExportSummary) -> str:
        language = current_language()
        meetings = format_number(summary.meetings, language)
        records = format_number(summary.records, language)
        return "\n".join(
            [
                _("The package was written to {path}.").format(path=summary.path),
                "",
                _("Meetings: {count}").format(count=meetings),
                _("Records: {count}").format(count=records),
                "",
                _("On the other computer, open it with File › Import package…"),
            ]
        )

    # ------------------------------------------------------------------ import

    def import_package(self) -> ImportSummary | None:
        """Choose a package, show what it would change, and import it if the person agrees."""
        title = _("Import package")
        chosen, _filter = QFileDialog.getOpenFileName(
            self._window, title, str(self._folder), _package_filter()
        )
        if not chosen:
            return None
        path = Path(chosen)
        self._folder = path.parent
        try:
            with _busy(), self._database.transaction(self._actor) as session:
                preview = preview_import(session, path)
        except DomainError as error:
            QMessageBox.warning(self._window, title, error.message)
            return None
        dialog = ImportSummaryDialog(preview, self._window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.nothing_to_do:
            return None
        try:
            with _busy(), self._database.transaction(self._actor) as session:
                summary = import_package(session, path)
        except DomainError as error:
            QMessageBox.warning(self._window, title, error.message)
            return None
        self.recordsChanged.emit()
        self._report_import(summary)
        return summary

    def _report_import(self, summary: ImportSummary) -> None:
        title = _("Import package")
        imported = _("The package {file} was imported.").format(file=summary.file_name)
        text = "\n".join([imported, "", *summary.lines()])
        if summary.conflicts:
            question = ngettext(
                "{count} record was changed both here and in the package. Compare the two "
                "versions now?",
                "{count} records were changed both here and in the package. Compare the two "
                "versions now?",
                summary.conflicts,
            ).format(count=format_number(summary.conflicts, current_language()))
            answer = QMessageBox.question(self._window, title, text + "\n\n" + question)
            if answer == QMessageBox.StandardButton.Yes:
                self.resolve_conflicts()
        elif summary.flagged:
            QMessageBox.warning(self._window, title, text)
        else:
            QMessageBox.information(self._window, title, text)

    # ------------------------------------------------------------------ conflicts

    def resolve_conflicts(self) -> ConflictDialog | None:
        """The conflict dialog (one, kept while open), or a word that there is nothing to do."""
        if self._conflicts is not None:
            self._conflicts.reload()
            self._conflicts.raise_()
            self._conflicts.activateWindow()
            return self._conflicts
        with self._database.reading() as session:
            open_conflicts = conflicts(session)
        if not open_conflicts:
            QMessageBox.information(
                self._window, _("Conflicts between versions"), _("No conflicts to resolve.")
            )
            return None
        dialog = ConflictDialog(self._database, actor=self._actor, parent=self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.conflictResolved.connect(self.recordsChanged)
        dialog.finished.connect(self._on_conflicts_finished)
        self._conflicts = dialog
        dialog.show()  # not modal: the meetings stay in reach while comparing
        return dialog

    def conflicts_dialog(self) -> ConflictDialog | None:
        return self._conflicts

    @Slot(int)
    def _on_conflicts_finished(self, _result: int) -> None:
        self._conflicts = None
