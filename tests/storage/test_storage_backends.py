"""The audit chain on whichever database the tests run on: a SQLite file, or a PostgreSQL
server (CIVICDESK_TEST_DATABASE_URL), where writers queue on the head row read FOR UPDATE."""

from __future__ import annotations

import threading

from sqlalchemy import select, text

from civicdesk.models import AuditEvent, Organisation
from civicdesk.models.enums import OrganisationKind
from civicdesk.services import open_database, people
from civicdesk.services.integrity import verify_audit
from civicdesk.storage import audit
from civicdesk.storage.database import Database
from civicdesk.storage.migrate import current_revision, head_revision

WRITERS = 4
WRITES = 6


def test_a_new_database_is_migrated_with_an_empty_chain(database: Database) -> None:
    assert current_revision(database.engine) == head_revision()
    with database.reading() as session:
        assert audit.head(session) == (0, audit.GENESIS_HASH)
        assert verify_audit(session).ok


def test_concurrent_writers_keep_one_unbroken_chain(database: Database) -> None:
    """Several processes write at once from the very first event: none fails, none is lost,
    and the chain has no gap and no fork."""
    processes = [open_database(database.url) for _ in range(WRITERS)]
    errors: list[BaseException] = []
    start = threading.Barrier(WRITERS)

    def write(process: Database, number: int) -> None:
        try:
            start.wait()
            for write in range(WRITES):
                with process.transaction(f"writer {number}") as session:
                    people.create_organisation(
                        session, name_en=f"Org {number}.{write}", kind=OrganisationKind.CSO
                    )
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)

    threads = [threading.Thread(target=write, args=(p, n)) for n, p in enumerate(processes)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for process in processes:
        process.dispose()
    assert errors == []
    with database.reading() as session:
        check = verify_audit(session)
        sequence = session.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)).all()
        stored = session.scalars(select(Organisation.name_en)).all()
    assert check.ok, check.message
    assert sequence == list(range(1, WRITERS * WRITES + 1))
    assert len(stored) == WRITERS * WRITES


def test_a_row_changed_behind_the_apps_back_is_named(database: Database, seed) -> None:
    with database.engine.begin() as connection:  # plain SQL: no audit, no guard
        connection.execute(
            text("UPDATE person SET phone = '099 999 999' WHERE name_latin = 'Srey Pov'")
        )
    with database.reading() as session:
        check = verify_audit(session)
    assert not check.ok
    assert "person" in check.message and "changed outside CivicDesk" in check.message
