"""The recommendations step: draft in Khmer and English, amend (a new revision each time, with
the diff visible), link findings, reorder, withdraw; undo and redo through the services, where
nothing is deleted or overwritten."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from civicdesk.i18n import set_language
from civicdesk.models.enums import RecommendationStatus, ResponsibleLevel, Theme
from civicdesk.services import findings, meetings, recommendations
from civicdesk.storage.database import Database
from civicdesk.ui.itemmodels.findings import FindingCheckModel
from civicdesk.ui.itemmodels.recommendations import (
    RecommendationColumn,
    RecommendationTableModel,
    RevisionTableModel,
)
from civicdesk.ui.widgets.reason_dialog import ReasonDialog
from civicdesk.ui.workspace.pages.recommendations import RecommendationsPage
from civicdesk.ui.workspace.steps import Step
from civicdesk.ui.workspace.window import MeetingWorkspace
from tests.conftest import Seed

TEXT_KM = "រដ្ឋបាលស្រុកត្រូវផ្សព្វផ្សាយព័ត៌មានថវិកា ដល់ប្រជាពលរដ្ឋ។"
AMENDED_KM = "រដ្ឋបាលស្រុកគួរផ្សព្វផ្សាយព័ត៌មានថវិកាប្រចាំឆ្នាំ ដល់ស្ត្រី និងប្រជាពលរដ្ឋ។"


def _page(window: MeetingWorkspace) -> RecommendationsPage:
    window.show_step(Step.RECOMMENDATIONS)
    page = window.page(Step.RECOMMENDATIONS)
    assert isinstance(page, RecommendationsPage)
    page.reload()
    return page


def _rows(database: Database) -> list[recommendations.RecommendationRow]:
    with database.reading() as session:
        return recommendations.recommendations(session, district_code="0204")


def _revisions(database: Database, recommendation: uuid.UUID) -> list[recommendations.RevisionRow]:
    with database.reading() as session:
        return recommendations.revisions(session, recommendation)


def _choose(combo: QComboBox, value: object) -> None:
    """What picking an entry with the mouse or keyboard does."""
    index = combo.findData(value)
    assert index >= 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def _draft(qtbot: QtBot, page: RecommendationsPage, english: str, khmer: str = "") -> None:
    page._new_button.click() if page._new_button.isEnabled() else None
    page._text.khmer.setPlainText(khmer)
    qtbot.keyClicks(page._text.english, english)
    page._save_button.click()


@pytest.fixture
def finding(database: Database, open_meeting: Seed) -> uuid.UUID:
    with database.transaction("test") as session:
        return findings.record_finding(
            session, open_meeting.meeting, text_en="Budgets are not posted.", raised_by_en="CBO"
        )


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_page_opens_in_each_language(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, language: str
) -> None:
    page = _page(workspace)
    assert page.missing() == ["No recommendations drafted"]
    _draft(qtbot, page, "Publish the budget.", TEXT_KM)
    set_language(language)
    workspace.retranslate()
    text = page._model.data(page._model.index(0, RecommendationColumn.TEXT))
    status = page._model.data(page._model.index(0, RecommendationColumn.STATUS))
    if language == "km":
        assert text.replace("\u200b", "") == TEXT_KM
        assert status == "សេចក្តីព្រាង"
        assert "១" in page._heading.text()
    else:
        assert text == "Publish the budget."
        assert status == "Draft"
        assert page._heading.text() == "0204-R01 · Draft · revision 1"
    assert page.missing() == []
    set_language("en")


def test_draft_with_theme_level_and_findings(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, finding: uuid.UUID
) -> None:
    page = _page(workspace)
    assert page._heading.text() == "New recommendation"
    assert not page._save_button.isEnabled()
    page._text.khmer.setPlainText(TEXT_KM)
    qtbot.keyClicks(page._text.english, "The district should publish the budget.")
    assert page._save_button.isEnabled()
    _choose(page._theme, Theme.INFORMATION)
    _choose(page._level, ResponsibleLevel.COMMUNE)
    checks = page._findings_model
    checks.setData(
        checks.index(checks.row_of(finding)), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    page._save_button.click()
    (row,) = _rows(database)
    assert (row.code, row.text_km, row.text_en) == (
        "0204-R01",
        TEXT_KM,
        "The district should publish the budget.",
    )
    assert (row.theme, row.responsible_level, row.finding_ids) == (
        Theme.INFORMATION,
        ResponsibleLevel.COMMUNE,
        (finding,),
    )
    assert _revisions(database, row.id)[0].author == "test"
    assert page._table.current_id() == row.id
    # Undo withdraws it (nothing is deleted); redo drafts it again under a new code.
    stack = workspace.context.undo_stack
    assert "withdraws" in stack.undoText()
    stack.undo()
    (withdrawn,) = _rows(database)
    assert withdrawn.status is RecommendationStatus.WITHDRAWN
    assert page.missing() == ["No recommendations drafted"]
    stack.redo()
    assert [r.code for r in _rows(database)] == ["0204-R01", "0204-R02"]
    assert _rows(database)[1].status is RecommendationStatus.DRAFT


def test_amend_makes_a_revision_shows_the_diff_and_undo_restores_by_a_new_revision(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database
) -> None:
    page = _page(workspace)
    _draft(qtbot, page, "The district should publish the budget.", TEXT_KM)
    (row,) = _rows(database)
    assert not page._save_button.isEnabled()  # nothing changed yet
    page._text.khmer.setPlainText(AMENDED_KM)
    page._text.english.selectAll()
    qtbot.keyClicks(page._text.english, "The district must publish the annual budget.")
    assert "revision 2" in page._state.text()
    qtbot.keyClicks(page._reason_en, "Add the annual budget")
    page._reason_km.setText("បន្ថែមថវិកាប្រចាំឆ្នាំ")
    page._save_button.click()
    first, second = _revisions(database, row.id)
    assert (second.number, second.text_km, second.reason_en, second.reason) == (
        2,
        AMENDED_KM,
        "Add the annual budget",
        "បន្ថែមថវិកាប្រចាំឆ្នាំ",
    )
    assert first.text_en == "The district should publish the budget."  # nothing overwritten
    assert page._reason_en.text() == ""
    # The history shows the newest revision against the one before.
    assert page._revisions_model.rowCount() == 2
    page._tabs.setCurrentIndex(2)
    html = page._diff.toHtml()
    assert "line-through" in html and "should" in html
    assert "underline" in html and "annual" in html
    # Undo adds revision 3 with the earlier text; redo adds revision 4 with the amendment.
    stack = workspace.context.undo_stack
    assert "nothing is overwritten" in stack.undoText()
    stack.undo()
    revisions = _revisions(database, row.id)
    assert [r.number for r in revisions] == [1, 2, 3]
    assert (revisions[2].text_en, revisions[2].reason_en) == (
        "The district should publish the budget.",
        "Undo",
    )
    assert page._text.english.toPlainText() == "The district should publish the budget."
    stack.redo()
    revisions = _revisions(database, row.id)
    assert revisions[-1].number == 4 and revisions[-1].text_km == AMENDED_KM


def test_unamended_text_waits_while_another_recommendation_is_shown(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database
) -> None:
    page = _page(workspace)
    _draft(qtbot, page, "First.")
    _draft(qtbot, page, "Second.")
    page._table.select_row(0)
    page._text.english.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(page._text.english, " More.")
    page._table.select_row(1)
    assert page._text.english.toPlainText() == "Second."
    page._table.select_row(0)
    assert page._text.english.toPlainText() == "First. More."
    assert page._save_button.isEnabled()
    page._revert_button.click()
    assert page._text.english.toPlainText() == "First."


def test_reorder_and_undo_the_move(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database
) -> None:
    page = _page(workspace)
    for text in ("First.", "Second.", "Third."):
        _draft(qtbot, page, text)
    page._table.select_row(2)
    page._up_button.click()
    assert [r.text_en for r in _rows(database)] == ["First.", "Third.", "Second."]
    assert [r.code for r in _rows(database)] == ["0204-R01", "0204-R03", "0204-R02"]
    assert page._table.current_row() == 1
    workspace.context.undo_stack.undo()
    assert [r.text_en for r in _rows(database)] == ["First.", "Second.", "Third."]


def test_theme_and_links_change_at_once_and_undo(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, finding: uuid.UUID
) -> None:
    page = _page(workspace)
    _draft(qtbot, page, "Publish the budget.")
    _choose(page._theme, Theme.ACCOUNTABILITY)
    assert _rows(database)[0].theme is Theme.ACCOUNTABILITY
    checks = page._findings_model
    index = checks.index(checks.row_of(finding))
    checks.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert _rows(database)[0].finding_ids == (finding,)
    checks.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert _rows(database)[0].finding_ids == ()
    stack = workspace.context.undo_stack
    stack.undo()  # the unlink
    assert _rows(database)[0].finding_ids == (finding,)
    assert checks.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    stack.undo()  # the link
    stack.undo()  # the theme
    assert _rows(database)[0].finding_ids == ()
    assert _rows(database)[0].theme is Theme.OTHER


def test_withdraw_asks_for_a_reason(
    qtbot: QtBot,
    workspace: MeetingWorkspace,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _page(workspace)
    _draft(qtbot, page, "Publish the budget.")

    def answer(dialog: ReasonDialog) -> int:
        assert "0204-R01" in dialog.windowTitle()
        dialog.reason_km.setText("ស្ទួននឹង R02")
        dialog.reason_en.setText("Same as R02")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReasonDialog, "exec", answer)
    page._withdraw_button.click()
    (row,) = _rows(database)
    assert row.status is RecommendationStatus.WITHDRAWN
    # Withdrawn: read-only, and no longer counted as drafted.
    assert page._text.english.isReadOnly()
    assert not page._save_button.isEnabled() and not page._withdraw_button.isEnabled()
    assert page.missing() == ["No recommendations drafted"]


def test_undo_after_a_withdrawal_is_refused_and_dropped(
    qtbot: QtBot,
    workspace: MeetingWorkspace,
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _page(workspace)
    _draft(qtbot, page, "Publish the budget.")
    page._text.english.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(page._text.english, " Now.")
    page._save_button.click()
    monkeypatch.setattr(ReasonDialog, "exec", lambda _dialog: QDialog.DialogCode.Accepted)
    page._withdraw_button.click()
    stack = workspace.context.undo_stack
    stack.undo()  # the amendment: refused, a withdrawn recommendation cannot change
    assert workspace._error_banner.isVisible()
    assert [r.number for r in _revisions(database, _rows(database)[0].id)] == [1, 2]
    assert stack.count() == 1  # the refused command was dropped, not left to redo


def test_a_signed_meeting_is_read_only(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, open_meeting: Seed
) -> None:
    page = _page(workspace)
    _draft(qtbot, page, "Publish the budget.")
    with database.transaction("test") as session:
        meetings.close_meeting(session, open_meeting.meeting)
        meetings.sign_meeting(session, open_meeting.meeting)
    workspace.refresh()
    page.reload()
    assert page._text.english.isReadOnly()
    for button in (page._new_button, page._save_button, page._withdraw_button):
        assert not button.isEnabled()
    assert not page._theme.isEnabled()
    assert not page._findings_model.flags(page._findings_model.index(0)) & (
        Qt.ItemFlag.ItemIsUserCheckable
    )


def test_the_item_models_are_sound_qt_models(
    qtmodeltester: object, database: Database, open_meeting: Seed, finding: uuid.UUID
) -> None:
    with database.transaction("test") as session:
        recommendation = recommendations.draft_recommendation(
            session, open_meeting.meeting, text_km=TEXT_KM, finding_ids=[finding]
        )
        recommendations.amend_recommendation(
            session, recommendation, open_meeting.meeting, text_en="Publish.", reason_en="English"
        )
        recommendations.draft_recommendation(session, open_meeting.meeting, text_en="Second.")
    table = RecommendationTableModel()
    table.set_rows(_rows(database))
    qtmodeltester.check(table)  # type: ignore[attr-defined]
    history = RevisionTableModel()
    history.set_rows(_revisions(database, recommendation))
    qtmodeltester.check(history)  # type: ignore[attr-defined]
    with database.reading() as session:
        district_findings = findings.findings(session, district_code="0204")
    checks = FindingCheckModel()
    checks.set_findings(district_findings, {finding})
    qtmodeltester.check(checks)  # type: ignore[attr-defined]


def test_ctrl_enter_adds_and_every_control_is_reachable_by_tab(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database
) -> None:
    page = _page(workspace)
    page._text.english.setFocus()
    qtbot.keyClicks(page._text.english, "Publish the budget.")
    qtbot.keyClick(page._text.english, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [r.text_en for r in _rows(database)] == ["Publish the budget."]
    assert_reachable_by_tab(page)


def assert_reachable_by_tab(page: QWidget) -> None:
    """Every enabled input and button of the page takes focus from the Tab key."""
    controls = [
        widget
        for kind in (
            QAbstractButton,
            QAbstractItemView,
            QAbstractSpinBox,
            QComboBox,
            QLineEdit,
            QPlainTextEdit,
        )
        for widget in page.findChildren(kind)
        if widget.isVisibleTo(page) and widget.isEnabled() and not isinstance(widget, QHeaderView)
    ]
    assert controls
    for widget in controls:
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, widget
