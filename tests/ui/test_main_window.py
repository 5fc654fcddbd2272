"""The main window: meeting list, filters (date range too), language switch, audit check,
and the meetings' workspaces: opened once each, told of language switches, reopened at start."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from civicdesk.i18n import current_language, set_language
from civicdesk.models.enums import MeetingStatus
from civicdesk.services import meetings
from civicdesk.storage.database import Database
from civicdesk.ui.itemmodels.meetings import Column
from civicdesk.ui.main_window import MainWindow
from civicdesk.ui.settings import Settings
from civicdesk.ui.workspace.steps import Step
from tests.conftest import Seed


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
    main_window.switch_language("km")
    try:
        main_window.verify_audit_log()
        said = message_boxes[-1][1]
        events = said.split("ចំនួន", 1)[1].split("ហាស")[0]  # the count, not the head in hex
        assert any(digit in events for digit in "០១២៣៤៥៦៧៨៩")
        assert not any(digit in events for digit in "0123456789")
    finally:
        main_window.switch_language("en")


def test_meeting_models_pass_qt_model_tester(
    qtmodeltester: object, main_window: MainWindow, open_meeting: object
) -> None:
    main_window.reload()
    qtmodeltester.check(main_window._model)  # type: ignore[attr-defined]
    qtmodeltester.check(main_window._proxy)  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------- workspaces


def _select_first(qtbot: QtBot, window: MainWindow) -> None:
    window.reload()
    window._table.setFocus()
    window._table.selectRow(0)


def test_enter_double_click_and_open_show_one_workspace_per_meeting(
    qtbot: QtBot, main_window: MainWindow, open_meeting: Seed
) -> None:
    _select_first(qtbot, main_window)
    qtbot.keyClick(main_window._table, Qt.Key.Key_Return)
    workspace = main_window.workspace(open_meeting.meeting)
    assert workspace is not None and workspace.isVisible()
    index = main_window._table.currentIndex()
    rect = main_window._table.visualRect(index)
    qtbot.mouseDClick(main_window._table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    main_window._open_action.trigger()
    assert main_window.workspaces() == [workspace]
    assert main_window._settings.last_meeting == open_meeting.meeting


def test_closing_a_workspace_lets_it_go_and_opening_again_makes_a_new_one(
    qtbot: QtBot, main_window: MainWindow, open_meeting: Seed
) -> None:
    first = main_window.open_meeting(open_meeting.meeting)
    first.close()
    assert main_window.workspace(open_meeting.meeting) is None
    second = main_window.open_meeting(open_meeting.meeting)
    assert second is not first and second.isVisible()


def test_a_language_switch_reaches_open_workspaces(
    main_window: MainWindow, open_meeting: Seed
) -> None:
    workspace = main_window.open_meeting(open_meeting.meeting)
    first_step = workspace._steps_model.index(0)
    assert "1." in workspace._steps_model.data(first_step)
    main_window.switch_language("km")
    try:
        assert "១." in workspace._steps_model.data(first_step)  # Khmer digits
        assert "កិច្ចប្រជុំ" in workspace.windowTitle()
    finally:
        main_window.switch_language("en")


def test_a_change_in_a_workspace_reloads_the_meeting_list(
    main_window: MainWindow, open_meeting: Seed
) -> None:
    main_window.reload()
    workspace = main_window.open_meeting(open_meeting.meeting)
    assert _cell(main_window, 0, Column.STATUS) == "Open"
    workspace.close_meeting()
    assert _cell(main_window, 0, Column.STATUS) == "Closed"


def test_duplicate_plans_a_copy_selects_it_and_opens_its_setup(
    qtbot: QtBot, main_window: MainWindow, database: Database, open_meeting: Seed
) -> None:
    _select_first(qtbot, main_window)
    main_window._duplicate_action.trigger()
    assert main_window._proxy.rowCount() == 2
    current = main_window._current_meeting()
    assert current is not None and current.id != open_meeting.meeting
    assert current.title_en == "Joint consultation, Bavel (copy)"
    assert current.status is MeetingStatus.PLANNED
    assert current.attendance.total == 0
    workspace = main_window.workspace(current.id)
    assert workspace is not None and workspace.current_step() is Step.SETUP


def test_the_date_range_filter(main_window: MainWindow, database: Database, seed: Seed) -> None:
    with database.transaction("test") as session:
        details = meetings.meeting_details(session, seed.meeting)
        meetings.plan_meeting(
            session, dataclasses.replace(details, meeting_date=dt.date(2022, 1, 19))
        )
    main_window.reload()
    assert main_window._proxy.rowCount() == 2
    main_window.set_date_range(dt.date(2022, 1, 1), None)
    assert main_window._proxy.rowCount() == 1
    assert "2022" in _cell(main_window, 0, Column.DATE)
    main_window.set_date_range(None, dt.date(2021, 12, 31))
    assert "2021" in _cell(main_window, 0, Column.DATE)
    main_window.set_date_range(dt.date(2021, 11, 23), dt.date(2021, 11, 23))
    assert main_window._proxy.rowCount() == 1
    main_window.set_date_range(None, None)
    assert main_window._proxy.rowCount() == 2


def test_the_app_reopens_where_it_was(
    qtbot: QtBot,
    main_window: MainWindow,
    database: Database,
    settings: Settings,
    open_meeting: Seed,
) -> None:
    main_window.reload()
    main_window.open_meeting(open_meeting.meeting)
    main_window.close()
    assert settings.reopen_meeting == open_meeting.meeting
    assert settings.last_meeting == open_meeting.meeting
    assert settings.window_state("main/splitter") is not None

    again = MainWindow(database, settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.workspace(open_meeting.meeting) is not None)
    current = again._current_meeting()
    assert current is not None and current.id == open_meeting.meeting
    again.close()


def test_a_workspace_closed_before_quitting_is_not_reopened(
    main_window: MainWindow, settings: Settings, open_meeting: Seed
) -> None:
    main_window.reload()
    main_window.open_meeting(open_meeting.meeting).close()
    main_window.close()
    assert settings.reopen_meeting is None


def test_columns_fit_the_first_meetings_and_each_language(
    qtbot: QtBot,
    database: Database,
    settings: Settings,
    message_boxes: list[tuple[str, str]],
    request: pytest.FixtureRequest,
) -> None:
    """A window opened on an empty database fits its columns when meetings arrive (an import,
    say), not to the empty table; a language switch fits them again."""
    window = MainWindow(database, settings)
    qtbot.addWidget(window)
    window.show()
    table = window._table
    assert window._model.rowCount() == 0
    empty_width = table.columnWidth(Column.KIND)
    request.getfixturevalue("seed")  # meetings arrive after the window opened
    window.reload()
    for column in (Column.DATE, Column.KIND, Column.PLACE):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column)
    assert table.columnWidth(Column.KIND) > empty_width
    window.switch_language("km")
    try:
        for column in (Column.DATE, Column.KIND, Column.PLACE, Column.STATUS):
            assert table.columnWidth(column) >= table.sizeHintForColumn(column)
    finally:
        window.switch_language("en")
    for column in (Column.DATE, Column.KIND, Column.PLACE, Column.STATUS):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column)
