"""Use cases. Each takes a Session and plain values, validates, changes the database (the audit
log follows automatically), and returns plain data or raises a DomainError.

The caller owns the transaction: one user action, one `Database.transaction()`.
"""

from civicdesk.services.database import open_database
from civicdesk.services.errors import (
    DomainError,
    LockedError,
    NotFoundError,
    StateError,
    ValidationError,
)

__all__ = [
    "DomainError",
    "LockedError",
    "NotFoundError",
    "StateError",
    "ValidationError",
    "open_database",
]
