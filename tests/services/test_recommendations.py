"""Recommendations: drafted with a code, amended as new revisions (nothing overwritten),
withdrawn, reordered, linked to findings."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from civicdesk.models import Recommendation, RecommendationFinding, RecommendationRevision
from civicdesk.models.enums import RecommendationStatus, ResponsibleLevel, Theme
from civicdesk.services import (
    LockedError,
    NotFoundError,
    StateError,
    ValidationError,
    findings,
    meetings,
    recommendations,
)

from .conftest import follow_up_details
from .helpers import count_rows

TEXT_KM = "បង្កើនការចូលរួមរបស់ពលរដ្ឋ"


def _draft(database, meeting, **kwargs):
    with database.transaction("facilitator") as session:
        return recommendations.draft_recommendation(session, meeting, **kwargs)


def test_draft_gives_code_and_first_revision(database, open_meeting) -> None:
    meeting = open_meeting.meeting
    with database.transaction("test") as session:
        finding = findings.record_finding(session, meeting, text_en="No forums are held.")
    first = _draft(
        database,
        meeting,
        text_km=TEXT_KM,
        text_en="Increase citizen participation.",
        theme=Theme.PARTICIPATION,
        responsible_level=ResponsibleLevel.COMMUNE,
        finding_ids=[finding, finding],
        author="CTOD",
    )
    second = _draft(database, meeting, text_en="  Only\tEnglish  ")
    with database.reading() as session:
        row = recommendations.get_recommendation(session, first)
        other = recommendations.get_recommendation(session, second)
        (revision,) = recommendations.revisions(session, first)
    assert (row.code, row.position, other.code, other.position) == ("0204-R01", 1, "0204-R02", 2)
    assert (row.province_code, row.district_code) == ("02", "0204")
    assert row.status is RecommendationStatus.DRAFT
    assert (row.theme, row.responsible_level) == (Theme.PARTICIPATION, ResponsibleLevel.COMMUNE)
    assert (row.text_km, row.text_en) == (TEXT_KM, "Increase citizen participation.")
    assert row.finding_ids == (finding,)  # the duplicate link is made once
    assert (revision.number, revision.author, revision.meeting_id) == (1, "CTOD", meeting)
    assert other.text("en") == other.text("km") == "Only English"


@pytest.mark.parametrize(
    ("km", "en"),
    [("", ""), ("   ", "\n\t"), (None, None)],
    ids=["empty", "blank", "none"],
)
def test_empty_text_in_both_languages_is_refused(database, open_meeting, refuse, km, en) -> None:
    _draft(database, open_meeting.meeting, text_en="Something, so there is history")
    refuse(
        ValidationError,
        lambda s: recommendations.draft_recommendation(
            s, open_meeting.meeting, text_km=km, text_en=en
        ),
        field="text",
        match="empty",
    )
    assert count_rows(database, Recommendation) == 1
    assert count_rows(database, RecommendationRevision) == 1


def test_bidi_controls_in_text_are_refused(database, open_meeting, refuse) -> None:
    refuse(
        ValidationError,
        lambda s: recommendations.draft_recommendation(
            s, open_meeting.meeting, text_en="Pay \u2066back\u2069 fees"
        ),
        field="text_en",
    )


@pytest.mark.parametrize(
    ("district", "match"),
    [("0102", "not in this meeting's province"), ("0299", "no place with the code 0299")],
    ids=["other-province", "unknown-district"],
)
def test_district_outside_gazetteer_or_province_is_refused(
    database, open_meeting, refuse, district, match
) -> None:
    refuse(
        ValidationError,
        lambda s: recommendations.draft_recommendation(
            s, open_meeting.meeting, text_en="X", district_code=district
        ),
        field="district_code",
        match=match,
    )


def test_draft_for_another_district_of_the_province(database, open_meeting) -> None:
    recommendation = _draft(database, open_meeting.meeting, text_en="X", district_code="0201")
    with database.reading() as session:
        assert recommendations.get_recommendation(session, recommendation).code == "0201-R01"


def test_draft_with_unknown_finding_is_refused(database, open_meeting, refuse) -> None:
    refuse(
        NotFoundError,
        lambda s: recommendations.draft_recommendation(
            s, open_meeting.meeting, text_en="X", finding_ids=[uuid.uuid4()]
        ),
        match="finding",
    )


def test_amend_keeps_earlier_revisions(database, adopted, follow_up) -> None:
    seed = adopted.seed
    with database.reading() as session:
        before = session.get(RecommendationRevision, adopted.revision)
        original = (before.number, before.text_km, before.text_en, before.created_at)
    with database.transaction("facilitator") as session:
        second = recommendations.amend_recommendation(
            session,
            adopted.recommendation,
            seed.meeting,
            text_en="Publish the budget monthly.",
            reason="CSO proposal",
            author="AS",
        )
    with database.transaction("facilitator") as session:
        third = recommendations.amend_recommendation(
            session, adopted.recommendation, follow_up, text_km=TEXT_KM, text_en=""
        )
    with database.reading() as session:
        history = recommendations.revisions(session, adopted.recommendation)
        row = recommendations.get_recommendation(session, adopted.recommendation)
        first = session.get(RecommendationRevision, adopted.revision)
        assert (first.number, first.text_km, first.text_en, first.created_at) == original
    assert [r.id for r in history] == [adopted.revision, second, third]
    assert [r.number for r in history] == [1, 2, 3]
    assert [r.meeting_id for r in history] == [seed.meeting, seed.meeting, follow_up]
    assert (history[1].text_en, history[1].reason, history[1].author) == (
        "Publish the budget monthly.",
        "CSO proposal",
        "AS",
    )
    assert (row.revision_id, row.revision_count, row.text_km, row.text_en) == (
        third,
        3,
        TEXT_KM,
        "",
    )
    # An amended text has not been voted on: the recommendation is a draft again.
    assert row.status is RecommendationStatus.DRAFT


def test_amend_refusals(database, adopted, refuse) -> None:
    meeting = adopted.seed.meeting
    with database.reading() as session:
        current = recommendations.get_recommendation(session, adopted.recommendation)
    refuse(
        ValidationError,
        lambda s: recommendations.amend_recommendation(
            s, adopted.recommendation, meeting, text_km=current.text_km, text_en=current.text_en
        ),
        match="same as the current",
    )
    refuse(
        ValidationError,
        lambda s: recommendations.amend_recommendation(s, adopted.recommendation, meeting),
        field="text",
    )
    refuse(
        NotFoundError,
        lambda s: recommendations.amend_recommendation(s, uuid.uuid4(), meeting, text_en="X"),
    )


def test_withdraw(database, adopted, refuse) -> None:
    meeting = adopted.seed.meeting
    with database.transaction("test") as session:
        recommendations.withdraw_recommendation(
            session, adopted.recommendation, meeting, "Merged into R02"
        )
    with database.reading() as session:
        recommendation = session.get(Recommendation, adopted.recommendation)
        assert recommendation.status is RecommendationStatus.WITHDRAWN
        assert recommendation.withdrawn_reason == "Merged into R02"
        assert (
            recommendations.recommendations(session, meeting_id=meeting, include_withdrawn=False)
            == []
        )
        assert len(recommendations.recommendations(session, meeting_id=meeting)) == 1
    for change in (
        lambda s: recommendations.withdraw_recommendation(s, adopted.recommendation, meeting),
        lambda s: recommendations.amend_recommendation(
            s, adopted.recommendation, meeting, text_en="Revive it"
        ),
    ):
        refuse(StateError, change, match="withdrawn")


def test_update_link_and_move(database, open_meeting) -> None:
    meeting = open_meeting.meeting
    first = _draft(database, meeting, text_en="One")
    second = _draft(database, meeting, text_en="Two")
    third = _draft(database, meeting, text_en="Three")
    with database.transaction("test") as session:
        finding = findings.record_finding(session, meeting, text_en="A finding")
        recommendations.update_recommendation(
            session, first, theme=Theme.ACCOUNTABILITY, responsible_level=ResponsibleLevel.NATIONAL
        )
        recommendations.link_findings(session, first, meeting, [finding])
        recommendations.link_findings(session, first, meeting, [finding])
        recommendations.move_recommendation(session, third, 1)
    with database.reading() as session:
        rows = recommendations.recommendations(session, district_code="0204")
        links = session.scalars(select(RecommendationFinding)).all()
        assert [(link.recommendation_id, link.finding_id) for link in links] == [(first, finding)]
    assert [r.id for r in rows] == [third, first, second]
    assert [r.position for r in rows] == [1, 2, 3]
    # Codes stay as they were drafted.
    assert [r.code for r in rows] == ["0204-R03", "0204-R01", "0204-R02"]
    assert (rows[1].theme, rows[1].responsible_level) == (
        Theme.ACCOUNTABILITY,
        ResponsibleLevel.NATIONAL,
    )


def test_remove_linked_finding_is_refused(database, open_meeting, refuse) -> None:
    meeting = open_meeting.meeting
    with database.transaction("test") as session:
        finding = findings.record_finding(session, meeting, text_en="A finding")
        recommendations.draft_recommendation(
            session, meeting, text_en="Answer", finding_ids=[finding]
        )
    refuse(StateError, lambda s: findings.remove_finding(s, finding), match="unlink")


def test_codes_skip_taken_numbers(database, open_meeting) -> None:
    """Positions can be compacted by moves; a new code never reuses an old one."""
    meeting = open_meeting.meeting
    _draft(database, meeting, text_en="One")
    with database.transaction("test") as session:
        # A recommendation of the district drafted at the province level has no position yet.
        session.add(
            Recommendation(
                code="0204-R02",
                province_code="02",
                district_code="0204",
                position=0,
                origin_meeting_id=meeting,
            )
        )
    assert count_rows(database, Recommendation) == 2
    recommendation = _draft(database, meeting, text_en="Two")
    with database.reading() as session:
        assert recommendations.get_recommendation(session, recommendation).code == "0204-R03"


def test_recommendations_of_signed_meeting_are_locked(signed, refuse, database) -> None:
    meeting = signed.meeting
    refuse(
        LockedError,
        lambda s: recommendations.draft_recommendation(s, meeting, text_en="Late idea"),
        match="signed",
    )
    refuse(
        LockedError,
        lambda s: recommendations.amend_recommendation(
            s, signed.recommendation, meeting, text_en="Changed"
        ),
        match="signed",
    )
    refuse(
        LockedError,
        lambda s: recommendations.withdraw_recommendation(s, signed.recommendation, meeting),
        match="signed",
    )
    refuse(
        LockedError,
        lambda s: recommendations.update_recommendation(
            s, signed.recommendation, theme=Theme.OTHER, responsible_level=ResponsibleLevel.DISTRICT
        ),
    )
    refuse(
        LockedError,
        lambda s: recommendations.link_findings(
            s, signed.recommendation, meeting, [signed.finding]
        ),
    )
    refuse(LockedError, lambda s: recommendations.move_recommendation(s, signed.recommendation, 1))


def test_amend_in_a_later_meeting_after_signing(database, signed) -> None:
    """A signed meeting's recommendation can be amended in a later meeting; the revisions
    recorded by the signed meeting stay as they were."""
    with database.transaction("test") as session:
        later = meetings.plan_meeting(session, follow_up_details(signed.seed))
        revision = recommendations.amend_recommendation(
            session, signed.recommendation, later, text_en="Addendum text"
        )
    with database.reading() as session:
        history = recommendations.revisions(session, signed.recommendation)
    assert [(r.id, r.meeting_id) for r in history] == [
        (signed.revision, signed.meeting),
        (revision, later),
    ]
