"""Priority rounds: dot voting and ranking over recommendations, and the ranked results."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from civicdesk.models import PriorityCandidate, PriorityMark, PriorityRound
from civicdesk.models.enums import PriorityMethod, PriorityRoundStatus, Sex
from civicdesk.services import (
    LockedError,
    NotFoundError,
    StateError,
    ValidationError,
    attendance,
    meetings,
    people,
    priorities,
    recommendations,
)

from .helpers import count_rows


@pytest.fixture
def candidates(database, open_meeting):
    with database.transaction("test") as session:
        return [
            recommendations.draft_recommendation(session, open_meeting.meeting, text_en=text)
            for text in ("Budget boards", "Public forums", "Complaint box", "Youth council")
        ]


def _round(database, meeting, candidates, method=PriorityMethod.DOTS, dots=5):
    with database.transaction("test") as session:
        return priorities.create_round(
            session,
            meeting,
            method=method,
            recommendation_ids=candidates,
            dots_per_participant=dots,
            title_en="Provincial priorities",
        )


def _place(database, round_id, person, marks):
    with database.transaction("test") as session:
        priorities.place_marks(session, round_id, person, marks)


def _marks(database, round_id):
    with database.reading() as session:
        return {
            (m.person_id, m.recommendation_id, m.value)
            for m in session.scalars(select(PriorityMark).where(PriorityMark.round_id == round_id))
        }


def test_create_round(database, open_meeting, candidates) -> None:
    round_id = _round(database, open_meeting.meeting, [*candidates, candidates[0]], dots=3)
    with database.reading() as session:
        stored = session.get(PriorityRound, round_id)
        assert (stored.method, stored.dots_per_participant, stored.status, stored.title_en) == (
            PriorityMethod.DOTS,
            3,
            PriorityRoundStatus.OPEN,
            "Provincial priorities",
        )
        assert [c.recommendation_id for c in stored.candidates] == candidates  # once each
        assert priorities.rounds(session, open_meeting.meeting) == [round_id]
    ranking = _round(database, open_meeting.meeting, candidates[:2], method=PriorityMethod.RANKING)
    with database.reading() as session:
        assert session.get(PriorityRound, ranking).dots_per_participant == 0


def test_create_round_refusals(database, open_meeting, candidates, refuse) -> None:
    a = candidates[0]
    cases = [
        ("one", [a], {}, "recommendation_ids"),
        ("none", [], {}, "recommendation_ids"),
        ("same-twice", [a, a], {}, "recommendation_ids"),
        ("no-dots", candidates, {"dots_per_participant": 0}, "dots_per_participant"),
        ("too-many-dots", candidates, {"dots_per_participant": 51}, "dots_per_participant"),
    ]
    for name, ids, kwargs, field in cases:
        refuse(
            ValidationError,
            lambda s, i=ids, k=kwargs: priorities.create_round(
                s, open_meeting.meeting, method=PriorityMethod.DOTS, recommendation_ids=i, **k
            ),
            field=field,
            case=name,
        )
    assert count_rows(database, PriorityRound) == 0


def test_create_round_with_unknown_recommendation(
    database, open_meeting, candidates, refuse
) -> None:
    refuse(
        NotFoundError,
        lambda s: priorities.create_round(
            s,
            open_meeting.meeting,
            method=PriorityMethod.DOTS,
            recommendation_ids=[candidates[0], uuid.uuid4()],
        ),
    )
    assert count_rows(database, PriorityCandidate) == 0


def test_dots_results_with_ties(database, open_meeting, candidates) -> None:
    seed = open_meeting
    a, b, c, d = candidates
    round_id = _round(database, seed.meeting, candidates, dots=5)
    _place(database, round_id, seed.official, {a: 3, b: 2})
    _place(database, round_id, seed.activist, {b: 1, c: 4})
    _place(database, round_id, seed.activist_2, {a: 1, c: 0, d: 1})
    with database.reading() as session:
        ranked = priorities.results(session, round_id)
    # a: 4, b: 3, c: 4, d: 1 → a and c tie for first (candidate order breaks display ties).
    assert [(r.recommendation_id, r.score, r.rank, r.tied) for r in ranked] == [
        (a, 4, 1, True),
        (c, 4, 1, True),
        (b, 3, 3, False),
        (d, 1, 4, False),
    ]
    assert [r.participants for r in ranked] == [2, 1, 2, 1]
    assert ranked[0].code == "0204-R01"
    assert ranked[0].text_en == "Budget boards"


def test_placing_again_replaces_earlier_marks(database, open_meeting, candidates) -> None:
    seed = open_meeting
    a, b, c, _d = candidates
    round_id = _round(database, seed.meeting, candidates, dots=5)
    _place(database, round_id, seed.official, {a: 5})
    _place(database, round_id, seed.activist, {b: 2})
    _place(database, round_id, seed.official, {b: 1, c: 4})
    assert _marks(database, round_id) == {
        (seed.activist, b, 2),
        (seed.official, b, 1),
        (seed.official, c, 4),
    }


def test_dot_refusals(database, open_meeting, candidates, refuse) -> None:
    seed = open_meeting
    a, b, _c, d = candidates
    round_id = _round(database, seed.meeting, candidates[:3], dots=5)
    _place(database, round_id, seed.official, {a: 2})
    with database.transaction("test") as session:
        outsider = people.create_person(session, name_latin="Outsider", sex=Sex.MALE)
        invited = people.create_person(session, name_latin="Invited", sex=Sex.FEMALE)
        attendance.invite(session, seed.meeting, invited)
        attendance.mark_absent(session, seed.meeting, seed.official_2, "away")

    def place(person, marks):
        return lambda s: priorities.place_marks(s, round_id, person, marks)

    refuse(
        ValidationError, place(seed.activist, {a: 3, b: 3}), match="6 dots placed", field="marks"
    )
    refuse(ValidationError, place(seed.official, {a: 6}), match="only 5")
    for person in (outsider, invited, seed.official_2):
        refuse(ValidationError, place(person, {a: 1}), match="signed in", field="person_id")
    refuse(ValidationError, place(seed.activist, {d: 1}), match="not in this round")
    refuse(ValidationError, place(seed.activist, {a: -1, b: 3}), match="zero or more")
    refuse(ValidationError, place(seed.activist, {a: 1.5}), match="whole numbers")
    # The earlier marks survive every refusal.
    assert _marks(database, round_id) == {(seed.official, a, 2)}


def test_ranking(database, open_meeting, candidates, refuse) -> None:
    seed = open_meeting
    a, b, c, _d = candidates
    round_id = _round(database, seed.meeting, [a, b, c], method=PriorityMethod.RANKING)

    def place(person, marks):
        return lambda s: priorities.place_marks(s, round_id, person, marks)

    for marks in ({a: 1, b: 3}, {a: 1, b: 1}, {a: 2}, {a: 0, b: 2}, {a: 2, b: 3, c: 4}):
        refuse(ValidationError, place(seed.official, marks), match="no gaps or repeats")
    assert _marks(database, round_id) == set()
    _place(database, round_id, seed.official, {a: 1, b: 2, c: 3})
    _place(database, round_id, seed.activist, {c: 1, a: 2})
    _place(database, round_id, seed.activist_2, {b: 1, a: 0})
    with database.reading() as session:
        ranked = priorities.results(session, round_id)
    # Borda with n = 3: a 3+2 = 5, b 2+3 = 5, c 1+3 = 4.
    assert [(r.recommendation_id, r.score, r.rank, r.tied) for r in ranked] == [
        (a, 5, 1, True),
        (b, 5, 1, True),
        (c, 4, 3, False),
    ]


def test_closed_round(database, open_meeting, candidates, refuse) -> None:
    seed = open_meeting
    round_id = _round(database, seed.meeting, candidates)
    with database.transaction("test") as session:
        priorities.close_round(session, round_id)
    refuse(
        StateError,
        lambda s: priorities.place_marks(s, round_id, seed.official, {candidates[0]: 1}),
        match="closed",
    )
    refuse(StateError, lambda s: priorities.close_round(s, round_id), match="closed")


def test_results_of_empty_round(database, open_meeting, candidates) -> None:
    round_id = _round(database, open_meeting.meeting, candidates[:2])
    with database.reading() as session:
        ranked = priorities.results(session, round_id)
    assert [(r.recommendation_id, r.score, r.rank, r.tied) for r in ranked] == [
        (candidates[0], 0, 1, True),
        (candidates[1], 0, 1, True),
    ]


def test_priorities_of_signed_meeting_are_locked(
    database, open_meeting, candidates, refuse
) -> None:
    seed = open_meeting
    round_id = _round(database, seed.meeting, candidates)
    _place(database, round_id, seed.official, {candidates[0]: 2})
    with database.transaction("test") as session:
        meetings.close_meeting(session, seed.meeting)
        meetings.sign_meeting(session, seed.meeting)
    changes = [
        lambda s: priorities.place_marks(s, round_id, seed.official, {candidates[1]: 1}),
        lambda s: priorities.place_marks(s, round_id, seed.activist, {candidates[1]: 1}),
        lambda s: priorities.close_round(s, round_id),
        lambda s: priorities.create_round(
            s, seed.meeting, method=PriorityMethod.DOTS, recommendation_ids=candidates
        ),
    ]
    for change in changes:
        refuse(LockedError, change, match="signed")
    with database.reading() as session:
        assert priorities.results(session, round_id)[0].score == 2
