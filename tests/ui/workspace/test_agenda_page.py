"""The agenda step: items added, edited, reordered and removed; the running clock; notes saved
as they are typed; undo through the services."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from civicdesk.i18n import set_language
from civicdesk.services import agenda, meetings
from civicdesk.storage.database import Database
from civicdesk.ui.itemmodels.agenda import AgendaColumn, AgendaTableModel, format_duration
from civicdesk.ui.workspace.pages.agenda import AgendaPage
from civicdesk.ui.workspace.steps import Step
from civicdesk.ui.workspace.window import MeetingWorkspace
from tests.conftest import Seed
from tests.ui.workspace.test_recommendations_page import assert_reachable_by_tab

KHMER_TITLE = "ការស្វាគមន៍ និងសេចក្តីផ្តើម"


def _page(window: MeetingWorkspace) -> AgendaPage:
    window.show_step(Step.AGENDA)
    page = window.page(Step.AGENDA)
    assert isinstance(page, AgendaPage)
    page.reload()  # fixtures may have written after the window was built
    return page


def _rows(database: Database, seed: Seed) -> list[agenda.AgendaRow]:
    with database.reading() as session:
        return agenda.agenda(session, seed.meeting)


def _add(page: AgendaPage, title_en: str, minutes: int = 10, title_km: str = "") -> None:
    page._new_title_km.setText(title_km)
    page._new_title_en.setText(title_en)
    page._new_minutes.setValue(minutes)
    page._add_button.click()


@pytest.fixture
def seeded_agenda(database: Database, open_meeting: Seed) -> Seed:
    with database.transaction("test") as session:
        for title, minutes in (("Welcome", 10), ("Findings", 30), ("Vote", 20)):
            agenda.add_agenda_item(
                session, open_meeting.meeting, title_en=title, planned_minutes=minutes
            )
    return open_meeting


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_page_opens_in_each_language(
    workspace: MeetingWorkspace, language: str, database: Database, open_meeting: Seed
) -> None:
    page = _page(workspace)
    assert page.missing() == ["No agenda items"]
    _add(page, "Welcome", 15, KHMER_TITLE)
    set_language(language)
    workspace.retranslate()
    model = page._model
    position = model.data(model.index(0, AgendaColumn.POSITION))
    title = model.data(model.index(0, AgendaColumn.TITLE))
    if language == "km":
        assert position == "១"
        assert title == KHMER_TITLE
        assert page._planned.text() == "១៥"
    else:
        assert position == "1"
        assert title == "Welcome"
        assert page._add_button.text() == "&Add item"
    assert page.missing() == []
    set_language("en")


def test_items_are_added_from_the_keyboard(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, open_meeting: Seed
) -> None:
    page = _page(workspace)
    page._new_title_km.setText(KHMER_TITLE)
    qtbot.keyClicks(page._new_title_en, "Welcome")
    page._new_minutes.setValue(20)
    qtbot.keyClick(page._new_title_en, Qt.Key.Key_Return)
    qtbot.keyClicks(page._new_title_en, "Findings")
    qtbot.keyClick(page._new_title_en, Qt.Key.Key_Return)
    rows = _rows(database, open_meeting)
    assert [(r.position, r.title_km, r.title_en, r.planned_minutes) for r in rows] == [
        (1, KHMER_TITLE, "Welcome", 20),
        (2, "", "Findings", 20),
    ]
    # The fields are ready for the next item, and the new item is selected.
    assert page._new_title_en.text() == ""
    assert page._table.current_id() == rows[1].id
    assert workspace.statusBar().currentMessage().startswith("Saved at")
    # An empty title is refused in the UI language, and nothing is added.
    page._add_button.click()
    assert len(_rows(database, open_meeting)) == 2
    assert workspace._error_banner.isVisible()


def test_reorder_and_undo(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, seeded_agenda: Seed
) -> None:
    page = _page(workspace)
    page._table.select_row(0)
    assert not page._up_button.isEnabled()
    page._down_button.click()
    assert [r.title_en for r in _rows(database, seeded_agenda)] == ["Findings", "Welcome", "Vote"]
    assert page._table.current_row() == 1  # the moved item stays selected
    page._down_button.click()
    assert [r.title_en for r in _rows(database, seeded_agenda)] == ["Findings", "Vote", "Welcome"]
    assert not page._down_button.isEnabled()
    stack = workspace.context.undo_stack
    stack.undo()
    stack.undo()
    assert [r.title_en for r in _rows(database, seeded_agenda)] == ["Welcome", "Findings", "Vote"]
    stack.redo()
    assert [r.title_en for r in _rows(database, seeded_agenda)] == ["Findings", "Welcome", "Vote"]


def test_details_are_saved_when_focus_leaves_and_undone_as_one_step(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, seeded_agenda: Seed
) -> None:
    page = _page(workspace)
    page._table.select_row(1)
    page._title_km.setText(KHMER_TITLE)
    page._title_km.editingFinished.emit()
    page._title_en.selectAll()
    qtbot.keyClicks(page._title_en, "Focus group findings")
    qtbot.keyClick(page._title_en, Qt.Key.Key_Return)
    page._planned.setValue(45)
    qtbot.waitUntil(lambda: _rows(database, seeded_agenda)[1].planned_minutes == 45)
    row = _rows(database, seeded_agenda)[1]
    assert (row.title_km, row.title_en) == (KHMER_TITLE, "Focus group findings")
    # Consecutive edits of one item merge into one undo step.
    workspace.context.undo_stack.undo()
    row = _rows(database, seeded_agenda)[1]
    assert (row.title_km, row.title_en, row.planned_minutes) == ("", "Findings", 30)
    assert page._title_en.text() == "Findings"


def test_notes_are_saved_after_a_pause_and_when_another_item_is_chosen(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, seeded_agenda: Seed
) -> None:
    page = _page(workspace)
    page._table.select_row(0)
    page._notes.khmer.setPlainText("អ្នកចូលរួមលើកឡើងថា ព័ត៌មានថវិកាមិនត្រូវបានផ្សព្វផ្សាយ")
    qtbot.waitUntil(lambda: _rows(database, seeded_agenda)[0].notes_km != "", timeout=3000)
    assert workspace.statusBar().currentMessage().startswith("Saved at")
    # Typed, then straight to another item: saved for the item it was typed for.
    qtbot.keyClicks(page._notes.english, "Budgets are not posted. ")
    page._table.select_row(2)
    rows = _rows(database, seeded_agenda)
    assert rows[0].notes_en == "Budgets are not posted."
    assert rows[2].notes_en == ""
    assert page._notes.english.toPlainText() == ""
    page._table.select_row(0)
    assert page._notes.english.toPlainText() == "Budgets are not posted."


def test_start_and_stop_with_a_clock_that_warns_when_over_time(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, seeded_agenda: Seed
) -> None:
    page = _page(workspace)
    page._table.select_row(0)
    assert page._clock.text() == "Not started"
    page._start_button.click()
    row = _rows(database, seeded_agenda)[0]
    assert row.running
    assert page._ticker.isActive()
    assert not page._start_button.isEnabled() and page._stop_button.isEnabled()
    assert page._clock.text().endswith("of 10 min")
    # Starting the next item stops the one running.
    page._table.select_row(1)
    page._start_button.click()
    first, second = _rows(database, seeded_agenda)[:2]
    assert first.ended_at is not None and second.running
    # Over time: shown in the warning colour.
    with database.transaction("test") as session:
        agenda.end_agenda_item(session, second.id)
        agenda.start_agenda_item(
            session, second.id, at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=31)
        )
    page.reload()
    assert "over time" in page._clock.text()
    assert "color" in page._clock.styleSheet()
    cell = page._model.index(1, AgendaColumn.ELAPSED)
    assert page._model.data(cell, Qt.ItemDataRole.ForegroundRole) is not None
    assert page._model.data(cell) == "31 min"  # minutes, like the planned time beside it
    page._stop_button.click()
    assert not _rows(database, seeded_agenda)[1].running
    assert not page._ticker.isActive()


def test_remove_and_undo_puts_the_item_back_with_its_notes(
    workspace: MeetingWorkspace, database: Database, seeded_agenda: Seed
) -> None:
    page = _page(workspace)
    with database.transaction("test") as session:
        middle = agenda.agenda(session, seeded_agenda.meeting)[1]
        agenda.set_agenda_notes(session, middle.id, notes_en="Discussed at length.")
    page.reload()
    page._table.select_row(1)
    page._remove_button.click()
    assert [r.title_en for r in _rows(database, seeded_agenda)] == ["Welcome", "Vote"]
    stack = workspace.context.undo_stack
    stack.undo()
    rows = _rows(database, seeded_agenda)
    assert [r.title_en for r in rows] == ["Welcome", "Findings", "Vote"]
    assert rows[1].notes_en == "Discussed at length."
    # The put-back item has a new id; redo (remove again) still finds it.
    stack.redo()
    assert [r.title_en for r in _rows(database, seeded_agenda)] == ["Welcome", "Vote"]
    stack.undo()
    # And undone again: the item that redo removed comes back once more.
    assert len(_rows(database, seeded_agenda)) == 3


def test_a_signed_meeting_is_read_only(
    workspace: MeetingWorkspace, database: Database, seeded_agenda: Seed
) -> None:
    page = _page(workspace)
    with database.transaction("test") as session:
        meetings.close_meeting(session, seeded_agenda.meeting)
        meetings.sign_meeting(session, seeded_agenda.meeting)
    workspace.refresh()
    page.reload()
    page._table.select_row(0)
    for button in (
        page._add_button,
        page._remove_button,
        page._down_button,
        page._start_button,
    ):
        assert not button.isEnabled()
    assert page._title_en.isReadOnly()
    assert page._notes.khmer.isReadOnly()


def test_the_item_model_is_a_sound_qt_model(
    qtmodeltester: object, database: Database, seeded_agenda: Seed
) -> None:
    model = AgendaTableModel()
    model.set_rows(_rows(database, seeded_agenda))
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_durations_in_each_language() -> None:
    assert format_duration(65, "en") == "1:05"
    assert format_duration(3725, "en") == "1:02:05"
    assert format_duration(65, "km") == "១:០៥"


def test_every_control_is_reachable_by_tab(
    workspace: MeetingWorkspace, seeded_agenda: Seed
) -> None:
    page = _page(workspace)
    page._table.select_row(0)
    assert_reachable_by_tab(page)
