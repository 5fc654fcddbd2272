"""What each document shows, read through the services in one read transaction.

The records are plain data; :func:`content_digest` turns one into the SHA-256 printed on every
page (short) and in the QR code (in full): the same records always give the same digest, so a
printed copy can be compared with the database it came from.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from civicdesk.i18n import _
from civicdesk.models.enums import AttendanceRole, AttendanceStatus, OrganisationKind
from civicdesk.services import (
    actions,
    agenda,
    attendance,
    documents,
    findings,
    joint_lists,
    meetings,
    people,
    places,
    recommendations,
    votes,
)
from civicdesk.services.actions import ActionRow
from civicdesk.services.agenda import AgendaRow
from civicdesk.services.attendance import AttendanceRow, AttendanceStats, HeadcountRow
from civicdesk.services.errors import NotFoundError, StateError
from civicdesk.services.findings import FindingRow
from civicdesk.services.joint_lists import JointListView
from civicdesk.services.recommendations import RecommendationRow, RevisionRow
from civicdesk.services.votes import VoteRow

__all__ = [
    "ActionPlanRecord",
    "JointListRecord",
    "MeetingFacts",
    "MinutesRecord",
    "SignInRecord",
    "content_digest",
    "read_action_plan",
    "read_joint_list",
    "read_minutes",
    "read_sign_in_sheet",
]


@dataclass(frozen=True)
class Place:
    province_km: str
    province_en: str
    district_km: str
    district_en: str
    #: The district administration's own name, when it is in the directory.
    administration_km: str
    administration_en: str


@dataclass(frozen=True)
class MeetingFacts:
    id: uuid.UUID
    details: meetings.MeetingDetails
    summary: meetings.MeetingSummary
    place: Place
    facilitator: people.PersonInfo | None
    clerk: people.PersonInfo | None


@dataclass(frozen=True)
class MinutesRecord:
    meeting: MeetingFacts
    attendance: tuple[AttendanceRow, ...]
    headcounts: tuple[HeadcountRow, ...]
    statistics: AttendanceStats
    agenda: tuple[AgendaRow, ...]
    findings: tuple[FindingRow, ...]
    recommendations: tuple[RecommendationRow, ...]
    revisions: dict[uuid.UUID, tuple[RevisionRow, ...]]
    votes: dict[uuid.UUID, VoteRow]
    actions: tuple[ActionRow, ...]
    joint_lists: tuple[JointListView, ...]
    #: Khmer and English names of the districts of those joint lists.
    district_names: dict[str, tuple[str, str]]
    audit_head: str

    @property
    def chairs(self) -> tuple[AttendanceRow, ...]:
        return tuple(
            row
            for row in self.attendance
            if row.role is AttendanceRole.CHAIR and row.status is AttendanceStatus.PRESENT
        )


@dataclass(frozen=True)
class SignInRecord:
    meeting: MeetingFacts
    expected: tuple[AttendanceRow, ...]
    audit_head: str


@dataclass(frozen=True)
class JointListRecord:
    meeting: MeetingFacts
    joint_list: JointListView
    audit_head: str


@dataclass(frozen=True)
class ActionPlanRecord:
    meeting: MeetingFacts
    actions: tuple[ActionRow, ...]
    audit_head: str


def _administration(session: Session, district_code: str | None) -> tuple[str, str]:
    if district_code:
        for organisation in people.list_organisations(session):
            if (
                organisation.district_code == district_code
                and organisation.kind is OrganisationKind.DISTRICT_ADMINISTRATION
            ):
                return organisation.name_km, organisation.name_en
    return "", ""


def _stored_place(session: Session, summary: meetings.MeetingSummary) -> Place:
    """The place as the meeting recorded it: names are kept beside the codes because the
    gazetteers number a few units differently, so the names printed are those stored (joined
    most specific first by :func:`civicdesk.services.places.resolve`)."""
    names_km = summary.place_name_km.split(", ")
    names_en = summary.place_name_en.split(", ")
    has_district = summary.district_code is not None
    district_km = names_km[-2] if has_district and len(names_km) >= 2 else ""
    district_en = names_en[-2] if has_district and len(names_en) >= 2 else ""
    return Place(
        names_km[-1],
        names_en[-1],
        district_km,
        district_en,
        *_administration(session, summary.district_code),
    )


def _gazetteer_place(session: Session, province_code: str, district_code: str) -> Place:
    """A district other than the meeting's (a provincial meeting's lists), from the gazetteer."""
    province = places.resolve(province_code)
    return Place(
        province.name_km,
        province.name_en,
        places.district_name(district_code, "km"),
        places.district_name(district_code, "en"),
        *_administration(session, district_code),
    )


def _facts(session: Session, meeting_id: uuid.UUID) -> MeetingFacts:
    details = meetings.meeting_details(session, meeting_id)
    summary = meetings.get_meeting_summary(session, meeting_id)
    return MeetingFacts(
        id=meeting_id,
        details=details,
        summary=summary,
        place=_stored_place(session, summary),
        facilitator=(
            people.get_person(session, details.facilitator_id) if details.facilitator_id else None
        ),
        clerk=people.get_person(session, details.clerk_id) if details.clerk_id else None,
    )


def _district_names(
    facts: MeetingFacts, lists: Sequence[JointListView]
) -> dict[str, tuple[str, str]]:
    names = {}
    for joint_list in lists:
        code = joint_list.district_code
        if code == facts.details.district_code:
            names[code] = (facts.place.district_km, facts.place.district_en)
        else:
            names[code] = (places.district_name(code, "km"), places.district_name(code, "en"))
    return names


def read_minutes(session: Session, meeting_id: uuid.UUID) -> MinutesRecord:
    facts = _facts(session, meeting_id)
    discussed = recommendations.recommendations_of_meeting(session, meeting_id)
    lists = tuple(joint_lists.joint_lists(session, meeting_id=meeting_id))
    return MinutesRecord(
        meeting=facts,
        attendance=tuple(attendance.attendance_list(session, meeting_id)),
        headcounts=tuple(attendance.headcounts(session, meeting_id)),
        statistics=attendance.attendance_statistics(session, meeting_id),
        agenda=tuple(agenda.agenda(session, meeting_id)),
        findings=tuple(findings.findings(session, meeting_id=meeting_id)),
        recommendations=tuple(discussed),
        revisions=recommendations.revision_history(session, [r.id for r in discussed]),
        votes=votes.current_votes(session, meeting_id),
        actions=tuple(actions.actions(session, meeting_id=meeting_id)),
        joint_lists=lists,
        district_names=_district_names(facts, lists),
        audit_head=documents.current_audit_head(session),
    )


def read_sign_in_sheet(session: Session, meeting_id: uuid.UUID) -> SignInRecord:
    facts = _facts(session, meeting_id)
    rows = attendance.attendance_list(session, meeting_id)
    expected = tuple(row for row in rows if row.status is not AttendanceStatus.ABSENT)
    return SignInRecord(facts, expected, documents.current_audit_head(session))


def read_joint_list(session: Session, joint_list_id: uuid.UUID) -> JointListRecord:
    view = joint_lists.get_joint_list(session, joint_list_id)
    facts = _facts(session, view.meeting_id)
    if view.district_code != facts.details.district_code:
        facts = dataclasses.replace(
            facts, place=_gazetteer_place(session, view.province_code, view.district_code)
        )
    return JointListRecord(facts, view, documents.current_audit_head(session))


def resolve_joint_list(session: Session, some_id: uuid.UUID) -> uuid.UUID:
    """A joint list's ID from its own ID or from the ID of the meeting that made it (for
    commands, which accept either)."""
    try:
        return joint_lists.get_joint_list(session, some_id).id
    except NotFoundError:
        pass
    meetings.get_meeting_summary(session, some_id)  # "No meeting has the id ..." otherwise
    found = joint_lists.joint_lists(session, meeting_id=some_id)
    if not found:
        raise NotFoundError(_("This meeting has no joint list yet."))
    if len(found) > 1:
        raise StateError(
            _("This meeting has {count} joint lists: give the joint list's ID.").format(
                count=len(found)
            )
        )
    return found[0].id


def read_action_plan(session: Session, meeting_id: uuid.UUID) -> ActionPlanRecord:
    facts = _facts(session, meeting_id)
    rows = tuple(actions.actions(session, meeting_id=meeting_id))
    return ActionPlanRecord(facts, rows, documents.current_audit_head(session))


# --------------------------------------------------------------------------- digest


def _canonical(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: _canonical(getattr(value, field.name))
            for field in dataclasses.fields(value)
        }
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (uuid.UUID, dt.date, dt.time, dt.datetime)):
        return str(value)
    if isinstance(value, bytes):
        return "sha256:" + hashlib.sha256(value).hexdigest()
    if isinstance(value, dict):
        return sorted(([_canonical(k), _canonical(v)] for k, v in value.items()), key=repr)
    if isinstance(value, (list, tuple)):
        return [_canonical(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot put {type(value).__name__} in a document digest")


def content_digest(record: Any, **context: Any) -> str:
    """The SHA-256 of what a document shows: its records and ``context`` (kind, language,
    document ID, options), as canonical JSON."""
    payload = {"record": _canonical(record), "context": _canonical(context)}
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
