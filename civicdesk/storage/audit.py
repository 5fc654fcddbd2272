"""The hash-chained audit log.

Every row that a flush inserts, updates or deletes is recorded as an event in the same
transaction, with the row's canonical JSON before and after. Each event's hash covers its content
and the previous event's hash. `verify` recomputes the chain and also compares every audited
table with the state the log says it should be in, so a row edited, inserted or deleted behind
the application's back (with any SQLite tool) is found, whether or not the log itself was touched.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, LargeBinary, Table, insert, select, update
from sqlalchemy.orm import Session, UOWTransaction, attributes, object_mapper
from sqlalchemy.orm.base import PassiveFlag
from sqlalchemy.orm.exc import UnmappedInstanceError

from civicdesk.models import AuditEvent, AuditHead, Base, ExchangeIdentity
from civicdesk.models.base import utcnow

GENESIS_HASH = "0" * 64
HEAD_ROW_ID = 1
#: Tables that are the log itself, or name the database it belongs to (written once, by the
#: migration that made it), and so are not logged.
UNAUDITED_TABLES = frozenset(
    {AuditEvent.__tablename__, AuditHead.__tablename__, ExchangeIdentity.__tablename__}
)

ACTION_KEY = "civicdesk_action"
ACTOR_KEY = "actor"


def audited_tables() -> list[Table]:
    return [t for name, t in Base.metadata.tables.items() if name not in UNAUDITED_TABLES]


def _json_value(value: Any, binary: bool) -> Any:
    if value is None:
        return None
    if binary or isinstance(value, bytes | bytearray | memoryview):
        # Images can be large: the log keeps their digest, which is enough to detect a change.
        return "sha256:" + hashlib.sha256(bytes(value)).hexdigest()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bool | int | float | str):
        return value
    return str(value)


def snapshot(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    """A row's canonical, JSON-ready form."""
    return {
        column.name: _json_value(values.get(column.name), isinstance(column.type, LargeBinary))
        for column in table.columns
    }


