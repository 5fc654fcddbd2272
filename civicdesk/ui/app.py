"""Start-up in the order that keeps records safe: open the database, back it up and migrate it,
set the language and fonts, and only then build the window."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from civicdesk import __version__
from civicdesk.i18n import _, set_language
from civicdesk.services import DomainError, open_database
from civicdesk.storage.database import Database, data_dir
from civicdesk.storage.migrate import StorageError
from civicdesk.ui.fonts import apply_fonts
from civicdesk.ui.qt_translations import follow_ui_language
from civicdesk.ui.settings import APPLICATION, ORGANISATION, Settings

log = logging.getLogger(__name__)


def _log_to_file() -> None:
    handler = RotatingFileHandler(
        data_dir() / "civicdesk.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


def _install_exception_hook() -> None:
    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, error, trace))
        if isinstance(error, DomainError):
            QMessageBox.warning(None, _("CivicDesk"), str(error))
            return
        details = "".join(traceback.format_exception(kind, error, trace))
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            _("CivicDesk"),
            _(
                "Something went wrong. What was saved before is safe. The details are in the log "
                "file in {folder}."
            ).format(folder=data_dir()),
        )
        box.setDetailedText(details)
        box.exec()

    sys.excepthook = hook


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    return app


def _open_database_or_explain(url: str) -> Database | None:
    try:
        return open_database(url)
    except StorageError as error:
        QMessageBox.critical(None, _("CivicDesk"), str(error))
        return None


def run(url: str, *, language: str | None = None, fill_demo: bool = False) -> int:
    from civicdesk.ui.main_window import MainWindow

    _log_to_file()
    app = create_application()
    # Qt's own words (OK, Cancel, the file dialog) follow the UI language from here on.
    follow_ui_language(app)
    settings = Settings()
    set_language(language or settings.language or "km")
    _install_exception_hook()
    apply_fonts(app)
    database = _open_database_or_explain(url)
    if database is None:
        return 1
    if fill_demo:
        _fill_demo_if_empty(database)
    window = MainWindow(database, settings)
    window.show()
    try:
        return app.exec()
    finally:
        database.dispose()


def _fill_demo_if_empty(database: Database) -> None:
    from civicdesk.demo.builder import DemoRefused, build_demo

    try:
        build_demo(database)
    except DemoRefused:
        log.info("the demo database already holds meetings; opened as it is")
