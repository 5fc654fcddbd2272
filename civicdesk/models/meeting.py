"""Meetings and what happens in them: attendance, headcounts, agenda and findings."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicdesk.models.base import Base, CreatedMixin, IdMixin
from civicdesk.models.enums import (
    AttendanceRole,
    AttendanceStatus,
    MeetingKind,
    MeetingStatus,
    Side,
    Theme,
    VoteRule,
)
from civicdesk.models.people import Organisation, Person


class Meeting(IdMixin, CreatedMixin, Base):
    __tablename__ = "meeting"

    kind: Mapped[MeetingKind]
    title_km: Mapped[str] = mapped_column(default="")
    title_en: Mapped[str] = mapped_column(default="")
    meeting_date: Mapped[dt.date] = mapped_column(index=True)
    start_time: Mapped[dt.time | None] = mapped_column(default=None)
    end_time: Mapped[dt.time | None] = mapped_column(default=None)
    venue_km: Mapped[str] = mapped_column(default="")
    venue_en: Mapped[str] = mapped_column(default="")
    # The place by official code, with the names kept beside it: the MEF and NCDD lists number
    # a few units differently, so a code alone can be misread years later.
    province_code: Mapped[str] = mapped_column(index=True)
    district_code: Mapped[str | None] = mapped_column(default=None, index=True)
    commune_code: Mapped[str | None] = mapped_column(default=None)
    place_name_km: Mapped[str] = mapped_column(default="")
    place_name_en: Mapped[str] = mapped_column(default="")
    facilitator_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"), default=None)
    clerk_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"), default=None)
    status: Mapped[MeetingStatus] = mapped_column(default=MeetingStatus.PLANNED, index=True)
    vote_rule: Mapped[VoteRule] = mapped_column(default=VoteRule.JOINT_ADOPTION)
    follows_from_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("meeting.id"), default=None
    )
    opened_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    closed_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    signed_at: Mapped[dt.datetime | None] = mapped_column(default=None)

    facilitator: Mapped[Person | None] = relationship(foreign_keys=[facilitator_id])
    clerk: Mapped[Person | None] = relationship(foreign_keys=[clerk_id])
    follows_from: Mapped[Meeting | None] = relationship(remote_side="Meeting.id")
    attendances: Mapped[list[Attendance]] = relationship(back_populates="meeting")
    headcounts: Mapped[list[Headcount]] = relationship(back_populates="meeting")
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position"
    )
    findings: Mapped[list[Finding]] = relationship(
        back_populates="meeting", order_by="Finding.position"
    )

    @property
    def is_locked(self) -> bool:
        return self.status is MeetingStatus.SIGNED


class Attendance(IdMixin, CreatedMixin, Base):
    """One person's part in one meeting: invited, present or absent, in a role, on a side."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    role: Mapped[AttendanceRole] = mapped_column(default=AttendanceRole.PARTICIPANT)
    side: Mapped[Side]
    may_vote: Mapped[bool] = mapped_column(default=True)
    status: Mapped[AttendanceStatus] = mapped_column(default=AttendanceStatus.PRESENT)
    absence_reason: Mapped[str] = mapped_column(default="")
    absence_reason_en: Mapped[str] = mapped_column(default="", server_default="")
    checked_in_at: Mapped[dt.datetime | None] = mapped_column(default=None)

    meeting: Mapped[Meeting] = relationship(back_populates="attendances")
    person: Mapped[Person] = relationship()


class Headcount(IdMixin, CreatedMixin, Base):
    """Anonymous participants counted by sex, for people who do not want their names recorded."""

    __tablename__ = "headcount"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    group_km: Mapped[str] = mapped_column(default="")
    group_en: Mapped[str] = mapped_column(default="")
    side: Mapped[Side] = mapped_column(default=Side.CIVIL_SOCIETY)
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisation.id"), default=None
    )
    female: Mapped[int] = mapped_column(default=0)
    male: Mapped[int] = mapped_column(default=0)

    meeting: Mapped[Meeting] = relationship(back_populates="headcounts")
    organisation: Mapped[Organisation | None] = relationship()


class AgendaItem(IdMixin, CreatedMixin, Base):
    __tablename__ = "agenda_item"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    position: Mapped[int]
    title_km: Mapped[str] = mapped_column(default="")
    title_en: Mapped[str] = mapped_column(default="")
    planned_minutes: Mapped[int] = mapped_column(default=0)
    started_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    ended_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    notes_km: Mapped[str] = mapped_column(default="")
    notes_en: Mapped[str] = mapped_column(default="")

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")


class Finding(IdMixin, CreatedMixin, Base):
    """A view or problem raised in a focus group, with the group that raised it."""

    __tablename__ = "finding"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    position: Mapped[int]
    text_km: Mapped[str] = mapped_column(default="")
    text_en: Mapped[str] = mapped_column(default="")
    raised_by_km: Mapped[str] = mapped_column(default="")
    raised_by_en: Mapped[str] = mapped_column(default="")
    theme: Mapped[Theme] = mapped_column(default=Theme.OTHER)

    meeting: Mapped[Meeting] = relationship(back_populates="findings")