def canonical(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def entity_key(table: Table, values: dict[str, Any]) -> str:
    return "/".join(str(_json_value(values[c.name], False)) for c in table.primary_key.columns)


def event_hash(
    seq: int,
    event_id: str,
    at: str,
    actor: str,
    action: str,
    entity_type: str,
    entity_id: str,
    before: str,
    after: str,
    prev_hash: str,
) -> str:
    payload = canonical(
        [seq, event_id, at, actor, action, entity_type, entity_id, before, after, prev_hash]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- writing


def _object_values(obj: Any, committed: bool) -> dict[str, Any]:
    mapper = object_mapper(obj)
    values: dict[str, Any] = {}
    for prop in mapper.column_attrs:
        for column in prop.columns:
            if column.table is not mapper.local_table:
                continue
            current = getattr(obj, prop.key)
            if committed:
                history = attributes.get_history(obj, prop.key, passive=PassiveFlag.PASSIVE_OFF)
                if history.deleted:
                    current = history.deleted[0]
                elif history.unchanged:
                    current = history.unchanged[0]
            values[column.name] = current
    return values


@dataclass(frozen=True)
class _Change:
    table: Table
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def _table_of(obj: Any) -> Table | None:
    try:
        table = object_mapper(obj).local_table
    except UnmappedInstanceError:
        return None
    if not isinstance(table, Table) or table.name in UNAUDITED_TABLES:
        return None
    return table


def _changes(session: Session) -> list[_Change]:
    changes: list[_Change] = []
    for obj in session.new:
        table = _table_of(obj)
        if table is not None:
            values = _object_values(obj, committed=False)
            changes.append(_Change(table, entity_key(table, values), None, snapshot(table, values)))
    for obj in session.dirty:
        table = _table_of(obj)
        if table is None or not session.is_modified(obj, include_collections=False):
            continue
        before = snapshot(table, _object_values(obj, committed=True))
        after_values = _object_values(obj, committed=False)
        after = snapshot(table, after_values)
        if before != after:
            changes.append(_Change(table, entity_key(table, after_values), before, after))
    for obj in session.deleted:
        table = _table_of(obj)
        if table is not None:
            values = _object_values(obj, committed=True)
            changes.append(_Change(table, entity_key(table, values), snapshot(table, values), None))
    # A flush's objects come in no particular order; the log should not depend on it.
    changes.sort(key=lambda c: (c.table.name, c.entity_id))
    return changes


def _read_head(connection: Connection) -> tuple[int, str]:
    head = connection.execute(
        select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == HEAD_ROW_ID).with_for_update()
    ).one_or_none()
    if head is None:
        return 0, GENESIS_HASH
    return int(head.seq), str(head.hash)


def _record_changes(session: Session, _flush_context: UOWTransaction) -> None:
    changes = _changes(session)
    if not changes:
        return
    connection = session.connection()
    seq, prev_hash = _read_head(connection)
    actor = str(session.info.get(ACTOR_KEY, "") or "")
    action = str(session.info.get(ACTION_KEY, "") or "")
    at = utcnow()
    rows = []
    for change in changes:
        seq += 1
        event_id = str(uuid.uuid4())
        before = canonical(change.before)
        after = canonical(change.after)
        verb = "insert" if change.before is None else "delete" if change.after is None else "update"
        event_action = action or f"{change.table.name}.{verb}"
        digest = event_hash(
            seq,
            event_id,
            at.isoformat(),
            actor,
            event_action,
            change.table.name,
            change.entity_id,
            before,
            after,
            prev_hash,
        )
        rows.append(
            {
                "seq": seq,
                "id": uuid.UUID(event_id),
                "at": at,
                "actor": actor,
                "action": event_action,
                "entity_type": change.table.name,
                "entity_id": change.entity_id,
                "before": before,
                "after": after,
                "prev_hash": prev_hash,
                "hash": digest,
            }
        )
        prev_hash = digest
    connection.execute(insert(AuditEvent), rows)
    # The head row exists from the migration on (so that the first writers on a server queue on
    # its lock too); a database made before that gets it with its first event.
    moved = connection.execute(
        update(AuditHead).where(AuditHead.id == HEAD_ROW_ID).values(seq=seq, hash=prev_hash)
    )
    if moved.rowcount == 0:
        connection.execute(insert(AuditHead).values(id=HEAD_ROW_ID, seq=seq, hash=prev_hash))


def install(session_factory: Any) -> None:
    """Record every flush of sessions made by `session_factory` in the audit log."""
    from sqlalchemy import event

    if not event.contains(session_factory, "after_flush", _record_changes):
        event.listen(session_factory, "after_flush", _record_changes)


# --------------------------------------------------------------------------- reading


def head(session: Session) -> tuple[int, str]:
    """The number and hash of the newest event (0 and the genesis hash when there is none)."""
    return _read_head(session.connection())


@dataclass(frozen=True)
class AuditProblem:
    """The first place where the log and the data disagree."""

    seq: int | None
    entity_type: str
    entity_id: str
    reason: str

    def describe(self) -> str:
        where = f"event #{self.seq}" if self.seq is not None else "the data"
        return f"{where} ({self.entity_type} {self.entity_id}): {self.reason}"


@dataclass(frozen=True)
class AuditReport:
    events: int
    head_hash: str
    problem: AuditProblem | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def _events(connection: Connection) -> Iterator[Any]:
    table = AuditEvent.__table__
    result = connection.execute(select(table).order_by(table.c.seq)).yield_per(2000)
    yield from result


def _check_chain(connection: Connection, last_after: dict[tuple[str, str], str]) -> AuditReport:
    expected_seq = 1
    prev_hash = GENESIS_HASH
    count = 0
    for row in _events(connection):
        problem = None
        if row.seq != expected_seq:
            reason = (
                f"events #{expected_seq}–#{row.seq - 1} are missing"
                if row.seq > expected_seq
                else "its number is out of order"
            )
            problem = AuditProblem(row.seq, row.entity_type, row.entity_id, reason)
        elif row.prev_hash != prev_hash:
            problem = AuditProblem(
                row.seq,
                row.entity_type,
                row.entity_id,
                "it does not follow the event before it (an event was removed or inserted)",
            )
        else:
            recomputed = event_hash(
                row.seq,
                str(row.id),
                row.at.isoformat(),
                row.actor,
                row.action,
                row.entity_type,
                row.entity_id,
                row.before,
                row.after,
                row.prev_hash,
            )
            if recomputed != row.hash:
                problem = AuditProblem(
                    row.seq, row.entity_type, row.entity_id, "its content was changed"
                )
        if problem is not None:
            return AuditReport(count, prev_hash, problem)
        last_after[(row.entity_type, row.entity_id)] = row.after
        prev_hash = row.hash
        expected_seq += 1
        count += 1
    stored_seq, stored_hash = _read_head(connection)
    if (stored_seq, stored_hash) != (count, prev_hash if count else GENESIS_HASH):
        problem = AuditProblem(
            count or None,
            "audit_event",
            "",
            f"the log ends at event #{count} but its recorded head is event #{stored_seq}: "
            "the newest events were removed or the head was altered",
        )
        return AuditReport(count, prev_hash, problem)
    return AuditReport(count, prev_hash, None)


def _matches(logged: str, current: dict[str, Any]) -> bool:
    # A column added by a later migration is not in the events written before it; it is
    # compared from the first event that records it.
    recorded = json.loads(logged)
    return all(current.get(name) == value for name, value in recorded.items()) and all(
        name in current for name in recorded
    )


def _check_state(
    connection: Connection, last_after: dict[tuple[str, str], str]
) -> AuditProblem | None:
    for table in sorted(audited_tables(), key=lambda t: t.name):
        seen: set[str] = set()
        for row in connection.execute(select(table)).mappings():
            values = dict(row)
            key = entity_key(table, values)
            seen.add(key)
            logged = last_after.get((table.name, key))
            if logged is None or logged == "null":
                return AuditProblem(None, table.name, key, "this row was added outside CivicDesk")
            if not _matches(logged, snapshot(table, values)):
                return AuditProblem(None, table.name, key, "this row was changed outside CivicDesk")
        for (entity_type, key), after in last_after.items():
            if entity_type == table.name and after != "null" and key not in seen:
                return AuditProblem(None, table.name, key, "this row was deleted outside CivicDesk")
    return None


def verify(connection: Connection) -> AuditReport:
    """Recompute the chain, then compare every audited table with what the log says."""
    last_after: dict[tuple[str, str], str] = {}
    report = _check_chain(connection, last_after)
    if not report.ok:
        return report
    problem = _check_state(connection, last_after)
    return AuditReport(report.events, report.head_hash, problem)


__all__ = [
    "AuditProblem",
    "AuditReport",
    "head",
    "install",
    "snapshot",
    "verify",
]
