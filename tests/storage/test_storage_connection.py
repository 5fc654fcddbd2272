"""How every connection is set up (DESIGN §5), and where the database is."""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, delete, select
from sqlalchemy.exc import IntegrityError

from civicdesk.models import Organisation, Person
from civicdesk.models.enums import OrganisationKind, Sex
from civicdesk.services import open_database, people
from civicdesk.storage import database as storage
from civicdesk.storage.database import BUSY_TIMEOUT_MS, Database, resolve_url, sqlite_url

SYNCHRONOUS_FULL = 2


def connection_settings(connection: Connection) -> dict[str, Any]:
    # Straight on the driver's connection: through SQLAlchemy the first statement would begin
    # a writing transaction (BEGIN IMMEDIATE) and the three connections below would queue.
    raw = connection.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)

    def pragma(name: str) -> Any:
        return raw.execute(f"PRAGMA {name}").fetchone()[0]

    return {
        "foreign_keys": pragma("foreign_keys"),
        "journal_mode": str(pragma("journal_mode")).lower(),
        "synchronous": pragma("synchronous"),
        "busy_timeout": pragma("busy_timeout"),
    }


EXPECTED = {
    "foreign_keys": 1,
    "journal_mode": "wal",
    "synchronous": SYNCHRONOUS_FULL,
    "busy_timeout": BUSY_TIMEOUT_MS,
}


def test_busy_timeout_is_long_enough_to_queue_writers() -> None:
    assert BUSY_TIMEOUT_MS >= 1000


def test_every_new_connection_is_set_up(database: Database) -> None:
    engine = database.engine
    connections = [engine.connect() for _ in range(3)]
    try:
        dbapi = {id(c.connection.dbapi_connection) for c in connections}
        assert len(dbapi) == 3, "expected three distinct SQLite connections from the pool"
        for connection in connections:
            assert connection_settings(connection) == EXPECTED
    finally:
        for connection in connections:
            connection.close()
    # Connections made after the pool was emptied are set up too.
    engine.dispose()
    with engine.connect() as connection:
        assert connection_settings(connection) == EXPECTED
    with database.transaction() as session:
        assert connection_settings(session.connection()) == EXPECTED
    with database.reading() as session:
        assert connection_settings(session.connection()) == EXPECTED


def test_a_fresh_file_is_switched_to_wal(db_path: Path) -> None:
    database = Database(sqlite_url(db_path))
    try:
        with database.engine.connect() as connection:
            assert connection_settings(connection) == EXPECTED
    finally:
        database.dispose()
    # WAL is a property of the file: a plain connection sees it too.
    plain = sqlite3.connect(str(db_path))
    try:
        assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        plain.close()


