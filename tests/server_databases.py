"""Running the storage, service and exchange tests against a PostgreSQL server.

Set CIVICDESK_TEST_DATABASE_URL to a database on a server where its user may create databases
(`scripts/postgres-test-server.sh start DIR` prints one); the `database` fixture then gives each
test a fresh database on that server instead of a SQLite file. Each is a copy of one migrated
template (CREATE DATABASE ... TEMPLATE is much faster than migrating), given an id of its own,
and dropped after the test.

Tests about the SQLite file itself (its pragmas, WAL, backups, tampering with the file, killing
a writer) are skipped there: they are in a module about the file, ask for a file fixture by
name, or are marked `sqlite_only`.
"""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url

from civicdesk.services import open_database
from civicdesk.storage.database import Database

ENVIRONMENT_VARIABLE = "CIVICDESK_TEST_DATABASE_URL"
#: A test that asks for one of these works on a SQLite file, and is skipped on a server.
SQLITE_FILE_FIXTURES = frozenset(
    {
        "db_path",
        "scenario",
        "copy_of_0001",
        "logical_dump",
        "file_digest",
        "sidecars",
        "verify_file",
        "migrated_template",
        "demo_database",
    }
)


#: Modules about the SQLite file as a whole (its connection settings, backups, tampering with
#: it, killing a writer): they run only on SQLite.
SQLITE_FILE_MODULES = frozenset(
    {
        "test_storage_connection.py",
        "test_storage_backup.py",
        "test_storage_audit_tamper.py",
        "test_storage_kill.py",
    }
)


def server_url() -> str | None:
    """The server the tests should use, or None for SQLite files."""
    return os.environ.get(ENVIRONMENT_VARIABLE) or None


def is_sqlite_only(item: pytest.Item) -> bool:
    if item.get_closest_marker("sqlite_only") is not None:
        return True
    if item.path.name in SQLITE_FILE_MODULES:
        return True
    direct = getattr(getattr(item, "_fixtureinfo", None), "argnames", ())
    return bool(SQLITE_FILE_FIXTURES.intersection(direct))


class ServerDatabases:
    """Fresh migrated databases on one server, made from a template and dropped after use."""

    def __init__(self, url: str) -> None:
        self.base = make_url(url)
        if self.base.get_backend_name() != "postgresql":
            raise pytest.UsageError(f"{ENVIRONMENT_VARIABLE} must be a PostgreSQL URL")
        self.admin: Engine = create_engine(
            self.base.set(database="postgres"), isolation_level="AUTOCOMMIT"
        )
        self.prefix = f"cdtest_{os.getpid()}"
        self.template = f"{self.prefix}_template"
        self.names = (f"{self.prefix}_{n}" for n in itertools.count(1))
        self._execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        self._execute(f'CREATE DATABASE "{self.template}"')
        template = open_database(self.url(self.template).render_as_string(hide_password=False))
        template.dispose()

    def url(self, name: str) -> URL:
        return self.base.set(database=name)

    def _execute(self, statement: str) -> None:
        with self.admin.connect() as connection:
            connection.execute(text(statement))

    def create(self) -> Database:
        """A new empty database at the newest schema, with a laptop id of its own."""
        name = next(self.names)
        self._execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}" STRATEGY FILE_COPY')
        # A copy of the migrated template: nothing to migrate, and checking takes a while.
        database = open_database(
            self.url(name).render_as_string(hide_password=False), migrate=False
        )
        with database.engine.begin() as connection:
            connection.execute(
                text("UPDATE exchange_identity SET laptop_id = :id"), {"id": uuid.uuid4()}
            )
        return database

    def drop(self, database: Database) -> None:
        name = make_url(database.url).database
        database.dispose()
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    @contextmanager
    def fresh(self) -> Iterator[Database]:
        database = self.create()
        try:
            yield database
        finally:
            self.drop(database)

    def close(self) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
        self.admin.dispose()
