"""The findings step of a focus group: findings written in Khmer and English side by side,
recorded as soon as they are written, with the group that raised them; undo; the demo's
signed focus groups read-only."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from civicdesk.i18n import set_language
from civicdesk.models import Meeting
from civicdesk.models.enums import MeetingKind, MeetingStatus, Theme
from civicdesk.services import attendance, findings, meetings
from civicdesk.storage.database import Database
from civicdesk.ui.itemmodels.findings import FindingColumn, FindingTableModel
from civicdesk.ui.settings import Settings
from civicdesk.ui.workspace.pages.findings import FindingsPage
from civicdesk.ui.workspace.steps import Step
from civicdesk.ui.workspace.window import MeetingWorkspace

FINDING_KM = "ប្រជាពលរដ្ឋមិនដឹងពីថវិកាឃុំ"
WOMEN_KM, WOMEN_EN = "ក្រុមស្ត្រី", "Women's savings group"


@pytest.fixture
def focus_group(database: Database) -> uuid.UUID:
    """An open focus group in Bavel with two anonymous groups counted."""
    with database.transaction("test") as session:
        meeting = meetings.plan_meeting(
            session,
            meetings.MeetingDetails(
                kind=MeetingKind.FOCUS_GROUP,
                title_km="កិច្ចពិភាក្សាជាក្រុម ឃុំបវេល",
                title_en="Focus group discussion, Bavel commune",
                meeting_date=dt.date(2021, 11, 11),
                province_code="02",
                district_code="0204",
            ),
        )
        meetings.open_meeting(session, meeting)
        attendance.record_headcount(
            session, meeting, group_km=WOMEN_KM, group_en=WOMEN_EN, women=9, men=0
        )
        attendance.record_headcount(
            session, meeting, group_km="ក្រុមកសិករ", group_en="Farmers", women=2, men=6
        )
    return meeting


@pytest.fixture
def window(
    qtbot: QtBot,
    database: Database,
    focus_group: uuid.UUID,
    settings: Settings,
    message_boxes: list[tuple[str, str]],
) -> Iterator[MeetingWorkspace]:
    workspace = MeetingWorkspace(database, focus_group, settings, actor="test")
    qtbot.addWidget(workspace)
    workspace.show()
    workspace.show_step(Step.FINDINGS)
    yield workspace


def _page(window: MeetingWorkspace) -> FindingsPage:
    page = window.page(Step.FINDINGS)
    assert isinstance(page, FindingsPage)
    return page


def _findings(database: Database, meeting: uuid.UUID) -> list[findings.FindingRow]:
    with database.reading() as session:
        return findings.findings(session, meeting)


def _choose(combo: QComboBox, text: str) -> None:
    """What picking an entry with the mouse or keyboard does."""
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_page_opens_in_each_language(
    window: MeetingWorkspace, database: Database, focus_group: uuid.UUID, language: str
) -> None:
    with database.transaction("test") as session:
        findings.record_finding(
            session, focus_group, text_km=FINDING_KM, text_en="Citizens do not know the budget."
        )
    set_language(language)
    window.retranslate()
    page = _page(window)
    page.reload()
    text = page._model.data(page._model.index(0, FindingColumn.TEXT))
    if language == "km":
        assert text.replace("\u200b", "") == FINDING_KM
        assert page._model.data(page._model.index(0, FindingColumn.POSITION)) == "១"
    else:
        assert text == "Citizens do not know the budget."
        assert page._new_button.text() == "&New finding"
    # Both lists of groups, each in its own language, whatever the UI language.
    assert page._raised_km.findText(WOMEN_KM) >= 0
    assert page._raised_en.findText(WOMEN_EN) >= 0
    set_language("en")


def test_a_finding_is_recorded_as_soon_as_it_is_written(
    qtbot: QtBot, window: MeetingWorkspace, database: Database, focus_group: uuid.UUID
) -> None:
    page = _page(window)
    assert page.missing() == ["No findings recorded"]
    assert page._editor_box.title() == "New finding"
    _choose(page._raised_en, WOMEN_EN)  # fills the Khmer name of the group too
    assert page._raised_km.currentText() == WOMEN_KM
    _choose(page._theme, "Access to information")
    page._text.khmer.setPlainText(FINDING_KM)
    qtbot.waitUntil(lambda: len(_findings(database, focus_group)) == 1, timeout=3000)
    (row,) = _findings(database, focus_group)
    assert (row.text_km, row.raised_by_km, row.raised_by_en, row.theme) == (
        FINDING_KM,
        WOMEN_KM,
        WOMEN_EN,
        Theme.INFORMATION,
    )
    assert page.missing() == []
    # The editor now shows the recorded finding; more typing updates it.
    assert page._table.current_id() == row.id
    qtbot.keyClicks(page._text.english, "Citizens do not know the commune budget.")
    page._text.flush()
    (row,) = _findings(database, focus_group)
    assert row.text_en == "Citizens do not know the commune budget."
    # A group nobody counted can be typed.
    page._raised_en.setEditText("")
    qtbot.keyClicks(page._raised_en.lineEdit(), "Youth club")
    page._raised_en.lineEdit().editingFinished.emit()
    assert _findings(database, focus_group)[0].raised_by_en == "Youth club"
    # New finding: the editor empties, the next one gets number 2.
    page._new_button.click()
    assert page._text.texts() == ("", "")
    qtbot.keyClicks(page._text.english, "No forum was held this year.")
    page._text.flush()
    assert [f.position for f in _findings(database, focus_group)] == [1, 2]


def test_edits_undo_as_one_step_and_removal_undoes(
    qtbot: QtBot, window: MeetingWorkspace, database: Database, focus_group: uuid.UUID
) -> None:
    page = _page(window)
    page._text.english.setPlainText("Budgets are not posted.")
    page._text.flush()
    (first,) = _findings(database, focus_group)
    page._text.english.setPlainText("Commune budgets are not posted.")
    page._text.flush()
    _choose(page._theme, "Accountability")
    (row,) = _findings(database, focus_group)
    assert (row.text_en, row.theme) == ("Commune budgets are not posted.", Theme.ACCOUNTABILITY)
    stack = window.context.undo_stack
    stack.undo()  # the edits (text and theme), merged
    (row,) = _findings(database, focus_group)
    assert (row.text_en, row.theme) == ("Budgets are not posted.", Theme.OTHER)
    assert page._text.english.toPlainText() == "Budgets are not posted."
    stack.redo()
    page._remove_button.click()
    assert _findings(database, focus_group) == []
    assert page._editor_box.title() == "New finding"
    stack.undo()
    (back,) = _findings(database, focus_group)
    assert back.id != first.id
    assert (back.text_en, back.theme) == ("Commune budgets are not posted.", Theme.ACCOUNTABILITY)
    # Undo further: the edit, then the recording, reach the re-created finding.
    stack.undo()
    assert _findings(database, focus_group)[0].text_en == "Budgets are not posted."
    stack.undo()
    assert _findings(database, focus_group) == []


def test_signed_demo_focus_group_is_read_only(
    qtbot: QtBot,
    demo_database: Database,
    settings: Settings,
    message_boxes: list[tuple[str, str]],
) -> None:
    with demo_database.reading() as session:
        meeting = session.scalars(
            select(Meeting.id).where(
                Meeting.kind == MeetingKind.FOCUS_GROUP,
                Meeting.status == MeetingStatus.SIGNED,
                Meeting.district_code == "0204",
            )
        ).first()
    assert meeting is not None
    workspace = MeetingWorkspace(demo_database, meeting, settings, actor="test")
    qtbot.addWidget(workspace)
    workspace.show_step(Step.FINDINGS)
    page = _page(workspace)
    assert page._model.rowCount() > 0
    assert page.missing() == []
    assert page._text.khmer.isReadOnly()
    assert not page._new_button.isEnabled() and not page._remove_button.isEnabled()
    assert not page._theme.isEnabled()
    page._text.english.setPlainText("Changed")
    page.save()
    assert all(row.text_en != "Changed" for row in _findings(demo_database, meeting))


def test_the_item_model_is_a_sound_qt_model(
    qtmodeltester: object, database: Database, focus_group: uuid.UUID
) -> None:
    with database.transaction("test") as session:
        findings.record_finding(session, focus_group, text_km=FINDING_KM, raised_by_en="Farmers")
        findings.record_finding(session, focus_group, text_en="No forum.")
    model = FindingTableModel()
    model.set_rows(_findings(database, focus_group))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
