"""Versions of a record: what a package brings, what this database holds, what was set aside.

A version is a record's content (or its deletion) with the clock that says which changes it
has seen. Every version is read into the same shape, so the merge compares like with like.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Mapper

from civicdesk.exchange import codec
from civicdesk.exchange.codec import CodecError
from civicdesk.exchange.history import Chain, check_record
from civicdesk.exchange.package import RawPackage, refuse
from civicdesk.i18n import _
from civicdesk.models import Base, ExchangeConflict, Tombstone
from civicdesk.models.base import utcnow
from civicdesk.models.enums import JointListStatus, MeetingStatus
from civicdesk.storage.sync import Clock

DELETED = "deleted"
TOMBSTONES = Tombstone.__tablename__
#: (table, status) of the versions that lock their record.
SEALING_STATUSES = frozenset(
    {("meeting", MeetingStatus.SIGNED.value), ("joint_list", JointListStatus.ENDORSED.value)}
)


@dataclass(frozen=True)
class Version:
    """One version of one record. `values` is None for a deletion."""

    table: str
    record_id: uuid.UUID
    values: Mapping[str, Any] | None
    encoded: Mapping[str, Any] | None
    clock: Clock
    digest: str
    #: For a deletion: the tombstone's own values (its table, meeting, district, time).
    tombstone: Mapping[str, Any] | None = None

    @property
    def deleted(self) -> bool:
        return self.values is None

    @property
    def seals(self) -> bool:
        """Whether this version locks its record: a signed meeting, an endorsed joint list."""
        if self.encoded is None:
            return False
        status = self.encoded.get("status")
        return (self.table, status) in SEALING_STATUSES

    def sort_key(self) -> tuple[bool, str, str, str]:
        """Among versions made beside each other, a signed meeting (an endorsed list) wins over
        any other, then the one changed last (then, for a tie, the laptop id and the content's
        hash): the same choice whatever order they came in."""
        return (self.seals, *self.clock.sort_key(), self.digest)

    def same_as(self, other: Version) -> bool:
        return self.digest == other.digest and self.clock == other.clock


def mapper_of(table_name: str) -> Mapper[Any]:
    """The model mapped to the table."""
    for mapper in Base.registry.mappers:
        if getattr(mapper.local_table, "name", None) == table_name:
            return mapper
    raise KeyError(table_name)


def attribute_keys(mapper: Mapper[Any]) -> dict[str, str]:
    """Column name → attribute name."""
    keys: dict[str, str] = {}
    for prop in mapper.column_attrs:
        for column in prop.columns:
            keys[column.name] = prop.key
    return keys


def _clock(text: Any, table: str, record_id: str) -> Clock:
    try:
        return Clock.parse(text if isinstance(text, str) else None)
    except (ValueError, TypeError):
        raise refuse(
            _("the record {table} {id} has an unreadable version.").format(
                table=table, id=record_id
            )
        ) from None


def record_version(table: Table, values: Mapping[str, Any]) -> Version:
    """The version a row's values are (re-encoded, so that equal content has one digest)."""
    encoded = codec.encode_row(table, values)
    record_id = values["id"]
    clock = _clock(values.get("sync_clock"), table.name, str(record_id))
    return Version(
        table.name, record_id, dict(values), encoded, clock, codec.content_digest(table, encoded)
    )


def tombstone_version(values: Mapping[str, Any]) -> Version:
    clock = _clock(values.get("sync_clock"), TOMBSTONES, str(values["id"]))
    return Version(
        str(values["table_name"]), values["id"], None, None, clock, DELETED, dict(values)
    )


def object_values(obj: Any) -> dict[str, Any]:
    mapper = mapper_of(obj.__table__.name)
    return {name: getattr(obj, key) for name, key in attribute_keys(mapper).items()}


def local_version(obj: Any) -> Version:
    if isinstance(obj, Tombstone):
        return tombstone_version(object_values(obj))
    return record_version(obj.__table__, object_values(obj))


def conflict_version(conflict: ExchangeConflict) -> Version:
    """The version a conflict set aside (a deletion is kept as the tombstone it made)."""
    encoded = json.loads(conflict.other_values)
    table = codec_table(conflict.table_name)
    values = {c.name: codec.decode(c, encoded.get(c.name)) for c in codec.exchanged_columns(table)}
    values["sync_clock"] = conflict.other_clock
    if conflict.table_name == TOMBSTONES:
        return tombstone_version(values)
    return record_version(table, values)


