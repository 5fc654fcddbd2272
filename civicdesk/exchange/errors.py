"""Why a package is refused, in words for the person who brought it."""

from __future__ import annotations

from civicdesk.services.errors import DomainError


class PackageError(DomainError):
    """The package cannot be imported (damaged, altered, from a newer CivicDesk, or its records
    do not fit this database). Nothing was written."""
