"""The time editor writes the UI's digits and reads either script back."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtGui import QValidator
from pytestqt.qtbot import QtBot

from civicdesk.i18n import set_language
from civicdesk.ui.widgets.time_edit import TimeEdit


def _edit(qtbot: QtBot) -> TimeEdit:
    edit = TimeEdit()
    qtbot.addWidget(edit)
    edit.setDisplayFormat("HH:mm")
    edit.setMinimumTime(QTime(0, 0))
    edit.setSpecialValueText("not set")
    edit.setTime(QTime(8, 30))
    edit.show()
    return edit


def test_khmer_digits_shown_stepped_and_typed(qtbot: QtBot) -> None:
    set_language("km")
    try:
        edit = _edit(qtbot)
        assert edit.text() == "០៨:៣០"
        edit.setCurrentSection(TimeEdit.Section.HourSection)
        edit.stepBy(1)
        assert (edit.time(), edit.text()) == (QTime(9, 30), "០៩:៣០")
        edit.lineEdit().setText("១០:១៥")
        edit.interpretText()
        assert edit.time() == QTime(10, 15)
        edit.lineEdit().setText("11:45")  # Latin digits typed on a Latin keyboard layout
        edit.interpretText()
        assert (edit.time(), edit.text()) == (QTime(11, 45), "១១:៤៥")
        state, _text, _position = edit.validate("២៥:០០", 2)
        assert state is not QValidator.State.Acceptable  # there is no 25 o'clock
    finally:
        set_language("en")


def test_a_language_switch_rewrites_the_digits(qtbot: QtBot) -> None:
    edit = _edit(qtbot)
    assert edit.text() == "08:30"
    set_language("km")
    try:
        edit.refresh_text()
        assert edit.text() == "០៨:៣០"
        edit.setTime(QTime(0, 0))
        edit.refresh_text()
        assert edit.text() == "not set"
    finally:
        set_language("en")
    edit.setTime(QTime(7, 5))
    assert edit.text() == "07:05"
