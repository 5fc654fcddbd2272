"""Consolidated recommendations: at a provincial or national workshop, recommendations of
several districts that say the same thing are brought together into one, and the link to every
source is kept.

The consolidated recommendation is an ordinary province-level recommendation (so the workshop can
amend it, vote on it and prioritise it), marked as consolidated in that workshop and linked to its
sources; both records carry the workshop's meeting and lock when its minutes are signed.
:func:`lineage` follows the links from the focus groups' findings, through the districts'
recommendations and their revisions, to the consolidated ones and the priority results.

Every public function names a consolidated recommendation by its *recommendation* id, the one a
priority round or a vote uses. The view across districts is
:mod:`civicdesk.services.recommendation_overview`, re-exported here.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.i18n import _
from civicdesk.i18n.labels import label
from civicdesk.models import (
    ConsolidatedRecommendation,
    ConsolidatedSource,
    Finding,
    Meeting,
    PriorityCandidate,
    PriorityRound,
    Recommendation,
    RecommendationRevision,
)
from civicdesk.models.enums import (
    JointListStatus,
    MeetingKind,
    MeetingStatus,
    PriorityMethod,
    PriorityRoundStatus,
    RecommendationStatus,
    ResponsibleLevel,
    Theme,
)
from civicdesk.services import priorities
from civicdesk.services.base import bilingual, get, require_editable, service, text
from civicdesk.services.errors import NotFoundError, StateError, ValidationError
from civicdesk.services.recommendation_overview import (
    WORKSHOP_LEVELS,
    OverviewFilter,
    OverviewRow,
    ReadContext,
    RecommendationLink,
    VoteSummary,
    Workshop,
    consolidated,
    list_status,
    overview,
    overview_row,
    place_names,
    read_context,
    step_order,
    vote_summary,
    workshops,
)
from civicdesk.services.recommendations import MAX_TEXT, RevisionRow

__all__ = [
    "WORKSHOP_LEVELS",
    "ConsolidatedStep",
    "FindingTrail",
    "Lineage",
    "OverviewFilter",
    "OverviewRow",
    "PriorityPlacing",
    "SourceTrail",
    "Workshop",
    "add_to_consolidated",
    "consolidate",
    "consolidated",
    "lineage",
    "overview",
    "overview_row",
    "remove_from_consolidated",
    "workshops",
]

#: Codes of nationally consolidated recommendations start with this instead of a province code.
NATIONAL_PREFIX = "KH"
#: Statuses a recommendation cannot be consolidated in.
NOT_CONSOLIDATED = frozenset({RecommendationStatus.REJECTED, RecommendationStatus.WITHDRAWN})

# ---------------------------------------------------------------------------------- lineage


@dataclass(frozen=True)
class FindingTrail:
    """A finding of a focus group, where a recommendation's lineage starts."""

    id: uuid.UUID
    text_km: str
    text_en: str
    raised_by_km: str
    raised_by_en: str
    meeting_id: uuid.UUID
    meeting_title_km: str
    meeting_title_en: str
    meeting_date: str


@dataclass(frozen=True)
class SourceTrail:
    """A district's recommendation at the root of a lineage: its findings, revisions, vote."""

    recommendation_id: uuid.UUID
    code: str
    district_code: str | None
    place_name_km: str
    place_name_en: str
    theme: Theme
    status: RecommendationStatus
    findings: tuple[FindingTrail, ...]
    revisions: tuple[RevisionRow, ...]
    vote: VoteSummary | None
    joint_list_status: JointListStatus | None


@dataclass(frozen=True)
class ConsolidatedStep:
    """A consolidated recommendation in a lineage, with what it brings together."""

    recommendation_id: uuid.UUID
    code: str
    level: MeetingKind
    meeting_id: uuid.UUID
    meeting_title_km: str
    meeting_title_en: str
    meeting_status: MeetingStatus
    text_km: str
    text_en: str
    theme: Theme
    status: RecommendationStatus
    revisions: tuple[RevisionRow, ...]
    sources: tuple[RecommendationLink, ...]


