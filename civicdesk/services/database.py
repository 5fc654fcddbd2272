"""Opening the database the way the application needs it: migrated, audited and guarded."""

from __future__ import annotations

from civicdesk.services import guard
from civicdesk.storage import audit, sync
from civicdesk.storage.database import Database, resolve_url
from civicdesk.storage.migrate import upgrade


def open_database(url: str | None = None, *, migrate: bool = True) -> Database:
    """The database at `url` (or the configured one), with its schema brought up to date."""
    database = Database(url or resolve_url())
    if migrate:
        try:
            upgrade(database.engine)
        except Exception:
            database.dispose()
            raise
    audit.install(database.session_factory)
    guard.install(database.session_factory)
    sync.install(database.session_factory)
    return database
