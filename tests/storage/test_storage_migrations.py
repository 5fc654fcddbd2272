"""Schema upgrades: an old user's file is brought up to date without losing anything; a newer
file is refused untouched; a failed upgrade leaves the file as it was and says so."""

from __future__ import annotations

import json
import shutil
import sqlite3
import textwrap
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from civicdesk.services import meetings, open_database, people, recommendations, votes
from civicdesk.storage import migrate
from civicdesk.storage.database import Database, make_engine, sqlite_url
from civicdesk.storage.migrate import MigrationError, NewerDatabaseError

DATA = Path(__file__).resolve().parents[1] / "data"
FIXTURE_0001 = DATA / "civicdesk-0001.sqlite"
MANIFEST_0001 = DATA / "civicdesk-0001.json"

Dump = Callable[[Path], list[str]]


def revision_of(path: Path) -> str | None:
    connection = sqlite3.connect(str(path))
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    finally:
        connection.close()


def backups_beside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.stem}.*.bak{path.suffix}"))


def migrations_with(tmp_path: Path, name: str, upgrade_body: str) -> str:
    """A copy of the app's migrations with one more revision on top of the head."""
    folder = tmp_path / "migrations"
    shutil.copytree(
        migrate._script_location(), folder, ignore=shutil.ignore_patterns("__pycache__")
    )
    head = migrate.head_revision()
    body = textwrap.indent(textwrap.dedent(upgrade_body).strip(), "    ")
    (folder / "versions" / f"9999_{name}.py").write_text(
        f'"""{name} (test only)"""\n'
        "import sqlalchemy as sa\n"
        "from alembic import op\n\n"
        f'revision = "9999_{name}"\n'
        f'down_revision = "{head}"\n'
        "branch_labels = None\n"
        "depends_on = None\n\n\n"
        f"def upgrade() -> None:\n{body}\n\n\n"
        "def downgrade() -> None:\n    pass\n",
        encoding="utf-8",
    )
    return str(folder)


# --------------------------------------------------------------------------- the 0001 fixture


@pytest.fixture
def copy_of_0001(tmp_path: Path) -> Path:
    assert FIXTURE_0001.stat().st_size < 200_000
    for suffix in ("-wal", "-shm", "-journal"):
        assert not Path(f"{FIXTURE_0001}{suffix}").exists(), "commit the fixture without sidecars"
    target = tmp_path / "district" / "civicdesk-0001.sqlite"
    target.parent.mkdir()
    shutil.copyfile(FIXTURE_0001, target)
    return target


