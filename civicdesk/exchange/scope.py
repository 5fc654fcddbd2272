"""Which records a package holds: every record of the chosen meetings, what belongs to those
records, and every record they refer to, so that the package can be imported on its own.

1. The meetings, and the records that name one of them (`meeting_id`; a recommendation by the
   meeting it was drafted in). For a district, also its organisations and their people.
2. What belongs to a chosen record: a recommendation's revisions, finding links and votes, a
   vote's ballots, an action's updates, a joint list's items, endorsements and documents, a
   priority round's candidates and marks.
3. Every record referred to by a chosen one (a person who attended, a meeting that a vote was
   taken in), repeated until nothing new is referred to.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Table, select

from civicdesk.exchange.codec import chunks, exchanged_tables

#: (child table, its column naming the record it belongs to).
CHILD_EDGES = (
    ("recommendation_revision", "recommendation_id"),
    ("recommendation_finding", "recommendation_id"),
    ("vote", "recommendation_id"),
    ("ballot", "vote_id"),
    ("action_update", "action_id"),
    ("joint_list_item", "joint_list_id"),
    ("endorsement", "joint_list_id"),
    ("document", "joint_list_id"),
    ("priority_candidate", "round_id"),
    ("priority_mark", "round_id"),
)
TOMBSTONES = "exchange_tombstone"

Row = dict[str, Any]


@dataclass
class Selection:
    """The chosen records: table name → record id → the row's values."""

    tables: dict[str, Table]
    rows: dict[str, dict[uuid.UUID, Row]] = field(default_factory=dict)

    def add(self, table: str, rows: Iterable[Row]) -> int:
        chosen = self.rows.setdefault(table, {})
        added = 0
        for row in rows:
            if row["id"] not in chosen:
                chosen[row["id"]] = row
                added += 1
        return added

    def ids(self, table: str) -> set[uuid.UUID]:
        return set(self.rows.get(table, {}))

    @property
    def count(self) -> int:
        return sum(len(rows) for rows in self.rows.values())


def _fetch(connection: Connection, table: Table, column: str, values: Iterable[Any]) -> list[Row]:
    rows: list[Row] = []
    for batch in chunks(sorted(set(values), key=str)):
        result = connection.execute(select(table).where(table.c[column].in_(batch)))
        rows.extend(dict(row) for row in result.mappings())
    return rows


def _by_meetings(selection: Selection, connection: Connection, meetings: set[uuid.UUID]) -> None:
    for name, table in selection.tables.items():
        if name == "meeting":
            selection.add(name, _fetch(connection, table, "id", meetings))
        elif name == "recommendation":
            selection.add(name, _fetch(connection, table, "origin_meeting_id", meetings))
        elif "meeting_id" in table.c:
            selection.add(name, _fetch(connection, table, "meeting_id", meetings))


def _by_district(selection: Selection, connection: Connection, district_code: str) -> None:
    for name in ("organisation", "recommendation", TOMBSTONES):
        table = selection.tables[name]
        selection.add(name, _fetch(connection, table, "district_code", [district_code]))
    people = selection.tables["person"]
    selection.add(
        "person", _fetch(connection, people, "organisation_id", selection.ids("organisation"))
    )


def _children(selection: Selection, connection: Connection) -> None:
    changed = True
    while changed:
        changed = False
        for child, column in CHILD_EDGES:
            table = selection.tables[child]
            parent = next(iter(table.c[column].foreign_keys)).column.table.name
            found = _fetch(connection, table, column, selection.ids(parent))
            changed = selection.add(child, found) > 0 or changed


def _parents(selection: Selection, connection: Connection) -> None:
    changed = True
    while changed:
        changed = False
        for name, table in selection.tables.items():
            for foreign_key in table.foreign_keys:
                target = foreign_key.column.table.name
                if target not in selection.tables:
                    continue
                wanted = {
                    row[foreign_key.parent.name]
                    for row in selection.rows.get(name, {}).values()
                    if row[foreign_key.parent.name] is not None
                } - selection.ids(target)
                if wanted:
                    found = _fetch(connection, selection.tables[target], "id", wanted)
                    changed = selection.add(target, found) > 0 or changed


def meetings_of_district(connection: Connection, district_code: str) -> set[uuid.UUID]:
    table = exchanged_table("meeting")
    rows = connection.execute(select(table.c.id).where(table.c.district_code == district_code))
    return {row[0] for row in rows}


def exchanged_table(name: str) -> Table:
    return next(table for table in exchanged_tables() if table.name == name)


def select_records(
    connection: Connection, meetings: set[uuid.UUID], district_code: str | None
) -> Selection:
    """The records a package of these meetings (or this district) holds."""
    selection = Selection({table.name: table for table in exchanged_tables()})
    _by_meetings(selection, connection, meetings)
    if district_code is not None:
        _by_district(selection, connection, district_code)
    _children(selection, connection)
    _parents(selection, connection)
    return selection
