"""Who came: signing people in, invitations and absences, anonymous headcounts, statistics."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.i18n import _
from civicdesk.models import Attendance, Headcount, Meeting, Organisation, Person, utcnow
from civicdesk.models.enums import (
    AttendanceRole,
    AttendanceStatus,
    OrganisationKind,
    Sex,
    Side,
)
from civicdesk.services.base import (
    bilingual,
    count,
    get,
    require_editable,
    service,
    text,
)
from civicdesk.services.errors import StateError, ValidationError

#: Roles that do not vote unless the meeting says otherwise.
NON_VOTING_ROLES = frozenset(
    {
        AttendanceRole.FACILITATOR,
        AttendanceRole.CLERK,
        AttendanceRole.OBSERVER,
        AttendanceRole.RESOURCE_PERSON,
    }
)


@dataclass
class SexCount:
    women: int = 0
    men: int = 0

    @property
    def total(self) -> int:
        return self.women + self.men

    def add(self, sex: Sex, n: int = 1) -> None:
        if sex is Sex.FEMALE:
            self.women += n
        else:
            self.men += n


@dataclass
class AttendanceStats:
    """Who was present: named people and anonymous headcounts together."""

    all: SexCount = field(default_factory=SexCount)
    by_side: dict[Side, SexCount] = field(default_factory=lambda: defaultdict(SexCount))
    #: Keyed by organisation kind; None for people with no organisation and for headcounts
    #: not tied to one.
    by_organisation_kind: dict[OrganisationKind | None, SexCount] = field(
        default_factory=lambda: defaultdict(SexCount)
    )
    named: int = 0
    anonymous: int = 0
    absent: int = 0

    @property
    def total(self) -> int:
        return self.all.total

    @property
    def women(self) -> int:
        return self.all.women

    @property
    def men(self) -> int:
        return self.all.men


def _meeting(session: Session, meeting_id: uuid.UUID) -> Meeting:
    meeting = get(session, Meeting, meeting_id, _("meeting"))
    require_editable(meeting)
    return meeting


def _existing(session: Session, meeting_id: uuid.UUID, person_id: uuid.UUID) -> Attendance | None:
    return session.scalars(
        select(Attendance).where(
            Attendance.meeting_id == meeting_id, Attendance.person_id == person_id
        )
    ).one_or_none()


def _default_side(person: Person) -> Side:
    return person.organisation.side if person.organisation else Side.CIVIL_SOCIETY


def _person_name(person: Person) -> str:
    return person.name_km or person.name_latin


@service("attendance.sign_in")
def sign_in(
    session: Session,
    meeting_id: uuid.UUID,
    person_id: uuid.UUID,
    *,
    role: AttendanceRole = AttendanceRole.PARTICIPANT,
    side: Side | None = None,
    may_vote: bool | None = None,
) -> uuid.UUID:
    """Record that a person is present. An invited or absent person becomes present."""
    meeting = _meeting(session, meeting_id)
    person = get(session, Person, person_id, _("person"))
    role = AttendanceRole(role)
    attendance = _existing(session, meeting.id, person.id)
    if attendance is not None and attendance.status is AttendanceStatus.PRESENT:
        raise StateError(
            _("{name} is already signed in to this meeting.").format(name=_person_name(person)),
            field="person_id",
        )
    resolved_side = Side(side) if side else _default_side(person)
    if attendance is None:
        attendance = Attendance(meeting_id=meeting.id, person_id=person.id, side=resolved_side)
        session.add(attendance)
    attendance.role = role
    attendance.side = resolved_side
    attendance.may_vote = (
        may_vote
        if may_vote is not None
        else role not in NON_VOTING_ROLES and resolved_side is not Side.OBSERVER
    )
    attendance.status = AttendanceStatus.PRESENT
    attendance.absence_reason = ""
    attendance.absence_reason_en = ""
    attendance.checked_in_at = utcnow()
    return attendance.id


@service("attendance.invite")
def invite(
    session: Session,
    meeting_id: uuid.UUID,
    person_id: uuid.UUID,
    *,
    role: AttendanceRole = AttendanceRole.PARTICIPANT,
    side: Side | None = None,
) -> uuid.UUID:
    meeting = _meeting(session, meeting_id)
    person = get(session, Person, person_id, _("person"))
    if _existing(session, meeting.id, person.id) is not None:
        raise StateError(
            _("{name} is already on this meeting's list.").format(name=_person_name(person)),
            field="person_id",
        )
    role = AttendanceRole(role)
    resolved_side = Side(side) if side else _default_side(person)
    attendance = Attendance(
        meeting_id=meeting.id,
        person_id=person.id,
        role=role,
        side=resolved_side,
        may_vote=role not in NON_VOTING_ROLES and resolved_side is not Side.OBSERVER,
        status=AttendanceStatus.INVITED,
    )
    session.add(attendance)
    return attendance.id


@service("attendance.absent")
def mark_absent(
    session: Session,
    meeting_id: uuid.UUID,
    person_id: uuid.UUID,
    reason: str = "",
    reason_en: str = "",
) -> uuid.UUID:
    """An invited person who did not come, with the reason the minutes will give."""
    meeting = _meeting(session, meeting_id)
    person = get(session, Person, person_id, _("person"))
    attendance = _existing(session, meeting.id, person.id)
    if attendance is None:
        attendance = Attendance(
            meeting_id=meeting.id, person_id=person.id, side=_default_side(person)
        )
        session.add(attendance)
    attendance.status = AttendanceStatus.ABSENT
    attendance.absence_reason = text(reason, "absence_reason", _("Reason"), max_length=300)
    attendance.absence_reason_en = text(reason_en, "absence_reason_en", _("Reason"), max_length=300)
    attendance.checked_in_at = None
    return attendance.id


@service("attendance.remove")
def remove_attendance(session: Session, attendance_id: uuid.UUID) -> None:
    """Take a person off the meeting's list (a sign-in made by mistake)."""
    attendance = get(session, Attendance, attendance_id, _("attendance"))
    _meeting(session, attendance.meeting_id)
    session.delete(attendance)