def test_the_fixture_is_a_0001_database() -> None:
    assert revision_of(FIXTURE_0001) == "0001"
    connection = sqlite3.connect(f"file:{FIXTURE_0001}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("SELECT count(*) FROM audit_event").fetchone()[0] > 0
    finally:
        connection.close()


def test_a_0001_database_opens_with_its_data_and_audit_chain(
    copy_of_0001: Path, logical_dump: Dump, verify_file: Callable[[Path], Any]
) -> None:
    manifest = json.loads(MANIFEST_0001.read_text(encoding="utf-8"))
    url = sqlite_url(copy_of_0001)
    original = logical_dump(copy_of_0001)
    engine = make_engine(url)
    try:
        was_pending = migrate.pending(engine)
    finally:
        engine.dispose()
    assert was_pending == (migrate.head_revision() != "0001")

    database = open_database(url)
    try:
        with database.reading() as session:
            for person_id, name in manifest["people"].items():
                assert people.get_person(session, uuid.UUID(person_id)).name_latin == name
            summary = meetings.get_meeting_summary(session, uuid.UUID(manifest["meeting"]))
            assert summary.title_en == manifest["meeting_title_en"]
            assert summary.attendance.all.women == 1
            assert summary.attendance.all.men == 1
            recommendation = uuid.UUID(manifest["recommendation"])
            history = recommendations.revisions(session, recommendation)
            assert {str(r.id): r.text_en for r in history} == manifest["revisions"]
            assert [r.number for r in history] == [1, 2]
            row = recommendations.get_recommendation(session, recommendation)
            assert row.text_en == "Publish the district budget at every commune hall"
            assert row.status.value == "adopted"
            [vote] = votes.votes(session, meeting_id=uuid.UUID(manifest["meeting"]))
            assert str(vote.id) == manifest["vote"]
            assert str(vote.revision_id) in manifest["revisions"]
            assert (vote.tally.sna.yes, vote.tally.civil_society.yes) == (1, 1)
    finally:
        database.dispose()

    assert revision_of(copy_of_0001) == migrate.head_revision()
    report, check = verify_file(copy_of_0001)
    assert report.ok, report.problem
    assert check.ok, check.message
    # The migrations write no audit events of their own (yet): the chain is the fixture's.
    assert report.events >= manifest["audit_events"]
    if report.events == manifest["audit_events"]:
        assert report.head_hash == manifest["audit_head"]

    backups = backups_beside(copy_of_0001)
    if was_pending:
        # Active once a second migration exists: the file was copied before it was upgraded,
        # and the copy is the untouched 0001 database.
        assert len(backups) == 1, backups
        assert f"before-{migrate.head_revision()}" in backups[0].name
        assert revision_of(backups[0]) == "0001"
        assert logical_dump(backups[0]) == original
    else:
        # 0001 is the head: opening it is a no-op, with no backup and no change to the data.
        assert backups == []
        assert logical_dump(copy_of_0001) == original


def test_upgrading_an_up_to_date_database_does_nothing(
    database: Database, logical_dump: Dump
) -> None:
    path = database.path
    assert path is not None
    before = logical_dump(path)
    assert not migrate.pending(database.engine)
    assert migrate.upgrade(database.engine) is None
    database.dispose()
    assert logical_dump(path) == before
    assert backups_beside(path) == []


def test_a_new_database_is_created_at_the_head_without_a_backup(db_path: Path) -> None:
    database = open_database(sqlite_url(db_path))
    database.dispose()
    assert revision_of(db_path) == migrate.head_revision()
    assert backups_beside(db_path) == []


def test_an_upgrade_backs_up_the_file_first(
    scenario: Any, tmp_path: Path, logical_dump: Dump, verify_file: Callable[[Path], Any]
) -> None:
    """Whatever the app's own migrations are, an extra revision on top shows the backup."""
    path = scenario.path
    before = logical_dump(path)
    script_location = migrations_with(
        tmp_path,
        "add_note",
        """
        op.create_table("test_note", sa.Column("id", sa.Integer, primary_key=True))
        op.execute("INSERT INTO test_note (id) VALUES (1)")
        """,
    )
    engine = make_engine(sqlite_url(path))
    try:
        backup = migrate.upgrade(engine, script_location)
    finally:
        engine.dispose()
    assert backup is not None
    assert backup.parent == path.parent
    assert backup.name.startswith(f"{path.stem}.before-9999_add_note-")
    assert backups_beside(path) == [backup]
    assert logical_dump(backup) == before
    assert revision_of(path) == "9999_add_note"
    connection = sqlite3.connect(str(path))
    try:
        assert connection.execute("SELECT id FROM test_note").fetchall() == [(1,)]
    finally:
        connection.close()
    report, _check = verify_file(path)
    assert report.ok, report.problem


# --------------------------------------------------------------------------- a newer database


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_a_newer_database_is_refused_and_left_untouched(
    journal_mode: str,
    scenario: Any,
    file_digest: Callable[[Path], str],
    sidecars: Callable[[Path], list[Path]],
) -> None:
    path = scenario.path
    connection = sqlite3.connect(str(path), isolation_level=None)
    try:
        connection.execute("UPDATE alembic_version SET version_num = 'f00dcafe9999'")
        connection.execute(f"PRAGMA journal_mode={journal_mode}")
    finally:
        connection.close()
    assert sidecars(path) == []
    digest = file_digest(path)
    listing = sorted(p.name for p in path.parent.iterdir())

    with pytest.raises(NewerDatabaseError) as refused:
        open_database(sqlite_url(path))
    message = str(refused.value)
    assert "newer version of CivicDesk" in message
    assert "f00dcafe9999" in message
    assert "has not been changed" in message

    assert file_digest(path) == digest, "the newer database was modified"
    assert sorted(p.name for p in path.parent.iterdir()) == listing
    assert revision_of(path) == "f00dcafe9999"


def test_check_not_newer_accepts_known_and_empty_databases(db_path: Path) -> None:
    engine = make_engine(sqlite_url(db_path))
    try:
        migrate.check_not_newer(engine)  # no schema at all yet
    finally:
        engine.dispose()
    database = open_database(sqlite_url(db_path))
    try:
        migrate.check_not_newer(database.engine)
    finally:
        database.dispose()


# --------------------------------------------------------------------------- a failed migration

BROKEN_MIGRATIONS = {
    # Creates a table and changes data, then fails: the transaction is rolled back.
    "sql_error": """
        op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
        op.execute("UPDATE person SET name_latin = 'CHANGED BY A BROKEN MIGRATION'")
        op.execute("DELETE FROM audit_event WHERE seq > 3")
        op.execute("SELECT no_such_column FROM no_such_table")
        """,
    # Commits part of its work behind the transaction's back before failing (as a migration
    # that has to run outside a transaction could): only the backup can put the file back.
    "partial_commit": """
        bind = op.get_bind()
        bind.exec_driver_sql("COMMIT")
        bind.exec_driver_sql("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
        bind.exec_driver_sql("UPDATE person SET name_latin = 'CHANGED BY A BROKEN MIGRATION'")
        bind.exec_driver_sql("DELETE FROM audit_event WHERE seq > 3")
        bind.exec_driver_sql("SELECT no_such_column FROM no_such_table")
        """,
}


@pytest.mark.parametrize("kind", sorted(BROKEN_MIGRATIONS))
def test_a_failed_migration_leaves_the_file_as_it_was(
    kind: str,
    scenario: Any,
    tmp_path: Path,
    logical_dump: Dump,
    verify_file: Callable[[Path], Any],
) -> None:
    path = scenario.path
    before = logical_dump(path)
    head = migrate.head_revision()
    script_location = migrations_with(tmp_path, "broken", BROKEN_MIGRATIONS[kind])

    engine = make_engine(sqlite_url(path))
    try:
        with pytest.raises(MigrationError) as failed:
            migrate.upgrade(engine, script_location)
    finally:
        engine.dispose()

    message = str(failed.value)
    assert "could not be upgraded" in message
    assert "left as it was" in message
    assert "no_such_table" in message  # the details a helper needs
    [backup] = backups_beside(path)
    assert str(backup) in message

    after = logical_dump(path)
    assert after == before
    assert not any("half_done" in line for line in after)
    assert revision_of(path) == head
    report, check = verify_file(path)
    assert report.ok, report.problem
    assert report.events == scenario.events
    assert check.ok

    # The file still opens normally with the app's own migrations.
    database = open_database(sqlite_url(path))
    database.dispose()
