"""Reading through the services outside a meeting's workspace (which has `context.read`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from civicdesk.storage.database import Database

T = TypeVar("T")


def reader(database: Database) -> Callable[..., Any]:
    """`read(function, *args, **kwargs)`: `function(session, *args, **kwargs)` in a reading
    session of `database`, like `WorkspaceContext.read`."""

    def read(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with database.reading() as session:
            return function(session, *args, **kwargs)

    return read
