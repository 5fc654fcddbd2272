"""Qt's own words (standard buttons, "Show Details...", text-field menus, the file dialog) in
Khmer when the UI is Khmer, in English when it is English, from the catalog CivicDesk ships."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from civicdesk.i18n import set_language
from civicdesk.ui.qt_translations import bundled_qt_catalog, installed_qt_language

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "translations" / "qt" / "qtbase_km.ts"

Button = QDialogButtonBox.StandardButton
Choice = QMessageBox.StandardButton


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    return script


def _messages() -> list[tuple[str, str, str | None, str]]:
    """(context, source, disambiguation, Khmer) for every entry of the Qt catalog's source."""
    return [
        (
            context.findtext("name", ""),
            message.findtext("source", ""),
            message.findtext("comment"),
            message.findtext("translation", ""),
        )
        for context in ElementTree.parse(SOURCE).iter("context")
        for message in context.iter("message")
    ]


def _button_texts(box: QMessageBox | QDialogButtonBox) -> dict[str, str]:
    return {str(box.standardButton(b).name): b.text() for b in box.buttons()}


@pytest.fixture
def khmer() -> Iterator[None]:
    set_language("km")
    yield
    set_language("en")


def test_the_committed_catalog_is_compiled_from_the_current_source(tmp_path: Path) -> None:
    """Run scripts/update_translations.py --qt-only and commit the .qm if this fails."""
    script = _script()
    assert script.qt_catalog_sources() == [SOURCE]
    committed = script.compiled_qt_catalog(SOURCE)
    assert committed == bundled_qt_catalog("km")
    fresh = tmp_path / "qtbase_km.qm"
    script.compile_qt_catalog(SOURCE, fresh)
    assert committed.read_bytes() == fresh.read_bytes()
    assert script.unfinished_qt_messages(SOURCE) == []


def test_qt_answers_every_entry_in_khmer_and_none_in_english(khmer: None) -> None:
    messages = _messages()
    assert len(messages) > 100
    for context, source, disambiguation, translation in messages:
        assert QCoreApplication.translate(context, source, disambiguation) == translation
    set_language("en")
    for context, source, disambiguation, _translation in messages:
        assert QCoreApplication.translate(context, source, disambiguation) == source


def test_message_box_and_button_box_in_khmer_then_english(qtbot: QtBot, khmer: None) -> None:
    question = QMessageBox(QMessageBox.Icon.Question, "", "", Choice.Yes | Choice.Cancel)
    qtbot.addWidget(question)
    buttons = QDialogButtonBox(Button.Ok | Button.Cancel | Button.Close)
    qtbot.addWidget(buttons)
    assert _button_texts(question) == {"Yes": "បាទ/ចាស (&Y)", "Cancel": "បោះបង់"}
    assert _button_texts(buttons) == {"Ok": "យល់ព្រម", "Cancel": "បោះបង់", "Close": "បិទ"}

    set_language("en")
    assert installed_qt_language(QCoreApplication.instance()) == "en"  # type: ignore[arg-type]
    fresh = QDialogButtonBox(Button.Ok | Button.Cancel | Button.Close)
    qtbot.addWidget(fresh)
    assert _button_texts(fresh) == {"Ok": "OK", "Cancel": "Cancel", "Close": "Close"}
    # Boxes already open have retranslated their standard buttons (Qt's LanguageChange event).
    assert _button_texts(question) == {"Yes": "&Yes", "Cancel": "Cancel"}
    assert _button_texts(buttons) == {"Ok": "OK", "Cancel": "Cancel", "Close": "Close"}


def test_details_button_and_text_menus_in_khmer(qtbot: QtBot, khmer: None) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, "", "", Choice.Ok)
    box.setDetailedText("Traceback")
    qtbot.addWidget(box)
    texts = {button.text() for button in box.findChildren(QAbstractButton)}
    assert {"យល់ព្រម", "បង្ហាញព័ត៌មានលម្អិត…"} <= texts

    for field in (QLineEdit(), QPlainTextEdit()):
        qtbot.addWidget(field)
        menu = field.createStandardContextMenu()
        words = [action.text().split("\t")[0] for action in menu.actions() if action.text()]
        assert words == [
            "មិនធ្វើវិញ (&U)",
            "ធ្វើវិញ (&R)",
            "កាត់ (&T)",
            "ចម្លង (&C)",
            "បិទភ្ជាប់ (&P)",
            "លុប",
            "ជ្រើសរើសទាំងអស់",
        ]
        menu.deleteLater()


def _shown_texts(root: QWidget) -> list[str]:
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        texts.append(widget.toolTip())
    return [text for text in texts if text]


def test_qt_file_dialog_has_no_english_left_in_khmer(
    qtbot: QtBot, khmer: None, tmp_path: Path
) -> None:
    """Qt's own file dialog, which Linux gets where no native one is offered."""
    english = {source for _context, source, _dis, _km in _messages()}
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dialog = QFileDialog(None, "", str(tmp_path))
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(mode)
        qtbot.addWidget(dialog)
        shown = _shown_texts(dialog)
        assert "ឈ្មោះឯកសារ (&N)៖" in shown
        assert [text for text in shown if text in english] == []


def test_a_button_text_the_window_chose_survives_a_language_switch(
    qtbot: QtBot, khmer: None
) -> None:
    """Qt resets standard buttons on LanguageChange; that must come before the window's own
    retranslation (after set_language), not after it in the event loop."""
    box = QDialogButtonBox(Button.Ok | Button.Cancel)
    qtbot.addWidget(box)
    box.show()
    set_language("en")
    box.button(Button.Ok).setText("&Plan the meeting")  # as a window's retranslate() does
    qtbot.wait(20)
    assert _button_texts(box) == {"Ok": "&Plan the meeting", "Cancel": "Cancel"}
