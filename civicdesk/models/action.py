"""The joint action plan: actions that implement recommendations, and their progress."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicdesk.models.base import Base, CreatedMixin, IdMixin
from civicdesk.models.enums import ActionStatus
from civicdesk.models.people import Organisation
from civicdesk.models.recommendation import Recommendation


class Action(IdMixin, CreatedMixin, Base):
    __tablename__ = "action"

    meeting_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meeting.id"), index=True)
    recommendation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("recommendation.id"), default=None, index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    description_km: Mapped[str] = mapped_column(default="")
    description_en: Mapped[str] = mapped_column(default="")
    responsible_office_km: Mapped[str] = mapped_column(default="")
    responsible_office_en: Mapped[str] = mapped_column(default="")
    cso_partner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisation.id"), default=None
    )
    start_date: Mapped[dt.date | None] = mapped_column(default=None)
    due_date: Mapped[dt.date | None] = mapped_column(default=None)
    resources_km: Mapped[str] = mapped_column(default="")
    resources_en: Mapped[str] = mapped_column(default="")
    indicator_km: Mapped[str] = mapped_column(default="")
    indicator_en: Mapped[str] = mapped_column(default="")
    #: The status planned at the meeting; the current one is that of the latest update.
    initial_status: Mapped[ActionStatus] = mapped_column(default=ActionStatus.NOT_STARTED)

    recommendation: Mapped[Recommendation | None] = relationship()
    cso_partner: Mapped[Organisation | None] = relationship()
    updates: Mapped[list[ActionUpdate]] = relationship(
        back_populates="action", order_by="(ActionUpdate.reported_on, ActionUpdate.created_at)"
    )

    @property
    def status(self) -> ActionStatus:
        return self.updates[-1].status if self.updates else self.initial_status

    @property
    def progress_percent(self) -> int:
        return self.updates[-1].progress_percent if self.updates else 0


class ActionUpdate(IdMixin, CreatedMixin, Base):
    """Progress reported on an action, at a follow-up meeting or between meetings."""

    __tablename__ = "action_update"

    action_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("action.id"), index=True)
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("meeting.id"), default=None)
    reported_on: Mapped[dt.date]
    status: Mapped[ActionStatus]
    progress_percent: Mapped[int] = mapped_column(default=0)
    note_km: Mapped[str] = mapped_column(default="")
    note_en: Mapped[str] = mapped_column(default="")

    action: Mapped[Action] = relationship(back_populates="updates")
