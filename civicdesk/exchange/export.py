"""Writing a package: the records of some meetings, or of a district, with their history."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from civicdesk import __version__
from civicdesk.exchange import codec
from civicdesk.exchange.errors import PackageError
from civicdesk.exchange.history import Chain, check_record
from civicdesk.exchange.package import (
    EVENTS_NAME,
    FORMAT,
    FORMAT_VERSION,
    RECORDS_FOLDER,
    dumps,
    write_package,
)
from civicdesk.exchange.scope import Selection, meetings_of_district, select_records
from civicdesk.i18n import _
from civicdesk.models import AuditEvent, AuditHead, Meeting
from civicdesk.models.base import utcnow
from civicdesk.services.errors import NotFoundError, StateError, ValidationError
from civicdesk.storage import audit
from civicdesk.storage.sync import laptop_id, timestamp

#: Attempts to read a consistent state while others write (a server in READ COMMITTED).
ATTEMPTS = 3


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    package_id: uuid.UUID
    laptop_id: uuid.UUID
    meetings: int
    records: int
    per_table: Mapping[str, int]
    head_seq: int
    head_hash: str


def _meetings(connection: Connection, scope: Sequence[uuid.UUID] | str) -> set[uuid.UUID]:
    if isinstance(scope, str):
        code = scope.strip()
        found = meetings_of_district(connection, code)
        if not found:
            raise NotFoundError(
                _("District {code} has no meetings to export.").format(code=code),
                field="district_code",
            )
        return found
    wanted = {m if isinstance(m, uuid.UUID) else uuid.UUID(str(m)) for m in scope}
    if not wanted:
        raise ValidationError(_("Choose the meetings to export."), field="meeting_ids")
    table = Meeting.__table__
    found = {row[0] for row in connection.execute(select(table.c.id).where(table.c.id.in_(wanted)))}
    missing = sorted(str(m) for m in wanted - found)
    if missing:
        raise NotFoundError(_("No meeting has the id {id}.").format(id=missing[0]))
    return wanted


def _head(connection: Connection) -> tuple[int, str]:
    # Read without FOR UPDATE: exporting must not hold up the people writing.
    row = connection.execute(
        select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == audit.HEAD_ROW_ID)
    ).one_or_none()
    return (0, audit.GENESIS_HASH) if row is None else (int(row.seq), str(row.hash))


def _events(
    connection: Connection, wanted: set[tuple[str, str]], head_seq: int
) -> Iterator[dict[str, Any]]:
    table = AuditEvent.__table__
    query = select(table).where(table.c.seq <= head_seq).order_by(table.c.seq)
    for row in connection.execute(query).yield_per(2000):
        event: dict[str, Any] = {"seq": row.seq, "prev_hash": row.prev_hash, "hash": row.hash}
        if (row.entity_type, row.entity_id) in wanted:
            event.update(
                id=str(row.id),
                at=row.at.isoformat(),
                actor=row.actor,
                action=row.action,
                entity_type=row.entity_type,
                entity_id=row.entity_id,
                before=row.before,
                after=row.after,
            )
        yield event


def _consistent(selection: Selection, events: list[dict[str, Any]]) -> bool:
    """Whether every chosen record is what the events read say (a record changed after the
    head was read would make the package refused on import)."""
    last_after = {(e["entity_type"], e["entity_id"]): e["after"] for e in events if "after" in e}
    chain = Chain(b"", last_after)
    try:
        for name, rows in selection.rows.items():
            table = selection.tables[name]
            for record_id, values in rows.items():
                check_record(chain, table, str(record_id), values)
    except PackageError:
        return False
    return True


def _read(
    connection: Connection, meetings: set[uuid.UUID], district: str | None
) -> tuple[Selection, int, str, list[dict[str, Any]]]:
    for _attempt in range(ATTEMPTS):
        head_seq, head_hash = _head(connection)
        selection = select_records(connection, meetings, district)
        wanted = {(name, str(i)) for name, rows in selection.rows.items() for i in rows}
        events = list(_events(connection, wanted, head_seq))
        if _consistent(selection, events):
            return selection, head_seq, head_hash, events
    raise StateError(
        _(
            "The records do not match the audit log, so no package was written. If others are "
            "working, try again; otherwise run “civicdesk audit verify”."
        )
    )


def _table_entry(selection: Selection, name: str) -> bytes:
    table = selection.tables[name]
    columns = codec.exchanged_columns(table)
    rows = [
        [codec.encode(column, values[column.name]) for column in columns]
        for _id, values in sorted(selection.rows[name].items(), key=lambda item: str(item[0]))
    ]
    return dumps({"table": name, "columns": [c.name for c in columns], "rows": rows})


def export_package(
    session: Session, scope: Sequence[uuid.UUID] | str, path: Path | str
) -> ExportSummary:
    """Write the records of the meetings (a list of ids) or of a district (its code) to `path`.

    Nothing in the database changes. The file appears complete or not at all.
    """
    connection = session.connection()
    meetings = _meetings(connection, scope)
    district = scope.strip() if isinstance(scope, str) else None
    selection, head_seq, head_hash, events = _read(connection, meetings, district)
    entries = {
        f"{RECORDS_FOLDER}{name}.json": _table_entry(selection, name)
        for name in selection.tables
        if selection.rows.get(name)
    }
    entries[EVENTS_NAME] = dumps({"events": events})
    package_id = uuid.uuid4()
    source = laptop_id(session)
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "schema_revision": MigrationContext.configure(connection).get_current_revision() or "",
        "package_id": str(package_id),
        "laptop_id": str(source),
        "created_at": timestamp(utcnow()),
        "scope": {"meetings": sorted(str(m) for m in meetings), "district_code": district},
        "audit_head": {"seq": head_seq, "hash": head_hash},
    }
    target = Path(path)
    write_package(target, manifest, entries)
    return ExportSummary(
        path=target,
        package_id=package_id,
        laptop_id=source,
        meetings=len(meetings),
        records=selection.count,
        per_table={name: len(rows) for name, rows in selection.rows.items() if rows},
        head_seq=head_seq,
        head_hash=head_hash,
    )
