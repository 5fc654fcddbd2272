"""Recommendations: drafted, amended (every amendment a new revision), reordered, withdrawn."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from civicdesk.i18n import _
from civicdesk.models import (
    Finding,
    JointList,
    JointListItem,
    Meeting,
    Recommendation,
    RecommendationFinding,
    RecommendationRevision,
    Vote,
)
from civicdesk.models.enums import (
    JointListStatus,
    RecommendationStatus,
    ResponsibleLevel,
    Theme,
)
from civicdesk.services import places
from civicdesk.services.base import bilingual, get, require_editable, service, text
from civicdesk.services.errors import LockedError, StateError, ValidationError

MAX_TEXT = 4000


@dataclass(frozen=True)
class RevisionRow:
    id: uuid.UUID
    number: int
    text_km: str
    text_en: str
    author: str
    reason: str
    reason_en: str
    meeting_id: uuid.UUID
    created_at: dt.datetime


@dataclass(frozen=True)
class RecommendationRow:
    id: uuid.UUID
    code: str
    province_code: str
    district_code: str | None
    position: int
    theme: Theme
    responsible_level: ResponsibleLevel
    status: RecommendationStatus
    origin_meeting_id: uuid.UUID
    text_km: str
    text_en: str
    revision_id: uuid.UUID
    revision_count: int
    finding_ids: tuple[uuid.UUID, ...]

    def text(self, language: str) -> str:
        first, second = (
            (self.text_km, self.text_en) if language == "km" else (self.text_en, self.text_km)
        )
        return first or second


def _next_code(session: Session, province_code: str, district_code: str | None) -> tuple[str, int]:
    prefix = district_code or province_code
    query = select(func.max(Recommendation.position)).where(
        Recommendation.province_code == province_code,
        Recommendation.district_code == district_code
        if district_code
        else Recommendation.district_code.is_(None),
    )
    position = (session.scalar(query) or 0) + 1
    code = f"{prefix}-R{position:02d}"
    while session.scalar(select(Recommendation.id).where(Recommendation.code == code)):
        position += 1
        code = f"{prefix}-R{position:02d}"
    return code, position


def _on_endorsed_list(session: Session, recommendation_id: uuid.UUID) -> bool:
    return (
        session.scalar(
            select(func.count())
            .select_from(JointListItem)
            .join(JointList, JointListItem.joint_list_id == JointList.id)
            .where(
                JointListItem.recommendation_id == recommendation_id,
                JointList.status == JointListStatus.ENDORSED,
            )
        )
        or 0
    ) > 0


def _changeable(session: Session, recommendation: Recommendation) -> None:
    if _on_endorsed_list(session, recommendation.id):
        raise LockedError(
            _(
                "{code} is on an endorsed joint list and can no longer change. "
                "Propose a new recommendation instead."
            ).format(code=recommendation.code)
        )
    if recommendation.status is RecommendationStatus.WITHDRAWN:
        raise StateError(_("{code} was withdrawn.").format(code=recommendation.code))


def _link_findings(
    session: Session,
    recommendation: Recommendation,
    meeting: Meeting,
    finding_ids: list[uuid.UUID],
) -> None:
    existing = {link.finding_id for link in recommendation.finding_links}
    for finding_id in finding_ids:
        finding = get(session, Finding, finding_id, _("finding"))
        if finding.id not in existing:
            link = RecommendationFinding(
                recommendation_id=recommendation.id, finding_id=finding.id, meeting_id=meeting.id
            )
            session.add(link)
            recommendation.finding_links.append(link)
            existing.add(finding.id)


@service("recommendation.draft")
def draft_recommendation(
    session: Session,
    meeting_id: uuid.UUID,
    *,
    text_km: str = "",
    text_en: str = "",
    theme: Theme = Theme.OTHER,
    responsible_level: ResponsibleLevel = ResponsibleLevel.DISTRICT,
    finding_ids: list[uuid.UUID] | None = None,
    author: str = "",
    district_code: str | None = None,
) -> uuid.UUID:
    """A new recommendation of the meeting's district, with its first revision."""
    meeting = get(session, Meeting, meeting_id, _("meeting"))
    require_editable(meeting)
    text_km, text_en = bilingual(text_km, text_en, "text", _("Recommendation"), max_length=MAX_TEXT)
    district = district_code or meeting.district_code
    if district and not district.startswith(meeting.province_code):
        raise ValidationError(
            _("District {code} is not in this meeting's province.").format(code=district),
            field="district_code",
        )
    if district:
        # A district code is checked against the gazetteer, like every other place code.
        district = places.resolve(meeting.province_code, district).district_code
    code, position = _next_code(session, meeting.province_code, district)
    recommendation = Recommendation(
        code=code,
        province_code=meeting.province_code,
        district_code=district,
        position=position,
        theme=Theme(theme),
        responsible_level=ResponsibleLevel(responsible_level),
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
    _link_findings(session, recommendation, meeting, finding_ids or [])
    return recommendation.id


@service("recommendation.amend")
def amend_recommendation(
    session: Session,
    recommendation_id: uuid.UUID,
    meeting_id: uuid.UUID,
    *,
    text_km: str = "",
    text_en: str = "",
    reason: str = "",
    reason_en: str = "",
    author: str = "",
) -> uuid.UUID:
    """A new revision; the earlier ones stay as they were."""
    recommendation = get(session, Recommendation, recommendation_id, _("recommendation"))
    meeting = get(session, Meeting, meeting_id, _("meeting"))
    require_editable(meeting)
    _changeable(session, recommendation)
    text_km, text_en = bilingual(text_km, text_en, "text", _("Recommendation"), max_length=MAX_TEXT)
    current = recommendation.current
    if (text_km, text_en) == (current.text_km, current.text_en):
        raise ValidationError(_("The amended text is the same as the current one."), field="text")
    revision = RecommendationRevision(
        recommendation_id=recommendation.id,
        number=current.number + 1,
        text_km=text_km,
        text_en=text_en,
        author=text(author, "author", _("Author"), max_length=200),
        reason=text(reason, "reason", _("Reason"), max_length=1000),
        reason_en=text(reason_en, "reason_en", _("Reason"), max_length=1000),
        meeting_id=meeting.id,
    )
    session.add(revision)
    recommendation.revisions.append(revision)
    # An amended text has not been voted on: it goes back to draft until the next vote.
    if recommendation.status is not RecommendationStatus.DRAFT:
        recommendation.status = RecommendationStatus.DRAFT
    return revision.id


@service("recommendation.update")
def update_recommendation(
    session: Session,
    recommendation_id: uuid.UUID,
    *,
    theme: Theme,
    responsible_level: ResponsibleLevel,
) -> None:
    recommendation = get(session, Recommendation, recommendation_id, _("recommendation"))
    require_editable(get(session, Meeting, recommendation.origin_meeting_id, _("meeting")))
    _changeable(session, recommendation)
    recommendation.theme = Theme(theme)
    recommendation.responsible_level = ResponsibleLevel(responsible_level)


@service("recommendation.link_findings")
def link_findings(
    session: Session,
    recommendation_id: uuid.UUID,
    meeting_id: uuid.UUID,
    finding_ids: list[uuid.UUID],
) -> None:
    recommendation = get(session, Recommendation, recommendation_id, _("recommendation"))
    meeting = get(session, Meeting, meeting_id, _("meeting"))
    require_editable(meeting)
    _changeable(session, recommendation)
    _link_findings(session, recommendation, meeting, finding_ids)


@service("recommendation.unlink_findings")
def unlink_findings(
    session: Session,
    recommendation_id: uuid.UUID,
    meeting_id: uuid.UUID,
    finding_ids: list[uuid.UUID],
) -> None:
    """Remove links made by mistake; a link made in a signed meeting stays."""
    recommendation = get(session, Recommendation, recommendation_id, _("recommendation"))
    require_editable(get(session, Meeting, meeting_id, _("meeting")))
    _changeable(session, recommendation)
    for link in list(recommendation.finding_links):
        if link.finding_id in finding_ids:
            require_editable(get(session, Meeting, link.meeting_id, _("meeting")))
            recommendation.finding_links.remove(link)
            session.delete(link)


@service("recommendation.withdraw")
def withdraw_recommendation(
    session: Session,
    recommendation_id: uuid.UUID,
    meeting_id: uuid.UUID,
    reason: str = "",
    reason_en: str = "",
) -> None:
    recommendation = get(session, Recommendation, recommendation_id, _("recommendation"))
    require_editable(get(session, Meeting, meeting_id, _("meeting")))
    _changeable(session, recommendation)
    recommendation.status = RecommendationStatus.WITHDRAWN
    recommendation.withdrawn_reason = text(reason, "reason", _("Reason"), max_length=1000)
    recommendation.withdrawn_reason_en = text(reason_en, "reason_en", _("Reason"), max_length=1000)


@service("recommendation.move")
def move_recommendation(session: Session, recommendation_id: uuid.UUID, new_position: int) -> None:
    """Reorder within the district's list (1 is first); codes stay as they were."""
    recommendation = get(session, Recommendation, recommendation_id, _("recommendation"))
    require_editable(get(session, Meeting, recommendation.origin_meeting_id, _("meeting")))
    _changeable(session, recommendation)
    siblings = [
        r
        for r in session.scalars(
            select(Recommendation)
            .where(
                Recommendation.province_code == recommendation.province_code,
                Recommendation.district_code == recommendation.district_code
                if recommendation.district_code
                else Recommendation.district_code.is_(None),
            )
            .order_by(Recommendation.position)
        )
        if r.id != recommendation.id
    ]
    siblings.insert(max(0, min(new_position - 1, len(siblings))), recommendation)
    for position, each in enumerate(siblings, start=1):
        if each.position != position:
            if each is not recommendation and _on_endorsed_list(session, each.id):
                continue
            each.position = position


def _row(recommendation: Recommendation) -> RecommendationRow:
    current = recommendation.current
    return RecommendationRow(
        id=recommendation.id,
        code=recommendation.code,
        province_code=recommendation.province_code,
        district_code=recommendation.district_code,
        position=recommendation.position,
        theme=recommendation.theme,
        responsible_level=recommendation.responsible_level,
        status=recommendation.status,
        origin_meeting_id=recommendation.origin_meeting_id,
        text_km=current.text_km,
        text_en=current.text_en,
        revision_id=current.id,
        revision_count=len(recommendation.revisions),
        finding_ids=tuple(link.finding_id for link in recommendation.finding_links),
    )


def recommendations(
    session: Session,
    *,
    meeting_id: uuid.UUID | None = None,
    district_code: str | None = None,
    include_withdrawn: bool = True,
) -> list[RecommendationRow]:
    """Recommendations drafted in a meeting, or all of a district's, in their order."""
    query = select(Recommendation).options(
        selectinload(Recommendation.revisions), selectinload(Recommendation.finding_links)
    )
    if meeting_id is not None:
        query = query.where(Recommendation.origin_meeting_id == meeting_id)
    if district_code is not None:
        query = query.where(Recommendation.district_code == district_code)
    if not include_withdrawn:
        query = query.where(Recommendation.status != RecommendationStatus.WITHDRAWN)
    query = query.order_by(Recommendation.district_code, Recommendation.position)
    return [_row(r) for r in session.scalars(query)]


def get_recommendation(session: Session, recommendation_id: uuid.UUID) -> RecommendationRow:
    return _row(get(session, Recommendation, recommendation_id, _("recommendation")))


def revisions(session: Session, recommendation_id: uuid.UUID) -> list[RevisionRow]:
    recommendation = get(session, Recommendation, recommendation_id, _("recommendation"))
    return [
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
    ]


def recommendations_of_meeting(session: Session, meeting_id: uuid.UUID) -> list[RecommendationRow]:
    """The recommendations a meeting dealt with: drafted, amended or voted on in it, in their
    district's order (what its minutes report)."""
    amended = select(RecommendationRevision.recommendation_id).where(
        RecommendationRevision.meeting_id == meeting_id
    )
    voted = select(Vote.recommendation_id).where(Vote.meeting_id == meeting_id)
    query = (
        select(Recommendation)
        .options(selectinload(Recommendation.revisions), selectinload(Recommendation.finding_links))
        .where(
            (Recommendation.origin_meeting_id == meeting_id)
            | Recommendation.id.in_(amended)
            | Recommendation.id.in_(voted)
        )
        .order_by(Recommendation.district_code, Recommendation.position)
    )
    return [_row(r) for r in session.scalars(query)]


def revision_history(
    session: Session, recommendation_ids: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[RevisionRow, ...]]:
    """Every revision of each recommendation, oldest first, in a few queries."""
    history: dict[uuid.UUID, list[RevisionRow]] = {key: [] for key in recommendation_ids}
    for start in range(0, len(recommendation_ids), 500):
        chunk = recommendation_ids[start : start + 500]
        for r in session.scalars(
            select(RecommendationRevision)
            .where(RecommendationRevision.recommendation_id.in_(chunk))
            .order_by(RecommendationRevision.recommendation_id, RecommendationRevision.number)
        ):
            history[r.recommendation_id].append(
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
            )
    return {key: tuple(rows) for key, rows in history.items()}
