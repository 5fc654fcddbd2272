"""What every service shares: the audit action name, look-ups, common validation."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_date
from civicdesk.i18n.text import clean, contains_bidi_controls
from civicdesk.models import Base
from civicdesk.models.enums import MeetingStatus
from civicdesk.models.meeting import Meeting
from civicdesk.services.errors import (
    LockedError,
    NotFoundError,
    StateError,
    ValidationError,
    stale_edit_error,
)
from civicdesk.storage.audit import ACTION_KEY

P = ParamSpec("P")
R = TypeVar("R")
M = TypeVar("M", bound=Base)


def service(action: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Name the audit action of a use case; its changes are flushed under that name.

    The first argument of the decorated function must be the Session.
    """

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            session = args[0]
            if not isinstance(session, Session):
                raise TypeError(f"{function.__name__} takes a Session first")
            outer = session.info.get(ACTION_KEY)
            session.info[ACTION_KEY] = outer or action
            try:
                result = function(*args, **kwargs)
                session.flush()
                return result
            except StaleDataError as error:
                # The row changed under us (another process committed first): say so rather
                # than overwrite, or fail with a message no one can act on.
                raise stale_edit_error() from error
            finally:
                session.info[ACTION_KEY] = outer

        return wrapper

    return decorate


def get(session: Session, model: type[M], record_id: uuid.UUID | str, what: str) -> M:
    """The record, or a NotFoundError naming what was looked for."""
    try:
        key = record_id if isinstance(record_id, uuid.UUID) else uuid.UUID(str(record_id))
    except ValueError:
        raise NotFoundError(
            _("No {what} has the id {id}.").format(what=what, id=record_id)
        ) from None
    record = session.get(model, key)
    if record is None:
        raise NotFoundError(_("No {what} has the id {id}.").format(what=what, id=record_id))
    return record


def text(value: str | None, field: str, label: str, *, max_length: int = 4000) -> str:
    """Cleaned text, refused if it holds bidirectional controls or is far too long."""
    cleaned = clean(value)
    if contains_bidi_controls(cleaned):
        raise ValidationError(
            _("{field} contains invisible direction-control characters; retype it.").format(
                field=label
            ),
            field=field,
        )
    if len(cleaned) > max_length:
        raise ValidationError(
            _("{field} is too long (at most {limit} characters).").format(
                field=label, limit=max_length
            ),
            field=field,
        )
    return cleaned


def bilingual(
    km: str | None, en: str | None, field: str, label: str, *, max_length: int = 4000
) -> tuple[str, str]:
    """Khmer and English text of which at least one must be given."""
    text_km = text(km, field + "_km", label, max_length=max_length)
    text_en = text(en, field + "_en", label, max_length=max_length)
    if not text_km and not text_en:
        raise ValidationError(
            _("{field} is empty: write it in Khmer, in English, or both.").format(field=label),
            field=field,
        )
    return text_km, text_en


def count(value: int, field: str, label: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError(
            _("{field} must be a whole number, zero or more.").format(field=label), field=field
        )
    return value


def require_editable(meeting: Meeting) -> None:
    """Refuse any change to a meeting that has been signed."""
    if meeting.status is MeetingStatus.SIGNED:
        raise LockedError(
            _(
                "This meeting was signed on {date} and is locked: what it records can no "
                "longer change. Record a correction as an addendum in another meeting."
            ).format(date=_signed_date(meeting))
        )


def _signed_date(meeting: Meeting) -> str:
    if meeting.signed_at is None:
        return ""
    language = current_language()
    return format_date(meeting.signed_at.date(), language, weekday=False)


def require_in_session(meeting: Meeting) -> None:
    """Refuse what can only happen while a meeting is being held or written up."""
    require_editable(meeting)
    if meeting.status is MeetingStatus.PLANNED:
        raise StateError(_("Open the meeting first: it is still only planned."))


def label_for(value: Any) -> str:
    from civicdesk.i18n.labels import label

    return label(value)
