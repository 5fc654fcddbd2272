"""Findings: the views and problems a focus group raises, with who raised them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk.i18n import _
from civicdesk.models import Finding, Meeting, RecommendationFinding
from civicdesk.models.enums import Theme
from civicdesk.services.base import bilingual, get, require_editable, service, text
from civicdesk.services.errors import StateError


@dataclass(frozen=True)
class FindingRow:
    id: uuid.UUID
    meeting_id: uuid.UUID
    position: int
    text_km: str
    text_en: str
    raised_by_km: str
    raised_by_en: str
    theme: Theme


@service("finding.record")
def record_finding(
    session: Session,
    meeting_id: uuid.UUID,
    *,
    text_km: str = "",
    text_en: str = "",
    raised_by_km: str = "",
    raised_by_en: str = "",
    theme: Theme = Theme.OTHER,
) -> uuid.UUID:
    meeting = get(session, Meeting, meeting_id, _("meeting"))
    require_editable(meeting)
    text_km, text_en = bilingual(text_km, text_en, "text", _("Finding"))
    last = session.scalar(
        select(func.max(Finding.position)).where(Finding.meeting_id == meeting.id)
    )
    finding = Finding(
        meeting_id=meeting.id,
        position=(last or 0) + 1,
        text_km=text_km,
        text_en=text_en,
        raised_by_km=text(raised_by_km, "raised_by_km", _("Raised by"), max_length=300),
        raised_by_en=text(raised_by_en, "raised_by_en", _("Raised by"), max_length=300),
        theme=Theme(theme),
    )
    session.add(finding)
    return finding.id


@service("finding.update")
def update_finding(
    session: Session,
    finding_id: uuid.UUID,
    *,
    text_km: str,
    text_en: str,
    raised_by_km: str = "",
    raised_by_en: str = "",
    theme: Theme = Theme.OTHER,
) -> None:
    finding = get(session, Finding, finding_id, _("finding"))
    require_editable(get(session, Meeting, finding.meeting_id, _("meeting")))
    finding.text_km, finding.text_en = bilingual(text_km, text_en, "text", _("Finding"))
    finding.raised_by_km = text(raised_by_km, "raised_by_km", _("Raised by"), max_length=300)
    finding.raised_by_en = text(raised_by_en, "raised_by_en", _("Raised by"), max_length=300)
    finding.theme = Theme(theme)


@service("finding.remove")
def remove_finding(session: Session, finding_id: uuid.UUID) -> None:
    finding = get(session, Finding, finding_id, _("finding"))
    require_editable(get(session, Meeting, finding.meeting_id, _("meeting")))
    linked = session.scalar(
        select(func.count()).where(RecommendationFinding.finding_id == finding.id)
    )
    if linked:
        raise StateError(
            _("This finding is answered by a recommendation; unlink it before removing it.")
        )
    session.delete(finding)


def findings(
    session: Session, meeting_id: uuid.UUID | None = None, district_code: str | None = None
) -> list[FindingRow]:
    """The findings of one meeting, or of every meeting held in a district."""
    query = select(Finding).join(Meeting, Finding.meeting_id == Meeting.id)
    if meeting_id is not None:
        query = query.where(Finding.meeting_id == meeting_id)
    if district_code is not None:
        query = query.where(Meeting.district_code == district_code)
    query = query.order_by(Meeting.meeting_date, Finding.position)
    return [
        FindingRow(
            f.id,
            f.meeting_id,
            f.position,
            f.text_km,
            f.text_en,
            f.raised_by_km,
            f.raised_by_en,
            f.theme,
        )
        for f in session.scalars(query)
    ]
