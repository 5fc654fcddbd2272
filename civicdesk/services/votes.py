"""Votes on recommendations, counted per side, and their outcome under the meeting's rule.

The outcome is always computed here, never typed in. A re-vote is a new vote that supersedes
the earlier one, which stays in the history.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.i18n import _
from civicdesk.i18n.labels import label
from civicdesk.models import Attendance, Ballot, Meeting, Recommendation, Vote
from civicdesk.models.enums import (
    AttendanceStatus,
    BallotChoice,
    MeetingStatus,
    RecommendationStatus,
    Side,
    VoteMethod,
    VoteOutcome,
    VoteRule,
)
from civicdesk.services.attendance import voters_present
from civicdesk.services.base import count, get, require_editable, service, text
from civicdesk.services.errors import StateError, ValidationError
from civicdesk.services.recommendations import _changeable as ensure_changeable


@dataclass(frozen=True)
class SideTally:
    yes: int = 0
    no: int = 0
    abstain: int = 0

    @property
    def cast(self) -> int:
        return self.yes + self.no + self.abstain


@dataclass(frozen=True)
class Tally:
    sna: SideTally = field(default_factory=SideTally)
    civil_society: SideTally = field(default_factory=SideTally)

    def side(self, side: Side) -> SideTally:
        return self.sna if side is Side.SNA else self.civil_society

    @property
    def yes(self) -> int:
        return self.sna.yes + self.civil_society.yes

    @property
    def no(self) -> int:
        return self.sna.no + self.civil_society.no


def compute_outcome(
    rule: VoteRule, method: VoteMethod, tally: Tally, objection: str = ""
) -> VoteOutcome:
    """The outcome of a vote. Abstentions never count.

    Joint adoption needs a majority of yes over no on the SNA side *and* on the civil-society
    side. Consensus is adoption with no objection recorded, whatever the rule.
    """
    if method is VoteMethod.CONSENSUS:
        return VoteOutcome.REJECTED if objection.strip() else VoteOutcome.ADOPTED
    if rule is VoteRule.JOINT_ADOPTION:
        adopted = tally.sna.yes > tally.sna.no and tally.civil_society.yes > tally.civil_society.no
    elif rule is VoteRule.TWO_THIRDS:
        adopted = tally.yes > 0 and 3 * tally.yes >= 2 * (tally.yes + tally.no)
    else:
        adopted = tally.yes > tally.no
    return VoteOutcome.ADOPTED if adopted else VoteOutcome.REJECTED


def check_tally(tally: Tally, voters: dict[Side, int]) -> None:
    """Refuse a side that cast more votes than it has voters present."""
    for side in (Side.SNA, Side.CIVIL_SOCIETY):
        counts = tally.side(side)
        for value, name in ((counts.yes, "yes"), (counts.no, "no"), (counts.abstain, "abstain")):
            count(value, f"{side.value}_{name}", _("Votes"))
        present = voters.get(side, 0)
        if counts.cast > present:
            raise ValidationError(
                _(
                    "{side}: {cast} votes entered, but only {present} voters of this side are "
                    "present."
                ).format(side=label(side), cast=counts.cast, present=present),
                field=f"{side.value}_yes",
            )


@dataclass(frozen=True)
class VoteRow:
    id: uuid.UUID
    meeting_id: uuid.UUID
    recommendation_id: uuid.UUID
    revision_id: uuid.UUID
    method: VoteMethod
    rule: VoteRule
    tally: Tally
    objection: str
    outcome: VoteOutcome
    supersedes_id: uuid.UUID | None
    superseded: bool
    note: str
    created_at: dt.datetime


def _tally_of(vote: Vote) -> Tally:
    return Tally(
        SideTally(vote.sna_yes, vote.sna_no, vote.sna_abstain),
        SideTally(vote.cso_yes, vote.cso_no, vote.cso_abstain),
    )


def _ballot_tally(
    session: Session, meeting: Meeting, ballots: list[tuple[uuid.UUID, BallotChoice]]
) -> tuple[Tally, list[tuple[Attendance, BallotChoice]]]:
    counts: dict[Side, dict[BallotChoice, int]] = {
        Side.SNA: dict.fromkeys(BallotChoice, 0),
        Side.CIVIL_SOCIETY: dict.fromkeys(BallotChoice, 0),
    }
    seen: set[uuid.UUID] = set()
    cast: list[tuple[Attendance, BallotChoice]] = []
    for person_id, choice in ballots:
        attendance = session.scalars(
            select(Attendance).where(
                Attendance.meeting_id == meeting.id, Attendance.person_id == person_id
            )
        ).one_or_none()
        if (
            attendance is None
            or attendance.status is not AttendanceStatus.PRESENT
            or not attendance.may_vote
            or attendance.side not in counts
        ):
            raise ValidationError(
                _("A ballot was given for someone who is not a voter present at this meeting."),
                field="ballots",
            )
        if person_id in seen:
            raise ValidationError(_("Someone was given two ballots."), field="ballots")
        seen.add(person_id)
        counts[attendance.side][BallotChoice(choice)] += 1
        cast.append((attendance, BallotChoice(choice)))

    def side(s: Side) -> SideTally:
        c = counts[s]
        return SideTally(c[BallotChoice.YES], c[BallotChoice.NO], c[BallotChoice.ABSTAIN])

    return Tally(side(Side.SNA), side(Side.CIVIL_SOCIETY)), cast


def _latest_vote(
    session: Session, meeting_id: uuid.UUID, recommendation_id: uuid.UUID
) -> Vote | None:
    """The vote no other supersedes (timestamps can tie on a coarse clock; the chain cannot)."""
    earlier = list(
        session.scalars(
            select(Vote).where(
                Vote.meeting_id == meeting_id, Vote.recommendation_id == recommendation_id
            )
        )
    )
    superseded = {v.supersedes_id for v in earlier}
    latest = [v for v in earlier if v.id not in superseded]
    return latest[0] if latest else None


@service("vote.record")
def record_vote(
    session: Session,
    meeting_id: uuid.UUID,
    recommendation_id: uuid.UUID,
    *,
    method: VoteMethod = VoteMethod.TALLY,
    tally: Tally | None = None,
    ballots: list[tuple[uuid.UUID, BallotChoice]] | None = None,
    objection: str = "",
    note: str = "",
) -> VoteRow:
    """Record a vote on the recommendation's current text and set its status from the outcome."""
    meeting = get(session, Meeting, meeting_id, _("meeting"))
    require_editable(meeting)
    if meeting.status is not MeetingStatus.OPEN:
        raise StateError(_("Votes are taken while the meeting is open."))
    recommendation = get(session, Recommendation, recommendation_id, _("recommendation"))
    if recommendation.status is RecommendationStatus.WITHDRAWN:
        raise StateError(
            _("{code} was withdrawn and cannot be voted on.").format(code=recommendation.code)
        )
    # A recommendation on an endorsed joint list can no longer change, its status included.
    ensure_changeable(session, recommendation)
    method = VoteMethod(method)
    cast: list[tuple[Attendance, BallotChoice]] = []
    if method is VoteMethod.NAMED:
        if not ballots:
            raise ValidationError(_("A named vote needs at least one ballot."), field="ballots")
        tally, cast = _ballot_tally(session, meeting, ballots)
    elif method is VoteMethod.TALLY:
        if tally is None or tally.sna.cast + tally.civil_society.cast == 0:
            raise ValidationError(_("Enter the votes of at least one side."), field="sna_yes")
        check_tally(tally, voters_present(session, meeting.id))
    else:
        tally = Tally()
    objection = text(objection, "objection", _("Objection"), max_length=1000)
    outcome = compute_outcome(meeting.vote_rule, method, tally, objection)
    previous = _latest_vote(session, meeting.id, recommendation.id)
    vote = Vote(
        meeting_id=meeting.id,
        recommendation_id=recommendation.id,
        revision_id=recommendation.current.id,
        method=method,
        rule=meeting.vote_rule,
        sna_yes=tally.sna.yes,
        sna_no=tally.sna.no,
        sna_abstain=tally.sna.abstain,
        cso_yes=tally.civil_society.yes,
        cso_no=tally.civil_society.no,
        cso_abstain=tally.civil_society.abstain,
        objection=objection,
        outcome=outcome,
        supersedes_id=previous.id if previous else None,
        note=text(note, "note", _("Note"), max_length=1000),
        ballots=[],
    )
    session.add(vote)
    for attendance, choice in cast:
        ballot = Ballot(
            vote_id=vote.id,
            meeting_id=meeting.id,
            person_id=attendance.person_id,
            side=attendance.side,
            choice=choice,
        )
        session.add(ballot)
    recommendation.status = (
        RecommendationStatus.ADOPTED
        if outcome is VoteOutcome.ADOPTED
        else RecommendationStatus.REJECTED
    )
    session.flush()
    return _vote_row(vote, superseded=False)


