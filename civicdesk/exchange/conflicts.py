"""Conflicts left by imports: a record changed here and in a package since they last met.

The record's table holds one version, the one changed last; the conflict keeps the other. A
person compares them and keeps "mine" (the version in the table) or takes "theirs" (the one
set aside). Either way the record gets a new version that has seen both, so the choice travels
in the next package and the same conflict does not come back.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from civicdesk.exchange import codec
from civicdesk.exchange.versions import (
    Version,
    assign,
    codec_table,
    conflict_version,
    local_version,
    mapper_of,
    new_record,
    tombstone_values,
)
from civicdesk.i18n import _
from civicdesk.models import ExchangeConflict, Tombstone
from civicdesk.models.base import utcnow
from civicdesk.services.base import get, service
from civicdesk.services.errors import LockedError, StateError, ValidationError
from civicdesk.services.guard import is_locked
from civicdesk.storage.audit import ACTOR_KEY
from civicdesk.storage.sync import Clock, laptop_id, timestamp

Keep = Literal["mine", "theirs"]


@dataclass(frozen=True)
class ConflictView:
    """Both versions of a record in conflict. `mine` is the version in this database's table,
    `theirs` the one set aside; None stands for a deletion."""

    id: uuid.UUID
    table_name: str
    record_id: uuid.UUID
    mine: Mapping[str, Any] | None
    theirs: Mapping[str, Any] | None
    mine_changed_at: str
    mine_laptop: str
    theirs_changed_at: str
    theirs_laptop: str
    detected_at: dt.datetime
    resolution: str
    resolved_at: dt.datetime | None

    @property
    def differences(self) -> list[str]:
        """The columns whose values differ (all of them when one side deleted the record)."""
        if self.mine is None or self.theirs is None:
            return sorted(self.mine or self.theirs or {})
        names = set(self.mine) | set(self.theirs)
        return sorted(
            n
            for n in names
            if n not in codec.VERSION_COLUMNS and self.mine.get(n) != self.theirs.get(n)
        )


def _current(session: Session, table: str, record_id: uuid.UUID) -> tuple[Any, Tombstone | None]:
    row = session.get(mapper_of(table).class_, record_id)
    tombstone = session.get(Tombstone, record_id)
    return row, tombstone


def _view(session: Session, conflict: ExchangeConflict) -> ConflictView:
    theirs = conflict_version(conflict)
    row, tombstone = _current(session, theirs.table, conflict.record_id)
    mine: Version | None = None
    if row is not None or tombstone is not None:
        mine = local_version(row if row is not None else tombstone)
    return ConflictView(
        id=conflict.id,
        table_name=theirs.table,
        record_id=conflict.record_id,
        mine=dict(mine.encoded) if mine is not None and mine.encoded is not None else None,
        theirs=json.loads(conflict.other_values) if not theirs.deleted else None,
        mine_changed_at=mine.clock.at if mine else "",
        mine_laptop=mine.clock.by if mine else "",
        theirs_changed_at=theirs.clock.at,
        theirs_laptop=theirs.clock.by,
        detected_at=conflict.detected_at,
        resolution=conflict.resolution,
        resolved_at=conflict.resolved_at,
    )


def conflicts(session: Session, *, include_resolved: bool = False) -> list[ConflictView]:
    """The conflicts to resolve (and the resolved ones too, if asked), oldest first."""
    query = select(ExchangeConflict).order_by(
        ExchangeConflict.detected_at, ExchangeConflict.table_name, ExchangeConflict.record_id
    )
    if not include_resolved:
        query = query.where(ExchangeConflict.resolution == "")
    return [_view(session, conflict) for conflict in session.scalars(query)]


def _take_theirs(
    session: Session, theirs: Version, merged: Clock, row: Any, tombstone: Tombstone | None
) -> None:
    chosen = replace(theirs, clock=merged)
    table = codec_table(theirs.table)
    if chosen.deleted:
        values = tombstone_values(chosen)
        if row is not None:
            session.delete(row)
        if tombstone is None:
            session.add(Tombstone(**values))
        else:
            for key, value in values.items():
                if key != "id":
                    setattr(tombstone, key, value)
        return
    if row is not None:
        assign(row, table, chosen)
        return
    if tombstone is not None:
        session.delete(tombstone)
        session.flush()
    session.add(new_record(table, chosen))


@service("package.resolve_conflict")
def resolve_conflict(session: Session, conflict_id: uuid.UUID, keep: Keep) -> None:
    """Keep "mine" (the version in the table) or take "theirs" (the one set aside)."""
    if keep not in ("mine", "theirs"):
        raise ValidationError(_("Choose to keep mine or take theirs."), field="keep")
    conflict = get(session, ExchangeConflict, conflict_id, _("conflict"))
    if conflict.resolution:
        raise StateError(_("This conflict has already been resolved."))
    theirs = conflict_version(conflict)
    row, tombstone = _current(session, theirs.table, conflict.record_id)
    current = row if row is not None else tombstone
    mine = local_version(current) if current is not None else None
    if row is not None and is_locked(session, row):
        if keep == "theirs":
            raise LockedError(
                _(
                    "This record is locked here (a signed meeting or an endorsed joint list): "
                    "the other version cannot replace it. Keep this one."
                )
            )
    else:
        merged = (mine.clock.merge(theirs.clock) if mine else theirs.clock).bump(
            str(laptop_id(session)), timestamp(utcnow())
        )
        if keep == "theirs":
            _take_theirs(session, theirs, merged, row, tombstone)
        elif current is not None:
            current.sync_clock = merged.dump()
    conflict.resolution = keep
    conflict.resolved_at = utcnow()
    conflict.resolved_by = str(session.info.get(ACTOR_KEY, "") or "")
