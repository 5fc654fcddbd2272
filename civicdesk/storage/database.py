"""Where the database is, and how every connection to it is set up."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "CivicDesk"
DATABASE_FILENAME = "civicdesk.sqlite"
BUSY_TIMEOUT_MS = 10_000
WRITE_KEY = "civicdesk_write"


def data_dir() -> Path:
    """The user's data folder (CIVICDESK_DATA_DIR overrides it, for tests and portable use)."""
    override = os.environ.get("CIVICDESK_DATA_DIR")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def resolve_url(db_path: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL to use: `--db PATH`, else CIVICDESK_DATABASE_URL, else CIVICDESK_DB,
    else the default file in the user's data folder."""
    if db_path is not None:
        return sqlite_url(Path(db_path))
    url = os.environ.get("CIVICDESK_DATABASE_URL")
    if url:
        return url
    env_path = os.environ.get("CIVICDESK_DB")
    if env_path:
        return sqlite_url(Path(env_path))
    return sqlite_url(data_dir() / DATABASE_FILENAME)


def sqlite_url(path: Path) -> str:
    # The URL parser decodes %XX and stops at "?": escape those two, keep the rest readable.
    database = str(path.expanduser().absolute()).replace("%", "%25").replace("?", "%3F")
    return f"sqlite:///{database}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for another database or an in-memory one."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _configure_sqlite_connection(dbapi_connection: Any, _connection_record: Any) -> None:
    # Works on Python 3.11 (no `autocommit` attribute) and 3.12+ alike: take the driver's own
    # transaction handling away, so that SQLAlchemy's BEGIN is the one that counts and PRAGMAs
    # are not run inside an implicit transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        mode = cursor.execute("PRAGMA journal_mode=WAL").fetchone()
        if mode and str(mode[0]).lower() not in ("wal", "memory"):
            raise sqlite3.OperationalError(f"could not switch the database to WAL (got {mode[0]})")
        # With WAL, NORMAL can lose the last commits on power loss; FULL does not.
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def _begin_sqlite_transaction(connection: Any) -> None:
    # A writing transaction takes the write lock at the start (IMMEDIATE), so two writers queue
    # on busy_timeout instead of one failing half-way with "database is locked". Everything
    # else (reads, inspection, migrations' checks) begins deferred and takes no lock.
    if connection.info.get(WRITE_KEY):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def make_engine(url: str) -> Engine:
    """An engine for the URL, with CivicDesk's connection settings applied to every connection."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_path(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _configure_sqlite_connection)
        event.listen(engine, "begin", _begin_sqlite_transaction)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Database:
    """An engine and its session factory. One session, one transaction, per user action."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def path(self) -> Path | None:
        return sqlite_path(self.url)

    @contextmanager
    def transaction(self, actor: str = "") -> Iterator[Session]:
        """A session in one transaction: committed when the block ends, rolled back on error."""
        with self.engine.connect() as connection:
            connection.info[WRITE_KEY] = True
            try:
                with self.session_factory(bind=connection) as session:
                    session.info["actor"] = actor
                    with session.begin():
                        yield session
            finally:
                connection.info.pop(WRITE_KEY, None)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reading only; whatever it might change is rolled back."""
        with self.session_factory() as session:
            try:
                yield session
            finally:
                session.rollback()

    def dispose(self) -> None:
        self.engine.dispose()