class _Python311Connection:
    """A sqlite3 connection as Python 3.11 has it: reading `autocommit` raises AttributeError
    (the listener in SQLAlchemy's SQLite docs does, and fails there)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        object.__setattr__(self, "_connection", connection)

    def __getattr__(self, name: str) -> Any:
        if name == "autocommit":
            raise AttributeError("'sqlite3.Connection' object has no attribute 'autocommit'")
        return getattr(self._connection, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "autocommit":
            raise AttributeError("'sqlite3.Connection' object has no attribute 'autocommit'")
        setattr(self._connection, name, value)


def test_connection_setup_does_not_need_the_autocommit_attribute(tmp_path: Path) -> None:
    raw = sqlite3.connect(str(tmp_path / "py311.sqlite"))
    try:
        storage._configure_sqlite_connection(_Python311Connection(raw), None)
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA synchronous").fetchone()[0] == SYNCHRONOUS_FULL
        assert raw.execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS
        # The driver's own implicit transactions are off, so SQLAlchemy's BEGIN is the one.
        assert raw.isolation_level is None
    finally:
        raw.close()


def test_a_row_pointing_at_nothing_is_refused(database: Database) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):  # noqa: SIM117
        with database.transaction() as session:
            session.add(Person(name_latin="Nobody", sex=Sex.MALE, organisation_id=uuid.uuid4()))
    with database.reading() as session:
        assert session.scalars(select(Person)).all() == []


def test_deleting_a_row_that_others_point_at_is_refused(database: Database, seed: Any) -> None:
    with pytest.raises(IntegrityError, match="FOREIGN KEY"):  # noqa: SIM117
        with database.transaction() as session:
            session.execute(delete(Organisation).where(Organisation.id == seed.cso))
    with database.reading() as session:
        assert session.get(Organisation, seed.cso) is not None
    database.dispose()
    # The same statement through a plain connection (foreign keys off, SQLite's default) is
    # accepted: the refusal above is the connection setting's doing.
    plain = sqlite3.connect(str(database.path))
    try:
        plain.execute("DELETE FROM organisation WHERE id = ?", (seed.cso.hex,))
        assert plain.execute("SELECT changes()").fetchone()[0] == 1
        plain.rollback()
    finally:
        plain.close()


def test_a_writer_waits_for_the_lock_instead_of_failing(database: Database) -> None:
    with database.transaction() as session:  # create the schema's file state first
        session.execute(select(1))
    holder = sqlite3.connect(str(database.path), isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    released = threading.Event()

    def release() -> None:
        time.sleep(0.5)
        holder.execute("COMMIT")
        released.set()

    thread = threading.Thread(target=release)
    started = time.monotonic()
    thread.start()
    try:
        with database.transaction() as session:
            people.create_organisation(session, name_en="Queued", kind=OrganisationKind.CSO)
        waited = time.monotonic() - started
    finally:
        thread.join()
        holder.close()
    assert released.is_set()
    assert waited >= 0.4, "the write should have waited for the other writer's lock"
    with database.reading() as session:
        assert [o.name_en for o in session.scalars(select(Organisation))] == ["Queued"]


# --------------------------------------------------------------------------- where the file is


def test_default_is_the_file_in_the_data_folder(data_dir: Path) -> None:
    assert resolve_url() == sqlite_url(data_dir / "civicdesk.sqlite")
    assert storage.data_dir() == data_dir


def test_civicdesk_db_beats_the_default(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CIVICDESK_DB", str(tmp_path / "from-env.sqlite"))
    assert resolve_url() == sqlite_url(tmp_path / "from-env.sqlite")


def test_database_url_beats_civicdesk_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CIVICDESK_DB", str(tmp_path / "from-env.sqlite"))
    monkeypatch.setenv("CIVICDESK_DATABASE_URL", "postgresql://civicdesk@server/civicdesk")
    assert resolve_url() == "postgresql://civicdesk@server/civicdesk"


def test_db_option_beats_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CIVICDESK_DB", str(tmp_path / "from-env.sqlite"))
    monkeypatch.setenv("CIVICDESK_DATABASE_URL", "postgresql://civicdesk@server/civicdesk")
    assert resolve_url(tmp_path / "option.sqlite") == sqlite_url(tmp_path / "option.sqlite")
    assert resolve_url(str(tmp_path / "option.sqlite")) == sqlite_url(tmp_path / "option.sqlite")


def test_empty_environment_variables_are_ignored(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CIVICDESK_DATABASE_URL", "")
    monkeypatch.setenv("CIVICDESK_DB", "")
    assert resolve_url() == sqlite_url(data_dir / "civicdesk.sqlite")


def test_relative_and_home_paths_become_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert storage.sqlite_path(resolve_url("relative.sqlite")) == tmp_path / "relative.sqlite"
    assert storage.sqlite_path(resolve_url("~/civic.sqlite")) == tmp_path / "home/civic.sqlite"


def test_sqlite_path_only_for_sqlite_files() -> None:
    assert storage.sqlite_path("sqlite:////srv/civicdesk.sqlite") == Path("/srv/civicdesk.sqlite")
    assert storage.sqlite_path("sqlite://") is None
    assert storage.sqlite_path("sqlite:///:memory:") is None
    assert storage.sqlite_path("postgresql://civicdesk@server/civicdesk") is None


@pytest.mark.parametrize("setting", ["default", "CIVICDESK_DB", "option"])
def test_open_database_creates_the_file_where_resolved(
    setting: str, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = data_dir / "civicdesk.sqlite"
    chosen = {
        "default": default,
        "CIVICDESK_DB": tmp_path / "env" / "civicdesk.sqlite",
        "option": tmp_path / "option" / "civicdesk.sqlite",
    }[setting]
    if setting != "default":
        monkeypatch.setenv("CIVICDESK_DB", str(tmp_path / "env" / "civicdesk.sqlite"))
    url = resolve_url(chosen) if setting == "option" else None
    database = open_database(url)
    try:
        assert database.path == chosen
        with database.transaction() as session:
            people.create_organisation(session, name_en="Here", kind=OrganisationKind.CSO)
    finally:
        database.dispose()
    assert chosen.exists()
    others = {default, tmp_path / "env" / "civicdesk.sqlite", tmp_path / "option/civicdesk.sqlite"}
    for other in others - {chosen}:
        assert not other.exists(), f"{other} should not have been created"


@pytest.mark.parametrize(
    "folder", ["សុខ ចាន់ធី", "with space", "100%25 sure", "what?", "hash#1", "pct%41"]
)
def test_any_folder_name_round_trips(folder: str, tmp_path: Path) -> None:
    path = tmp_path / folder / "civicdesk.sqlite"
    url = resolve_url(path)
    assert storage.sqlite_path(url) == path
    database = open_database(url)
    try:
        with database.transaction() as session:
            people.create_organisation(session, name_en="Here", kind=OrganisationKind.CSO)
    finally:
        database.dispose()
    assert path.exists()
    assert [p.name for p in tmp_path.iterdir()] == [folder]


def test_reading_and_inspecting_take_no_write_lock(database: Database, db_path: Path) -> None:
    """Only writing transactions begin IMMEDIATE; a reader or a schema check never blocks one."""
    from sqlalchemy import text as sql

    from civicdesk.storage.migrate import current_revision

    other = Database(database.url)
    try:
        with database.reading() as reader, database.engine.connect() as inspector:
            reader.execute(sql("SELECT count(*) FROM meeting")).scalar_one()
            inspector.execute(sql("SELECT version_num FROM alembic_version")).scalar_one()
            assert current_revision(database.engine) is not None
            started = time.monotonic()
            with other.transaction("writer") as writer:
                writer.execute(sql("UPDATE audit_head SET seq = seq WHERE id = 0"))
            assert time.monotonic() - started < 1.0
    finally:
        other.dispose()
