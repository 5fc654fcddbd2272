"""Exchange fixtures: laptops (each a database with an id of its own) and district packages.

- `new_database(name)`: a fresh empty database for the secretariat, on the test server when
  CIVICDESK_TEST_DATABASE_URL names one, else a SQLite file.
- `laptop(name)`: a fresh empty SQLite database, a district laptop (a file, so that it can be
  copied as a backup would be).
- `district_packages`: the Battambang demo split by district: for each of the 7 districts, its
  package from the demo imported into a laptop of its own, and exported again from there.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from civicdesk.demo.content import DISTRICT_CODES
from civicdesk.exchange import export_package, import_package
from civicdesk.services import open_database
from civicdesk.storage.database import Database, sqlite_url
from tests.server_databases import ServerDatabases

MakeDatabase = Callable[[str], Database]


def give_new_identity(path: Path) -> None:
    """Make a copied database file a laptop of its own (the copy has the original's id)."""
    connection = sqlite3.connect(str(path))
    try:
        connection.execute("UPDATE exchange_identity SET laptop_id = ?", (uuid.uuid4().hex,))
        connection.commit()
    finally:
        connection.close()


def sqlite_laptop(template: Path, path: Path) -> Database:
    shutil.copyfile(template, path)
    give_new_identity(path)
    return open_database(sqlite_url(path), migrate=False)


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database file at the newest schema, made once."""
    path = tmp_path_factory.mktemp("exchange-template") / "empty.sqlite"
    open_database(sqlite_url(path)).dispose()
    return path


@pytest.fixture
def laptop(tmp_path: Path, empty_template: Path) -> Iterator[MakeDatabase]:
    made: list[Database] = []

    def make(name: str) -> Database:
        database = sqlite_laptop(empty_template, tmp_path / f"{name}.sqlite")
        made.append(database)
        return database

    yield make
    for database in made:
        database.dispose()


@pytest.fixture
def new_database(
    laptop: MakeDatabase, server_databases: ServerDatabases | None
) -> Iterator[MakeDatabase]:
    made: list[Database] = []

    def make(name: str) -> Database:
        if server_databases is None:
            return laptop(name)
        database = server_databases.create()
        made.append(database)
        return database

    yield make
    for database in made:
        assert server_databases is not None
        server_databases.drop(database)


@pytest.fixture(scope="session")
def district_packages(
    demo_database_file: Path, empty_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """District code → the package its own laptop exported."""
    folder = tmp_path_factory.mktemp("districts")
    demo = open_database(sqlite_url(demo_database_file), migrate=False)
    packages: dict[str, Path] = {}
    try:
        for code in DISTRICT_CODES:
            with demo.reading() as session:
                export_package(session, code, folder / f"from-demo-{code}.cdpkg")
            district = sqlite_laptop(empty_template, folder / f"laptop-{code}.sqlite")
            try:
                with district.transaction(f"clerk {code}") as session:
                    import_package(session, folder / f"from-demo-{code}.cdpkg")
                with district.reading() as session:
                    export_package(session, code, folder / f"{code}.cdpkg")
            finally:
                district.dispose()
            packages[code] = folder / f"{code}.cdpkg"
    finally:
        demo.dispose()
    return packages
