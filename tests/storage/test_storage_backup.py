"""Copies of a live database go through SQLite's online backup API, so the commits still in the
`-wal` file are in the copy, and the copy is a consistent database of its own."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from civicdesk.models import Person
from civicdesk.models.enums import OrganisationKind, Sex
from civicdesk.services import people
from civicdesk.storage.backup import backup_name, backup_sqlite, restore_sqlite
from civicdesk.storage.database import Database

NAMES = [f"Person {n:02d}" for n in range(20)]


def names_in(path: Path) -> list[str]:
    """The people in the file (none if it does not even have the table yet)."""
    connection = sqlite3.connect(str(path))
    try:
        if not _has_person_table(connection):
            return []
        rows = connection.execute("SELECT name_latin FROM person ORDER BY name_latin").fetchall()
        return [row[0] for row in rows]
    finally:
        connection.close()


def test_backup_holds_commits_that_are_only_in_the_wal(
    database: Database, tmp_path: Path, verify_file: Callable[[Path], Any]
) -> None:
    path = database.path
    assert path is not None
    with database.engine.connect():
        # One connection stays open for the whole test, so none checkpoints on close, and these
        # few commits are far below the automatic checkpoint (1000 pages): they stay in the
        # -wal file, as the plain copy below shows.
        with database.transaction("clerk") as session:
            cso = people.create_organisation(
                session, name_en="Women's Voice", kind=OrganisationKind.CSO
            )
        for name in NAMES:
            with database.transaction("clerk") as session:
                people.create_person(session, name_latin=name, sex=Sex.FEMALE, organisation_id=cso)

        wal = Path(f"{path}-wal")
        assert wal.exists() and wal.stat().st_size > 0
        # What copying the file would give: the main file alone does not have the rows yet.
        copied = tmp_path / "copied" / path.name
        copied.parent.mkdir()
        shutil.copyfile(path, copied)
        assert names_in(copied) == []

        # An open, uncommitted write on another connection does not stop the backup, and is
        # not in it.
        writer = sqlite3.connect(str(path), isolation_level=None)
        try:
            writer.execute("BEGIN IMMEDIATE")
            writer.execute(
                "UPDATE person SET name_latin = 'UNCOMMITTED' WHERE name_latin = ?", (NAMES[0],)
            )
            backup = backup_sqlite(path, tmp_path / "backups" / "copy.sqlite")
            writer.execute("ROLLBACK")
        finally:
            writer.close()

        assert backup == tmp_path / "backups" / "copy.sqlite"
        assert names_in(backup) == NAMES
        # Still in the WAL: the backup did not need a checkpoint to see them.
        assert wal.stat().st_size > 0

    check = sqlite3.connect(str(backup))
    try:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert check.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        check.close()
    report, _ = verify_file(backup)
    assert report.ok, report.problem
    assert report.events == len(NAMES) + 1


def _has_person_table(connection: sqlite3.Connection) -> bool:
    row = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'person'"
    ).fetchone()
    return row is not None


def test_backup_replaces_an_existing_destination(scenario: Any, tmp_path: Path) -> None:
    destination = tmp_path / "old-backup.sqlite"
    stale = sqlite3.connect(str(destination))
    stale.execute("CREATE TABLE stale (x)")
    stale.commit()
    stale.close()
    backup_sqlite(scenario.path, destination)
    connection = sqlite3.connect(str(destination))
    try:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    finally:
        connection.close()
    assert "stale" not in tables
    assert {"audit_event", "person"} <= tables
    assert len(names_in(destination)) == 4


def test_restore_puts_the_backup_back(
    database: Database, scenario: Any, tmp_path: Path, logical_dump: Callable[[Path], list[str]]
) -> None:
    path = scenario.path
    before = logical_dump(path)
    backup = backup_sqlite(path, tmp_path / "before.sqlite")
    with database.transaction("clerk") as session:
        people.create_person(session, name_latin="Added later", sex=Sex.MALE)
    database.dispose()
    assert logical_dump(path) != before
    restore_sqlite(backup, path)
    assert logical_dump(path) == before
    fresh = Database(database.url)
    try:
        with fresh.reading() as session:
            assert session.scalar(select(func.count()).select_from(Person)) == 4
    finally:
        fresh.dispose()


def test_backup_name_is_beside_the_file_and_says_why(tmp_path: Path) -> None:
    path = tmp_path / "civicdesk.sqlite"
    name = backup_name(path, "before-0002")
    assert name.parent == tmp_path
    assert re.fullmatch(r"civicdesk\.before-0002-\d{8}T\d{6}Z\.bak\.sqlite", name.name), name.name