@dataclass(frozen=True)
class PriorityPlacing:
    """Where one recommendation of the lineage came in one priority round."""

    round_id: uuid.UUID
    meeting_id: uuid.UUID
    round_title_km: str
    round_title_en: str
    method: PriorityMethod
    round_status: PriorityRoundStatus
    recommendation_id: uuid.UUID
    code: str
    score: int
    rank: int
    tied: bool
    candidates: int


@dataclass(frozen=True)
class Lineage:
    """From focus-group findings through district recommendations (and their revisions) to the
    consolidated recommendations and the priority results."""

    subject_id: uuid.UUID
    subject_code: str
    sources: tuple[SourceTrail, ...]
    #: Lowest level first: provincial consolidations, then national.
    steps: tuple[ConsolidatedStep, ...]
    priorities: tuple[PriorityPlacing, ...]


# ---------------------------------------------------------------------------------- grouping


def _workshop(session: Session, meeting_id: uuid.UUID) -> Meeting:
    meeting = get(session, Meeting, meeting_id, _("meeting"))
    if meeting.kind not in WORKSHOP_LEVELS:
        raise ValidationError(
            _("Recommendations are consolidated in a provincial or national workshop."),
            field="meeting_id",
        )
    require_editable(meeting)
    return meeting


def _mark(session: Session, recommendation_id: uuid.UUID) -> ConsolidatedRecommendation:
    recommendation = get(session, Recommendation, recommendation_id, _("recommendation"))
    mark = session.scalars(
        select(ConsolidatedRecommendation).where(
            ConsolidatedRecommendation.recommendation_id == recommendation.id
        )
    ).one_or_none()
    if mark is None:
        raise NotFoundError(
            _("{code} is not a consolidated recommendation.").format(code=recommendation.code)
        )
    return mark


def _editable_mark(session: Session, recommendation_id: uuid.UUID) -> ConsolidatedRecommendation:
    mark = _mark(session, recommendation_id)
    require_editable(mark.meeting)
    if mark.recommendation.status is RecommendationStatus.WITHDRAWN:
        raise StateError(_("{code} was withdrawn.").format(code=mark.recommendation.code))
    return mark


def _check_source(
    session: Session,
    meeting: Meeting,
    recommendation: Recommendation,
    target: ConsolidatedRecommendation | None,
) -> None:
    code = recommendation.code
    if target is not None and recommendation.id == target.recommendation_id:
        raise ValidationError(
            _("{code} cannot be one of its own sources.").format(code=code),
            field="recommendation_ids",
        )
    if recommendation.status in NOT_CONSOLIDATED:
        raise StateError(
            _("{code} is {status}: only adopted recommendations are consolidated.").format(
                code=code, status=label(recommendation.status).lower()
            ),
            field="recommendation_ids",
        )
    national = meeting.kind is MeetingKind.NATIONAL_WORKSHOP
    source_mark = session.scalars(
        select(ConsolidatedRecommendation).where(
            ConsolidatedRecommendation.recommendation_id == recommendation.id
        )
    ).one_or_none()
    if source_mark is None:
        if recommendation.status is not RecommendationStatus.ADOPTED:
            raise StateError(
                _(
                    "{code} has not been adopted: only adopted recommendations are consolidated."
                ).format(code=code),
                field="recommendation_ids",
            )
        if not national and recommendation.province_code != meeting.province_code:
            raise ValidationError(
                _(
                    "{code} is from another province: a provincial workshop consolidates its "
                    "own province's recommendations."
                ).format(code=code),
                field="recommendation_ids",
            )
    elif not national or source_mark.meeting.kind is MeetingKind.NATIONAL_WORKSHOP:
        raise ValidationError(
            _(
                "{code} is itself consolidated at this level; choose the districts' "
                "recommendations instead."
            ).format(code=code),
            field="recommendation_ids",
        )
    same_level = session.execute(
        select(Recommendation.code, ConsolidatedRecommendation.id)
        .select_from(ConsolidatedSource)
        .join(
            ConsolidatedRecommendation,
            ConsolidatedSource.consolidated_id == ConsolidatedRecommendation.id,
        )
        .join(Meeting, ConsolidatedRecommendation.meeting_id == Meeting.id)
        .join(Recommendation, ConsolidatedRecommendation.recommendation_id == Recommendation.id)
        .where(
            ConsolidatedSource.recommendation_id == recommendation.id,
            Meeting.kind == meeting.kind,
            # A withdrawn consolidation no longer holds its sources: they can be regrouped.
            Recommendation.status != RecommendationStatus.WITHDRAWN,
        )
    ).first()
    if same_level is not None:
        other_code, other_id = same_level
        if target is not None and other_id == target.id:
            raise ValidationError(
                _("{code} is already one of its sources.").format(code=code),
                field="recommendation_ids",
            )
        raise StateError(
            _("{code} is already consolidated into {other}.").format(code=code, other=other_code),
            field="recommendation_ids",
        )


