"""Linking a recommendation to the findings it answers, and unlinking a link made by mistake."""

from __future__ import annotations

import pytest

from civicdesk.services import LockedError, findings, meetings, recommendations
from civicdesk.storage.database import Database
from tests.conftest import Seed


def test_unlink_removes_only_the_links_named(database: Database, open_meeting: Seed) -> None:
    meeting = open_meeting.meeting
    with database.transaction("test") as session:
        first = findings.record_finding(session, meeting, text_en="No forums are held.")
        second = findings.record_finding(session, meeting, text_en="Budgets are not posted.")
        recommendation = recommendations.draft_recommendation(
            session, meeting, text_en="Hold forums.", finding_ids=[first, second]
        )
    with database.transaction("test") as session:
        recommendations.unlink_findings(session, recommendation, meeting, [first])
    with database.reading() as session:
        row = recommendations.get_recommendation(session, recommendation)
    assert row.finding_ids == (second,)
    # The finding is free again: it can be removed.
    with database.transaction("test") as session:
        findings.remove_finding(session, first)


def test_unlink_is_refused_once_the_meeting_is_signed(
    database: Database, open_meeting: Seed
) -> None:
    meeting = open_meeting.meeting
    with database.transaction("test") as session:
        finding = findings.record_finding(session, meeting, text_en="No forums are held.")
        recommendation = recommendations.draft_recommendation(
            session, meeting, text_en="Hold forums.", finding_ids=[finding]
        )
        meetings.close_meeting(session, meeting)
        meetings.sign_meeting(session, meeting)
    with pytest.raises(LockedError), database.transaction("test") as session:
        recommendations.unlink_findings(session, recommendation, meeting, [finding])
    with database.reading() as session:
        assert recommendations.get_recommendation(session, recommendation).finding_ids == (finding,)
