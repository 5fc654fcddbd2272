"""A district's joint list of adopted recommendations and its endorsements."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicdesk.models.base import Base, CreatedMixin, IdMixin
from civicdesk.models.enums import JointListStatus, Side
from civicdesk.models.recommendation import Recommendation, RecommendationRevision


class JointList(IdMixin, CreatedMixin, Base):
    __tablename__ = "joint_list"

    province_code: Mapped[str]
    district_code: Mapped[str] = mapped_column(index=True)
    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    title_km: Mapped[str] = mapped_column(default="")
    title_en: Mapped[str] = mapped_column(default="")
    status: Mapped[JointListStatus] = mapped_column(default=JointListStatus.DRAFT)
    endorsed_at: Mapped[dt.datetime | None] = mapped_column(default=None)

    items: Mapped[list[JointListItem]] = relationship(
        back_populates="joint_list", order_by="JointListItem.position"
    )
    endorsements: Mapped[list[Endorsement]] = relationship(
        back_populates="joint_list", order_by="Endorsement.created_at"
    )


class JointListItem(IdMixin, CreatedMixin, Base):
    """One recommendation on the list, pinned to the revision that was adopted."""

    __tablename__ = "joint_list_item"

    joint_list_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("joint_list.id"), index=True)
    position: Mapped[int]
    recommendation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("recommendation.id"))
    revision_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("recommendation_revision.id"))

    joint_list: Mapped[JointList] = relationship(back_populates="items")
    recommendation: Mapped[Recommendation] = relationship()
    revision: Mapped[RecommendationRevision] = relationship()


class Endorsement(IdMixin, CreatedMixin, Base):
    __tablename__ = "endorsement"

    joint_list_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("joint_list.id"), index=True)
    signatory_name: Mapped[str]
    #: The signatory's title as written (usually Khmer), and in English.
    title: Mapped[str] = mapped_column(default="")
    title_en: Mapped[str] = mapped_column(default="", server_default="")
    organisation_name: Mapped[str] = mapped_column(default="")
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisation.id"), default=None
    )
    side: Mapped[Side]
    signed_on: Mapped[dt.date]
    signature_png: Mapped[bytes | None] = mapped_column(LargeBinary, default=None)

    joint_list: Mapped[JointList] = relationship(back_populates="endorsements")