def _sources(
    session: Session,
    meeting: Meeting,
    recommendation_ids: Sequence[uuid.UUID],
    target: ConsolidatedRecommendation | None,
) -> list[Recommendation]:
    unique = list(dict.fromkeys(recommendation_ids))
    if not unique:
        raise ValidationError(
            _("Choose the recommendations to consolidate."), field="recommendation_ids"
        )
    chosen = [get(session, Recommendation, key, _("recommendation")) for key in unique]
    for recommendation in chosen:
        _check_source(session, meeting, recommendation, target)
    return chosen


def _next_code(session: Session, meeting: Meeting) -> tuple[str, int]:
    national = meeting.kind is MeetingKind.NATIONAL_WORKSHOP
    prefix = f"{NATIONAL_PREFIX if national else meeting.province_code}-C"
    taken = set(
        session.scalars(select(Recommendation.code).where(Recommendation.code.like(prefix + "%")))
    )
    number = len(taken) + 1
    while f"{prefix}{number:02d}" in taken:
        number += 1
    positions = session.scalars(
        select(Recommendation.position).where(
            Recommendation.province_code == meeting.province_code,
            Recommendation.district_code.is_(None),
        )
    ).all()
    return f"{prefix}{number:02d}", max(positions, default=0) + 1


def _link(
    session: Session,
    mark: ConsolidatedRecommendation,
    recommendations: Sequence[Recommendation],
) -> None:
    position = max((s.position for s in mark.sources), default=0)
    for recommendation in recommendations:
        position += 1
        source = ConsolidatedSource(
            consolidated_id=mark.id,
            recommendation_id=recommendation.id,
            meeting_id=mark.meeting_id,
            position=position,
        )
        session.add(source)
        mark.sources.append(source)


@service("consolidation.create")
def consolidate(
    session: Session,
    recommendation_ids: Sequence[uuid.UUID],
    text_km: str = "",
    text_en: str = "",
    theme: Theme = Theme.OTHER,
    *,
    meeting_id: uuid.UUID,
    responsible_level: ResponsibleLevel | None = None,
    author: str = "",
) -> uuid.UUID:
    """One consolidated recommendation, made in the workshop ``meeting_id``, that brings the
    recommendations together and keeps the link to each. Returns its recommendation id."""
    meeting = _workshop(session, meeting_id)
    text_km, text_en = bilingual(text_km, text_en, "text", _("Recommendation"), max_length=MAX_TEXT)
    sources = _sources(session, meeting, recommendation_ids, None)
    code, position = _next_code(session, meeting)
    recommendation = Recommendation(
        code=code,
        province_code=meeting.province_code,
        district_code=None,
        position=position,
        theme=Theme(theme),
        responsible_level=ResponsibleLevel(responsible_level or WORKSHOP_LEVELS[meeting.kind]),
        status=RecommendationStatus.DRAFT,
        origin_meeting_id=meeting.id,
        revisions=[],
        finding_links=[],
    )
    session.add(recommendation)
    revision = RecommendationRevision(
        recommendation_id=recommendation.id,
        number=1,
        text_km=text_km,
        text_en=text_en,
        author=text(author, "author", _("Author"), max_length=200),
        reason="",
        meeting_id=meeting.id,
    )
    session.add(revision)
    recommendation.revisions.append(revision)
    mark = ConsolidatedRecommendation(
        recommendation_id=recommendation.id, meeting_id=meeting.id, sources=[]
    )
    session.add(mark)
    _link(session, mark, sources)
    return recommendation.id


