"""The secretariat's window: all recommendations across districts (with consolidation and
lineage) and the reports, with XLSX, CSV and PDF exports in a language chosen per export."""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)
from sqlalchemy.orm import Session

from civicdesk.documents import report_tables, spreadsheets
from civicdesk.documents.report import export_report_pdf
from civicdesk.documents.spreadsheets import Sheet
from civicdesk.i18n import _, current_language
from civicdesk.i18n.labels import choices
from civicdesk.models.enums import DocumentLanguage
from civicdesk.services.errors import DomainError
from civicdesk.storage.database import Database
from civicdesk.ui.secretariat.recommendations_tab import RecommendationsTab
from civicdesk.ui.secretariat.reports_tab import ReportsTab
from civicdesk.ui.settings import Settings

WINDOW_NAME = "secretariat"


class Records(enum.StrEnum):
    """What a records export holds."""

    RECOMMENDATIONS = "recommendations"
    VOTES = "votes"
    ATTENDANCE = "attendance"
    ACTIONS = "actions"
    ALL = "all"


def _record_sheets(session: Session, what: Records, language: str) -> list[Sheet]:
    if what is Records.RECOMMENDATIONS:
        return [spreadsheets.recommendation_sheet(session, language)]
    if what is Records.VOTES:
        return [spreadsheets.vote_sheet(session, language)]
    if what is Records.ATTENDANCE:
        return spreadsheets.attendance_sheets(session, language)
    if what is Records.ACTIONS:
        return [spreadsheets.action_sheet(session, language)]
    return spreadsheets.record_sheets(session, language)


def write_sheets(path: Path, sheets: list[Sheet]) -> list[Path]:
    """XLSX or CSV, by the file's suffix."""
    if path.suffix.lower() == ".csv":
        return spreadsheets.write_csv(path, sheets)
    return [spreadsheets.write_xlsx(path.with_suffix(".xlsx"), sheets)]


