"""Importing a package: every record merged by id, in one transaction.

For each record the package brings, the versions known here (the one in its table, and any
set aside by an earlier conflict) are compared with the package's by their clocks:

- a version this database has already seen, or an older one, changes nothing;
- a newer one replaces the one in the table (a deletion deletes it);
- one made beside the version here (both changed since they last met) is a conflict. The table
  holds one of them (a signed meeting or an endorsed list if one is, else the one changed
  last), the others are kept in `exchange_conflict` until a person chooses; a version that has
  seen a set-aside one settles its conflict.

The table and the conflicts hold exactly the newest versions seen (those no other version seen
has seen), so the result depends only on which versions the database has seen, never on the
order the packages came in. A record locked here (a signed meeting, an endorsed list and what
they record) is never changed: a newer version of it is only set aside. (That one exception to
order: a record of a meeting edited on one laptop while another signed the meeting stays as the
first package to reach the secretariat had it.) Records are written through the ORM, table by
table (parents first, children first when updating and deleting), so the audit log records them
as "package.import" events and the database's constraints check each one; anything refused
rolls the whole import back.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from civicdesk.exchange import codec
from civicdesk.exchange.history import History, record_head, verify_chain
from civicdesk.exchange.package import RawPackage, read_package, refuse
from civicdesk.exchange.versions import (
    TOMBSTONES,
    Version,
    assign,
    conflict_version,
    local_version,
    mapper_of,
    new_record,
    package_versions,
    tombstone_values,
)
from civicdesk.i18n import _, current_language, ngettext
from civicdesk.i18n.khmer import format_datetime, format_number
from civicdesk.models import ExchangeConflict, ExchangeImport, Tombstone
from civicdesk.models.base import utcnow
from civicdesk.services.base import service
from civicdesk.services.guard import is_locked
from civicdesk.services.places import district_name
from civicdesk.storage.sync import IMPORTING_KEY, Order, laptop_id

#: Conflict ids are made from the version set aside, so the same conflict gets the same id
#: whichever package brought it.
CONFLICT_NAMESPACE = uuid.UUID("6f6b2a4e-5d8c-4d3b-9a51-0c1f3e8a7b20")


@dataclass(frozen=True)
class ImportSummary:
    """What an import did. `conflicts` counts the conflicts it found (open until resolved)."""

    package_id: uuid.UUID
    laptop_id: uuid.UUID
    file_name: str
    added: int
    updated: int
    deleted: int
    unchanged: int
    conflicts: int
    superseded: int
    locked: int
    history: History
    history_note: str
    already_imported: bool
    #: What the package holds: its district (when exported by district) and meetings.
    district_code: str | None = None
    meetings: int = 0
    created_at: dt.datetime | None = None

    @property
    def flagged(self) -> bool:
        return self.history is History.FLAGGED

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.deleted or self.conflicts or self.superseded)

    def _contents_line(self, number: Callable[[int], str]) -> str:
        """What the package holds, so the person knows what they are about to bring in."""
        when = format_datetime(self.created_at, current_language()) if self.created_at else "?"
        if self.district_code:
            return ngettext(
                "District {district}: {count} meeting, exported {when}.",
                "District {district}: {count} meetings, exported {when}.",
                self.meetings,
            ).format(
                district=district_name(self.district_code, current_language()),
                count=number(self.meetings),
                when=when,
            )
        return ngettext(
            "{count} meeting, exported {when}.", "{count} meetings, exported {when}.", self.meetings
        ).format(count=number(self.meetings), when=when)

    def lines(self) -> list[str]:
        """The summary in the UI language (its digits too), a line each."""
        language = current_language()

        def number(count: int) -> str:
            return format_number(count, language)

        lines = [self._contents_line(number)] if self.meetings else []
        lines += [
            _("Records added: {count}").format(count=number(self.added)),
            _("Records updated: {count}").format(count=number(self.updated)),
            _("Records deleted: {count}").format(count=number(self.deleted)),
            _("Records unchanged: {count}").format(count=number(self.unchanged)),
            ngettext(
                "{count} conflict to resolve (changed here and there since the last exchange)",
                "{count} conflicts to resolve (changed here and there since the last exchange)",
                self.conflicts,
            ).format(count=number(self.conflicts)),
        ]
        if self.superseded:
            lines.append(
                _("Conflicts settled by newer versions: {count}").format(
                    count=number(self.superseded)
                )
            )
        if self.locked:
            lines.append(
                _("Newer versions of locked records set aside, not applied: {count}").format(
                    count=number(self.locked)
                )
            )
        if self.already_imported and not self.changed:
            lines.append(_("This package had already been imported: nothing changed."))
        if self.flagged:
            lines.append(_("WARNING: {note}").format(note=self.history_note))
        return lines


class _Outcome(Enum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"


@dataclass
class _Decision:
    outcome: _Outcome
    #: The version the record's table should hold (None: leave it as it is).
    target: Version | None = None
    set_aside: list[Version] = field(default_factory=list)
    settled: list[ExchangeConflict] = field(default_factory=list)
    locked: bool = False


@dataclass
class _Counts:
    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0
    conflicts: int = 0
    superseded: int = 0
    locked: int = 0


@dataclass
class _Plan:
    inserts: dict[str, list[Version]] = field(default_factory=lambda: defaultdict(list))
    updates: dict[str, list[tuple[Any, Version]]] = field(default_factory=lambda: defaultdict(list))
    deletes: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    tombstones: list[tuple[Tombstone | None, Version | None]] = field(default_factory=list)
    set_aside: list[Version] = field(default_factory=list)
    settled: list[ExchangeConflict] = field(default_factory=list)
    counts: _Counts = field(default_factory=_Counts)


# --------------------------------------------------------------------------- deciding


def _seen(incoming: Version, known: Sequence[Version]) -> bool:
    """Whether a version known here has seen everything the incoming one has."""
    for version in known:
        order = incoming.clock.compare(version.clock)
        if order is Order.OLDER or (order is Order.EQUAL and incoming.digest == version.digest):
            return True
    return False


def decide(
    local: Version | None,
    locked: bool,
    known: Sequence[tuple[ExchangeConflict, Version]],
    incoming: Version,
) -> _Decision:
    """What to do with one incoming version (a pure function of the versions involved)."""
    if _seen(incoming, ([local] if local else []) + [v for _c, v in known]):
        return _Decision(_Outcome.UNCHANGED)
    open_known = [(c, v) for c, v in known if not c.resolution]
    candidates = ([local] if local else []) + [v for _c, v in open_known]
    survivors = [v for v in candidates if incoming.clock.compare(v.clock) is not Order.NEWER]
    frontier = [*survivors, incoming]
    winner = max(frontier, key=Version.sort_key)
    kept_locked = False
    if local is not None and locked and winner is not local:
        winner = local
        kept_locked = True
    set_aside = [v for v in frontier if v is not winner]
    settled = [c for c, v in open_known if not any(v.same_as(s) for s in set_aside)]
    new_aside = [s for s in set_aside if not any(v.same_as(s) for _c, v in open_known)]
    target = None if winner is local else winner
    return _Decision(_Outcome.CHANGED, target, new_aside, settled, kept_locked)


# --------------------------------------------------------------------------- local state


@dataclass
class _LocalState:
    rows: dict[str, dict[uuid.UUID, Any]]
    tombstones: dict[uuid.UUID, Tombstone]
    conflicts: dict[uuid.UUID, list[ExchangeConflict]]

    @classmethod
    def load(cls, session: Session, incoming: Mapping[str, list[Version]]) -> _LocalState:
        ids: dict[str, set[uuid.UUID]] = defaultdict(set)
        for versions in incoming.values():
            for version in versions:
                ids[version.table].add(version.record_id)
        everything = {record_id for wanted in ids.values() for record_id in wanted}
        rows: dict[str, dict[uuid.UUID, Any]] = {}
        for table_name, wanted in ids.items():
            model = mapper_of(table_name).class_
            rows[table_name] = {}
            for batch in codec.chunks(sorted(wanted, key=str)):
                for obj in session.scalars(select(model).where(model.id.in_(batch))):
                    rows[table_name][obj.id] = obj
        tombstones: dict[uuid.UUID, Tombstone] = {}
        conflicts: dict[uuid.UUID, list[ExchangeConflict]] = defaultdict(list)
        for batch in codec.chunks(sorted(everything, key=str)):
            for tombstone in session.scalars(select(Tombstone).where(Tombstone.id.in_(batch))):
                tombstones[tombstone.id] = tombstone
            query = select(ExchangeConflict).where(ExchangeConflict.record_id.in_(batch))
            for conflict in session.scalars(query):
                conflicts[conflict.record_id].append(conflict)
        return cls(rows, tombstones, conflicts)


def _plan_one(session: Session, state: _LocalState, plan: _Plan, incoming: Version) -> None:
    row = state.rows.get(incoming.table, {}).get(incoming.record_id)
    tombstone = state.tombstones.get(incoming.record_id)
    local_obj: Any = row if row is not None else tombstone
    local = local_version(local_obj) if local_obj is not None else None
    known = [(c, conflict_version(c)) for c in state.conflicts.get(incoming.record_id, [])]
    decision = decide(local, False, known, incoming)
    # Whether the record is locked matters only if it would change (and costs look-ups).
    if decision.target is not None and row is not None and is_locked(session, row):
        decision = decide(local, True, known, incoming)
    counts = plan.counts
    if decision.outcome is _Outcome.UNCHANGED:
        counts.unchanged += 1
        return
    plan.set_aside.extend(decision.set_aside)
    plan.settled.extend(decision.settled)
    counts.conflicts += len(decision.set_aside)
    counts.superseded += len(decision.settled)
    counts.locked += int(decision.locked)
    target = decision.target
    if target is None:
        return
    if target.deleted:
        if row is not None:
            plan.deletes[incoming.table].append(row)
            counts.deleted += 1
        else:
            counts.added += 0 if tombstone is not None else 1
            counts.updated += 1 if tombstone is not None else 0
        plan.tombstones.append((tombstone, target))
        return
    if row is not None:
        plan.updates[incoming.table].append((row, target))
        counts.updated += 1
        return
    if tombstone is not None:
        plan.tombstones.append((tombstone, None))
    plan.inserts[incoming.table].append(target)
    counts.added += 1


def _plan(session: Session, incoming: Mapping[str, list[Version]]) -> _Plan:
    state = _LocalState.load(session, incoming)
    plan = _Plan()
    with session.no_autoflush:
        for versions in incoming.values():
            for version in versions:
                _plan_one(session, state, plan, version)
    return plan


# --------------------------------------------------------------------------- applying


def _in_dependency_order(table: Table, versions: list[Version]) -> list[Version]:
    """Rows that refer to rows of their own table (a re-vote to the vote it supersedes, a
    meeting to the one it follows) come after them."""
    columns = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    if not columns:
        return versions
    by_id = {v.record_id: v for v in versions}
    ordered: list[Version] = []
    placed: set[uuid.UUID] = set()
    for start in versions:
        stack = [start]
        while stack:
            version = stack[-1]
            if version.record_id in placed:
                stack.pop()
                continue
            assert version.values is not None
            waiting = [
                by_id[parent]
                for parent in (version.values.get(column) for column in columns)
                if parent in by_id and parent not in placed and by_id[parent] not in stack
            ]
            if waiting:
                stack.extend(waiting)
                continue
            placed.add(version.record_id)
            ordered.append(version)
            stack.pop()
    return ordered


def _apply_tombstones(session: Session, plan: _Plan) -> None:
    for existing, version in plan.tombstones:
        if version is None:
            if existing is not None:
                session.delete(existing)
            continue
        values = tombstone_values(version)
        if existing is None:
            session.add(Tombstone(**values))
            continue
        for key, value in values.items():
            if key != "id" and getattr(existing, key) != value:
                setattr(existing, key, value)


def _conflict_row(version: Version, now: Any) -> ExchangeConflict:
    if version.deleted:
        tombstone_table = codec.exchanged_tables()[-1]
        table_name = TOMBSTONES
        other = codec.canonical_json(codec.encode_row(tombstone_table, tombstone_values(version)))
    else:
        table_name = version.table
        other = codec.canonical_json(dict(version.encoded or {}))
    key = f"{version.record_id}/{version.digest}/{version.clock.dump()}"
    return ExchangeConflict(
        id=uuid.uuid5(CONFLICT_NAMESPACE, key),
        table_name=table_name,
        record_id=version.record_id,
        other_values=other,
        other_clock=version.clock.dump(),
        other_laptop=version.clock.by,
        detected_at=now,
    )


def _apply_conflicts(session: Session, plan: _Plan) -> None:
    now = utcnow()
    settled_ids = {c.id for c in plan.settled}
    for conflict in plan.settled:
        session.delete(conflict)
    for version in plan.set_aside:
        row = _conflict_row(version, now)
        if row.id in settled_ids or session.get(ExchangeConflict, row.id) is not None:
            continue
        session.add(row)


def _apply(session: Session, plan: _Plan) -> None:
    tables = [t for t in codec.exchanged_tables() if t.name != TOMBSTONES]
    for table in tables:
        versions = plan.inserts.get(table.name)
        if versions:
            session.add_all(new_record(table, v) for v in _in_dependency_order(table, versions))
            session.flush()
    # Children before parents: a meeting becomes signed (and its records locked) last.
    for table in reversed(tables):
        for obj, version in plan.updates.get(table.name, []):
            assign(obj, table, version)
        session.flush()
    for table in reversed(tables):
        for obj in plan.deletes.get(table.name, []):
            session.delete(obj)
        session.flush()
    _apply_tombstones(session, plan)
    _apply_conflicts(session, plan)
    session.flush()


# --------------------------------------------------------------------------- the service


def _already_imported(session: Session, package_id: uuid.UUID) -> bool:
    query = select(ExchangeImport.id).where(ExchangeImport.package_id == package_id).limit(1)
    return session.scalar(query) is not None


def _log(session: Session, package: RawPackage, summary: ImportSummary) -> None:
    manifest = package.manifest
    session.add(
        ExchangeImport(
            package_id=manifest.package_id,
            file_name=summary.file_name,
            laptop_id=manifest.laptop_id,
            head_seq=manifest.head_seq,
            head_hash=manifest.head_hash,
            package_created_at=manifest.created_at,
            added=summary.added,
            updated=summary.updated,
            deleted=summary.deleted,
            unchanged=summary.unchanged,
            conflicts=summary.conflicts,
            history=summary.history.value,
            history_note=summary.history_note,
        )
    )


def _merge(session: Session, package: RawPackage) -> ImportSummary:
    chain = verify_chain(package)
    incoming = package_versions(package, chain)
    plan = _plan(session, incoming)
    _apply(session, plan)
    manifest = package.manifest
    check = record_head(session, manifest.laptop_id, laptop_id(session), package, chain)
    counts = plan.counts
    summary = ImportSummary(
        package_id=manifest.package_id,
        laptop_id=manifest.laptop_id,
        file_name=package.path.name,
        added=counts.added,
        updated=counts.updated,
        deleted=counts.deleted,
        unchanged=counts.unchanged,
        conflicts=counts.conflicts,
        superseded=counts.superseded,
        locked=counts.locked,
        history=check.status,
        history_note=check.note,
        already_imported=_already_imported(session, manifest.package_id),
        district_code=manifest.district_code,
        meetings=len(manifest.meeting_ids),
        created_at=manifest.created_at,
    )
    advanced = check.status in (History.FIRST, History.EXTENDS)
    if summary.changed or advanced or not summary.already_imported:
        _log(session, package, summary)
    session.flush()
    return summary


@service("package.import")
def import_package(session: Session, path: Path | str) -> ImportSummary:
    """Merge the package at `path` into the database, in the caller's transaction.

    A package that is damaged, altered, made by a newer CivicDesk, or whose records do not fit
    this database is refused with a PackageError; the caller's transaction then rolls back and
    the database is exactly as it was.
    """
    package = read_package(Path(path))
    session.info[IMPORTING_KEY] = True
    try:
        return _merge(session, package)
    except IntegrityError as error:
        detail = str(error.orig).splitlines()[0] if error.orig is not None else ""
        raise refuse(
            _("one of its records does not fit this database ({detail}).").format(detail=detail)
        ) from error
    finally:
        session.info.pop(IMPORTING_KEY, None)


def preview_import(session: Session, path: Path | str) -> ImportSummary:
    """What `import_package` would do, without keeping any of it: for a summary to confirm
    before importing. Everything is written in a savepoint that is then rolled back."""
    savepoint = session.begin_nested()
    try:
        return import_package(session, path)
    finally:
        if savepoint.is_active:
            savepoint.rollback()
