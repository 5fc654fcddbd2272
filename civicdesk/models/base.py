"""The declarative base, shared column types and helpers for every database model."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Any

from sqlalchemy import Enum, MetaData, String, Text, TypeDecorator, Uuid, event
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

# Named constraints let Alembic's batch mode rebuild SQLite tables reliably.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """The current time, timezone-aware, in UTC."""
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp stored as naive UTC and always read back as an aware UTC datetime.

    SQLite keeps no time zone, so without this a value written aware would come back naive,
    and the audit log would see a change where there is none.
    """

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use civicdesk.models.base.utcnow()")
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def process_result_value(self, value: str | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)


def _enum_values(enum_class: type[enum.Enum]) -> list[str]:
    return [str(member.value) for member in enum_class]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        uuid.UUID: Uuid(),
        dt.datetime: UTCDateTime(),
        str: Text(),
        enum.Enum: Enum(enum.Enum, native_enum=False, length=40, values_callable=_enum_values),
    }


class IdMixin:
    """A UUID primary key, so records from several laptops merge without collisions.

    `row_version` counts the row's updates in this database: SQLAlchemy adds it to every UPDATE
    and DELETE, so a change made from a stale copy of the row is refused instead of silently
    overwriting another process's change. `sync_clock` is the row's version for exchange
    packages (see civicdesk.storage.sync): which laptops changed it, how often, and last when.
    """

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    row_version: Mapped[int] = mapped_column(default=1, server_default="1")
    sync_clock: Mapped[str] = mapped_column(default="", server_default="")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.row_version}  # type: ignore[attr-defined]


class CreatedMixin:
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


def new_id() -> uuid.UUID:
    return uuid.uuid4()


def column_values(obj: Any) -> dict[str, Any]:
    """The raw values of an object's mapped columns, keyed by column name."""
    mapper = obj.__mapper__
    return {
        column.name: getattr(obj, prop.key)
        for prop in mapper.column_attrs
        for column in prop.columns
    }


@event.listens_for(IdMixin, "init", propagate=True)
def _assign_id(target: Any, _args: Any, kwargs: dict[str, Any]) -> None:
    # Give a new record its id at once, so services can return it without flushing.
    if kwargs.get("id") is None:
        kwargs["id"] = uuid.uuid4()