@service("consolidation.add")
def add_to_consolidated(
    session: Session, consolidated_id: uuid.UUID, recommendation_ids: Sequence[uuid.UUID]
) -> None:
    """Bring more recommendations into a consolidated one."""
    mark = _editable_mark(session, consolidated_id)
    _link(session, mark, _sources(session, mark.meeting, recommendation_ids, mark))


@service("consolidation.remove")
def remove_from_consolidated(
    session: Session, consolidated_id: uuid.UUID, recommendation_ids: Sequence[uuid.UUID]
) -> None:
    """Take recommendations out of a consolidated one (grouped by mistake). It keeps at least
    one source: to drop it altogether, withdraw it."""
    mark = _editable_mark(session, consolidated_id)
    wanted = set(recommendation_ids)
    current = {s.recommendation_id for s in mark.sources}
    for missing in wanted - current:
        other = get(session, Recommendation, missing, _("recommendation"))
        raise ValidationError(
            _("{code} is not one of the sources of {consolidated}.").format(
                code=other.code, consolidated=mark.recommendation.code
            ),
            field="recommendation_ids",
        )
    if not current - wanted:
        raise StateError(
            _(
                "A consolidated recommendation keeps at least one source; withdraw it instead "
                "if it is no longer wanted."
            ),
            field="recommendation_ids",
        )
    for source in list(mark.sources):
        if source.recommendation_id in wanted:
            require_editable(get(session, Meeting, source.meeting_id, _("meeting")))
            mark.sources.remove(source)
            session.delete(source)
    session.flush()
    for position, source in enumerate(mark.sources, start=1):
        if source.position != position:
            source.position = position


# ---------------------------------------------------------------------------------- lineage


def _revision_rows(recommendation: Recommendation) -> tuple[RevisionRow, ...]:
    return tuple(
        RevisionRow(
            r.id,
            r.number,
            r.text_km,
            r.text_en,
            r.author,
            r.reason,
            r.reason_en,
            r.meeting_id,
            r.created_at,
        )
        for r in recommendation.revisions
    )


def _finding_trail(finding: Finding, meeting: Meeting) -> FindingTrail:
    return FindingTrail(
        id=finding.id,
        text_km=finding.text_km,
        text_en=finding.text_en,
        raised_by_km=finding.raised_by_km,
        raised_by_en=finding.raised_by_en,
        meeting_id=meeting.id,
        meeting_title_km=meeting.title_km,
        meeting_title_en=meeting.title_en,
        meeting_date=meeting.meeting_date.isoformat(),
    )


def _source_trail(
    session: Session, recommendation: Recommendation, context: ReadContext
) -> SourceTrail:
    place_km, place_en = place_names(recommendation, None)
    found = [
        (get(session, Meeting, link.finding.meeting_id, _("meeting")), link.finding)
        for link in recommendation.finding_links
    ]
    found.sort(key=lambda pair: (pair[0].meeting_date, pair[0].id.hex, pair[1].position))
    findings = tuple(_finding_trail(finding, meeting) for meeting, finding in found)
    return SourceTrail(
        recommendation_id=recommendation.id,
        code=recommendation.code,
        district_code=recommendation.district_code,
        place_name_km=place_km,
        place_name_en=place_en,
        theme=recommendation.theme,
        status=recommendation.status,
        findings=findings,
        revisions=_revision_rows(recommendation),
        vote=vote_summary(context.votes.get(recommendation.id, []), recommendation.status),
        joint_list_status=list_status(context.list_statuses.get(recommendation.id, [])),
    )


