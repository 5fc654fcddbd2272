"""Opening the database: migrated, audited and guarded, every time."""

from __future__ import annotations

import gc

from civicdesk.models import Organisation
from civicdesk.models.enums import OrganisationKind, Side
from civicdesk.services import open_database
from civicdesk.services.guard import _refuse_locked_changes
from civicdesk.storage import audit
from civicdesk.storage.database import sqlite_url
from civicdesk.storage.migrate import current_revision, head_revision


def test_open_database_migrates(db_path) -> None:
    database = open_database(sqlite_url(db_path))
    try:
        assert current_revision(database.engine) == head_revision()
    finally:
        database.dispose()


def test_every_database_opened_is_audited_and_guarded(database) -> None:
    """Regression: listeners were installed only if SQLAlchemy's `event.contains` said they
    were missing, and it keys them by id(); a database whose session factory reused the id of
    a freed one was left unaudited and unguarded (a few in a hundred, at random)."""
    url = database.url
    missing = []
    for n in range(30):
        opened = open_database(url, migrate=False)
        with opened.session_factory() as session:
            session.add(Organisation(name_en="Org", kind=OrganisationKind.CSO, side=Side.OBSERVER))
            session.flush()
            audited = audit.head(session)[0] == 1
            guarded = _refuse_locked_changes in session.dispatch.before_flush
            session.rollback()
        if not (audited and guarded):
            missing.append((n, audited, guarded))
        opened.dispose()
        del opened, session
        if n % 5 == 0:
            gc.collect()
    assert missing == []
