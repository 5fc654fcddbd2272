"""Records as JSON: each column's value in a form that survives the trip, and back.

UUIDs and dates are strings, timestamps keep the storage format (UTC, microseconds), enums their
stored value, binary data (signature images) base64. Decoding checks the type of every value,
so a package cannot smuggle a string into a number column or an unknown enum value in.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import enum
import functools
import hashlib
import json
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Boolean, Column, Date, Enum, Integer, LargeBinary, Table, Time, Uuid

from civicdesk.models import Base, Tombstone
from civicdesk.models.base import UTCDateTime
from civicdesk.storage.sync import LOCAL_TABLES, timestamp

#: Columns that are this database's own bookkeeping: never exported, never compared.
LOCAL_COLUMNS = frozenset({"row_version"})
#: Columns that are the record's version rather than its content.
VERSION_COLUMNS = frozenset({"row_version", "sync_clock"})
_TIMESTAMP_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


class CodecError(ValueError):
    """A value that does not fit its column."""


@functools.cache
def exchanged_tables() -> tuple[Table, ...]:
    """The tables whose records travel in packages, parents before children, tombstones last."""
    tables = [
        table
        for table in Base.metadata.sorted_tables
        if "sync_clock" in table.c
        and table.name not in LOCAL_TABLES
        and table.name != Tombstone.__tablename__
    ]
    return (*tables, Base.metadata.tables[Tombstone.__tablename__])


@functools.cache
def exchanged_columns(table: Table) -> tuple[Column[Any], ...]:
    return tuple(column for column in table.columns if column.name not in LOCAL_COLUMNS)


@functools.cache
def content_columns(table: Table) -> tuple[Column[Any], ...]:
    return tuple(column for column in table.columns if column.name not in VERSION_COLUMNS)


# --------------------------------------------------------------------------- values


def encode(column: Column[Any], value: Any) -> Any:
    """The JSON form of a column value."""
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, LargeBinary):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(kind, UTCDateTime):
        return timestamp(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def _decode_enum(kind: Enum, value: Any) -> Any:
    if not isinstance(value, str):
        raise CodecError("not text")
    enum_class = kind.enum_class
    if enum_class is None:
        if value not in kind.enums:
            raise CodecError(f"unknown value {value!r}")
        return value
    try:
        return enum_class(value)
    except ValueError:
        raise CodecError(f"unknown value {value!r}") from None


def _decode_present(kind: Any, value: Any) -> Any:
    if isinstance(kind, LargeBinary):
        if not isinstance(value, str):
            raise CodecError("not base64 text")
        try:
            return base64.b64decode(value.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError):
            raise CodecError("not base64 text") from None
    if isinstance(kind, UTCDateTime):
        if not isinstance(value, str):
            raise CodecError("not a timestamp")
        return dt.datetime.strptime(value, _TIMESTAMP_FORMAT).replace(tzinfo=dt.UTC)
    if isinstance(kind, Uuid):
        if not isinstance(value, str):
            raise CodecError("not a UUID")
        return uuid.UUID(value)
    if isinstance(kind, Enum):
        return _decode_enum(kind, value)
    if isinstance(kind, Boolean):
        if not isinstance(value, bool):
            raise CodecError("not true or false")
        return value
    if isinstance(kind, Integer):
        if type(value) is not int:
            raise CodecError("not a whole number")
        return value
    if isinstance(kind, Date):
        if not isinstance(value, str):
            raise CodecError("not a date")
        return dt.date.fromisoformat(value)
    if isinstance(kind, Time):
        if not isinstance(value, str):
            raise CodecError("not a time")
        return dt.time.fromisoformat(value)
    if not isinstance(value, str):
        raise CodecError("not text")
    return value


def decode(column: Column[Any], value: Any) -> Any:
    """The column value of a JSON value, or CodecError."""
    if value is None:
        if not column.nullable:
            raise CodecError("missing")
        return None
    try:
        return _decode_present(column.type, value)
    except (ValueError, TypeError) as error:
        if isinstance(error, CodecError):
            raise
        raise CodecError(str(error)) from None


# --------------------------------------------------------------------------- records


def encode_row(table: Table, values: Mapping[str, Any]) -> dict[str, Any]:
    return {column.name: encode(column, values[column.name]) for column in exchanged_columns(table)}


def content_digest(table: Table, encoded: Mapping[str, Any]) -> str:
    """The SHA-256 of a record's content (its version left out), to compare two versions."""
    content = {column.name: encoded.get(column.name) for column in content_columns(table)}
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonical_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def chunks(items: Iterable[Any], size: int = 500) -> Iterable[list[Any]]:
    """`items` in lists of at most `size` (an IN clause has limits)."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
