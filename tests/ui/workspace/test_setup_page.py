"""The Setup step: the meeting's details edited in place, saved on leaving a field, undone and
redone through the services, refused next to the field, read-only once signed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTime
from pytestqt.qtbot import QtBot

from civicdesk.i18n import set_language
from civicdesk.models.enums import MeetingKind
from civicdesk.services import meetings
from civicdesk.services.meetings import MeetingDetails
from civicdesk.storage.database import Database
from civicdesk.ui.settings import Settings
from civicdesk.ui.workspace.pages.setup import SetupPage
from civicdesk.ui.workspace.steps import Step
from civicdesk.ui.workspace.window import MeetingWorkspace
from tests.conftest import Seed
from tests.ui.test_new_meeting import choose_person, choose_place


def _page(workspace: MeetingWorkspace) -> SetupPage:
    workspace.show_step(Step.SETUP)
    page = workspace.page(Step.SETUP)
    assert isinstance(page, SetupPage)
    return page


def _stored(database: Database, seed: Seed) -> MeetingDetails:
    with database.reading() as session:
        return meetings.meeting_details(session, seed.meeting)


def test_the_page_shows_the_meeting(workspace: MeetingWorkspace) -> None:
    form = _page(workspace).form
    assert form.title_en.text() == "Joint consultation, Bavel"
    assert form.title_km.text() == "កិច្ចប្រជុំពិគ្រោះយោបល់រួមគ្នា ស្រុកបវេល"
    assert form.kind.currentData() == MeetingKind.JOINT_CONSULTATION.value
    assert form._places.codes() == ("02", "0204", None)
    assert form.date.date() == dt.date(2021, 11, 23)


def test_a_title_is_saved_on_leaving_the_field_and_undone_through_the_services(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, open_meeting: Seed
) -> None:
    form = _page(workspace).form
    form.title_en.setFocus()
    form.title_en.selectAll()
    qtbot.keyClicks(form.title_en, "Joint consultation, Bavel district")
    qtbot.keyClick(form.title_en, Qt.Key.Key_Return)
    assert _stored(database, open_meeting).title_en == "Joint consultation, Bavel district"
    assert workspace.context.undo_stack.count() == 1

    workspace.context.undo_stack.undo()
    assert _stored(database, open_meeting).title_en == "Joint consultation, Bavel"
    assert form.title_en.text() == "Joint consultation, Bavel"
    workspace.context.undo_stack.redo()
    assert _stored(database, open_meeting).title_en == "Joint consultation, Bavel district"


def test_khmer_venue_place_and_times_are_saved(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, open_meeting: Seed
) -> None:
    form = _page(workspace).form
    form.venue_km.setFocus()
    form.venue_km.insert("សាលាស្រុកបវេល")
    qtbot.keyClick(form.venue_km, Qt.Key.Key_Return)
    choose_place(qtbot, form.commune, "bav")
    form.start_time.setTime(QTime(8, 0))
    form.end_time.setTime(QTime(11, 30))
    stored = _stored(database, open_meeting)
    assert stored.venue_km == "សាលាស្រុកបវេល"
    assert stored.commune_code == "020401"
    assert (stored.start_time, stored.end_time) == (dt.time(8, 0), dt.time(11, 30))
    # One undo step per change.
    assert workspace.context.undo_stack.count() == 4


def test_choosing_the_facilitator_and_clerk_clears_what_is_missing(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, open_meeting: Seed
) -> None:
    page = _page(workspace)
    assert "No facilitator chosen" in page.missing()
    choose_person(qtbot, page.form.facilitator, "srey")
    choose_person(qtbot, page.form.clerk, "chea")
    stored = _stored(database, open_meeting)
    assert stored.facilitator_id == open_meeting.activist
    assert stored.clerk_id == open_meeting.official_2
    assert page.missing() == []
    # Clearing the field takes the facilitator away again.
    page.form.facilitator.setFocus()
    page.form.facilitator.selectAll()
    qtbot.keyClick(page.form.facilitator, Qt.Key.Key_Delete)
    qtbot.keyClick(page.form.facilitator, Qt.Key.Key_Return)
    assert _stored(database, open_meeting).facilitator_id is None


def test_a_refusal_is_shown_next_to_the_field_and_nothing_is_written(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, open_meeting: Seed
) -> None:
    page = _page(workspace)
    before = _stored(database, open_meeting)
    page.form.start_time.setTime(QTime(11, 0))
    page.form.end_time.setTime(QTime(9, 0))
    assert "The meeting must end after it starts." in page.form.visible_errors()
    assert workspace._error_banner.isVisible()
    assert _stored(database, open_meeting).end_time == before.end_time


def test_an_emptied_title_is_refused(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, open_meeting: Seed
) -> None:
    form = _page(workspace).form
    for line in (form.title_km, form.title_en):
        line.clear()
    form.title_en.setFocus()
    qtbot.keyClick(form.title_en, Qt.Key.Key_Return)
    assert any("Title is empty" in error for error in form.visible_errors())
    assert _stored(database, open_meeting).title_en == "Joint consultation, Bavel"


def test_a_changed_kind_says_the_steps_change_when_reopened(
    workspace: MeetingWorkspace, database: Database, open_meeting: Seed
) -> None:
    page = _page(workspace)
    form = page.form
    form.kind.setCurrentIndex(form.kind.findData(MeetingKind.TECHNICAL_MEETING.value))
    form.kind.activated.emit(form.kind.currentIndex())
    assert _stored(database, open_meeting).kind is MeetingKind.TECHNICAL_MEETING
    assert page._kind_note.isVisible()


def test_a_signed_meeting_is_read_only(
    workspace: MeetingWorkspace, database: Database, open_meeting: Seed
) -> None:
    workspace.close_meeting()
    workspace.sign_meeting()
    page = _page(workspace)
    assert page.form.title_en.isReadOnly()
    assert not page.form.kind.isEnabled()
    assert not page.form.province.isEnabled()
    page.form.title_en.setText("Changed after signing")
    page.form.edited.emit()
    assert _stored(database, open_meeting).title_en == "Joint consultation, Bavel"


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_page_opens_in_each_language(
    qtbot: QtBot,
    database: Database,
    open_meeting: Seed,
    settings: Settings,
    language: str,
) -> None:
    set_language(language)
    try:
        workspace = MeetingWorkspace(database, open_meeting.meeting, settings, actor="test")
        qtbot.addWidget(workspace)
        workspace.resize(1366, 768)
        workspace.show()
        form = _page(workspace).form
        if language == "km":
            assert form.province.currentText() == "បាត់ដំបង"
            assert form.district.currentText() == "បវេល"
            assert "២០២១" in form.date.text()
        else:
            assert form.province.currentText() == "Battambang"
            assert form._what_box.title() == "The meeting"
        # The form fits the page at the laptop's resolution, without scrolling sideways.
        assert form.minimumSizeHint().width() <= workspace.page(Step.SETUP).width()
    finally:
        set_language("en")
