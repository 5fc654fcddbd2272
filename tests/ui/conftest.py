"""GUI rungs of the fixture ladder: settings in a temporary folder → the main window, or one
meeting's workspace on the seed database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from civicdesk.storage.database import Database
from civicdesk.ui.main_window import MainWindow
from civicdesk.ui.qt_translations import follow_ui_language
from civicdesk.ui.settings import Settings
from civicdesk.ui.workspace.window import MeetingWorkspace
from tests.conftest import Seed


@pytest.fixture(scope="session", autouse=True)
def qt_words_follow_the_language(qapp: QApplication) -> None:
    """Qt's own words (OK, Cancel, text-field menus, the file dialog) follow set_language, as
    the application arranges at start-up (civicdesk.ui.app.run)."""
    follow_ui_language(qapp)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes answered at once and remembered, so tests never block on a dialog."""
    shown: list[tuple[str, str]] = []

    def record(kind: str) -> object:
        def show(_parent: object, title: str, text: str, *args: object) -> object:
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("information", "warning", "critical", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))
    return shown


@pytest.fixture
def main_window(
    qtbot: QtBot, database: Database, settings: Settings, message_boxes: list[tuple[str, str]]
) -> Iterator[MainWindow]:
    window = MainWindow(database, settings)
    qtbot.addWidget(window)
    window.show()
    yield window


@pytest.fixture
def answer_yes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Confirmations answered Yes, and remembered."""
    asked: list[str] = []

    def question(_parent: object, title: str, text: str, *args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


@pytest.fixture
def workspace(
    qtbot: QtBot,
    database: Database,
    open_meeting: Seed,
    settings: Settings,
    message_boxes: list[tuple[str, str]],
    answer_yes: list[str],
) -> Iterator[MeetingWorkspace]:
    """The seed joint consultation, open, with two people of each side signed in."""
    window = MeetingWorkspace(database, open_meeting.meeting, settings, actor="test")
    qtbot.addWidget(window)
    window.show()
    yield window
