"""Recommendations, their revisions, and the votes taken on them."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicdesk.models.base import Base, CreatedMixin, IdMixin
from civicdesk.models.enums import (
    BallotChoice,
    RecommendationStatus,
    ResponsibleLevel,
    Side,
    Theme,
    VoteMethod,
    VoteOutcome,
    VoteRule,
)
from civicdesk.models.meeting import Finding, Meeting
from civicdesk.models.people import Person


class Recommendation(IdMixin, CreatedMixin, Base):
    """A recommendation of one district. Its text lives in its revisions; none is overwritten."""

    __tablename__ = "recommendation"

    code: Mapped[str] = mapped_column(unique=True)
    province_code: Mapped[str] = mapped_column(index=True)
    district_code: Mapped[str | None] = mapped_column(default=None, index=True)
    position: Mapped[int] = mapped_column(default=0)
    theme: Mapped[Theme] = mapped_column(default=Theme.OTHER)
    responsible_level: Mapped[ResponsibleLevel] = mapped_column(default=ResponsibleLevel.DISTRICT)
    status: Mapped[RecommendationStatus] = mapped_column(default=RecommendationStatus.DRAFT)
    origin_meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    withdrawn_reason: Mapped[str] = mapped_column(default="")
    withdrawn_reason_en: Mapped[str] = mapped_column(default="", server_default="")

    origin_meeting: Mapped[Meeting] = relationship()
    revisions: Mapped[list[RecommendationRevision]] = relationship(
        back_populates="recommendation", order_by="RecommendationRevision.number"
    )
    finding_links: Mapped[list[RecommendationFinding]] = relationship(
        back_populates="recommendation"
    )

    @property
    def current(self) -> RecommendationRevision:
        return self.revisions[-1]


class RecommendationRevision(IdMixin, CreatedMixin, Base):
    __tablename__ = "recommendation_revision"
    __table_args__ = (UniqueConstraint("recommendation_id", "number"),)

    recommendation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("recommendation.id"), index=True
    )
    number: Mapped[int]
    text_km: Mapped[str] = mapped_column(default="")
    text_en: Mapped[str] = mapped_column(default="")
    author: Mapped[str] = mapped_column(default="")
    #: Why the text was amended, as said in the meeting (usually Khmer), and in English.
    reason: Mapped[str] = mapped_column(default="")
    reason_en: Mapped[str] = mapped_column(default="", server_default="")
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)

    recommendation: Mapped[Recommendation] = relationship(back_populates="revisions")


class RecommendationFinding(IdMixin, CreatedMixin, Base):
    """A recommendation answers a finding: the lineage from focus group to national priority."""

    __tablename__ = "recommendation_finding"
    __table_args__ = (UniqueConstraint("recommendation_id", "finding_id"),)

    recommendation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("recommendation.id"), index=True
    )
    finding_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("finding.id"), index=True)
    #: The meeting in which the link was made (it is locked with that meeting).
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"))

    recommendation: Mapped[Recommendation] = relationship(back_populates="finding_links")
    finding: Mapped[Finding] = relationship()


class Vote(IdMixin, CreatedMixin, Base):
    """One vote on one recommendation in one meeting. A re-vote is a new row that supersedes it."""

    __tablename__ = "vote"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    recommendation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("recommendation.id"), index=True
    )
    revision_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("recommendation_revision.id"))
    method: Mapped[VoteMethod]
    rule: Mapped[VoteRule]
    sna_yes: Mapped[int] = mapped_column(default=0)
    sna_no: Mapped[int] = mapped_column(default=0)
    sna_abstain: Mapped[int] = mapped_column(default=0)
    cso_yes: Mapped[int] = mapped_column(default=0)
    cso_no: Mapped[int] = mapped_column(default=0)
    cso_abstain: Mapped[int] = mapped_column(default=0)
    #: For consensus: the objection recorded, if any (one objection means no consensus).
    objection: Mapped[str] = mapped_column(default="")
    outcome: Mapped[VoteOutcome]
    supersedes_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("vote.id"), default=None)
    note: Mapped[str] = mapped_column(default="")

    recommendation: Mapped[Recommendation] = relationship()
    ballots: Mapped[list[Ballot]] = relationship(back_populates="vote")


class Ballot(IdMixin, CreatedMixin, Base):
    """A named ballot, for meetings that vote by name."""

    __tablename__ = "ballot"
    __table_args__ = (UniqueConstraint("vote_id", "person_id"),)

    vote_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("vote.id"), index=True)
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"))
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    side: Mapped[Side]
    choice: Mapped[BallotChoice]

    vote: Mapped[Vote] = relationship(back_populates="ballots")
    person: Mapped[Person] = relationship()