def _step(mark: ConsolidatedRecommendation) -> ConsolidatedStep:
    recommendation = mark.recommendation
    current = recommendation.current
    return ConsolidatedStep(
        recommendation_id=recommendation.id,
        code=recommendation.code,
        level=mark.meeting.kind,
        meeting_id=mark.meeting_id,
        meeting_title_km=mark.meeting.title_km,
        meeting_title_en=mark.meeting.title_en,
        meeting_status=mark.meeting.status,
        text_km=current.text_km,
        text_en=current.text_en,
        theme=recommendation.theme,
        status=recommendation.status,
        revisions=_revision_rows(recommendation),
        sources=tuple(
            RecommendationLink(s.recommendation_id, s.recommendation.code) for s in mark.sources
        ),
    )


def _placings(session: Session, recommendation_ids: set[uuid.UUID]) -> list[PriorityPlacing]:
    round_ids = list(
        dict.fromkeys(
            session.scalars(
                select(PriorityCandidate.round_id)
                .join(PriorityRound, PriorityCandidate.round_id == PriorityRound.id)
                .where(PriorityCandidate.recommendation_id.in_(recommendation_ids))
                .order_by(PriorityRound.created_at)
            )
        )
    )
    placings: list[PriorityPlacing] = []
    for round_id in round_ids:
        priority_round = get(session, PriorityRound, round_id, _("priority round"))
        ranked = priorities.results(session, round_id)
        for candidate in ranked:
            if candidate.recommendation_id in recommendation_ids:
                placings.append(
                    PriorityPlacing(
                        round_id=round_id,
                        meeting_id=priority_round.meeting_id,
                        round_title_km=priority_round.title_km,
                        round_title_en=priority_round.title_en,
                        method=priority_round.method,
                        round_status=priority_round.status,
                        recommendation_id=candidate.recommendation_id,
                        code=candidate.code,
                        score=candidate.score,
                        rank=candidate.rank,
                        tied=candidate.tied,
                        candidates=len(ranked),
                    )
                )
    return placings


def lineage(session: Session, consolidated_id: uuid.UUID) -> Lineage:
    """The lineage of a recommendation, consolidated or a district's.

    Downwards, a consolidated recommendation's sources (through every level) end in the
    districts' recommendations, each with the findings it answers and its revisions; upwards, a
    recommendation leads to the consolidated recommendations it was brought into. The priority
    results are those of every round in which any recommendation of the lineage was a candidate.
    """
    subject = get(session, Recommendation, consolidated_id, _("recommendation"))
    context = read_context(session)
    steps: dict[uuid.UUID, ConsolidatedRecommendation] = {}
    leaves: dict[uuid.UUID, Recommendation] = {}

    def down(recommendation: Recommendation) -> None:
        mark = context.marks.get(recommendation.id)
        if mark is None:
            leaves.setdefault(recommendation.id, recommendation)
            return
        if mark.id in steps:
            return
        steps[mark.id] = mark
        for source in mark.sources:
            down(source.recommendation)

    down(subject)
    frontier = [subject.id]
    while frontier:
        for parent in context.parents.get(frontier.pop(), []):
            if parent.id not in steps:
                steps[parent.id] = parent
                frontier.append(parent.recommendation_id)

    ordered_steps = sorted(steps.values(), key=step_order)
    involved = {subject.id, *leaves, *(m.recommendation_id for m in ordered_steps)}
    return Lineage(
        subject_id=subject.id,
        subject_code=subject.code,
        sources=tuple(_source_trail(session, r, context) for r in leaves.values()),
        steps=tuple(_step(m) for m in ordered_steps),
        priorities=tuple(_placings(session, involved)),
    )
