"""The last line of defence for locking: a flush that would change anything recorded by a signed
meeting or an endorsed joint list is refused, whichever code path tried it.

Services check first and say why in their own words; this guard catches what they miss.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, UOWTransaction

from civicdesk.i18n import _
from civicdesk.models import Document, Endorsement, JointList, JointListItem, Meeting
from civicdesk.models.enums import JointListStatus, MeetingStatus
from civicdesk.services.errors import LockedError
from civicdesk.storage.sync import IMPORTING_KEY


def _committed(obj: Any, key: str) -> Any:
    history = inspect(obj).attrs[key].history
    if history.deleted:
        return history.deleted[0]
    if history.unchanged:
        return history.unchanged[0]
    return getattr(obj, key)


def _meeting_is_signed(session: Session, meeting_id: uuid.UUID) -> bool:
    meeting = session.get(Meeting, meeting_id)
    return meeting is not None and _committed(meeting, "status") is MeetingStatus.SIGNED


def _joint_list_is_endorsed(session: Session, list_id: uuid.UUID) -> bool:
    joint_list = session.get(JointList, list_id)
    return joint_list is not None and _committed(joint_list, "status") is JointListStatus.ENDORSED


def _is_locked(session: Session, obj: Any, is_new: bool) -> bool:
    if isinstance(obj, Meeting):
        return not is_new and _committed(obj, "status") is MeetingStatus.SIGNED
    if (
        isinstance(obj, JointList)
        and not is_new
        and _committed(obj, "status") is JointListStatus.ENDORSED
    ):
        return True
    if isinstance(obj, JointListItem | Endorsement) and _joint_list_is_endorsed(
        session, obj.joint_list_id
    ):
        return True
    if isinstance(obj, Document) and is_new:
        # Registering an export (the signed minutes above all) refers to a locked meeting;
        # it does not change what the meeting recorded.
        return False
    meeting_id = getattr(obj, "meeting_id", None)
    if isinstance(meeting_id, uuid.UUID) and _meeting_is_signed(session, meeting_id):
        return True
    if not is_new:
        committed_meeting = _committed(obj, "meeting_id") if hasattr(obj, "meeting_id") else None
        if isinstance(committed_meeting, uuid.UUID) and _meeting_is_signed(
            session, committed_meeting
        ):
            return True
    return False


def is_locked(session: Session, obj: Any) -> bool:
    """Whether a stored record belongs to a signed meeting or an endorsed joint list."""
    with session.no_autoflush:
        return _is_locked(session, obj, is_new=False)


def _refuse_locked_changes(session: Session, _context: UOWTransaction, _instances: Any) -> None:
    with session.no_autoflush:
        # A package import adds records as their laptop recorded them, those of a signed
        # meeting included; what it may not do either is change or delete a locked record.
        importing = bool(session.info.get(IMPORTING_KEY))
        for obj in () if importing else session.new:
            if _is_locked(session, obj, is_new=True):
                raise LockedError(_("This record is locked: it belongs to a signed meeting."))
        for obj in list(session.dirty) + list(session.deleted):
            if (
                obj in session.deleted or session.is_modified(obj, include_collections=False)
            ) and _is_locked(session, obj, is_new=False):
                raise LockedError(
                    _(
                        "This record is locked: it belongs to a signed meeting or an endorsed "
                        "joint list, and can no longer change."
                    )
                )


def install(session_factory: Any) -> None:
    if not event.contains(session_factory, "before_flush", _refuse_locked_changes):
        event.listen(session_factory, "before_flush", _refuse_locked_changes)
