"""Every window and the main dialogs, opened in Khmer and in English: in Khmer, no text a person
reads is left in English where the catalog has its Khmer."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from civicdesk.exchange import History, ImportSummary
from civicdesk.i18n import LANGUAGE_NAMES, _, set_language, translations_for
from civicdesk.models import Meeting
from civicdesk.models.enums import MeetingKind
from civicdesk.storage.database import Database
from civicdesk.ui.dialogs.conflicts import ConflictDialog
from civicdesk.ui.dialogs.package_export import ExportScopeDialog
from civicdesk.ui.dialogs.package_import import ImportSummaryDialog
from civicdesk.ui.dialogs.signing_key import SigningKeyDialog
from civicdesk.ui.dialogs.verify_document import VerifyDocumentDialog
from civicdesk.ui.main_window import MainWindow
from civicdesk.ui.settings import Settings
from civicdesk.ui.workspace.pages.priorities import NewRoundDialog
from civicdesk.ui.workspace.window import MeetingWorkspace

#: Qt's own words that CivicDesk's Qt catalog puts into Khmer (standard buttons, "Show
#: Details...", menus): shown in English in the Khmer UI, one of them is a leak too.
QT_WORDS = frozenset(
    source.text or ""
    for source in ElementTree.parse(
        Path(__file__).parents[2] / "translations" / "qt" / "qtbase_km.ts"
    ).iter("source")
)

KINDS = (
    MeetingKind.FOCUS_GROUP,
    MeetingKind.JOINT_CONSULTATION,
    MeetingKind.TECHNICAL_MEETING,
    MeetingKind.ENDORSEMENT,
    MeetingKind.PROVINCIAL_WORKSHOP,
)


def _texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every string shown on a widget tree: labels, buttons, tabs, group
    titles, placeholders, menus and actions, column headers."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        name = type(widget).__name__
        if isinstance(widget, QLabel | QAbstractButton):
            yield name, widget.text()
        elif isinstance(widget, QGroupBox):
            yield name, widget.title()
        elif isinstance(widget, QLineEdit):
            yield name, widget.placeholderText()
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield name, widget.tabText(index)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
            for column in range(columns):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                if isinstance(header, str):
                    yield name + " header", header
        for action in widget.actions():
            yield "QAction", action.text()
    if isinstance(root, QMainWindow):
        for action in root.menuBar().actions():
            yield "menu", action.text()


def _untranslated(root: QWidget) -> list[str]:
    khmer = translations_for("km")
    leaks = []
    for where, text in _texts(root):
        if text in LANGUAGE_NAMES.values():
            continue  # the language menu names each language in itself, on purpose
        if text and (khmer.gettext(text) != text or text in QT_WORDS):
            leaks.append(f"{where}: {text!r}")
    return leaks


@pytest.fixture
def windows(
    qtbot: QtBot,
    demo_database: Database,
    settings: Settings,
    message_boxes: list[tuple[str, str]],
) -> Iterator[list[QWidget]]:
    main = MainWindow(demo_database, settings)
    qtbot.addWidget(main)
    shown: list[QWidget] = [main]
    with demo_database.reading() as session:
        for kind in KINDS:
            meeting = session.scalars(select(Meeting.id).where(Meeting.kind == kind).limit(1)).one()
            workspace = MeetingWorkspace(demo_database, meeting, settings)
            qtbot.addWidget(workspace)
            shown.append(workspace)
    main.open_secretariat()
    assert main._secretariat is not None
    qtbot.addWidget(main._secretariat)
    shown.append(main._secretariat)
    yield shown
    for window in shown:
        if isinstance(window, MeetingWorkspace):
            window.projector.close()
    set_language("en")


@pytest.mark.parametrize("language", ["km", "en"])
def test_every_window_opens_in_each_language(windows: list[QWidget], language: str) -> None:
    main = windows[0]
    assert isinstance(main, MainWindow)
    main.switch_language(language)
    for window in windows:
        if isinstance(window, MeetingWorkspace):
            window.retranslate()
            for step in window._pages:
                window.show_step(step)
        window.show()
        assert window.isVisible()
    if language == "km":
        leaks = [leak for window in windows for leak in _untranslated(window)]
        assert leaks == []
        assert main.windowTitle() == translations_for("km").gettext(
            "CivicDesk: joint consultation meetings"
        )


def test_dialogs_open_in_khmer(qtbot: QtBot, windows: list[QWidget]) -> None:
    main = windows[0]
    assert isinstance(main, MainWindow)
    main.switch_language("km")
    main.new_meeting()
    dialog = main.new_meeting_dialog()
    assert isinstance(dialog, QDialog)
    assert _untranslated(dialog) == []
    dialog.reject()
    rounds = NewRoundDialog([])
    qtbot.addWidget(rounds)
    assert _untranslated(rounds) == []
    for signing_dialog in (SigningKeyDialog(), VerifyDocumentDialog(main._database)):
        qtbot.addWidget(signing_dialog)
        signing_dialog.show()
        assert _untranslated(signing_dialog) == []
    key_setup = SigningKeyDialog()
    qtbot.addWidget(key_setup)
    key_setup.import_choice.setChecked(True)
    assert _untranslated(key_setup) == []


def _flagged_summary() -> ImportSummary:
    """A package with changes, a conflict and a rewritten history, summed up in the UI language."""
    note = _(
        "The audit history of laptop {laptop} in this package does not continue the one "
        "recorded here (event #{seq}, {hash}): its history was rewritten or restored from an "
        "older copy. Its records are merged like any other package's: check them with "
        "that district."
    ).format(laptop="3f2a9c1b", seq=41, hash="9c1b3f2a")
    return ImportSummary(
        package_id=uuid.uuid4(),
        laptop_id=uuid.uuid4(),
        file_name="civicdesk-0204-bavel-2022-03-01.cdpkg",
        added=12,
        updated=3,
        deleted=1,
        unchanged=240,
        conflicts=1,
        superseded=0,
        locked=1,
        history=History.FLAGGED,
        history_note=note,
        already_imported=False,
    )


def test_package_dialogs_open_in_khmer(
    qtbot: QtBot, windows: list[QWidget], demo_database: Database
) -> None:
    main = windows[0]
    assert isinstance(main, MainWindow)
    main.switch_language("km")
    main.reload()
    meeting = main._model.meeting_at(0)
    dialogs: list[QDialog] = [
        ExportScopeDialog(meeting, sorted(main._districts())),
        ImportSummaryDialog(_flagged_summary()),
        ConflictDialog(demo_database),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        assert _untranslated(dialog) == []
    summary = dialogs[1]
    assert isinstance(summary, ImportSummaryDialog)
    assert "១២" in summary.changes.text()  # 12 records added, in Khmer digits
