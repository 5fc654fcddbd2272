"""A whole joint consultation through the real widgets: open it, sign in both sides, draft and
amend recommendations, vote, build and endorse the joint list with drawn signatures, sign and
lock; then check the database and that nothing can change any more.

(Creating a meeting through the New meeting dialog is driven in tests/ui/test_new_meeting.py.)
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from civicdesk.models.enums import JointListStatus, MeetingStatus, RecommendationStatus, Side
from civicdesk.services import attendance, joint_lists, recommendations, votes
from civicdesk.services.errors import LockedError
from civicdesk.storage.database import Database
from civicdesk.ui.settings import Settings
from civicdesk.ui.workspace.pages.recommendations import RecommendationsPage
from civicdesk.ui.workspace.pages.sign_in import SignInPage
from civicdesk.ui.workspace.pages.voting import VotingPage
from civicdesk.ui.workspace.sign_dialog import SignDialog
from civicdesk.ui.workspace.steps import Step
from civicdesk.ui.workspace.window import MeetingWorkspace
from tests.conftest import Seed
from tests.ui.workspace.test_endorsement_page import (
    draw_signature,
    endorsement_page,
    sign_with,
)


def _type(qtbot: QtBot, spin: object, text: str) -> None:
    spin.setFocus()  # type: ignore[attr-defined]
    spin.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(spin, text)  # type: ignore[arg-type]


def test_a_joint_consultation_from_opening_to_signature(
    qtbot: QtBot,
    database: Database,
    seed: Seed,
    settings: Settings,
    message_boxes: list[tuple[str, str]],
    answer_yes: list[str],
) -> None:
    window = MeetingWorkspace(database, seed.meeting, settings, actor="facilitator")
    qtbot.addWidget(window)
    window.show()

    # Open the meeting.
    qtbot.mouseClick(window._open_button, Qt.MouseButton.LeftButton)
    assert window.context.summary().status is MeetingStatus.OPEN

    # Sign in two people of each side: type, Enter.
    window.show_step(Step.SIGN_IN)
    sign_in = window.page(Step.SIGN_IN)
    assert isinstance(sign_in, SignInPage)
    search = sign_in.search_panel.search
    for name in ("Sok Chanthy", "Chea Vuthy", "Srey Pov", "Heng Sophea"):
        search.setFocus()
        search.clear()
        qtbot.keyClicks(search, name)
        qtbot.keyClick(search, Qt.Key.Key_Return)
    stats = window.context.read(attendance.attendance_statistics, seed.meeting)
    assert (stats.total, stats.women, stats.men) == (4, 2, 2)
    assert stats.by_side[Side.SNA].total == 2 and stats.by_side[Side.CIVIL_SOCIETY].total == 2

    # Draft two recommendations, then amend the first.
    window.show_step(Step.RECOMMENDATIONS)
    drafting = window.page(Step.RECOMMENDATIONS)
    assert isinstance(drafting, RecommendationsPage)
    drafting.reload()
    for khmer, english in (
        ("ផ្សព្វផ្សាយថវិកាស្រុក", "Publish the district budget."),
        ("បើកកិច្ចប្រជុំក្រុមប្រឹក្សាជាសាធារណៈ", "Open council meetings to the public."),
    ):
        if drafting._new_button.isEnabled():
            drafting._new_button.click()
        drafting._text.khmer.setPlainText(khmer)
        qtbot.keyClicks(drafting._text.english, english)
        drafting._save_button.click()
    rows = window.context.read(recommendations.recommendations, district_code="0204")
    assert [r.text_en for r in rows] == [
        "Publish the district budget.",
        "Open council meetings to the public.",
    ]
    drafting._table.select_id(rows[0].id)
    drafting._text.english.selectAll()
    qtbot.keyClicks(drafting._text.english, "Publish the district budget at every commune hall.")
    qtbot.keyClicks(drafting._reason_en, "Say where")
    drafting._save_button.click()
    history = window.context.read(recommendations.revisions, rows[0].id)
    assert [r.text_en for r in history] == [
        "Publish the district budget.",
        "Publish the district budget at every commune hall.",
    ]

    # Vote on each: both adopted 2–0 on each side, typed in and recorded with Enter.
    window.show_step(Step.VOTING)
    voting = window.page(Step.VOTING)
    assert isinstance(voting, VotingPage)
    voting.reload()
    for row in rows:
        voting._list.select_id(row.id)
        sna, civil_society = voting._sides
        _type(qtbot, sna.yes, "2")
        _type(qtbot, civil_society.yes, "2")
        assert voting._outcome.text() == "Outcome: Adopted"
        qtbot.keyClick(civil_society.yes, Qt.Key.Key_Return)
    for row in rows:
        (vote,) = window.context.read(votes.votes, recommendation_id=row.id)
        assert vote.tally == votes.Tally(votes.SideTally(2, 0, 0), votes.SideTally(2, 0, 0))
    statuses = {
        r.status for r in window.context.read(recommendations.recommendations, district_code="0204")
    }
    assert statuses == {RecommendationStatus.ADOPTED}

    # Build the joint list; both sides sign on the pad.
    page = endorsement_page(window)
    qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)

    def signer(name: str, title: str) -> object:
        def fill(dialog: SignDialog) -> None:
            dialog.name.setText(name)
            dialog.title_en.setText(title)
            draw_signature(qtbot, dialog)

        return fill

    sign_with(page, signer("Sok Chanthy", "Deputy Governor"))  # type: ignore[arg-type]
    sign_with(page, signer("Srey Pov", "Coordinator"))  # type: ignore[arg-type]
    (joint_list,) = window.context.read(joint_lists.joint_lists, meeting_id=seed.meeting)
    assert joint_list.status is JointListStatus.ENDORSED
    assert [e.side for e in joint_list.endorsements] == [Side.SNA, Side.CIVIL_SOCIETY]
    assert all((e.signature_png or b"").startswith(b"\x89PNG") for e in joint_list.endorsements)
    assert joint_list.items[0].text_en == "Publish the district budget at every commune hall."

    # Close, sign and lock.
    qtbot.mouseClick(window._close_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window._sign_button, Qt.MouseButton.LeftButton)
    assert answer_yes, "signing asked for confirmation first"
    assert window.context.summary().status is MeetingStatus.SIGNED

    # Read-only everywhere, and refused below the window too.
    assert window._locked_banner.isVisible()
    assert drafting._text.english.isReadOnly()
    assert not voting._record_button.isEnabled()
    with pytest.raises(LockedError), database.transaction("test") as session:
        recommendations.amend_recommendation(
            session, rows[1].id, seed.meeting, text_en="Changed after signing"
        )
    with pytest.raises(LockedError), database.transaction("test") as session:
        attendance.sign_in(session, seed.meeting, seed.activist)
    window.projector.close()
