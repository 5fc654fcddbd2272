"""Domain errors: a message for a person, the field at fault, and a hierarchy to catch."""

from __future__ import annotations

import pytest

from civicdesk.services import DomainError, LockedError, NotFoundError, StateError, ValidationError


@pytest.mark.parametrize("error", [ValidationError, NotFoundError, StateError, LockedError])
def test_errors_are_domain_errors_with_message_and_field(error) -> None:
    raised = error("Write the name.", field="name_km")
    assert isinstance(raised, DomainError)
    assert str(raised) == raised.message == "Write the name."
    assert raised.field == "name_km"
    assert error("No field").field is None


def test_locked_is_a_state_error() -> None:
    assert issubclass(LockedError, StateError)
    assert not issubclass(StateError, LockedError)
    assert not issubclass(ValidationError, StateError)
