"""Workspace rungs of the fixture ladder: one meeting's window on the seed or demo database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from civicdesk.storage.database import Database
from civicdesk.ui.settings import Settings
from civicdesk.ui.workspace.window import MeetingWorkspace
from tests.conftest import Seed


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
