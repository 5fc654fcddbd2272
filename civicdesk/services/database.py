"""Opening the database the way the application needs it: migrated, audited and guarded."""

from __future__ import annotations

from sqlalchemy.orm import Session

from civicdesk.services import guard
from civicdesk.storage import audit, sync
from civicdesk.storage.database import Database, resolve_url
from civicdesk.storage.migrate import upgrade

#: Session classes given listeners by `open_database` (small, and never freed: see there).
_SESSION_CLASSES: list[type[Session]] = []


def open_database(url: str | None = None, *, migrate: bool = True) -> Database:
    """The database at `url` (or the configured one), with its schema brought up to date."""
    database = Database(url or resolve_url())
    if migrate:
        try:
            upgrade(database.engine)
        except Exception:
            database.dispose()
            raise
    # Listen on the factory's own Session class, and keep that class for the life of the
    # process: `install` asks SQLAlchemy's `event.contains`, which keys listeners by id(), and
    # an object freed after getting listeners leaves its key behind. A new factory that reused
    # a freed one's id was taken as already installed and left unaudited and unguarded.
    session_class = database.session_factory.class_
    _SESSION_CLASSES.append(session_class)
    audit.install(session_class)
    guard.install(session_class)
    sync.install(session_class)
    return database
