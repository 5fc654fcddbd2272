"""Organisations and the people who belong to them."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from civicdesk.models.base import Base, CreatedMixin, IdMixin
from civicdesk.models.enums import OrganisationKind, Sex, Side


class Organisation(IdMixin, CreatedMixin, Base):
    __tablename__ = "organisation"

    name_km: Mapped[str] = mapped_column(default="")
    name_en: Mapped[str] = mapped_column(default="")
    abbreviation: Mapped[str] = mapped_column(default="")
    kind: Mapped[OrganisationKind]
    side: Mapped[Side]
    #: The district an organisation works in, by gazetteer code, when it is local.
    district_code: Mapped[str | None] = mapped_column(default=None)

    people: Mapped[list[Person]] = relationship(back_populates="organisation")


class Person(IdMixin, CreatedMixin, Base):
    __tablename__ = "person"

    name_km: Mapped[str] = mapped_column(default="")
    name_latin: Mapped[str] = mapped_column(default="")
    sex: Mapped[Sex]
    #: The position as written on the sign-in sheet (usually Khmer); `position_en` is its
    #: English, for English documents, and may be empty.
    position: Mapped[str] = mapped_column(default="")
    position_en: Mapped[str] = mapped_column(default="", server_default="")
    organisation_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("organisation.id"), default=None, index=True
    )
    phone: Mapped[str] = mapped_column(default="")

    organisation: Mapped[Organisation | None] = relationship(back_populates="people")