def _vote_row(vote: Vote, superseded: bool) -> VoteRow:
    return VoteRow(
        id=vote.id,
        meeting_id=vote.meeting_id,
        recommendation_id=vote.recommendation_id,
        revision_id=vote.revision_id,
        method=vote.method,
        rule=vote.rule,
        tally=_tally_of(vote),
        objection=vote.objection,
        outcome=vote.outcome,
        supersedes_id=vote.supersedes_id,
        superseded=superseded,
        note=vote.note,
        created_at=vote.created_at,
    )


def votes(
    session: Session,
    *,
    meeting_id: uuid.UUID | None = None,
    recommendation_id: uuid.UUID | None = None,
) -> list[VoteRow]:
    """Votes in the order they were taken, each marked if a later one superseded it."""
    query = select(Vote).order_by(Vote.created_at)
    if meeting_id is not None:
        query = query.where(Vote.meeting_id == meeting_id)
    if recommendation_id is not None:
        query = query.where(Vote.recommendation_id == recommendation_id)
    rows = list(session.scalars(query))
    superseded = {v.supersedes_id for v in rows if v.supersedes_id}
    return [_vote_row(v, v.id in superseded) for v in rows]


def current_votes(session: Session, meeting_id: uuid.UUID) -> dict[uuid.UUID, VoteRow]:
    """The vote that counts for each recommendation voted on in the meeting."""
    return {
        v.recommendation_id: v for v in votes(session, meeting_id=meeting_id) if not v.superseded
    }
