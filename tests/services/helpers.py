"""Helpers shared by the service tests (fixtures are in conftest.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civicdesk.models import Base
from civicdesk.services import DomainError, votes
from civicdesk.storage import audit
from civicdesk.storage.database import Database

#: The 8-byte PNG signature and an IHDR chunk header: all the service looks at.
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 17

Snapshot = dict[str, list[tuple[str, ...]]]
Action = Callable[[Session], Any]


def snapshot(database: Database) -> Snapshot:
    """Every row of every table (the audit log and its head included), raw as stored, in a
    stable order."""
    state: Snapshot = {}
    with database.reading() as session:
        connection = session.connection()
        for table in Base.metadata.sorted_tables:
            rows = connection.exec_driver_sql(f'SELECT * FROM "{table.name}"').all()
            state[table.name] = sorted(tuple(repr(value) for value in row) for row in rows)
    return state


def audit_head(database: Database) -> tuple[int, str]:
    with database.reading() as session:
        return audit.head(session)


def count_rows(database: Database, model: type[Base]) -> int:
    with database.reading() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


class Refuser:
    """`refuse(Error, action)`: the action, run in its own transaction, raises exactly `Error`
    with a message, and nothing at all is written: no row of any table, no audit event."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def __call__(
        self,
        error: type[DomainError],
        action: Action,
        *,
        match: str | None = None,
        field: str | None = None,
        case: object = None,
    ) -> DomainError:
        """`case` names the case in failure messages, for refusals checked in a loop."""
        try:
            return self._refuse(error, action, match, field)
        except (AssertionError, pytest.fail.Exception) as failure:
            if case is None:
                raise
            raise AssertionError(f"case {case!r}: {failure}") from failure

    def _refuse(
        self, error: type[DomainError], action: Action, match: str | None, field: str | None
    ) -> DomainError:
        before = snapshot(self.database)
        head = audit_head(self.database)
        assert head[0] > 0, "refusals are tested against a database with history"
        with (
            pytest.raises(error, match=match) as caught,
            self.database.transaction("test") as session,
        ):
            action(session)
        assert type(caught.value) is error, f"expected {error.__name__}, got {caught.value!r}"
        assert str(caught.value).strip(), "a refusal must say why"
        if field is not None:
            assert caught.value.field == field, f"field {caught.value.field!r}, not {field!r}"
        assert audit_head(self.database) == head, "a refused change moved the audit head"
        assert snapshot(self.database) == before, "a refused change wrote to the database"
        return caught.value


def tally(sna: tuple[int, ...] = (), cso: tuple[int, ...] = ()) -> votes.Tally:
    """A tally from (yes, no, abstain) per side; missing numbers are zero."""
    return votes.Tally(votes.SideTally(*sna), votes.SideTally(*cso))


def new_id() -> uuid.UUID:
    return uuid.uuid4()
