"""The action plan page of a technical partnership meeting: plan, edit, undo, progress."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from civicdesk.i18n import set_language
from civicdesk.models.enums import ActionStatus, MeetingKind
from civicdesk.services import actions, meetings, people, recommendations, votes
from civicdesk.storage.database import Database
from civicdesk.ui.itemmodels.actions import (
    OVERDUE_ROLE,
    ActionColumn,
    ActionTableModel,
    ProgressTableModel,
)
from civicdesk.ui.itemmodels.pickers import OrganisationChoiceModel, RecommendationChoiceModel
from civicdesk.ui.settings import Settings
from civicdesk.ui.workspace.pages.actions import ActionsPage
from civicdesk.ui.workspace.progress_dialog import ProgressDialog
from civicdesk.ui.workspace.steps import Step
from civicdesk.ui.workspace.window import MeetingWorkspace
from tests.conftest import Seed


@dataclass(frozen=True)
class Technical:
    seed: Seed
    meeting: uuid.UUID
    recommendation: uuid.UUID
    code: str


@pytest.fixture
def technical(database: Database, open_meeting: Seed) -> Technical:
    """One recommendation adopted at the seed consultation, and an open technical partnership
    meeting in Bavel to plan its implementation."""
    tally = votes.Tally(votes.SideTally(2, 0, 0), votes.SideTally(2, 0, 0))
    with database.transaction("test") as session:
        recommendation = recommendations.draft_recommendation(
            session,
            open_meeting.meeting,
            text_km="ផ្សព្វផ្សាយថវិកាស្រុក",
            text_en="Publish the district budget",
        )
        votes.record_vote(session, open_meeting.meeting, recommendation, tally=tally)
        code = recommendations.get_recommendation(session, recommendation).code
        meeting = meetings.plan_meeting(
            session,
            meetings.MeetingDetails(
                kind=MeetingKind.TECHNICAL_MEETING,
                title_km="កិច្ចប្រជុំភាពជាដៃគូកម្រិតបច្ចេកទេស ស្រុកបវេល",
                title_en="Technical partnership meeting, Bavel",
                meeting_date=dt.date(2021, 12, 3),
                province_code="02",
                district_code="0204",
            ),
        )
        meetings.open_meeting(session, meeting)
    return Technical(open_meeting, meeting, recommendation, code)


@pytest.fixture
def window(
    qtbot: QtBot,
    database: Database,
    technical: Technical,
    settings: Settings,
    message_boxes: list[tuple[str, str]],
    answer_yes: list[str],
) -> Iterator[MeetingWorkspace]:
    workspace = MeetingWorkspace(database, technical.meeting, settings, actor="test")
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.show_step(Step.ACTIONS)
    yield workspace


def page_of(window: MeetingWorkspace) -> ActionsPage:
    page = window.page(Step.ACTIONS)
    assert isinstance(page, ActionsPage)
    return page


def stored(database: Database, meeting: uuid.UUID) -> list[actions.ActionRow]:
    with database.reading() as session:
        return actions.actions(session, meeting_id=meeting)


def fill_new_action(qtbot: QtBot, page: ActionsPage, technical: Technical) -> None:
    editor = page.editor
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    # Khmer arrives from an input method as committed text, as setPlainText puts it.
    editor.description_km.setPlainText("បិទផ្សាយថវិកានៅសាលាឃុំ")
    editor.description_en.setFocus()
    QTest.keyClicks(editor.description_en, "Post the budget at every commune hall")
    editor.office_en.setText("Planning office")
    editor.recommendation.setCurrentIndex(editor._recommendations.row_of(technical.recommendation))
    editor.partner.setCurrentIndex(editor._partners.row_of(technical.seed.cso))
    editor.start.set_date(dt.date(2022, 1, 10))
    editor.due.set_date(dt.date(2022, 3, 31))
    editor.indicator_en.setText("Budget posted in 9 communes")


def test_plan_an_action_through_the_editor(
    qtbot: QtBot, window: MeetingWorkspace, database: Database, technical: Technical
) -> None:
    page = page_of(window)
    assert page.missing() == ["No actions planned"]
    fill_new_action(qtbot, page, technical)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)

    (action,) = stored(database, technical.meeting)
    assert action.plan.description_en == "Post the budget at every commune hall"
    assert action.plan.description_km == "បិទផ្សាយថវិកានៅសាលាឃុំ"
    assert action.plan.recommendation_id == technical.recommendation
    assert action.plan.cso_partner_id == technical.seed.cso
    assert action.plan.due_date == dt.date(2022, 3, 31)
    assert page.missing() == []
    assert page.model.rowCount() == 1
    code = page.model.index(0, ActionColumn.RECOMMENDATION).data()
    assert code == technical.code
    # The new action is selected, its form shows it, and edits now save by themselves.
    assert page.selected_action() is not None
    assert not page.add_button.isVisible()


def test_a_due_date_before_the_start_is_refused_and_nothing_is_written(
    qtbot: QtBot, window: MeetingWorkspace, database: Database, technical: Technical
) -> None:
    page = page_of(window)
    fill_new_action(qtbot, page, technical)
    page.editor.due.set_date(dt.date(2021, 12, 1))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert stored(database, technical.meeting) == []
    assert "due date is before the start" in window._error_banner.text()


def test_undo_and_redo_a_planned_action(
    qtbot: QtBot, window: MeetingWorkspace, database: Database, technical: Technical
) -> None:
    page = page_of(window)
    fill_new_action(qtbot, page, technical)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    (planned,) = stored(database, technical.meeting)

    # Ctrl+Z in the window: the window's Undo action, through the services.
    window._undo_action.trigger()
    assert stored(database, technical.meeting) == []
    assert page.model.rowCount() == 0
    assert page.missing() == ["No actions planned"]

    window._redo_action.trigger()
    (again,) = stored(database, technical.meeting)
    assert again.id == planned.id
    assert again.plan == planned.plan


def test_edits_save_themselves_and_undo_as_one_step(
    qtbot: QtBot, window: MeetingWorkspace, database: Database, technical: Technical
) -> None:
    page = page_of(window)
    fill_new_action(qtbot, page, technical)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    (planned,) = stored(database, technical.meeting)

    editor = page.editor
    editor.office_en.setFocus()
    editor.office_en.selectAll()
    QTest.keyClicks(editor.office_en, "Finance office")
    # The save comes a moment after typing stops.
    qtbot.waitUntil(
        lambda: (
            stored(database, technical.meeting)[0].plan.responsible_office_en == "Finance office"
        ),
        timeout=3000,
    )
    editor.status.setCurrentIndex(editor.status.findData(ActionStatus.IN_PROGRESS.value))
    editor.status.activated.emit(editor.status.currentIndex())
    (edited,) = stored(database, technical.meeting)
    assert edited.plan.status is ActionStatus.IN_PROGRESS
    # What is typed is not overwritten by the reload that follows the save.
    assert editor.office_en.text() == "Finance office"

    window._undo_action.trigger()
    (undone,) = stored(database, technical.meeting)
    assert undone.plan == planned.plan
    assert editor.office_en.text() == "Planning office"


def test_choosing_another_action_saves_the_first_and_shows_the_second(
    qtbot: QtBot, window: MeetingWorkspace, database: Database, technical: Technical
) -> None:
    with database.transaction("test") as session:
        first, second = (
            actions.plan_action(session, technical.meeting, actions.ActionPlan(description_en=text))
            for text in ("Post the budget", "Train the clerks")
        )
    page = page_of(window)
    page.reload()
    assert page.selected_action() is not None
    assert page.editor.description_en.toPlainText() == "Post the budget"
    page.editor.office_en.setText("Finance office")
    page.editor.office_en.textEdited.emit("Finance office")
    # A click on the second row, before the save timer has fired.
    page.table.selectRow(1)
    assert page.editor.description_en.toPlainText() == "Train the clerks"
    rows = {row.id: row for row in stored(database, technical.meeting)}
    assert rows[first].plan.responsible_office_en == "Finance office"
    assert rows[second].plan.responsible_office_en == ""
    assert rows[second].plan.description_en == "Train the clerks"


def test_record_progress(
    qtbot: QtBot, window: MeetingWorkspace, database: Database, technical: Technical
) -> None:
    page = page_of(window)
    fill_new_action(qtbot, page, technical)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)

    def fill_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ProgressDialog)
        dialog.date.set_date(dt.date(2022, 2, 1))
        dialog.status.setCurrentIndex(dialog.status.findData(ActionStatus.IN_PROGRESS.value))
        dialog.percent.setValue(40)
        dialog.note_en.setPlainText("Posted in 4 communes")
        dialog.buttons.accepted.emit()

    QTimer.singleShot(0, fill_dialog)
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)

    (action,) = stored(database, technical.meeting)
    (update,) = action.updates
    assert (update.reported_on, update.progress_percent) == (dt.date(2022, 2, 1), 40)
    assert update.meeting_id == technical.meeting
    assert action.status is ActionStatus.IN_PROGRESS
    assert page.progress_model.rowCount() == 1
    assert page.model.index(0, ActionColumn.PROGRESS).data() == "40%"

    window._undo_action.trigger()
    assert stored(database, technical.meeting)[0].updates == ()
    assert page.progress_model.rowCount() == 0


def test_a_refused_progress_report_keeps_the_dialog_open(
    qtbot: QtBot, window: MeetingWorkspace, database: Database, technical: Technical
) -> None:
    page = page_of(window)
    fill_new_action(qtbot, page, technical)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    action = page.selected_action()
    assert action is not None
    dialog = ProgressDialog(page.context, action, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.note_en.setPlainText("x" * 5000)  # longer than a note may be
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "too long" in dialog.error_label.text()
    assert stored(database, technical.meeting)[0].updates == ()


def test_overdue_actions_are_marked(
    qtbot: QtBot, window: MeetingWorkspace, database: Database, technical: Technical
) -> None:
    with database.transaction("test") as session:
        for due, status in (
            (dt.date(2022, 3, 31), ActionStatus.IN_PROGRESS),
            (dt.date(2022, 3, 31), ActionStatus.DONE),
            (dt.date(2023, 1, 31), ActionStatus.NOT_STARTED),
        ):
            actions.plan_action(
                session,
                technical.meeting,
                actions.ActionPlan(
                    description_en=f"{status} by {due}", due_date=due, status=status
                ),
            )
    page = page_of(window)
    page.reload()
    page.set_today(lambda: dt.date(2022, 6, 30))
    overdue = [page.model.index(row, 0).data(OVERDUE_ROLE) for row in range(3)]
    assert overdue == [True, False, False]
    assert page.model.index(0, ActionColumn.STATUS).data() == "In progress (overdue)"
    assert page.overdue_label.isVisibleTo(page)
    assert page.overdue_label.text().startswith("1 action is overdue")


def test_a_signed_meeting_shows_its_plan_read_only(
    qtbot: QtBot, window: MeetingWorkspace, database: Database, technical: Technical
) -> None:
    page = page_of(window)
    fill_new_action(qtbot, page, technical)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    window.close_meeting()
    window.sign_meeting()
    assert window.context.locked
    assert page.editor.office_en.isReadOnly()
    assert not page.record_button.isEnabled()
    assert not page.new_button.isEnabled()


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_page_opens_in_each_language(
    qtbot: QtBot,
    database: Database,
    technical: Technical,
    settings: Settings,
    message_boxes: list[tuple[str, str]],
    language: str,
) -> None:
    with database.transaction("test") as session:
        actions.plan_action(
            session,
            technical.meeting,
            actions.ActionPlan(
                description_km="បិទផ្សាយថវិកា",
                description_en="Post the budget",
                start_date=dt.date(2022, 1, 10),
                recommendation_id=technical.recommendation,
            ),
        )
    set_language(language)
    try:
        workspace = MeetingWorkspace(database, technical.meeting, settings, actor="test")
        qtbot.addWidget(workspace)
        workspace.show()
        workspace.show_step(Step.ACTIONS)
        page = page_of(workspace)
        start = page.model.index(0, ActionColumn.START).data()
        description = page.model.index(0, ActionColumn.ACTION).data()
        if language == "km":
            assert start == "ទី១០ ខែមករា ឆ្នាំ២០២២"
            assert description == "បិទផ្សាយថវិកា"
        else:
            assert start == "10 January 2022"
            assert description == "Post the budget"
        assert page.editor.description_km.toPlainText() == "បិទផ្សាយថវិកា"
        dialog = ProgressDialog(page.context, page.model.row_at(0), page)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.windowTitle()
    finally:
        set_language("en")


def test_item_models(
    qtmodeltester: object, database: Database, technical: Technical, qtbot: QtBot
) -> None:
    with database.transaction("test") as session:
        action_id = actions.plan_action(
            session,
            technical.meeting,
            actions.ActionPlan(
                description_en="Post the budget",
                due_date=dt.date(2022, 3, 31),
                cso_partner_id=technical.seed.cso,
                recommendation_id=technical.recommendation,
            ),
        )
        actions.record_progress(
            session,
            action_id,
            reported_on=dt.date(2022, 2, 1),
            status=ActionStatus.IN_PROGRESS,
            progress_percent=50,
            note_km="បានធ្វើពាក់កណ្ដាល",
        )
        rows = actions.actions(session, meeting_id=technical.meeting)
        organisations = people.list_organisations(session)
        adopted = recommendations.recommendations(session, district_code="0204")
    action_model = ActionTableModel()
    action_model.set_rows(rows)
    progress_model = ProgressTableModel()
    progress_model.set_rows(rows[0].updates)
    recommendation_model = RecommendationChoiceModel()
    recommendation_model.set_recommendations(adopted)
    organisation_model = OrganisationChoiceModel()
    organisation_model.set_organisations(organisations)
    for model in (action_model, progress_model, recommendation_model, organisation_model):
        qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]
    assert action_model.rowCount(action_model.index(0, 0)) == 0


def test_a_follow_up_meeting_records_progress_on_the_districts_actions(
    qtbot: QtBot,
    database: Database,
    technical: Technical,
    settings: Settings,
    message_boxes: list[tuple[str, str]],
) -> None:
    with database.transaction("test") as session:
        action_id = actions.plan_action(
            session, technical.meeting, actions.ActionPlan(description_en="Post the budget")
        )
        follow_up = meetings.plan_meeting(
            session,
            meetings.MeetingDetails(
                kind=MeetingKind.FOLLOW_UP,
                title_km="",
                title_en="Follow-up, Bavel",
                meeting_date=dt.date(2022, 3, 1),
                province_code="02",
                district_code="0204",
            ),
        )
        meetings.open_meeting(session, follow_up)
    workspace = MeetingWorkspace(database, follow_up, settings, actor="test")
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.show_step(Step.ACTIONS)
    page = page_of(workspace)
    assert page.missing() == ["No progress recorded"]
    action = page.selected_action()
    assert action is not None and action.id == action_id
    assert page.editor.office_en.isReadOnly()  # planned at the technical meeting
    assert not page.add_button.isVisible()
    assert page.record_button.isEnabled()

    def fill_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ProgressDialog)
        dialog.date.set_date(dt.date(2022, 2, 20))
        dialog.percent.setValue(30)
        dialog.buttons.accepted.emit()

    QTimer.singleShot(0, fill_dialog)
    page.record_button.click()
    (update,) = stored(database, technical.meeting)[0].updates
    assert update.meeting_id == follow_up and update.progress_percent == 30
    assert page.missing() == []