def codec_table(name: str) -> Table:
    table = Base.metadata.tables.get(name)
    if table is None or table not in codec.exchanged_tables():
        raise KeyError(name)
    return table


def new_record(table: Table, version: Version) -> Any:
    """A new ORM object holding the version (not yet added to a session)."""
    mapper = mapper_of(table.name)
    keys = attribute_keys(mapper)
    assert version.values is not None
    values = {
        keys[column.name]: version.values[column.name]
        for column in codec.exchanged_columns(table)
        if column.name != "sync_clock"
    }
    return mapper.class_(**values, sync_clock=version.clock.dump())


def assign(obj: Any, table: Table, version: Version) -> None:
    """Make the stored record hold the version (only what differs is set)."""
    keys = attribute_keys(mapper_of(table.name))
    assert version.values is not None
    for column in codec.content_columns(table):
        if column.name == "id":
            continue
        value = version.values[column.name]
        if getattr(obj, keys[column.name]) != value:
            setattr(obj, keys[column.name], value)
    clock = version.clock.dump()
    if obj.sync_clock != clock:
        obj.sync_clock = clock


def tombstone_values(version: Version) -> dict[str, Any]:
    """The tombstone recording a deletion version."""
    values = dict(version.tombstone or {})
    values.setdefault("id", version.record_id)
    values.setdefault("table_name", version.table)
    values.setdefault("meeting_id", None)
    values.setdefault("district_code", None)
    values.setdefault("created_at", utcnow())
    values["sync_clock"] = version.clock.dump()
    return values


# --------------------------------------------------------------------------- the package


def _default(table: Table, column_name: str) -> Any:
    column = table.c[column_name]
    default = column.default
    if default is not None and default.is_scalar:
        return getattr(default, "arg", None)
    if column.server_default is not None and column.type.python_type is str:
        return ""
    if column.nullable:
        return None
    raise KeyError(column_name)


def _decode_rows(table: Table, columns: list[str], rows: list[list[Any]]) -> list[dict[str, Any]]:
    known = {c.name: c for c in codec.exchanged_columns(table)}
    unknown = [name for name in columns if name not in known]
    if unknown or "id" not in columns or "sync_clock" not in columns:
        raise refuse(
            _(
                "its table {table} has columns this version of CivicDesk does not know ({names})."
            ).format(table=table.name, names=", ".join(unknown) or "id, sync_clock")
        )
    missing = [name for name in known if name not in columns]
    decoded: list[dict[str, Any]] = []
    for row in rows:
        values: dict[str, Any] = {}
        record_id = str(row[columns.index("id")])
        for name, value in zip(columns, row, strict=True):
            try:
                values[name] = codec.decode(known[name], value)
            except CodecError as error:
                raise refuse(
                    _("the record {table} {id} has a wrong value in {column} ({reason}).").format(
                        table=table.name, id=record_id, column=name, reason=str(error)
                    )
                ) from None
        for name in missing:
            try:
                values[name] = _default(table, name)
            except KeyError:
                raise refuse(
                    _("the record {table} {id} has no {column}.").format(
                        table=table.name, id=record_id, column=name
                    )
                ) from None
        decoded.append(values)
    return decoded


def package_versions(package: RawPackage, chain: Chain) -> dict[str, list[Version]]:
    """Every record in the package as a version, in import order (table name → versions),
    each checked against the audit history it came with."""
    by_table: dict[str, list[Version]] = {}
    seen: set[uuid.UUID] = set()
    for table in codec.exchanged_tables():
        entry = package.tables.get(table.name)
        if entry is None:
            continue
        versions: list[Version] = []
        for values in _decode_rows(table, *entry):
            record_id = values["id"]
            if record_id in seen:
                raise refuse(_("the record {id} appears twice in it.").format(id=str(record_id)))
            seen.add(record_id)
            check_record(chain, table, str(record_id), values)
            if table.name == TOMBSTONES:
                version = tombstone_version(values)
                if version.table not in {t.name for t in codec.exchanged_tables()}:
                    raise refuse(
                        _("it deletes a record of an unknown table {table}.").format(
                            table=version.table
                        )
                    )
            else:
                version = record_version(table, values)
            versions.append(version)
        by_table[table.name] = versions
    unknown = sorted(set(package.tables) - {t.name for t in codec.exchanged_tables()})
    if unknown:
        raise refuse(
            _("it holds a table this version of CivicDesk does not know ({table}).").format(
                table=unknown[0]
            )
        )
    return by_table
