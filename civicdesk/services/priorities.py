"""Priority rounds at workshops: each participant places dots or ranks the candidates."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.i18n import _
from civicdesk.models import (
    Attendance,
    Meeting,
    PriorityCandidate,
    PriorityMark,
    PriorityRound,
    Recommendation,
)
from civicdesk.models.enums import (
    AttendanceStatus,
    MeetingKind,
    PriorityMethod,
    PriorityRoundStatus,
    RecommendationStatus,
)
from civicdesk.services.base import get, require_editable, service, text
from civicdesk.services.errors import StateError, ValidationError


@dataclass(frozen=True)
class RankedCandidate:
    recommendation_id: uuid.UUID
    code: str
    text_km: str
    text_en: str
    #: Dots received (dot voting), or a Borda score (ranking: n points for a first place).
    score: int
    rank: int
    tied: bool
    participants: int


@service("priority.create_round")
def create_round(
    session: Session,
    meeting_id: uuid.UUID,
    *,
    method: PriorityMethod,
    recommendation_ids: list[uuid.UUID],
    dots_per_participant: int = 5,
    title_km: str = "",
    title_en: str = "",
) -> uuid.UUID:
    meeting = get(session, Meeting, meeting_id, _("meeting"))
    require_editable(meeting)
    method = PriorityMethod(method)
    if len(set(recommendation_ids)) < 2:
        raise ValidationError(
            _("A priority round needs at least two recommendations."), field="recommendation_ids"
        )
    if method is PriorityMethod.DOTS and not 1 <= dots_per_participant <= 50:
        raise ValidationError(
            _("Each participant needs between 1 and 50 dots."), field="dots_per_participant"
        )
    priority_round = PriorityRound(
        meeting_id=meeting.id,
        method=method,
        dots_per_participant=dots_per_participant if method is PriorityMethod.DOTS else 0,
        title_km=text(title_km, "title_km", _("Title"), max_length=300),
        title_en=text(title_en, "title_en", _("Title"), max_length=300),
        candidates=[],
        marks=[],
    )
    session.add(priority_round)
    for position, recommendation_id in enumerate(dict.fromkeys(recommendation_ids), start=1):
        recommendation = get(session, Recommendation, recommendation_id, _("recommendation"))
        session.add(
            PriorityCandidate(
                round_id=priority_round.id,
                meeting_id=meeting.id,
                recommendation_id=recommendation.id,
                position=position,
            )
        )
    return priority_round.id


def _open_round(session: Session, round_id: uuid.UUID) -> PriorityRound:
    priority_round = get(session, PriorityRound, round_id, _("priority round"))
    require_editable(get(session, Meeting, priority_round.meeting_id, _("meeting")))
    if priority_round.status is not PriorityRoundStatus.OPEN:
        raise StateError(_("This priority round is closed."))
    return priority_round


def _check_participant(
    session: Session, priority_round: PriorityRound, person_id: uuid.UUID
) -> None:
    present = session.scalars(
        select(Attendance.id).where(
            Attendance.meeting_id == priority_round.meeting_id,
            Attendance.person_id == person_id,
            Attendance.status == AttendanceStatus.PRESENT,
        )
    ).first()
    if present is None:
        raise ValidationError(
            _("Only participants signed in to the workshop can take part."), field="person_id"
        )


@service("priority.place")
def place_marks(
    session: Session, round_id: uuid.UUID, person_id: uuid.UUID, marks: dict[uuid.UUID, int]
) -> None:
    """A participant's dots (candidate → dots) or ranks (candidate → 1, 2, ...), replacing any
    they placed before."""
    priority_round = _open_round(session, round_id)
    _check_participant(session, priority_round, person_id)
    candidates = {c.recommendation_id for c in priority_round.candidates}
    if not set(marks) <= candidates:
        raise ValidationError(
            _("A mark was placed on a recommendation that is not in this round."), field="marks"
        )
    values = [v for v in marks.values() if v]
    if any(isinstance(v, bool) or not isinstance(v, int) or v < 0 for v in marks.values()):
        raise ValidationError(_("Marks are whole numbers, zero or more."), field="marks")
    if priority_round.method is PriorityMethod.DOTS:
        if sum(values) > priority_round.dots_per_participant:
            raise ValidationError(
                _("{placed} dots placed, but each participant has only {allowed}.").format(
                    placed=sum(values), allowed=priority_round.dots_per_participant
                ),
                field="marks",
            )
    elif sorted(values) != list(range(1, len(values) + 1)):
        raise ValidationError(_("Ranks must be 1, 2, 3 … with no gaps or repeats."), field="marks")
    for mark in list(priority_round.marks):
        if mark.person_id == person_id:
            session.delete(mark)
            priority_round.marks.remove(mark)
    session.flush()
    for recommendation_id, value in marks.items():
        if value:
            mark = PriorityMark(
                round_id=priority_round.id,
                meeting_id=priority_round.meeting_id,
                person_id=person_id,
                recommendation_id=recommendation_id,
                value=value,
            )
            session.add(mark)
            priority_round.marks.append(mark)


@service("priority.close")
def close_round(session: Session, round_id: uuid.UUID) -> None:
    _open_round(session, round_id).status = PriorityRoundStatus.CLOSED


def results(session: Session, round_id: uuid.UUID) -> list[RankedCandidate]:
    """Candidates from the highest score down; equal scores share a rank and are marked tied."""
    priority_round = get(session, PriorityRound, round_id, _("priority round"))
    n = len(priority_round.candidates)
    scores: dict[uuid.UUID, int] = {c.recommendation_id: 0 for c in priority_round.candidates}
    voters: dict[uuid.UUID, set[uuid.UUID]] = {key: set() for key in scores}
    for mark in priority_round.marks:
        if priority_round.method is PriorityMethod.DOTS:
            scores[mark.recommendation_id] += mark.value
        else:
            scores[mark.recommendation_id] += n + 1 - mark.value
        voters[mark.recommendation_id].add(mark.person_id)
    ordered = sorted(
        priority_round.candidates, key=lambda c: (-scores[c.recommendation_id], c.position)
    )
    counts: dict[int, int] = {}
    for score in scores.values():
        counts[score] = counts.get(score, 0) + 1
    ranked: list[RankedCandidate] = []
    for index, candidate in enumerate(ordered):
        score = scores[candidate.recommendation_id]
        rank = ranked[-1].rank if ranked and ranked[-1].score == score else index + 1
        current = candidate.recommendation.current
        ranked.append(
            RankedCandidate(
                recommendation_id=candidate.recommendation_id,
                code=candidate.recommendation.code,
                text_km=current.text_km,
                text_en=current.text_en,
                score=score,
                rank=rank,
                tied=counts[score] > 1,
                participants=len(voters[candidate.recommendation_id]),
            )
        )
    return ranked


def rounds(session: Session, meeting_id: uuid.UUID) -> list[uuid.UUID]:
    return list(
        session.scalars(
            select(PriorityRound.id)
            .where(PriorityRound.meeting_id == meeting_id)
            .order_by(PriorityRound.created_at)
        )
    )


@dataclass(frozen=True)
class CandidateRow:
    id: uuid.UUID
    code: str
    district_code: str | None
    text_km: str
    text_en: str


@dataclass(frozen=True)
class RoundView:
    id: uuid.UUID
    meeting_id: uuid.UUID
    title_km: str
    title_en: str
    method: PriorityMethod
    dots_per_participant: int
    status: PriorityRoundStatus
    candidates: tuple[CandidateRow, ...]
    #: Each participant's marks: person id → recommendation id → dots or rank.
    marks: dict[uuid.UUID, dict[uuid.UUID, int]]


def round_view(session: Session, round_id: uuid.UUID) -> RoundView:
    priority_round = get(session, PriorityRound, round_id, _("priority round"))
    marks: dict[uuid.UUID, dict[uuid.UUID, int]] = {}
    for mark in priority_round.marks:
        marks.setdefault(mark.person_id, {})[mark.recommendation_id] = mark.value
    return RoundView(
        id=priority_round.id,
        meeting_id=priority_round.meeting_id,
        title_km=priority_round.title_km,
        title_en=priority_round.title_en,
        method=priority_round.method,
        dots_per_participant=priority_round.dots_per_participant,
        status=priority_round.status,
        candidates=tuple(
            CandidateRow(
                c.recommendation_id,
                c.recommendation.code,
                c.recommendation.district_code,
                c.recommendation.current.text_km,
                c.recommendation.current.text_en,
            )
            for c in priority_round.candidates
        ),
        marks=marks,
    )


def eligible_candidates(session: Session, meeting_id: uuid.UUID) -> list[CandidateRow]:
    """The adopted recommendations a workshop can prioritise: those of its province (or all,
    at a national workshop), in district order."""
    meeting = get(session, Meeting, meeting_id, _("meeting"))
    query = (
        select(Recommendation)
        .where(Recommendation.status == RecommendationStatus.ADOPTED)
        .order_by(Recommendation.district_code, Recommendation.position)
    )
    if meeting.kind is not MeetingKind.NATIONAL_WORKSHOP:
        query = query.where(Recommendation.province_code == meeting.province_code)
    return [
        CandidateRow(r.id, r.code, r.district_code, r.current.text_km, r.current.text_en)
        for r in session.scalars(query)
    ]
