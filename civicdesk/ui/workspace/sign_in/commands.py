"""The sign-in page's undoable edits, both ways through the services.

Each edit is a small object whose `do(session)` and `undo(session, result)` a ServiceCommand
calls. Undoing a removal puts the record back under a new id, and a command further down the
undo stack still holds the old one: `Renames` (one per page) says which id replaced which, and
every edit looks its record up through it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy.orm import Session

from civicdesk.i18n import _
from civicdesk.models.enums import AttendanceRole, AttendanceStatus, OrganisationKind, Sex, Side
from civicdesk.services import DomainError, attendance, people
from civicdesk.services.attendance import AttendanceRow, HeadcountRow
from civicdesk.ui.workspace.context import ServiceCommand, Topic


class Renames:
    """Which id a record has now, given an id it had before."""

    def __init__(self) -> None:
        self._new: dict[uuid.UUID, uuid.UUID] = {}

    def current(self, record_id: uuid.UUID) -> uuid.UUID:
        seen = {record_id}
        while record_id in self._new and self._new[record_id] not in seen:
            record_id = self._new[record_id]
            seen.add(record_id)
        return record_id

    def replace(self, old: uuid.UUID | None, new: uuid.UUID) -> None:
        if old is not None and old != new:
            self._new[self.current(old)] = new


def restore_attendance(session: Session, meeting_id: uuid.UUID, row: AttendanceRow) -> uuid.UUID:
    """Put a removed or changed attendance back as `row` recorded it; its new id."""
    if row.status is AttendanceStatus.PRESENT:
        attendance_id = attendance.sign_in(
            session, meeting_id, row.person_id, role=row.role, side=row.side, may_vote=row.may_vote
        )
    elif row.status is AttendanceStatus.INVITED:
        attendance_id = attendance.invite(
            session, meeting_id, row.person_id, role=row.role, side=row.side
        )
    else:
        attendance_id = attendance.mark_absent(
            session, meeting_id, row.person_id, row.absence_reason, row.absence_reason_en
        )
    attendance.update_attendance(
        session, attendance_id, role=row.role, side=row.side, may_vote=row.may_vote
    )
    return attendance_id


@dataclass(frozen=True)
class CheckIn:
    """How a person is signed in."""

    role: AttendanceRole
    side: Side
    may_vote: bool


@dataclass
class SignIn:
    """Sign a known person in. Undo takes them off the list again, or back to invited or
    absent if they were on it before."""

    renames: Renames
    meeting_id: uuid.UUID
    person_id: uuid.UUID
    check_in: CheckIn
    before: AttendanceRow | None = None
    attendance_id: uuid.UUID | None = None

    def do(self, session: Session) -> uuid.UUID:
        new = attendance.sign_in(
            session,
            self.meeting_id,
            self.person_id,
            role=self.check_in.role,
            side=self.check_in.side,
            may_vote=self.check_in.may_vote,
        )
        self.renames.replace(self.attendance_id, new)
        self.attendance_id = new
        return new

    def undo(self, session: Session, _result: object) -> None:
        if self.attendance_id is None:
            return
        attendance.remove_attendance(session, self.renames.current(self.attendance_id))
        if self.before is not None:
            restored = restore_attendance(session, self.meeting_id, self.before)
            self.renames.replace(self.before.id, restored)

    def command(self, name: str) -> ServiceCommand:
        return ServiceCommand(
            _("Sign in {name}").format(name=name), Topic.ATTENDANCE, self.do, self.undo
        )


@dataclass(frozen=True)
class NewOrganisation:
    name_km: str
    name_en: str
    kind: OrganisationKind


@dataclass(frozen=True)
class NewPerson:
    name_km: str
    name_latin: str
    sex: Sex
    position: str
    position_en: str
    phone: str
    #: A known organisation, or None (see `new_organisation`).
    organisation_id: uuid.UUID | None
    new_organisation: NewOrganisation | None = None


class FieldError(DomainError):
    """A refusal whose field is prefixed with the part of the form it belongs to."""


@dataclass
class AddPerson:
    """Add a person (and their new organisation) to the directory and sign them in, in one
    transaction. Undo takes them off the list; the person stays in the directory, and redo
    signs the same person in again."""

    renames: Renames
    meeting_id: uuid.UUID
    person: NewPerson
    check_in: CheckIn
    #: Set once the person exists (their sign-in has been committed with them).
    person_id: uuid.UUID | None = None
    attendance_id: uuid.UUID | None = None

    def do(self, session: Session) -> uuid.UUID:
        person_id = self.person_id or self._create_person(session)
        new = attendance.sign_in(
            session,
            self.meeting_id,
            person_id,
            role=self.check_in.role,
            side=self.check_in.side,
            may_vote=self.check_in.may_vote,
        )
        # Only now: a refusal above rolls the new person back with everything else.
        self.person_id = person_id
        self.renames.replace(self.attendance_id, new)
        self.attendance_id = new
        return new

    def undo(self, session: Session, _result: object) -> None:
        if self.attendance_id is not None:
            attendance.remove_attendance(session, self.renames.current(self.attendance_id))

    def _create_person(self, session: Session) -> uuid.UUID:
        organisation_id = self.person.organisation_id
        if self.person.new_organisation is not None:
            organisation_id = self._create_organisation(session, self.person.new_organisation)
        return people.create_person(
            session,
            name_km=self.person.name_km,
            name_latin=self.person.name_latin,
            sex=self.person.sex,
            position=self.person.position,
            position_en=self.person.position_en,
            organisation_id=organisation_id,
            phone=self.person.phone,
        )

    @staticmethod
    def _create_organisation(session: Session, organisation: NewOrganisation) -> uuid.UUID:
        try:
            return people.create_organisation(
                session,
                name_km=organisation.name_km,
                name_en=organisation.name_en,
                kind=organisation.kind,
            )
        except DomainError as error:
            # The person's fields have the same names: say which form part is at fault.
            raise FieldError(error.message, field=f"organisation.{error.field or ''}") from None

    def command(self) -> ServiceCommand:
        name = self.person.name_km or self.person.name_latin
        return ServiceCommand(
            _("Add and sign in {name}").format(name=name), Topic.ATTENDANCE, self.do, self.undo
        )


@dataclass
class RemoveAttendance:
    """Take someone off the list; undo puts them back as they were."""

    renames: Renames
    meeting_id: uuid.UUID
    row: AttendanceRow

    def do(self, session: Session) -> None:
        attendance.remove_attendance(session, self.renames.current(self.row.id))

    def undo(self, session: Session, _result: object) -> None:
        restored = restore_attendance(session, self.meeting_id, self.row)
        self.renames.replace(self.row.id, restored)

    def command(self, name: str) -> ServiceCommand:
        return ServiceCommand(
            _("Remove {name} from the list").format(name=name),
            Topic.ATTENDANCE,
            self.do,
            self.undo,
        )


@dataclass
class MarkAbsent:
    """Record that an invited person did not come, and why; undo restores what was before."""

    renames: Renames
    meeting_id: uuid.UUID
    row: AttendanceRow
    reason_km: str
    reason_en: str

    def do(self, session: Session) -> uuid.UUID:
        # The same row, changed in place (its id stays).
        return attendance.mark_absent(
            session, self.meeting_id, self.row.person_id, self.reason_km, self.reason_en
        )

    def undo(self, session: Session, _result: object) -> None:
        attendance.remove_attendance(session, self.renames.current(self.row.id))
        self.renames.replace(self.row.id, restore_attendance(session, self.meeting_id, self.row))

    def command(self, name: str) -> ServiceCommand:
        return ServiceCommand(
            _("Mark {name} absent").format(name=name), Topic.ATTENDANCE, self.do, self.undo
        )


@dataclass(frozen=True)
class HeadcountValues:
    group_km: str
    group_en: str
    side: Side
    women: int
    men: int


def _record_headcount(
    session: Session, meeting_id: uuid.UUID, values: HeadcountValues
) -> uuid.UUID:
    return attendance.record_headcount(
        session,
        meeting_id,
        group_km=values.group_km,
        group_en=values.group_en,
        side=values.side,
        women=values.women,
        men=values.men,
    )


@dataclass
class AddHeadcount:
    renames: Renames
    meeting_id: uuid.UUID
    values: HeadcountValues
    headcount_id: uuid.UUID | None = None

    def do(self, session: Session) -> uuid.UUID:
        new = _record_headcount(session, self.meeting_id, self.values)
        self.renames.replace(self.headcount_id, new)
        self.headcount_id = new
        return new

    def undo(self, session: Session, _result: object) -> None:
        if self.headcount_id is not None:
            attendance.remove_headcount(session, self.renames.current(self.headcount_id))

    def command(self) -> ServiceCommand:
        return ServiceCommand(_("Add a headcount"), Topic.ATTENDANCE, self.do, self.undo)


@dataclass
class ChangeHeadcount:
    """New numbers for a headcount's women and men."""

    renames: Renames
    row: HeadcountRow
    women: int
    men: int

    def do(self, session: Session) -> None:
        headcount_id = self.renames.current(self.row.id)
        attendance.update_headcount(session, headcount_id, women=self.women, men=self.men)

    def undo(self, session: Session, _result: object) -> None:
        headcount_id = self.renames.current(self.row.id)
        attendance.update_headcount(session, headcount_id, women=self.row.women, men=self.row.men)

    def command(self) -> ServiceCommand:
        return ServiceCommand(_("Change a headcount"), Topic.ATTENDANCE, self.do, self.undo)


@dataclass
class RemoveHeadcount:
    renames: Renames
    meeting_id: uuid.UUID
    row: HeadcountRow

    def do(self, session: Session) -> None:
        attendance.remove_headcount(session, self.renames.current(self.row.id))

    def undo(self, session: Session, _result: object) -> None:
        values = HeadcountValues(
            self.row.group_km, self.row.group_en, self.row.side, self.row.women, self.row.men
        )
        self.renames.replace(self.row.id, _record_headcount(session, self.meeting_id, values))

    def command(self) -> ServiceCommand:
        return ServiceCommand(_("Remove a headcount"), Topic.ATTENDANCE, self.do, self.undo)
