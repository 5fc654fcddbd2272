"""Stale edits: two CivicDesk processes (two windows, or two laptops on one server) editing the
same record must not silently overwrite each other.

Every record has a `row_version` that each update raises. SQLAlchemy adds it to every UPDATE
and DELETE, so a change made from a copy of the row read before someone else's change matches
no row and is refused (`StaleDataError`, which the `@service` decorator turns into a
`StaleEditError`). A window that shows a record for a while and saves later passes the version
it showed, and `expect_version` refuses the save if the record has moved on since.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from civicdesk.i18n import _
from civicdesk.models.base import Base, IdMixin
from civicdesk.services.base import get
from civicdesk.services.errors import stale_edit_error


def row_version(session: Session, model: type[Base], record_id: uuid.UUID) -> int:
    """The record's current version, to hand back to `expect_version` when saving."""
    record = get(session, model, record_id, _("record"))
    if not isinstance(record, IdMixin):
        raise TypeError(f"{model.__name__} has no row version")
    return record.row_version


def expect_version(
    session: Session, model: type[Base], record_id: uuid.UUID, version: int | None
) -> None:
    """Refuse the action if the record is no longer at the version the person saw.

    Call it first in the action's transaction: on SQLite the transaction already holds the
    write lock, and on a server a change committed in between makes the UPDATE itself fail.
    """
    if version is None:
        return
    if row_version(session, model, record_id) != version:
        raise stale_edit_error()
