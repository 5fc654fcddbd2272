"""The voting step: counts per side with the outcome shown as they are typed, counts above the
voters present refused on the spot, named ballots, consensus, re-votes kept in the history."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox
from pytestqt.qtbot import QtBot

from civicdesk.i18n import set_language, translations_for
from civicdesk.i18n.labels import label
from civicdesk.models.enums import (
    BallotChoice,
    RecommendationStatus,
    Side,
    VoteMethod,
    VoteOutcome,
)
from civicdesk.services import attendance, meetings, recommendations, votes
from civicdesk.storage.database import Database
from civicdesk.ui.itemmodels.voting import (
    BallotColumn,
    BallotTableModel,
    HistoryColumn,
    VoteHistoryModel,
    VotingColumn,
    VotingListModel,
    VotingRow,
)
from civicdesk.ui.workspace.context import Topic
from civicdesk.ui.workspace.pages.voting import VotingPage
from civicdesk.ui.workspace.steps import Step
from civicdesk.ui.workspace.window import MeetingWorkspace
from tests.conftest import Seed
from tests.ui.workspace.test_recommendations_page import assert_reachable_by_tab


@pytest.fixture
def drafted(database: Database, open_meeting: Seed) -> list[uuid.UUID]:
    with database.transaction("test") as session:
        return [
            recommendations.draft_recommendation(session, open_meeting.meeting, text_en=text)
            for text in ("Publish the budget.", "Hold two forums a year.")
        ]


def _page(window: MeetingWorkspace) -> VotingPage:
    window.show_step(Step.VOTING)
    page = window.page(Step.VOTING)
    assert isinstance(page, VotingPage)
    page.reload()
    return page


def _type(qtbot: QtBot, spin: QAbstractSpinBox, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def _votes(database: Database, recommendation: uuid.UUID) -> list[votes.VoteRow]:
    with database.reading() as session:
        return votes.votes(session, recommendation_id=recommendation)


def _status(database: Database, recommendation: uuid.UUID) -> RecommendationStatus:
    with database.reading() as session:
        return recommendations.get_recommendation(session, recommendation).status


@pytest.mark.parametrize("language", ["km", "en"])
def test_the_page_opens_in_each_language(
    workspace: MeetingWorkspace, drafted: list[uuid.UUID], language: str
) -> None:
    set_language(language)
    workspace.retranslate()
    page = _page(workspace)
    sna = page._sides[0]
    catalog = translations_for(language)
    (missing,) = page.missing()
    assert ("២" if language == "km" else "2") in missing
    assert sna.present.text() == ("២" if language == "km" else "2")
    assert sna.yes.text() == ("០" if language == "km" else "0")
    assert sna.name.text() == label(Side.SNA, language)
    assert page._record_button.text() == catalog.gettext("&Record vote")
    outcome = page._list_model.data(page._list_model.index(0, VotingColumn.OUTCOME))
    assert outcome == catalog.gettext("Not voted")
    set_language("en")


def test_the_outcome_appears_as_the_numbers_are_typed_and_enter_records(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, drafted: list[uuid.UUID]
) -> None:
    page = _page(workspace)
    sna, civil_society = page._sides
    assert page._outcome.text() == "Enter the votes"
    assert not page._record_button.isEnabled()
    _type(qtbot, sna.yes, "2")
    assert page._outcome.text() == "Outcome: Rejected"  # civil society has not said yes yet
    _type(qtbot, civil_society.yes, "1")
    _type(qtbot, civil_society.no, "1")
    assert page._outcome.text() == "Outcome: Rejected"  # a tie is no majority
    _type(qtbot, civil_society.no, "0")
    _type(qtbot, civil_society.abstain, "1")
    assert page._outcome.text() == "Outcome: Adopted"  # abstentions do not count
    assert page._record_button.isEnabled()
    qtbot.keyClick(civil_society.abstain, Qt.Key.Key_Return)
    (vote,) = _votes(database, drafted[0])
    assert (vote.method, vote.outcome) == (VoteMethod.TALLY, VoteOutcome.ADOPTED)
    assert vote.tally == votes.Tally(votes.SideTally(2, 0, 0), votes.SideTally(1, 0, 1))
    assert _status(database, drafted[0]) is RecommendationStatus.ADOPTED
    # The form is ready for the next vote; the list and the missing count follow.
    assert sna.yes.value() == 0
    assert page._list_model.data(page._list_model.index(0, VotingColumn.OUTCOME)) == "Adopted"
    assert page.missing() == ["1 recommendation not yet voted on"]
    assert page._outcome.text() == "Recorded: Adopted"


def test_more_votes_than_voters_present_are_refused_on_the_spot(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, drafted: list[uuid.UUID]
) -> None:
    page = _page(workspace)
    sna, civil_society = page._sides
    assert sna.present.text() == "2" and civil_society.present.text() == "2"
    _type(qtbot, sna.yes, "2")
    _type(qtbot, sna.no, "1")
    assert sna.error.text() == "3 votes, but only 2 voters present"
    assert "color" in sna.error.styleSheet()
    assert civil_society.error.text() == ""
    assert not page._record_button.isEnabled()
    qtbot.keyClick(sna.no, Qt.Key.Key_Return)  # Enter does nothing while refused
    assert _votes(database, drafted[0]) == []
    _type(qtbot, sna.no, "0")
    assert sna.error.text() == ""
    assert page._record_button.isEnabled()


def test_a_revote_keeps_the_earlier_result_in_the_history(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, drafted: list[uuid.UUID]
) -> None:
    page = _page(workspace)
    sna, civil_society = page._sides
    _type(qtbot, sna.no, "2")
    _type(qtbot, civil_society.yes, "2")
    page._record_button.click()
    assert _status(database, drafted[0]) is RecommendationStatus.REJECTED
    assert "re-vote" in page._hint.text()
    _type(qtbot, sna.yes, "2")
    _type(qtbot, civil_society.yes, "2")
    page._record_button.click()
    first, second = _votes(database, drafted[0])
    assert first.superseded and not second.superseded
    assert second.supersedes_id == first.id
    assert _status(database, drafted[0]) is RecommendationStatus.ADOPTED
    history = page._history_model
    assert history.rowCount() == 2
    states = [history.data(history.index(row, HistoryColumn.STATE)) for row in range(2)]
    assert states == ["Superseded by a re-vote", "Current result"]
    font = history.data(history.index(0, HistoryColumn.OUTCOME), Qt.ItemDataRole.FontRole)
    assert font is not None and font.strikeOut()


def test_named_ballots(
    qtbot: QtBot,
    workspace: MeetingWorkspace,
    database: Database,
    drafted: list[uuid.UUID],
    open_meeting: Seed,
) -> None:
    page = _page(workspace)
    page._method_buttons.button(1).click()
    assert page.method() is VoteMethod.NAMED
    ballots = page._ballot_model
    assert ballots.rowCount() == 4
    people = {ballots.row_at(row).person_id: row for row in range(ballots.rowCount())}
    choices = {
        open_meeting.official: BallotChoice.YES,
        open_meeting.official_2: BallotChoice.NO,
        open_meeting.activist: BallotChoice.YES,
        open_meeting.activist_2: BallotChoice.ABSTAIN,
    }
    for person, choice in choices.items():
        column = {
            BallotChoice.YES: BallotColumn.YES,
            BallotChoice.NO: BallotColumn.NO,
            BallotChoice.ABSTAIN: BallotColumn.ABSTAIN,
        }[choice]
        index = ballots.index(people[person], column)
        ballots.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert page._outcome.text() == "Outcome: Rejected"  # SNA 1 for, 1 against
    # Choosing again replaces the voter's choice (one ballot each).
    index = ballots.index(people[open_meeting.official_2], BallotColumn.ABSTAIN)
    ballots.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert len(ballots.ballots()) == 4
    assert page._outcome.text() == "Outcome: Adopted"
    page._record_button.click()
    (vote,) = _votes(database, drafted[0])
    assert vote.method is VoteMethod.NAMED
    assert vote.tally == votes.Tally(votes.SideTally(1, 0, 1), votes.SideTally(1, 0, 1))
    assert ballots.ballots() == []


def test_consensus_with_an_objection_is_rejected(
    qtbot: QtBot, workspace: MeetingWorkspace, database: Database, drafted: list[uuid.UUID]
) -> None:
    page = _page(workspace)
    page._list.select_row(1)
    page._method_buttons.button(2).click()
    assert page._outcome.text() == "Outcome: Adopted"
    page._objection.setFocus()
    qtbot.keyClicks(page._objection, "The CBO network objects")
    assert page._outcome.text() == "Outcome: Rejected"
    qtbot.keyClick(page._objection, Qt.Key.Key_Return)
    (vote,) = _votes(database, drafted[1])
    assert (vote.method, vote.objection, vote.outcome) == (
        VoteMethod.CONSENSUS,
        "The CBO network objects",
        VoteOutcome.REJECTED,
    )


def test_no_votes_unless_the_meeting_is_open_and_none_once_signed(
    workspace: MeetingWorkspace, database: Database, drafted: list[uuid.UUID], open_meeting: Seed
) -> None:
    page = _page(workspace)
    page._sides[0].yes.setValue(1)
    assert page._record_button.isEnabled()
    workspace.close_meeting()
    assert not page._record_button.isEnabled()
    assert page._hint.text() == "Votes are taken while the meeting is open."
    with database.transaction("test") as session:
        meetings.sign_meeting(session, open_meeting.meeting)
    workspace.refresh()
    page.reload()
    assert page._sides[0].yes.isReadOnly()
    assert not page._record_button.isEnabled()
    assert not page._method_buttons.button(1).isEnabled()


def test_voters_present_follow_the_sign_in(
    workspace: MeetingWorkspace, database: Database, drafted: list[uuid.UUID], open_meeting: Seed
) -> None:
    page = _page(workspace)
    with database.reading() as session:
        rows = attendance.attendance_list(session, open_meeting.meeting)
    official = next(r for r in rows if r.person_id == open_meeting.official)
    # Someone signed in by mistake is taken off the list (on the sign-in page).
    workspace.context.run(Topic.ATTENDANCE, attendance.remove_attendance, official.id)
    assert page._sides[0].present.text() == "1"
    assert page._ballot_model.rowCount() == 3
    assert page._voters == {Side.SNA: 1, Side.CIVIL_SOCIETY: 2}


def test_the_item_models_are_sound_qt_models(
    qtmodeltester: object, database: Database, drafted: list[uuid.UUID], open_meeting: Seed
) -> None:
    with database.transaction("test") as session:
        votes.record_vote(
            session,
            open_meeting.meeting,
            drafted[0],
            tally=votes.Tally(votes.SideTally(2, 0, 0), votes.SideTally(1, 1, 0)),
        )
        votes.record_vote(
            session, open_meeting.meeting, drafted[0], method=VoteMethod.CONSENSUS, objection="No"
        )
    with database.reading() as session:
        rows = recommendations.recommendations(session, district_code="0204")
        current = votes.current_votes(session, open_meeting.meeting)
        history = votes.votes(session, recommendation_id=drafted[0])
        voters = attendance.attendance_list(session, open_meeting.meeting)
    listing = VotingListModel()
    listing.set_rows([VotingRow(row, current.get(row.id)) for row in rows])
    qtmodeltester.check(listing)  # type: ignore[attr-defined]
    history_model = VoteHistoryModel()
    history_model.set_rows(history)
    qtmodeltester.check(history_model)  # type: ignore[attr-defined]
    ballots = BallotTableModel()
    ballots.set_rows(voters)
    ballots.set_choice(0, BallotChoice.NO)
    qtmodeltester.check(ballots)  # type: ignore[attr-defined]


def test_every_control_is_reachable_by_tab(
    workspace: MeetingWorkspace, drafted: list[uuid.UUID]
) -> None:
    page = _page(workspace)
    for method in range(3):
        page._method_buttons.button(method).click()
        assert_reachable_by_tab(page)
