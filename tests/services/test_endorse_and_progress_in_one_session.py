"""An endorsement or a progress update, read back in the transaction that recorded it, is
listed once (appending it after session.add() listed it twice until the session ended)."""

from __future__ import annotations

import datetime as dt

from civicdesk.models.enums import ActionStatus, Side
from civicdesk.services import actions, joint_lists, recommendations, votes
from civicdesk.storage.database import Database
from tests.conftest import Seed


def test_an_endorsement_read_in_its_own_transaction(database: Database, open_meeting: Seed) -> None:
    tally = votes.Tally(votes.SideTally(2, 0, 0), votes.SideTally(2, 0, 0))
    with database.transaction("test") as session:
        recommendation = recommendations.draft_recommendation(
            session, open_meeting.meeting, text_en="Publish the budget"
        )
        votes.record_vote(session, open_meeting.meeting, recommendation, tally=tally)
    with database.transaction("test") as session:
        list_id = joint_lists.build_joint_list(session, open_meeting.meeting)
    with database.transaction("test") as session:
        joint_lists.endorse_joint_list(
            session,
            list_id,
            signatory_name="Sok Chanthy",
            title="Deputy Governor",
            side=Side.SNA,
            signed_on=dt.date(2021, 11, 23),
        )
        assert len(joint_lists.get_joint_list(session, list_id).endorsements) == 1
    with database.reading() as session:
        assert len(joint_lists.get_joint_list(session, list_id).endorsements) == 1


def test_a_progress_update_read_in_its_own_transaction(
    database: Database, open_meeting: Seed
) -> None:
    with database.transaction("test") as session:
        action = actions.plan_action(
            session, open_meeting.meeting, actions.ActionPlan(description_en="Post the budget")
        )
    with database.transaction("test") as session:
        actions.record_progress(
            session,
            action,
            reported_on=dt.date(2022, 1, 10),
            status=ActionStatus.IN_PROGRESS,
            progress_percent=30,
        )
        (row,) = actions.actions(session, meeting_id=open_meeting.meeting)
        assert len(row.updates) == 1