@service("attendance.update")
def update_attendance(
    session: Session,
    attendance_id: uuid.UUID,
    *,
    role: AttendanceRole,
    side: Side,
    may_vote: bool,
) -> None:
    attendance = get(session, Attendance, attendance_id, _("attendance"))
    _meeting(session, attendance.meeting_id)
    attendance.role = AttendanceRole(role)
    attendance.side = Side(side)
    attendance.may_vote = may_vote


@service("headcount.record")
def record_headcount(
    session: Session,
    meeting_id: uuid.UUID,
    *,
    group_km: str = "",
    group_en: str = "",
    women: int,
    men: int,
    side: Side = Side.CIVIL_SOCIETY,
    organisation_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Count anonymous participants of a group by sex, without recording their names."""
    meeting = _meeting(session, meeting_id)
    group_km, group_en = bilingual(group_km, group_en, "group", _("Group"), max_length=300)
    women = count(women, "women", _("Women"))
    men = count(men, "men", _("Men"))
    if women + men == 0:
        raise ValidationError(_("A headcount needs at least one person."), field="women")
    if organisation_id is not None:
        get(session, Organisation, organisation_id, _("organisation"))
    headcount = Headcount(
        meeting_id=meeting.id,
        group_km=group_km,
        group_en=group_en,
        female=women,
        male=men,
        side=Side(side),
        organisation_id=organisation_id,
    )
    session.add(headcount)
    return headcount.id


@service("headcount.update")
def update_headcount(session: Session, headcount_id: uuid.UUID, *, women: int, men: int) -> None:
    headcount = get(session, Headcount, headcount_id, _("headcount"))
    _meeting(session, headcount.meeting_id)
    headcount.female = count(women, "women", _("Women"))
    headcount.male = count(men, "men", _("Men"))
    if headcount.female + headcount.male == 0:
        raise ValidationError(_("A headcount needs at least one person."), field="women")


@service("headcount.remove")
def remove_headcount(session: Session, headcount_id: uuid.UUID) -> None:
    headcount = get(session, Headcount, headcount_id, _("headcount"))
    _meeting(session, headcount.meeting_id)
    session.delete(headcount)


@dataclass(frozen=True)
class AttendanceRow:
    id: uuid.UUID
    person_id: uuid.UUID
    name_km: str
    name_latin: str
    sex: Sex
    position: str
    organisation_name_km: str
    organisation_name_en: str
    role: AttendanceRole
    side: Side
    may_vote: bool
    status: AttendanceStatus
    absence_reason: str
    absence_reason_en: str
    phone: str
    position_en: str


def attendance_list(session: Session, meeting_id: uuid.UUID) -> list[AttendanceRow]:
    rows = session.execute(
        select(Attendance, Person, Organisation)
        .join(Person, Attendance.person_id == Person.id)
        .outerjoin(Organisation, Person.organisation_id == Organisation.id)
        .where(Attendance.meeting_id == meeting_id)
        .order_by(Attendance.side, Person.name_latin, Person.name_km)
    ).all()
    return [
        AttendanceRow(
            id=a.id,
            person_id=p.id,
            name_km=p.name_km,
            name_latin=p.name_latin,
            sex=p.sex,
            position=p.position,
            organisation_name_km=o.name_km if o else "",
            organisation_name_en=o.name_en if o else "",
            role=a.role,
            side=a.side,
            may_vote=a.may_vote,
            status=a.status,
            absence_reason=a.absence_reason,
            absence_reason_en=a.absence_reason_en,
            position_en=p.position_en,
            phone=p.phone,
        )
        for a, p, o in rows
    ]


@dataclass(frozen=True)
class HeadcountRow:
    id: uuid.UUID
    group_km: str
    group_en: str
    side: Side
    women: int
    men: int


def headcounts(session: Session, meeting_id: uuid.UUID) -> list[HeadcountRow]:
    return [
        HeadcountRow(h.id, h.group_km, h.group_en, h.side, h.female, h.male)
        for h in session.scalars(
            select(Headcount)
            .where(Headcount.meeting_id == meeting_id)
            .order_by(Headcount.created_at)
        )
    ]


def attendance_statistics_many(
    session: Session, meeting_ids: list[uuid.UUID]
) -> dict[uuid.UUID, AttendanceStats]:
    """Statistics for several meetings in two queries."""
    stats: dict[uuid.UUID, AttendanceStats] = {
        meeting_id: AttendanceStats() for meeting_id in meeting_ids
    }
    if not meeting_ids:
        return stats
    for chunk_start in range(0, len(meeting_ids), 500):
        chunk = meeting_ids[chunk_start : chunk_start + 500]
        named = session.execute(
            select(
                Attendance.meeting_id,
                Attendance.status,
                Attendance.side,
                Person.sex,
                Organisation.kind,
            )
            .join(Person, Attendance.person_id == Person.id)
            .outerjoin(Organisation, Person.organisation_id == Organisation.id)
            .where(Attendance.meeting_id.in_(chunk))
        ).all()
        for meeting_id, status, side, sex, kind in named:
            entry = stats[meeting_id]
            if status is not AttendanceStatus.PRESENT:
                entry.absent += status is AttendanceStatus.ABSENT
                continue
            entry.named += 1
            entry.all.add(sex)
            entry.by_side[side].add(sex)
            entry.by_organisation_kind[kind].add(sex)
        counted = session.execute(
            select(
                Headcount.meeting_id,
                Headcount.side,
                Headcount.female,
                Headcount.male,
                Organisation.kind,
            )
            .outerjoin(Organisation, Headcount.organisation_id == Organisation.id)
            .where(Headcount.meeting_id.in_(chunk))
        ).all()
        for meeting_id, side, female, male, kind in counted:
            entry = stats[meeting_id]
            entry.anonymous += female + male
            for sex, n in ((Sex.FEMALE, female), (Sex.MALE, male)):
                entry.all.add(sex, n)
                entry.by_side[side].add(sex, n)
                entry.by_organisation_kind[kind].add(sex, n)
    return stats


def attendance_statistics(session: Session, meeting_id: uuid.UUID) -> AttendanceStats:
    """Total, women, men, by side and by organisation kind, of those present."""
    get(session, Meeting, meeting_id, _("meeting"))
    return attendance_statistics_many(session, [meeting_id])[meeting_id]


def voters_present(session: Session, meeting_id: uuid.UUID) -> dict[Side, int]:
    """How many people may vote on each side: named voters present, and headcounts."""
    voters: dict[Side, int] = defaultdict(int)
    for side, n in session.execute(
        select(Attendance.side, Attendance.id).where(
            Attendance.meeting_id == meeting_id,
            Attendance.status == AttendanceStatus.PRESENT,
            Attendance.may_vote.is_(True),
        )
    ).all():
        del n
        voters[side] += 1
    for side, female, male in session.execute(
        select(Headcount.side, Headcount.female, Headcount.male).where(
            Headcount.meeting_id == meeting_id
        )
    ).all():
        voters[side] += female + male
    return dict(voters)
