"""The "New meeting" dialog: opened from the main window (Ctrl+N, menu, toolbar), filled in with
the real widgets (type-ahead places and people, Khmer and Latin), planned through the service,
and the new meeting's workspace opened."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from civicdesk.i18n import set_language, translations_for
from civicdesk.models import Meeting
from civicdesk.models.enums import MeetingKind, MeetingStatus, VoteRule
from civicdesk.services import meetings
from civicdesk.services.meetings import MeetingDetails
from civicdesk.storage.database import Database
from civicdesk.ui.dialogs.new_meeting import NewMeetingDialog
from civicdesk.ui.main_window import MainWindow
from civicdesk.ui.widgets.meeting_form import MeetingForm
from civicdesk.ui.widgets.person_picker import PersonPicker
from civicdesk.ui.workspace.steps import Step
from tests.conftest import Seed


def pick_completion(qtbot: QtBot, line: QLineEdit, completer_owner: QComboBox | QLineEdit) -> None:
    """Choose the first suggestion the way a person does: Down, then Enter."""
    completer = completer_owner.completer()
    assert completer is not None
    qtbot.waitUntil(completer.popup().isVisible)
    assert completer.completionModel().rowCount() >= 1
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)


def type_latin(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    line.setFocus()
    qtbot.keyClicks(line, text)


def type_khmer(line: QLineEdit, text: str) -> None:
    """Khmer arrives from an input method as committed text (QTest cannot type it)."""
    line.setFocus()
    line.insert(text)


def choose_place(qtbot: QtBot, combo: QComboBox, text: str, *, khmer: bool = False) -> None:
    line = combo.lineEdit()
    assert line is not None
    if khmer:
        type_khmer(line, text)
    else:
        type_latin(qtbot, line, text)
    pick_completion(qtbot, line, combo)


def choose_person(qtbot: QtBot, picker: PersonPicker, text: str) -> None:
    type_latin(qtbot, picker, text)
    pick_completion(qtbot, picker, picker)


def ok_button(dialog: NewMeetingDialog):
    button = dialog._buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


def press_shortcut(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)


@pytest.fixture
def dialog(qtbot: QtBot, seed: Seed, main_window: MainWindow) -> NewMeetingDialog:
    main_window.reload()
    press_shortcut(qtbot, main_window, Qt.Key.Key_N)
    dialog = main_window.new_meeting_dialog()
    assert dialog is not None and dialog.isVisible()
    return dialog


def _meeting_count(database: Database) -> int:
    with database.reading() as session:
        return len(session.scalars(select(Meeting.id)).all())


def _planned(database: Database, meeting_id: uuid.UUID) -> tuple[MeetingDetails, MeetingStatus]:
    with database.reading() as session:
        status = session.scalars(select(Meeting.status).where(Meeting.id == meeting_id)).one()
        return meetings.meeting_details(session, meeting_id), status


def test_ctrl_n_the_file_menu_and_the_toolbar_open_the_dialog(
    qtbot: QtBot, main_window: MainWindow, seed: Seed
) -> None:
    action = main_window._new_action
    assert action in main_window._file_menu.actions()
    assert action in main_window._toolbar.actions()
    action.trigger()
    first = main_window.new_meeting_dialog()
    assert first is not None
    action.trigger()  # a second request raises the same dialog
    assert main_window.new_meeting_dialog() is first


def test_an_open_dialog_follows_a_language_switch(
    qtbot: QtBot, main_window: MainWindow, seed: Seed
) -> None:
    main_window._new_action.trigger()
    dialog = main_window.new_meeting_dialog()
    assert dialog is not None
    plan = dialog._buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert plan.text() == "&Plan the meeting"
    main_window.switch_language("km")
    try:
        khmer = translations_for("km").gettext
        assert plan.text() == khmer("&Plan the meeting") != "&Plan the meeting"
        assert dialog.windowTitle() == khmer("New meeting")
    finally:
        main_window.switch_language("en")
    assert plan.text() == "&Plan the meeting"


def test_a_meeting_is_planned_from_typed_details_and_opened(
    qtbot: QtBot, dialog: NewMeetingDialog, main_window: MainWindow, database: Database, seed: Seed
) -> None:
    form = dialog.form
    form.kind.setCurrentIndex(form.kind.findData(MeetingKind.FOCUS_GROUP.value))
    type_khmer(form.title_km, "កិច្ចពិភាក្សាជាក្រុម ឃុំបវេល")
    type_latin(qtbot, form.title_en, "Focus group, Bavel commune")
    form.date.set_date(dt.date(2026, 3, 10))
    form.start_time.setTime(QTime(8, 0))
    form.end_time.setTime(QTime(11, 30))
    type_latin(qtbot, form.venue_en, "Pagoda hall")
    choose_place(qtbot, form.province, "batt")
    choose_place(qtbot, form.district, "បវេ", khmer=True)
    choose_place(qtbot, form.commune, "bav")
    choose_person(qtbot, form.facilitator, "srey")
    choose_person(qtbot, form.clerk, "chea")
    form.vote_rule.setCurrentIndex(form.vote_rule.findData(VoteRule.SIMPLE_MAJORITY.value))
    form.follows_from.setCurrentIndex(1)  # the seed meeting

    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)

    assert dialog.planned_id is not None
    planned, status = _planned(database, dialog.planned_id)
    assert planned.kind is MeetingKind.FOCUS_GROUP
    assert status is MeetingStatus.PLANNED
    assert (planned.title_km, planned.title_en) == (
        "កិច្ចពិភាក្សាជាក្រុម ឃុំបវេល",
        "Focus group, Bavel commune",
    )
    assert planned.meeting_date == dt.date(2026, 3, 10)
    assert (planned.start_time, planned.end_time) == (dt.time(8, 0), dt.time(11, 30))
    assert planned.venue_en == "Pagoda hall"
    assert (planned.province_code, planned.district_code, planned.commune_code) == (
        "02",
        "0204",
        "020401",
    )
    assert planned.facilitator_id == seed.activist
    assert planned.clerk_id == seed.official_2
    assert planned.vote_rule is VoteRule.SIMPLE_MAJORITY
    assert planned.follows_from_id == seed.meeting
    # Its workspace opened, and the list shows it.
    workspace = main_window.workspace(dialog.planned_id)
    assert workspace is not None and workspace.isVisible()
    assert workspace.current_step() is Step.SETUP
    assert main_window._proxy.rowCount() == 2


def test_khmer_type_ahead_treats_coeng_ta_and_da_alike(qtbot: QtBot) -> None:
    form = MeetingForm()
    qtbot.addWidget(form)
    form.show()
    choose_place(qtbot, form.province, "kand")
    # The gazetteer spells it with ្ដ (COENG DA); typed here with ្ត (COENG TA).
    choose_place(qtbot, form.district, "កណ្តាលស្ទឹង", khmer=True)
    assert form._places.codes()[:2] == ("08", "0801")


def test_end_before_start_is_refused_next_to_the_field_and_nothing_is_written(
    qtbot: QtBot, dialog: NewMeetingDialog, database: Database
) -> None:
    form = dialog.form
    type_latin(qtbot, form.title_en, "Too short a day")
    choose_place(qtbot, form.province, "batt")
    form.start_time.setTime(QTime(11, 0))
    form.end_time.setTime(QTime(9, 0))
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "must end after it starts" in " ".join(form.visible_errors())
    assert dialog._banner.isVisible()
    assert _meeting_count(database) == 1


def test_a_place_typed_but_not_chosen_is_marked_and_nothing_is_written(
    qtbot: QtBot, dialog: NewMeetingDialog, database: Database
) -> None:
    form = dialog.form
    type_latin(qtbot, form.title_en, "Somewhere")
    type_latin(qtbot, form.province.lineEdit(), "Atlantis")  # type: ignore[arg-type]
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert "Choose the province from the list." in form.visible_errors()
    assert _meeting_count(database) == 1


def test_an_empty_title_is_refused_by_the_service_next_to_the_title(
    qtbot: QtBot, dialog: NewMeetingDialog, database: Database
) -> None:
    choose_place(qtbot, dialog.form.province, "batt")
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    assert any("Title is empty" in error for error in dialog.form.visible_errors())
    assert _meeting_count(database) == 1


def test_the_dialog_starts_in_the_place_of_the_chosen_meeting(
    main_window: MainWindow, seed: Seed
) -> None:
    main_window.reload()
    assert main_window.select_meeting(seed.meeting)
    main_window.new_meeting()
    dialog = main_window.new_meeting_dialog()
    assert dialog is not None
    assert dialog.form._places.codes() == ("02", "0204", None)


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_dialog_opens_in_each_language(
    qtbot: QtBot, database: Database, seed: Seed, language: str
) -> None:
    set_language(language)
    try:
        dialog = NewMeetingDialog(database, [])
        qtbot.addWidget(dialog)
        dialog.show()
        kind = dialog.form.kind.currentText()
        if language == "km":
            assert kind == "កិច្ចប្រជុំពិគ្រោះយោបល់រួមគ្នា"
            assert "ឆ្នាំ" in dialog.form.date.text()
        else:
            assert kind == "Joint consultation meeting"
            assert dialog.windowTitle() == "New meeting"
        # Nothing is cut off at the laptop's resolution.
        assert dialog.width() <= 1366 and dialog.height() <= 768
        assert dialog.minimumSizeHint().width() <= dialog.width()
    finally:
        set_language("en")


def test_the_form_models_pass_qt_model_tester(
    qtbot: QtBot, qtmodeltester: object, dialog: NewMeetingDialog
) -> None:
    form = dialog.form
    choose_place(qtbot, form.province, "batt")
    type_latin(qtbot, form.facilitator, "s")
    province = form.province
    for model in (
        province._places,
        province._suggestions,
        form.district._suggestions,
        form._meetings,
        form.facilitator._choices,
    ):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    set_language("km")
    try:
        form.retranslate()
        qtmodeltester.check(form._meetings)  # type: ignore[attr-defined]
    finally:
        set_language("en")


def test_each_place_level_waits_for_the_one_above(qtbot: QtBot) -> None:
    form = MeetingForm()
    qtbot.addWidget(form)
    form.show()
    assert not form.district.isEnabled() and not form.commune.isEnabled()
    choose_place(qtbot, form.province, "batt")
    assert form.district.isEnabled() and not form.commune.isEnabled()
    form.set_editable(True)  # as a page does after every change: still waits
    assert not form.commune.isEnabled()
    choose_place(qtbot, form.district, "bav")
    assert form.commune.isEnabled()
