"""Votes: outcomes under each rule, tallies checked against voters present, named ballots,
re-votes that supersede and keep history, and the refusals."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from civicdesk.models import Ballot, Recommendation, Vote
from civicdesk.models.enums import (
    AttendanceRole,
    BallotChoice,
    RecommendationStatus,
    Side,
    VoteMethod,
    VoteOutcome,
    VoteRule,
)
from civicdesk.services import (
    LockedError,
    NotFoundError,
    StateError,
    ValidationError,
    attendance,
    meetings,
    people,
    recommendations,
    votes,
)
from civicdesk.services.votes import compute_outcome

from .helpers import count_rows, tally

ADOPTED = VoteOutcome.ADOPTED
REJECTED = VoteOutcome.REJECTED
JOINT = VoteRule.JOINT_ADOPTION
SIMPLE = VoteRule.SIMPLE_MAJORITY
TWO_THIRDS = VoteRule.TWO_THIRDS


@pytest.mark.parametrize(
    ("rule", "sna", "cso", "expected"),
    [
        # Joint adoption: yes > no on each side; abstentions never count.
        pytest.param(JOINT, (3, 1, 0), (2, 1, 0), ADOPTED, id="joint-both-sides-yes"),
        pytest.param(JOINT, (1, 0, 9), (1, 0, 9), ADOPTED, id="joint-abstentions-ignored"),
        pytest.param(JOINT, (5, 0, 0), (1, 2, 0), REJECTED, id="joint-cso-against"),
        pytest.param(JOINT, (1, 2, 0), (5, 0, 0), REJECTED, id="joint-sna-against"),
        pytest.param(
            JOINT, (10, 0, 0), (0, 1, 0), REJECTED, id="joint-overall-majority-not-enough"
        ),
        pytest.param(JOINT, (2, 2, 0), (3, 0, 0), REJECTED, id="joint-tie-on-a-side"),
        pytest.param(JOINT, (0, 0, 3), (4, 0, 0), REJECTED, id="joint-side-only-abstains"),
        pytest.param(JOINT, (0, 0, 0), (0, 0, 0), REJECTED, id="joint-nobody-voted"),
        # Simple majority: yes > no over both sides together.
        pytest.param(SIMPLE, (10, 0, 0), (0, 1, 0), ADOPTED, id="simple-overall-majority"),
        pytest.param(SIMPLE, (1, 0, 5), (0, 0, 5), ADOPTED, id="simple-abstentions-ignored"),
        pytest.param(SIMPLE, (1, 2, 0), (1, 0, 0), REJECTED, id="simple-tie"),
        pytest.param(SIMPLE, (0, 3, 0), (2, 0, 0), REJECTED, id="simple-minority"),
        # Two-thirds of yes and no together.
        pytest.param(TWO_THIRDS, (2, 1, 0), (2, 1, 0), ADOPTED, id="two-thirds-exactly"),
        pytest.param(TWO_THIRDS, (2, 1, 0), (1, 1, 0), REJECTED, id="two-thirds-60-percent"),
        pytest.param(
            TWO_THIRDS, (2, 0, 0), (0, 1, 9), ADOPTED, id="two-thirds-abstentions-ignored"
        ),
        pytest.param(TWO_THIRDS, (0, 0, 4), (0, 0, 4), REJECTED, id="two-thirds-only-abstentions"),
    ],
)
def test_compute_outcome_by_tally(
    rule: VoteRule, sna: tuple[int, int, int], cso: tuple[int, int, int], expected: VoteOutcome
) -> None:
    assert compute_outcome(rule, VoteMethod.TALLY, tally(sna, cso)) is expected
    # A named vote counts the same way as a tally.
    assert compute_outcome(rule, VoteMethod.NAMED, tally(sna, cso)) is expected


@pytest.mark.parametrize("rule", list(VoteRule))
@pytest.mark.parametrize(
    ("objection", "expected"),
    [
        ("", ADOPTED),
        ("   ", ADOPTED),
        ("The CSO side objects to the timeline.", REJECTED),
    ],
)
def test_compute_outcome_by_consensus(
    rule: VoteRule, objection: str, expected: VoteOutcome
) -> None:
    # Consensus ignores counts: a tally against does not block it, one objection does.
    assert compute_outcome(rule, VoteMethod.CONSENSUS, tally((0, 5), (0, 5)), objection) is expected


def _draft(database, seed, text_en="Hold quarterly public forums."):
    with database.transaction("test") as session:
        return recommendations.draft_recommendation(session, seed.meeting, text_en=text_en)


def _set_rule(database, seed, rule: VoteRule) -> None:
    with database.transaction("test") as session:
        details = meetings.meeting_details(session, seed.meeting)
        meetings.update_meeting(
            session,
            seed.meeting,
            dataclasses.replace(details, vote_rule=rule),
        )


@pytest.mark.parametrize(
    ("rule", "sna", "cso", "expected"),
    [
        (JOINT, (2, 0, 0), (1, 0, 1), ADOPTED),
        (JOINT, (2, 0, 0), (0, 1, 1), REJECTED),
        (SIMPLE, (2, 0, 0), (0, 1, 1), ADOPTED),
        (TWO_THIRDS, (2, 0, 0), (0, 1, 1), ADOPTED),
        (TWO_THIRDS, (1, 1, 0), (0, 0, 1), REJECTED),
    ],
)
def test_record_vote_end_to_end(database, open_meeting, rule, sna, cso, expected) -> None:
    seed = open_meeting
    if rule is not JOINT:
        _set_rule(database, seed, rule)
    recommendation = _draft(database, seed)
    with database.transaction("clerk") as session:
        row = votes.record_vote(session, seed.meeting, recommendation, tally=tally(sna, cso))
    assert row.outcome is expected
    with database.reading() as session:
        vote = session.get(Vote, row.id)
        assert vote is not None
        assert (vote.rule, vote.method, vote.outcome) == (rule, VoteMethod.TALLY, expected)
        assert (vote.sna_yes, vote.sna_no, vote.sna_abstain) == sna
        assert (vote.cso_yes, vote.cso_no, vote.cso_abstain) == cso
        assert (
            vote.revision_id
            == recommendations.get_recommendation(session, recommendation).revision_id
        )
        status = session.get(Recommendation, recommendation).status
        assert status.value == expected.value


def test_consensus_vote_end_to_end(database, open_meeting) -> None:
    seed = open_meeting
    first, second = _draft(database, seed, "First"), _draft(database, seed, "Second")
    with database.transaction("test") as session:
        agreed = votes.record_vote(session, seed.meeting, first, method=VoteMethod.CONSENSUS)
        blocked = votes.record_vote(
            session,
            seed.meeting,
            second,
            method=VoteMethod.CONSENSUS,
            objection="The commune chiefs were not consulted.",
        )
    assert (agreed.outcome, blocked.outcome) == (ADOPTED, REJECTED)
    with database.reading() as session:
        assert session.get(Recommendation, first).status is RecommendationStatus.ADOPTED
        assert session.get(Recommendation, second).status is RecommendationStatus.REJECTED
        assert session.get(Vote, blocked.id).objection == "The commune chiefs were not consulted."


def test_tally_over_voters_present_is_refused(database, open_meeting, refuse) -> None:
    seed = open_meeting  # two voters on each side
    recommendation = _draft(database, seed)
    error = refuse(
        ValidationError,
        lambda s: votes.record_vote(s, seed.meeting, recommendation, tally=tally((2, 1), (1,))),
        match="only 2 voters",
        field="sna_yes",
    )
    assert "3 votes" in str(error)
    refuse(
        ValidationError,
        lambda s: votes.record_vote(s, seed.meeting, recommendation, tally=tally((1,), (1, 1, 1))),
        field="civil_society_yes",
    )


def test_voters_present_counts_headcounts_but_not_observers_or_absent(
    database, open_meeting, refuse
) -> None:
    seed = open_meeting
    with database.transaction("test") as session:
        partner = people.create_organisation(session, name_en="Partner", kind="development_partner")
        guest = people.create_person(
            session, name_latin="Guest", sex="male", organisation_id=partner
        )
        facilitator = people.create_person(session, name_latin="Facil", sex="female")
        attendance.sign_in(session, seed.meeting, guest)
        attendance.sign_in(session, seed.meeting, facilitator, role=AttendanceRole.FACILITATOR)
        attendance.mark_absent(session, seed.meeting, seed.activist_2, "sick")
        attendance.record_headcount(
            session, seed.meeting, group_en="Village chiefs", women=1, men=2, side=Side.SNA
        )
        voters = attendance.voters_present(session, seed.meeting)
    assert voters == {Side.SNA: 5, Side.CIVIL_SOCIETY: 1}
    recommendation = _draft(database, seed)
    refuse(
        ValidationError,
        lambda s: votes.record_vote(s, seed.meeting, recommendation, tally=tally((5,), (2,))),
        field="civil_society_yes",
    )
    with database.transaction("test") as session:
        row = votes.record_vote(session, seed.meeting, recommendation, tally=tally((4, 0, 1), (1,)))
    assert row.outcome is ADOPTED


def test_empty_missing_or_negative_tally_is_refused(database, open_meeting, refuse) -> None:
    seed = open_meeting
    recommendation = _draft(database, seed)
    cases = {
        "no-votes": tally(),
        "negative-sums-to-zero": tally((-1,), (1,)),
        "negative": tally((1, -1), (1,)),
        "missing": None,
    }
    for name, bad in cases.items():
        refuse(
            ValidationError,
            lambda s, t=bad: votes.record_vote(s, seed.meeting, recommendation, tally=t),
            case=name,
        )
    assert count_rows(database, Vote) == 0


def test_revote_supersedes_and_keeps_history(database, adopted) -> None:
    meeting = adopted.seed.meeting
    with database.reading() as session:
        first_before = session.get(Vote, adopted.vote)
        assert first_before is not None
        first_counts = (first_before.sna_yes, first_before.cso_yes, first_before.outcome)
    with database.transaction("test") as session:
        second = votes.record_vote(
            session, meeting, adopted.recommendation, tally=tally((2,), (0, 2)), note="Recount"
        )
    with database.transaction("test") as session:
        third = votes.record_vote(session, meeting, adopted.recommendation, tally=tally((2,), (1,)))
    assert second.supersedes_id == adopted.vote
    assert third.supersedes_id == second.id
    with database.reading() as session:
        history = votes.votes(session, recommendation_id=adopted.recommendation)
        assert [v.id for v in history] == [adopted.vote, second.id, third.id]
        assert [v.superseded for v in history] == [True, True, False]
        assert [v.outcome for v in history] == [ADOPTED, REJECTED, ADOPTED]
        first = session.get(Vote, adopted.vote)
        assert (first.sna_yes, first.cso_yes, first.outcome) == first_counts
        assert votes.current_votes(session, meeting)[adopted.recommendation].id == third.id
        assert (
            session.get(Recommendation, adopted.recommendation).status
            is RecommendationStatus.ADOPTED
        )
    assert count_rows(database, Vote) == 3


def test_revote_rejection_sets_status(database, adopted) -> None:
    with database.transaction("test") as session:
        votes.record_vote(
            session, adopted.seed.meeting, adopted.recommendation, tally=tally((0, 2), (2,))
        )
    with database.reading() as session:
        recommendation = session.get(Recommendation, adopted.recommendation)
        assert recommendation.status is RecommendationStatus.REJECTED


def test_votes_in_another_meeting_do_not_supersede(database, adopted, follow_up) -> None:
    with database.transaction("test") as session:
        row = votes.record_vote(session, follow_up, adopted.recommendation, tally=tally((1,), (1,)))
    assert row.supersedes_id is None
    with database.reading() as session:
        assert (
            votes.current_votes(session, adopted.seed.meeting)[adopted.recommendation].id
            == adopted.vote
        )
        assert votes.current_votes(session, follow_up)[adopted.recommendation].id == row.id


def test_named_vote_counts_ballots_per_side(database, open_meeting) -> None:
    seed = open_meeting
    recommendation = _draft(database, seed)
    ballots = [
        (seed.official, BallotChoice.YES),
        (seed.official_2, BallotChoice.ABSTAIN),
        (seed.activist, BallotChoice.YES),
        (seed.activist_2, BallotChoice.NO),
    ]
    with database.transaction("test") as session:
        row = votes.record_vote(
            session, seed.meeting, recommendation, method=VoteMethod.NAMED, ballots=ballots
        )
    assert row.tally == tally((1, 0, 1), (1, 1, 0))
    assert row.outcome is REJECTED  # civil society is split 1–1
    with database.reading() as session:
        stored = {
            b.person_id: (b.side, b.choice)
            for b in session.scalars(select(Ballot).where(Ballot.vote_id == row.id))
        }
    assert stored == {
        seed.official: (Side.SNA, BallotChoice.YES),
        seed.official_2: (Side.SNA, BallotChoice.ABSTAIN),
        seed.activist: (Side.CIVIL_SOCIETY, BallotChoice.YES),
        seed.activist_2: (Side.CIVIL_SOCIETY, BallotChoice.NO),
    }


def test_named_ballot_refusals(database, open_meeting, refuse) -> None:
    seed = open_meeting
    with database.transaction("test") as session:
        outsider = people.create_person(session, name_latin="Not Here", sex="male")
        invited = people.create_person(session, name_latin="Invited Only", sex="female")
        observer = people.create_person(session, name_latin="Watcher", sex="female")
        attendance.invite(session, seed.meeting, invited)
        attendance.sign_in(session, seed.meeting, observer, role=AttendanceRole.OBSERVER)
    recommendation = _draft(database, seed)

    def named(*ballots):
        return lambda s: votes.record_vote(
            s, seed.meeting, recommendation, method=VoteMethod.NAMED, ballots=list(ballots)
        )

    yes = BallotChoice.YES
    for person in (outsider, invited, observer):
        refuse(
            ValidationError,
            named((seed.official, yes), (person, yes)),
            match="not a voter present",
            field="ballots",
        )
    refuse(
        ValidationError,
        named((seed.official, yes), (seed.activist, yes), (seed.official, BallotChoice.NO)),
        match="two ballots",
    )
    refuse(ValidationError, named(), field="ballots")


@pytest.mark.parametrize("close", [False, True], ids=["planned", "closed"])
def test_vote_outside_an_open_meeting_is_refused(database, seed, refuse, close) -> None:
    with database.transaction("test") as session:
        recommendation = recommendations.draft_recommendation(session, seed.meeting, text_en="X")
        attendance.sign_in(session, seed.meeting, seed.official)
        attendance.sign_in(session, seed.meeting, seed.activist)
        if close:
            meetings.open_meeting(session, seed.meeting)
            meetings.close_meeting(session, seed.meeting)
    refuse(
        StateError,
        lambda s: votes.record_vote(s, seed.meeting, recommendation, tally=tally((1,), (1,))),
        match="while the meeting is open",
    )


def test_vote_on_withdrawn_recommendation_is_refused(database, open_meeting, refuse) -> None:
    seed = open_meeting
    recommendation = _draft(database, seed)
    with database.transaction("test") as session:
        recommendations.withdraw_recommendation(session, recommendation, seed.meeting, "merged")
    refuse(
        StateError,
        lambda s: votes.record_vote(s, seed.meeting, recommendation, tally=tally((1,), (1,))),
        match="withdrawn",
    )


def test_vote_in_signed_meeting_is_refused(signed, refuse) -> None:
    refuse(
        LockedError,
        lambda s: votes.record_vote(
            s, signed.meeting, signed.recommendation, tally=tally((1,), (1,))
        ),
        match="locked",
    )


def test_vote_on_recommendation_of_endorsed_list_is_refused(endorsed, refuse) -> None:
    meeting = endorsed.adopted.seed.meeting
    refuse(
        LockedError,
        lambda s: votes.record_vote(
            s, meeting, endorsed.adopted.recommendation, tally=tally((0, 2), (2,))
        ),
        match="endorsed joint list",
    )


def test_vote_pins_the_revision_voted_on(database, adopted) -> None:
    meeting = adopted.seed.meeting
    with database.transaction("test") as session:
        revision = recommendations.amend_recommendation(
            session, adopted.recommendation, meeting, text_en="Publish it monthly."
        )
        assert (
            session.get(Recommendation, adopted.recommendation).status is RecommendationStatus.DRAFT
        )
        row = votes.record_vote(session, meeting, adopted.recommendation, tally=tally((2,), (2,)))
    assert row.revision_id == revision != adopted.revision
    with database.reading() as session:
        assert session.get(Vote, adopted.vote).revision_id == adopted.revision


def test_vote_on_unknown_recommendation(database, open_meeting, refuse) -> None:
    refuse(
        NotFoundError,
        lambda s: votes.record_vote(s, open_meeting.meeting, "not-a-uuid", tally=tally((1,))),
    )
