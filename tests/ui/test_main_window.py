"""The main window: meeting list, filters, language switch, audit check."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from civicdesk.i18n import current_language, set_language
from civicdesk.ui.itemmodels.meetings import Column
from civicdesk.ui.main_window import MainWindow


def _cell(window: MainWindow, row: int, column: Column) -> str:
    proxy = window._proxy
    return str(proxy.data(proxy.index(row, column)))


@pytest.mark.parametrize("language", ["km", "en"])
def test_window_opens_in_each_language(
    qtbot: QtBot, main_window: MainWindow, seed: object, language: str
) -> None:
    main_window.switch_language(language)
    main_window.reload()
    assert main_window._proxy.rowCount() == 1
    title = _cell(main_window, 0, Column.TITLE)
    kind = _cell(main_window, 0, Column.KIND)
    if language == "km":
        assert title == "កិច្ចប្រជុំពិគ្រោះយោបល់រួមគ្នា ស្រុកបវេល"
        assert kind == "កិច្ចប្រជុំពិគ្រោះយោបល់រួមគ្នា"
        assert main_window.menuBar().actions()[0].text() != "&File"
    else:
        assert title == "Joint consultation, Bavel"
        assert kind == "Joint consultation meeting"
        assert main_window.menuBar().actions()[0].text() == "&File"
    set_language("en")


def test_language_switch_is_remembered_and_retranslates_headers(
    main_window: MainWindow, seed: object, settings: object
) -> None:
    main_window.reload()
    header = main_window._proxy.headerData(Column.DATE, Qt.Orientation.Horizontal)
    assert header == "Date"
    main_window.switch_language("km")
    assert current_language() == "km"
    assert main_window._proxy.headerData(Column.DATE, Qt.Orientation.Horizontal) == "កាលបរិច្ឆេទ"
    assert main_window._settings.language == "km"
    # Khmer digits in the Khmer UI.
    assert "២០២១" in _cell(main_window, 0, Column.DATE)
    main_window.switch_language("en")


def test_search_filters_in_khmer_and_latin(
    qtbot: QtBot, main_window: MainWindow, seed: object
) -> None:
    main_window.reload()
    # QTest types only Latin-1 key by key; Khmer arrives as an input-method commit, like this.
    main_window._search.setText("បវេល")
    assert main_window._proxy.rowCount() == 1
    main_window._search.clear()
    qtbot.keyClicks(main_window._search, "nothing like this")
    assert main_window._proxy.rowCount() == 0
    main_window._search.clear()
    assert main_window._proxy.rowCount() == 1


def test_selecting_a_meeting_shows_its_attendance(
    main_window: MainWindow, open_meeting: object
) -> None:
    main_window.reload()
    main_window._table.selectRow(0)
    html = main_window._details.toPlainText()
    assert "Attendance: 4 people, 2 women, 2 men" in html


def test_verify_audit_log_reports_intact(
    main_window: MainWindow, seed: object, message_boxes: list[tuple[str, str]]
) -> None:
    main_window.verify_audit_log()
    assert message_boxes and message_boxes[-1][0] == "information"
    assert "intact" in message_boxes[-1][1]


def test_meeting_models_pass_qt_model_tester(
    qtmodeltester: object, main_window: MainWindow, open_meeting: object
) -> None:
    main_window.reload()
    qtmodeltester.check(main_window._model)  # type: ignore[attr-defined]
    qtmodeltester.check(main_window._proxy)  # type: ignore[attr-defined]
