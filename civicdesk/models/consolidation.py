"""Consolidated recommendations: what several districts said, made one at a provincial or
national workshop, with a link to every source.

The consolidated text, theme, status and revisions live in an ordinary
:class:`~civicdesk.models.recommendation.Recommendation` (province-level, no district), so a
priority round, a vote or an amendment at the workshop works on it like on any other
recommendation. :class:`ConsolidatedRecommendation` marks that recommendation as consolidated in
one workshop, and :class:`ConsolidatedSource` links it to each recommendation it brings together.
Both carry the workshop's ``meeting_id``, so they lock when its minutes are signed.
"""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicdesk.models.base import Base, CreatedMixin, IdMixin
from civicdesk.models.meeting import Meeting
from civicdesk.models.recommendation import Recommendation


class ConsolidatedRecommendation(IdMixin, CreatedMixin, Base):
    __tablename__ = "consolidated_recommendation"

    #: The recommendation that carries the consolidated text (one per consolidation).
    recommendation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("recommendation.id"), unique=True
    )
    #: The provincial or national workshop it was consolidated in (its level follows).
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)

    recommendation: Mapped[Recommendation] = relationship(foreign_keys=[recommendation_id])
    meeting: Mapped[Meeting] = relationship()
    sources: Mapped[list[ConsolidatedSource]] = relationship(
        back_populates="consolidated", order_by="ConsolidatedSource.position"
    )


class ConsolidatedSource(IdMixin, CreatedMixin, Base):
    """One recommendation brought into a consolidated one."""

    __tablename__ = "consolidated_source"
    __table_args__ = (UniqueConstraint("consolidated_id", "recommendation_id"),)

    consolidated_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("consolidated_recommendation.id"), index=True
    )
    recommendation_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("recommendation.id"), index=True
    )
    #: The meeting in which the link was made (it is locked with that meeting).
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"))
    position: Mapped[int]

    consolidated: Mapped[ConsolidatedRecommendation] = relationship(back_populates="sources")
    recommendation: Mapped[Recommendation] = relationship(foreign_keys=[recommendation_id])
