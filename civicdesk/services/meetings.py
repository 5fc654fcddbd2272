"""Planning meetings and moving them through planned → open → closed → signed."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.i18n import _, translations_for
from civicdesk.i18n.labels import label
from civicdesk.models import AgendaItem, Meeting, Person, utcnow
from civicdesk.models.enums import MEETING_TRANSITIONS, MeetingKind, MeetingStatus, VoteRule
from civicdesk.services import places
from civicdesk.services.attendance import AttendanceStats, attendance_statistics_many
from civicdesk.services.base import bilingual, get, require_editable, service, text
from civicdesk.services.concurrency import expect_version
from civicdesk.services.errors import StateError, ValidationError

#: The longest title a meeting may have, in either language.
TITLE_MAX_LENGTH = 300


@dataclass(frozen=True)
class MeetingDetails:
    """What a person fills in to plan a meeting."""

    kind: MeetingKind
    title_km: str
    title_en: str
    meeting_date: dt.date
    province_code: str
    district_code: str | None = None
    commune_code: str | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    venue_km: str = ""
    venue_en: str = ""
    facilitator_id: uuid.UUID | None = None
    clerk_id: uuid.UUID | None = None
    follows_from_id: uuid.UUID | None = None
    vote_rule: VoteRule = VoteRule.JOINT_ADOPTION


@dataclass(frozen=True)
class MeetingSummary:
    id: uuid.UUID
    meeting_date: dt.date
    kind: MeetingKind
    province_code: str
    district_code: str | None
    place_name_km: str
    place_name_en: str
    status: MeetingStatus
    title_km: str
    title_en: str
    attendance: AttendanceStats

    def title(self, language: str) -> str:
        first, second = (
            (self.title_km, self.title_en) if language == "km" else (self.title_en, self.title_km)
        )
        return first or second


def _apply_details(session: Session, meeting: Meeting, details: MeetingDetails) -> None:
    title_km, title_en = bilingual(
        details.title_km, details.title_en, "title", _("Title"), max_length=TITLE_MAX_LENGTH
    )
    place = places.resolve(details.province_code, details.district_code, details.commune_code)
    if details.start_time and details.end_time and details.end_time <= details.start_time:
        raise ValidationError(_("The meeting must end after it starts."), field="end_time")
    for person_id, what in (
        (details.facilitator_id, _("facilitator")),
        (details.clerk_id, _("clerk")),
    ):
        if person_id is not None:
            get(session, Person, person_id, what)
    if details.follows_from_id is not None:
        if details.follows_from_id == meeting.id:
            raise ValidationError(
                _("A meeting cannot follow from itself."), field="follows_from_id"
            )
        get(session, Meeting, details.follows_from_id, _("meeting"))
    meeting.kind = MeetingKind(details.kind)
    meeting.title_km = title_km
    meeting.title_en = title_en
    meeting.meeting_date = details.meeting_date
    meeting.start_time = details.start_time
    meeting.end_time = details.end_time
    meeting.venue_km = text(details.venue_km, "venue_km", _("Venue"), max_length=300)
    meeting.venue_en = text(details.venue_en, "venue_en", _("Venue"), max_length=300)
    meeting.province_code = place.province_code
    meeting.district_code = place.district_code
    meeting.commune_code = place.commune_code
    meeting.place_name_km = place.name_km
    meeting.place_name_en = place.name_en
    meeting.facilitator_id = details.facilitator_id
    meeting.clerk_id = details.clerk_id
    meeting.follows_from_id = details.follows_from_id
    meeting.vote_rule = VoteRule(details.vote_rule)


@service("meeting.plan")
def plan_meeting(session: Session, details: MeetingDetails) -> uuid.UUID:
    meeting = Meeting(status=MeetingStatus.PLANNED)
    _apply_details(session, meeting, details)
    session.add(meeting)
    return meeting.id


@service("meeting.update")
def update_meeting(
    session: Session,
    meeting_id: uuid.UUID,
    details: MeetingDetails,
    *,
    expected_version: int | None = None,
) -> None:
    """Change the details; `expected_version` (the meeting's `row_version` when the person
    opened it) refuses the change if someone else changed the meeting since."""
    expect_version(session, Meeting, meeting_id, expected_version)
    meeting = get(session, Meeting, meeting_id, _("meeting"))
    require_editable(meeting)
    _apply_details(session, meeting, details)


def _copy_title(title: str, language: str) -> str:
    """The title marked as a copy, in the title's own language (not the UI's)."""
    if not title:
        return ""
    template = translations_for(language).gettext("{title} (copy)")
    room = TITLE_MAX_LENGTH - len(template.format(title=""))
    return template.format(title=title[: max(room, 0)].rstrip())


@service("meeting.duplicate")
def duplicate_meeting(session: Session, meeting_id: uuid.UUID) -> uuid.UUID:
    """Plan a copy of a meeting: the same details with the title marked as a copy, and its
    agenda items (titles and planned minutes). Nothing else is copied: no attendance, notes,
    times, findings, recommendations or votes; the copy is planned, whatever the original is."""
    source = get(session, Meeting, meeting_id, _("meeting"))
    details = meeting_details(session, meeting_id)
    copy = Meeting(status=MeetingStatus.PLANNED)
    _apply_details(
        session,
        copy,
        replace(
            details,
            title_km=_copy_title(details.title_km, "km"),
            title_en=_copy_title(details.title_en, "en"),
        ),
    )
    session.add(copy)
    for item in source.agenda_items:
        session.add(
            AgendaItem(
                meeting_id=copy.id,
                position=item.position,
                title_km=item.title_km,
                title_en=item.title_en,
                planned_minutes=item.planned_minutes,
            )
        )
    return copy.id


def meeting_details(session: Session, meeting_id: uuid.UUID) -> MeetingDetails:
    m = get(session, Meeting, meeting_id, _("meeting"))
    return MeetingDetails(
        kind=m.kind,
        title_km=m.title_km,
        title_en=m.title_en,
        meeting_date=m.meeting_date,
        province_code=m.province_code,
        district_code=m.district_code,
        commune_code=m.commune_code,
        start_time=m.start_time,
        end_time=m.end_time,
        venue_km=m.venue_km,
        venue_en=m.venue_en,
        facilitator_id=m.facilitator_id,
        clerk_id=m.clerk_id,
        follows_from_id=m.follows_from_id,
        vote_rule=m.vote_rule,
    )


def _move(session: Session, meeting_id: uuid.UUID, target: MeetingStatus) -> Meeting:
    meeting = get(session, Meeting, meeting_id, _("meeting"))
    require_editable(meeting)
    if MEETING_TRANSITIONS.get(meeting.status) is not target:
        raise StateError(
            _("A meeting that is {current} cannot become {target}.").format(
                current=label(meeting.status), target=label(target)
            )
        )
    meeting.status = target
    return meeting


@service("meeting.open")
def open_meeting(session: Session, meeting_id: uuid.UUID, at: dt.datetime | None = None) -> None:
    """Open the meeting (`at`: when it opened, if recorded afterwards; default now)."""
    _move(session, meeting_id, MeetingStatus.OPEN).opened_at = at or utcnow()


@service("meeting.close")
def close_meeting(session: Session, meeting_id: uuid.UUID, at: dt.datetime | None = None) -> None:
    _move(session, meeting_id, MeetingStatus.CLOSED).closed_at = at or utcnow()


@service("meeting.reopen")
def reopen_meeting(session: Session, meeting_id: uuid.UUID) -> None:
    """Take a closed meeting back to open, to correct it before it is signed."""
    meeting = get(session, Meeting, meeting_id, _("meeting"))
    require_editable(meeting)
    if meeting.status is not MeetingStatus.CLOSED:
        raise StateError(_("Only a closed meeting can be reopened."))
    meeting.status = MeetingStatus.OPEN


@service("meeting.sign")
def sign_meeting(session: Session, meeting_id: uuid.UUID, at: dt.datetime | None = None) -> None:
    """Sign the minutes: the meeting and everything it recorded are locked from now on."""
    _move(session, meeting_id, MeetingStatus.SIGNED).signed_at = at or utcnow()


def list_meetings(
    session: Session,
    *,
    district_code: str | None = None,
    kind: MeetingKind | None = None,
    status: MeetingStatus | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> list[MeetingSummary]:
    query = select(Meeting).order_by(Meeting.meeting_date, Meeting.start_time, Meeting.created_at)
    if district_code:
        query = query.where(Meeting.district_code == district_code)
    if kind:
        query = query.where(Meeting.kind == kind)
    if status:
        query = query.where(Meeting.status == status)
    if date_from:
        query = query.where(Meeting.meeting_date >= date_from)
    if date_to:
        query = query.where(Meeting.meeting_date <= date_to)
    meetings = session.scalars(query).all()
    stats = attendance_statistics_many(session, [m.id for m in meetings])
    return [
        MeetingSummary(
            id=m.id,
            meeting_date=m.meeting_date,
            kind=m.kind,
            province_code=m.province_code,
            district_code=m.district_code,
            place_name_km=m.place_name_km,
            place_name_en=m.place_name_en,
            status=m.status,
            title_km=m.title_km,
            title_en=m.title_en,
            attendance=stats[m.id],
        )
        for m in meetings
    ]


def get_meeting_summary(session: Session, meeting_id: uuid.UUID) -> MeetingSummary:
    meeting = get(session, Meeting, meeting_id, _("meeting"))
    stats = attendance_statistics_many(session, [meeting.id])
    return MeetingSummary(
        id=meeting.id,
        meeting_date=meeting.meeting_date,
        kind=meeting.kind,
        province_code=meeting.province_code,
        district_code=meeting.district_code,
        place_name_km=meeting.place_name_km,
        place_name_en=meeting.place_name_en,
        status=meeting.status,
        title_km=meeting.title_km,
        title_en=meeting.title_en,
        attendance=stats[meeting.id],
    )
