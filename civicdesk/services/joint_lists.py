"""A district's joint list: built from its adopted recommendations, then endorsed by both sides."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.i18n import _
from civicdesk.models import (
    Endorsement,
    JointList,
    JointListItem,
    Meeting,
    Organisation,
    Recommendation,
    Vote,
    utcnow,
)
from civicdesk.models.enums import JointListStatus, RecommendationStatus, Side, VoteOutcome
from civicdesk.services.base import get, require_editable, service, text
from civicdesk.services.errors import LockedError, StateError, ValidationError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_SIGNATURE_BYTES = 2 * 1024 * 1024
#: A list is endorsed once each of these sides has signed it.
ENDORSING_SIDES = (Side.SNA, Side.CIVIL_SOCIETY)


@dataclass(frozen=True)
class JointListEntry:
    position: int
    recommendation_id: uuid.UUID
    code: str
    revision_id: uuid.UUID
    text_km: str
    text_en: str


@dataclass(frozen=True)
class EndorsementRow:
    id: uuid.UUID
    signatory_name: str
    title: str
    title_en: str
    organisation_name: str
    side: Side
    signed_on: dt.date
    signature_png: bytes | None


@dataclass(frozen=True)
class JointListView:
    id: uuid.UUID
    district_code: str
    province_code: str
    meeting_id: uuid.UUID
    title_km: str
    title_en: str
    status: JointListStatus
    endorsed_at: dt.datetime | None
    items: tuple[JointListEntry, ...]
    endorsements: tuple[EndorsementRow, ...]

    @property
    def sides_missing(self) -> tuple[Side, ...]:
        signed = {e.side for e in self.endorsements}
        return tuple(s for s in ENDORSING_SIDES if s not in signed)


def _adopted_revision(session: Session, recommendation: Recommendation) -> uuid.UUID:
    """The revision the adopting vote was taken on (later drafts have not been voted)."""
    adopting = session.scalars(
        select(Vote)
        .where(Vote.recommendation_id == recommendation.id, Vote.outcome == VoteOutcome.ADOPTED)
        .order_by(Vote.created_at.desc())
    ).first()
    return adopting.revision_id if adopting else recommendation.current.id


@service("joint_list.build")
def build_joint_list(
    session: Session,
    meeting_id: uuid.UUID,
    *,
    district_code: str | None = None,
    title_km: str = "",
    title_en: str = "",
) -> uuid.UUID:
    """Make (or remake, while not endorsed) the district's list from its adopted
    recommendations, in their order, each pinned to its adopted revision."""
    meeting = get(session, Meeting, meeting_id, _("meeting"))
    require_editable(meeting)
    district = district_code or meeting.district_code
    if not district:
        raise ValidationError(
            _("Choose the district whose joint list this is."), field="district_code"
        )
    adopted = list(
        session.scalars(
            select(Recommendation)
            .where(
                Recommendation.district_code == district,
                Recommendation.status == RecommendationStatus.ADOPTED,
            )
            .order_by(Recommendation.position)
        )
    )
    if not adopted:
        raise StateError(
            _("District {code} has no adopted recommendations yet.").format(code=district)
        )
    joint_list = session.scalars(
        select(JointList).where(
            JointList.meeting_id == meeting.id, JointList.district_code == district
        )
    ).one_or_none()
    if joint_list is not None:
        if joint_list.status is JointListStatus.ENDORSED:
            raise LockedError(_("This joint list has been endorsed and can no longer change."))
        if joint_list.endorsements:
            raise StateError(
                _("This joint list has already been signed by one side; it cannot be rebuilt.")
            )
        for item in list(joint_list.items):
            session.delete(item)
        session.flush()
    else:
        joint_list = JointList(
            province_code=meeting.province_code,
            district_code=district,
            meeting_id=meeting.id,
            items=[],
            endorsements=[],
        )
        session.add(joint_list)
    joint_list.title_km = text(title_km, "title_km", _("Title"), max_length=300)
    joint_list.title_en = text(title_en, "title_en", _("Title"), max_length=300)
    for position, recommendation in enumerate(adopted, start=1):
        session.add(
            JointListItem(
                joint_list_id=joint_list.id,
                position=position,
                recommendation_id=recommendation.id,
                revision_id=_adopted_revision(session, recommendation),
            )
        )
    session.flush()
    session.expire(joint_list, ["items"])
    return joint_list.id


def _check_png(signature_png: bytes | None) -> None:
    if signature_png is None:
        return
    if not signature_png.startswith(PNG_SIGNATURE):
        raise ValidationError(_("The signature must be a PNG image."), field="signature_png")
    if len(signature_png) > MAX_SIGNATURE_BYTES:
        raise ValidationError(
            _("The signature image is too large (at most 2 MB)."), field="signature_png"
        )


@service("joint_list.endorse")
def endorse_joint_list(
    session: Session,
    joint_list_id: uuid.UUID,
    *,
    signatory_name: str,
    title: str,
    side: Side,
    signed_on: dt.date,
    title_en: str = "",
    signature_png: bytes | None = None,
    organisation_id: uuid.UUID | None = None,
    organisation_name: str = "",
) -> uuid.UUID:
    """One signatory signs the list. When both sides have signed, it is endorsed and locked."""
    joint_list = get(session, JointList, joint_list_id, _("joint list"))
    require_editable(get(session, Meeting, joint_list.meeting_id, _("meeting")))
    if joint_list.status is JointListStatus.ENDORSED:
        raise LockedError(_("This joint list has been endorsed and can no longer change."))
    name = text(signatory_name, "signatory_name", _("Name"), max_length=200)
    if not name:
        raise ValidationError(_("Write the signatory's name."), field="signatory_name")
    side = Side(side)
    if side not in ENDORSING_SIDES:
        raise ValidationError(
            _("A joint list is signed by the administration and by civil society."), field="side"
        )
    if signed_on > dt.date.today() + dt.timedelta(days=1):
        raise ValidationError(_("The signature date is in the future."), field="signed_on")
    _check_png(signature_png)
    if organisation_id is not None:
        organisation = get(session, Organisation, organisation_id, _("organisation"))
        organisation_name = organisation_name or organisation.name_km or organisation.name_en
    endorsement = Endorsement(
        joint_list_id=joint_list.id,
        signatory_name=name,
        title=text(title, "title", _("Title"), max_length=200),
        title_en=text(title_en, "title_en", _("Title"), max_length=200),
        organisation_id=organisation_id,
        organisation_name=text(
            organisation_name, "organisation_name", _("Organisation"), max_length=300
        ),
        side=side,
        signed_on=signed_on,
        signature_png=signature_png,
    )
    # Appended, not session.add()-ed first: the append loads the collection, and an autoflush
    # of an added endorsement would list it twice in this session.
    joint_list.endorsements.append(endorsement)
    if all(any(e.side is s for e in joint_list.endorsements) for s in ENDORSING_SIDES):
        joint_list.status = JointListStatus.ENDORSED
        joint_list.endorsed_at = utcnow()
    return endorsement.id


def _view(joint_list: JointList) -> JointListView:
    return JointListView(
        id=joint_list.id,
        district_code=joint_list.district_code,
        province_code=joint_list.province_code,
        meeting_id=joint_list.meeting_id,
        title_km=joint_list.title_km,
        title_en=joint_list.title_en,
        status=joint_list.status,
        endorsed_at=joint_list.endorsed_at,
        items=tuple(
            JointListEntry(
                item.position,
                item.recommendation_id,
                item.recommendation.code,
                item.revision_id,
                item.revision.text_km,
                item.revision.text_en,
            )
            for item in joint_list.items
        ),
        endorsements=tuple(
            EndorsementRow(
                e.id,
                e.signatory_name,
                e.title,
                e.title_en,
                e.organisation_name,
                e.side,
                e.signed_on,
                e.signature_png,
            )
            for e in joint_list.endorsements
        ),
    )


def get_joint_list(session: Session, joint_list_id: uuid.UUID) -> JointListView:
    return _view(get(session, JointList, joint_list_id, _("joint list")))


def joint_lists(
    session: Session, *, meeting_id: uuid.UUID | None = None, district_code: str | None = None
) -> list[JointListView]:
    query = select(JointList).order_by(JointList.district_code, JointList.created_at)
    if meeting_id is not None:
        query = query.where(JointList.meeting_id == meeting_id)
    if district_code is not None:
        query = query.where(JointList.district_code == district_code)
    return [_view(j) for j in session.scalars(query)]
