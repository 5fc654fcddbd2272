"""Create and upgrade the schema with Alembic, safely.

Before a SQLite file is upgraded it is copied through the backup API. The migrations of one
upgrade run in one transaction (SQLite's DDL is transactional), and if anything fails the copy
is put back, so the user's file is left exactly as it was.
"""

from __future__ import annotations

import logging
import sqlite3
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from civicdesk.storage.backup import backup_name, backup_sqlite, restore_sqlite
from civicdesk.storage.database import sqlite_path

log = logging.getLogger(__name__)


class StorageError(Exception):
    """A problem with the database file that a person has to act on. The message says what."""


class NewerDatabaseError(StorageError):
    pass


class MigrationError(StorageError):
    pass


def _script_location() -> str:
    return str(resources.files("civicdesk.storage") / "migrations")


def alembic_config(engine: Engine, script_location: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", script_location or _script_location())
    config.attributes["engine"] = engine
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(script_location: str | None = None) -> str:
    config = Config()
    config.set_main_option("script_location", script_location or _script_location())
    head = ScriptDirectory.from_config(config).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def pending(engine: Engine, script_location: str | None = None) -> bool:
    return current_revision(engine) != head_revision(script_location)


def _stored_revisions(engine: Engine) -> list[str]:
    """The revisions recorded in the database, read without changing anything in it.

    A SQLite file is read through a plain connection: the engine's own would first switch the
    file to WAL, and a database from a newer version must be left exactly as it was.
    """
    path = sqlite_path(str(engine.url))
    if path is None:
        current = current_revision(engine)
        return [] if current is None else [current]
    if not path.exists():
        return []
    connection = sqlite3.connect(str(path), timeout=30, isolation_level=None)
    try:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if has_table is None:
            return []
        rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        return [str(row[0]) for row in rows]
    finally:
        connection.close()


def check_not_newer(engine: Engine, script_location: str | None = None) -> None:
    stored = _stored_revisions(engine)
    if not stored:
        return
    config = Config()
    config.set_main_option("script_location", script_location or _script_location())
    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    unknown = [revision for revision in stored if revision not in known]
    if unknown:
        current = ", ".join(unknown)
        raise NewerDatabaseError(
            f"This database was made by a newer version of CivicDesk (schema {current}). "
            "Install the newer version to open it; it has not been changed."
        )


def _has_user_tables(engine: Engine) -> bool:
    names = set(inspect(engine).get_table_names()) - {"alembic_version"}
    return bool(names)


def upgrade(engine: Engine, script_location: str | None = None) -> Path | None:
    """Bring the schema to the newest revision. Returns the backup made, if any."""
    check_not_newer(engine, script_location)
    if not pending(engine, script_location):
        return None
    path = sqlite_path(str(engine.url))
    backup: Path | None = None
    if path is not None and path.exists() and _has_user_tables(engine):
        backup = backup_sqlite(path, backup_name(path, f"before-{head_revision(script_location)}"))
        log.info("backed up %s to %s before upgrading", path, backup)
    config = alembic_config(engine, script_location)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except Exception as error:
        log.exception("migration failed")
        engine.dispose()
        if backup is not None and path is not None:
            restore_sqlite(backup, path)
        raise MigrationError(
            "The database could not be upgraded and has been left as it was"
            + (f" (a copy is at {backup})" if backup else "")
            + f". Details: {error}"
        ) from error
    return backup