class SecretariatWindow(QMainWindow):
    def __init__(
        self,
        database: Database,
        settings: Settings | None = None,
        *,
        actor: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._database = database
        self._settings = settings or Settings()
        self.recommendations = RecommendationsTab(database, actor, self)
        self.reports = ReportsTab(database, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.recommendations, "")
        self.tabs.addTab(self.reports, "")
        self.setCentralWidget(self.tabs)
        self._build_toolbar()
        self._build_menus()
        self._connect_signals()
        self.retranslate()
        self.reload()
        self._restore_geometry()

    # ------------------------------------------------------------------ construction

    def _build_toolbar(self) -> None:
        self._toolbar = QToolBar(self)
        self._toolbar.setObjectName("secretariat-toolbar")
        self._toolbar.setMovable(False)
        self._language_label = QLabel(self)
        self.document_language = QComboBox(self)
        self._language_label.setBuddy(self.document_language)
        self._toolbar.addWidget(self._language_label)
        self._toolbar.addWidget(self.document_language)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self._toolbar)

    def _build_menus(self) -> None:
        self._file_menu = self.menuBar().addMenu("")
        self._record_actions: dict[Records, QAction] = {}
        for what in Records:
            action = QAction(self)
            action.setData(what.value)
            self._file_menu.addAction(action)
            self._record_actions[what] = action
        self._file_menu.addSeparator()
        self._report_actions: dict[str, QAction] = {}
        for kind in ("xlsx", "csv", "pdf"):
            action = QAction(self)
            action.setData(kind)
            self._file_menu.addAction(action)
            self._report_actions[kind] = action
        self._file_menu.addSeparator()
        self._close_action = QAction(self)
        self._close_action.setShortcut(QKeySequence.StandardKey.Close)
        self._file_menu.addAction(self._close_action)
        self._view_menu = self.menuBar().addMenu("")
        self._reload_action = QAction(self)
        self._reload_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self._view_menu.addAction(self._reload_action)

    def _connect_signals(self) -> None:
        self.recommendations.recordsChanged.connect(self.reports.reload)
        self.reports.exportRequested.connect(self.ask_and_export_report)
        for action in self._record_actions.values():
            action.triggered.connect(self._on_record_action)
        for action in self._report_actions.values():
            action.triggered.connect(self._on_report_action)
        self._close_action.triggered.connect(self.close)
        self._reload_action.triggered.connect(self.reload)

    # ------------------------------------------------------------------ language

    @Slot(str)
    def on_language_changed(self, _code: str) -> None:
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(_("CivicDesk: secretariat"))
        self.tabs.setTabText(0, _("All recommendations"))
        self.tabs.setTabText(1, _("Reports"))
        self._file_menu.setTitle(_("&File"))
        self._view_menu.setTitle(_("&View"))
        self._reload_action.setText(_("&Reload"))
        self._close_action.setText(_("&Close"))
        record_texts = {
            Records.RECOMMENDATIONS: _("Export &recommendations…"),
            Records.VOTES: _("Export &votes…"),
            Records.ATTENDANCE: _("Export &attendance…"),
            Records.ACTIONS: _("Export a&ctions…"),
            Records.ALL: _("Export all records in one &workbook…"),
        }
        for what, action in self._record_actions.items():
            action.setText(record_texts[what])
        report_texts = {
            "xlsx": _("Export the report as XLSX…"),
            "csv": _("Export the report as CSV…"),
            "pdf": _("Export the report as PDF…"),
        }
        for kind, action in self._report_actions.items():
            action.setText(report_texts[kind])
        self._language_label.setText(_("Document &language:"))
        self.document_language.setToolTip(
            _("The language of exported files; spreadsheets use the first of two.")
        )
        # The documents' language starts as the UI's; it is chosen per export after that.
        selected = self.document_language.currentData() or current_language()
        self.document_language.blockSignals(True)
        self.document_language.clear()
        for language, text in choices(DocumentLanguage):
            self.document_language.addItem(text, language.value)
        self.document_language.setCurrentIndex(max(self.document_language.findData(selected), 0))
        self.document_language.blockSignals(False)
        self.recommendations.retranslate()
        self.reports.retranslate()

    # ------------------------------------------------------------------ data

    @Slot()
    def reload(self) -> None:
        self.recommendations.reload()
        self.reports.reload()

    def document_language_choice(self) -> DocumentLanguage:
        return DocumentLanguage(str(self.document_language.currentData()))

    def _sheet_language(self) -> str:
        choice = self.document_language_choice()
        return "km" if choice is DocumentLanguage.BOTH else choice.value

    # ------------------------------------------------------------------ exports

    def export_records(self, what: Records, path: Path) -> list[Path]:
        with self._database.reading() as session:
            sheets = _record_sheets(session, what, self._sheet_language())
        return write_sheets(path, sheets)

    def export_report(self, kind: str, path: Path) -> list[Path]:
        if kind == "pdf":
            result = export_report_pdf(
                self._database,
                path.with_suffix(".pdf"),
                language=self.document_language_choice(),
                as_of=self.reports.as_of_date(),
            )
            return [result.path]
        report = self.reports.report()
        if report is None:
            return []
        sheets = report_tables.report_sheets(report, self._sheet_language())
        return write_sheets(path.with_suffix("." + kind), sheets)

    def _ask_path(self, title: str, name: str, kinds: tuple[str, ...]) -> Path | None:
        filters = {
            "xlsx": _("Excel workbook (*.xlsx)"),
            "csv": _("CSV, UTF-8 (*.csv)"),
            "pdf": _("PDF document (*.pdf)"),
        }
        chosen, selected_filter = QFileDialog.getSaveFileName(
            self,
            title,
            str(Path.home() / f"{name}.{kinds[0]}"),
            ";;".join(filters[k] for k in kinds),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower().lstrip(".") not in kinds:
            kind = next((k for k in kinds if filters[k] == selected_filter), kinds[0])
            path = path.with_name(f"{path.name}.{kind}")
        return path

    def _run_export(self, export: Callable[[], list[Path]]) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = export()
        except DomainError as error:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, _("Export"), error.message)
            return
        except OSError as error:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(
                self,
                _("Export"),
                _("The file could not be written: {reason}").format(reason=error.strerror or error),
            )
            return
        QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(
            _("Exported to {files}").format(files=", ".join(str(p) for p in written)), 10000
        )

    @Slot()
    def _on_record_action(self) -> None:
        action = self.sender()
        if not isinstance(action, QAction):
            return
        what = Records(str(action.data()))
        path = self._ask_path(
            action.text().replace("&", "").rstrip("…"), what.value, ("xlsx", "csv")
        )
        if path is not None:
            self._run_export(functools.partial(self.export_records, what, path))

    @Slot()
    def _on_report_action(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.ask_and_export_report(str(action.data()))

    @Slot(str)
    def ask_and_export_report(self, kind: str) -> None:
        name = "secretariat-report-" + self.reports.as_of_date().isoformat()
        path = self._ask_path(_("Export the report"), name, (kind,))
        if path is not None:
            self._run_export(functools.partial(self.export_report, kind, path))

    # ------------------------------------------------------------------ window state

    def _restore_geometry(self) -> None:
        geometry = self._settings.window_geometry(WINDOW_NAME)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 720)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.set_window_geometry(WINDOW_NAME, self.saveGeometry())
        self._settings.sync()
        super().closeEvent(event)
