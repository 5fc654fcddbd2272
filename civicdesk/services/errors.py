"""Domain errors: refusals a person reads, in the UI language, that leave nothing written."""

from __future__ import annotations

from civicdesk.i18n import _


class DomainError(Exception):
    """A refusal with a message meant for a person. `field` names the input at fault, if one."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class ValidationError(DomainError):
    """The input itself is wrong."""


class NotFoundError(DomainError):
    """The record asked for does not exist."""


class StateError(DomainError):
    """The input is fine, but the record is not in a state that allows the change."""


class LockedError(StateError):
    """The record belongs to a signed meeting or an endorsed joint list."""


class StaleEditError(StateError):
    """Someone else changed the record since it was read here; nothing was overwritten."""


def stale_edit_error() -> StaleEditError:
    return StaleEditError(
        _(
            "Someone else changed this record after you opened it, so your change was not "
            "saved and theirs was not overwritten. Reload it and make your change again."
        )
    )
