"""Priority rounds at provincial and national workshops: dots or ranks over recommendations."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicdesk.models.base import Base, CreatedMixin, IdMixin
from civicdesk.models.enums import PriorityMethod, PriorityRoundStatus
from civicdesk.models.recommendation import Recommendation


class PriorityRound(IdMixin, CreatedMixin, Base):
    __tablename__ = "priority_round"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    title_km: Mapped[str] = mapped_column(default="")
    title_en: Mapped[str] = mapped_column(default="")
    method: Mapped[PriorityMethod]
    #: Dots each participant may place (dot voting only).
    dots_per_participant: Mapped[int] = mapped_column(default=0)
    status: Mapped[PriorityRoundStatus] = mapped_column(default=PriorityRoundStatus.OPEN)

    candidates: Mapped[list[PriorityCandidate]] = relationship(
        back_populates="round", order_by="PriorityCandidate.position"
    )
    marks: Mapped[list[PriorityMark]] = relationship(back_populates="round")


class PriorityCandidate(IdMixin, CreatedMixin, Base):
    __tablename__ = "priority_candidate"
    __table_args__ = (UniqueConstraint("round_id", "recommendation_id"),)

    round_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("priority_round.id"), index=True)
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"))
    recommendation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("recommendation.id"))
    position: Mapped[int]

    round: Mapped[PriorityRound] = relationship(back_populates="candidates")
    recommendation: Mapped[Recommendation] = relationship()


class PriorityMark(IdMixin, CreatedMixin, Base):
    """One participant's dots on, or rank of, one candidate."""

    __tablename__ = "priority_mark"
    __table_args__ = (UniqueConstraint("round_id", "person_id", "recommendation_id"),)

    round_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("priority_round.id"), index=True)
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"))
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    recommendation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("recommendation.id"))
    #: Dots placed (dot voting) or the rank given, 1 being the highest (ranking).
    value: Mapped[int]

    round: Mapped[PriorityRound] = relationship(back_populates="marks")
