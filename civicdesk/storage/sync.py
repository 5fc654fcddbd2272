"""Record versions for exchange packages.

Every record carries a clock in `sync_clock`: how many times each laptop (database) changed it,
and when and where it was last changed. A flush stamps what it inserts or updates with this
database's laptop id, and leaves a tombstone for what it deletes, so the deletion can travel too.

Two versions of a record compare by their counters: one that has seen every change the other
has is newer; when neither has, both were changed since they last met, and a person chooses.
Clocks from packages are stored as they came (an import marks its session as importing).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
import weakref
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from sqlalchemy import Engine, event, inspect, select
from sqlalchemy.orm import Session, UOWTransaction, attributes
from sqlalchemy.orm.base import PassiveFlag

from civicdesk.models import (
    Action,
    ActionUpdate,
    Endorsement,
    ExchangeIdentity,
    JointList,
    JointListItem,
    Meeting,
    Organisation,
    PriorityRound,
    Recommendation,
    Tombstone,
)
from civicdesk.models.base import IdMixin, utcnow

#: Set in `session.info` while an import writes records with the clocks they came with.
IMPORTING_KEY = "civicdesk_importing"
#: Tables whose rows are local bookkeeping: they are neither exchanged nor tombstoned.
LOCAL_TABLES = frozenset({"exchange_conflict", "exchange_laptop", "exchange_import"})

_LAPTOP_IDS: weakref.WeakKeyDictionary[Engine, uuid.UUID] = weakref.WeakKeyDictionary()


class Order(Enum):
    EQUAL = "equal"
    NEWER = "newer"
    OLDER = "older"
    CONCURRENT = "concurrent"


def timestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class Clock:
    """A record's version: counters per laptop, and the last change's time and laptop."""

    counters: dict[str, int] = field(default_factory=dict)
    at: str = ""
    by: str = ""

    @classmethod
    def parse(cls, text: str | None) -> Clock:
        """The clock stored as `text` ("" for a record not changed since clocks were added)."""
        if not text:
            return cls()
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("a clock is a JSON object")
        counters = data.get("v", {})
        at, by = data.get("at", ""), data.get("by", "")
        if (
            not isinstance(counters, dict)
            or not isinstance(at, str)
            or not isinstance(by, str)
            or not all(
                isinstance(key, str) and type(value) is int and value > 0
                for key, value in counters.items()
            )
        ):
            raise ValueError("a clock holds counters per laptop, a time and a laptop")
        return cls(dict(counters), at, by)

    def dump(self) -> str:
        if not self.counters and not self.at and not self.by:
            return ""
        data = {"at": self.at, "by": self.by, "v": dict(sorted(self.counters.items()))}
        return json.dumps(data, sort_keys=True, separators=(",", ":"))

    def bump(self, laptop: str, at: str) -> Clock:
        """The version after one more change on `laptop`."""
        counters = dict(self.counters)
        counters[laptop] = counters.get(laptop, 0) + 1
        return Clock(counters, at, laptop)

    def merge(self, other: Clock) -> Clock:
        """A version that has seen every change either has (not yet a change itself)."""
        counters = dict(self.counters)
        for laptop, count in other.counters.items():
            counters[laptop] = max(count, counters.get(laptop, 0))
        at, by = max((self.at, self.by), (other.at, other.by))
        return Clock(counters, at, by)

    def compare(self, other: Clock) -> Order:
        """How this version relates to `other`: the same, newer, older, or made beside it."""
        laptops = set(self.counters) | set(other.counters)
        ahead = any(self.counters.get(k, 0) > other.counters.get(k, 0) for k in laptops)
        behind = any(self.counters.get(k, 0) < other.counters.get(k, 0) for k in laptops)
        if ahead and behind:
            return Order.CONCURRENT
        if ahead:
            return Order.NEWER
        if behind:
            return Order.OLDER
        return Order.EQUAL

    def sort_key(self) -> tuple[str, str]:
        """Among versions made beside each other, the one changed last comes last."""
        return (self.at, self.by)


# --------------------------------------------------------------------------- identity


def laptop_id(session: Session) -> uuid.UUID:
    """This database's id in exchange packages (made once, by the migration)."""
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    known = _LAPTOP_IDS.get(engine)
    if known is not None:
        return known
    value = session.execute(
        select(ExchangeIdentity.laptop_id).where(ExchangeIdentity.id == 1)
    ).scalar_one()
    _LAPTOP_IDS[engine] = value
    return value


# --------------------------------------------------------------------------- scope


def _meeting_scope(
    session: Session, meeting_id: uuid.UUID | None
) -> tuple[uuid.UUID | None, str | None]:
    if meeting_id is None:
        return None, None
    meeting = session.get(Meeting, meeting_id)
    return meeting_id, meeting.district_code if meeting is not None else None


def _owner_meeting(session: Session, obj: Any) -> uuid.UUID | None:
    if isinstance(obj, Meeting):
        return obj.id
    meeting_id = getattr(obj, "meeting_id", None)
    if isinstance(meeting_id, uuid.UUID):
        return meeting_id
    if isinstance(obj, JointListItem | Endorsement):
        joint_list = session.get(JointList, obj.joint_list_id)
        return joint_list.meeting_id if joint_list else None
    if isinstance(obj, ActionUpdate):
        action = session.get(Action, obj.action_id)
        return action.meeting_id if action else None
    if isinstance(obj, Recommendation):
        return obj.origin_meeting_id
    round_id = getattr(obj, "round_id", None)
    if isinstance(round_id, uuid.UUID):
        priority_round = session.get(PriorityRound, round_id)
        return priority_round.meeting_id if priority_round else None
    return None


def scope_of(session: Session, obj: Any) -> tuple[uuid.UUID | None, str | None]:
    """The meeting a record belongs to and its district (an organisation: its district)."""
    with session.no_autoflush:
        if isinstance(obj, Organisation):
            return None, obj.district_code
        return _meeting_scope(session, _owner_meeting(session, obj))


# --------------------------------------------------------------------------- stamping


def _committed_clock(obj: Any) -> str:
    history = attributes.get_history(obj, "sync_clock", passive=PassiveFlag.PASSIVE_OFF)
    if history.deleted:
        return str(history.deleted[0] or "")
    if history.unchanged:
        return str(history.unchanged[0] or "")
    return str(obj.sync_clock or "")


def _is_exchanged(obj: Any) -> bool:
    return isinstance(obj, IdMixin) and inspect(obj).mapper.local_table.name not in LOCAL_TABLES


def _tombstone(session: Session, obj: Any, laptop: str, at: str) -> None:
    clock = Clock.parse(_committed_clock(obj)).bump(laptop, at).dump()
    existing = session.get(Tombstone, obj.id)
    if existing is not None:
        existing.sync_clock = clock
        return
    meeting_id, district_code = scope_of(session, obj)
    session.add(
        Tombstone(
            id=obj.id,
            table_name=inspect(obj).mapper.local_table.name,
            meeting_id=meeting_id,
            district_code=district_code,
            sync_clock=clock,
        )
    )


def _stamp_changes(session: Session, _context: UOWTransaction, _instances: Any) -> None:
    if session.info.get(IMPORTING_KEY):
        return
    new = [obj for obj in session.new if _is_exchanged(obj)]
    dirty = [
        obj
        for obj in session.dirty
        if _is_exchanged(obj) and session.is_modified(obj, include_collections=False)
    ]
    deleted = [
        obj for obj in session.deleted if _is_exchanged(obj) and not isinstance(obj, Tombstone)
    ]
    if not (new or dirty or deleted):
        return
    laptop = str(laptop_id(session))
    at = timestamp(utcnow())
    for obj in new:
        # A clock given by the caller (a tombstone, a resolved conflict) is kept as given.
        if not obj.sync_clock:
            obj.sync_clock = Clock().bump(laptop, at).dump()
    for obj in dirty:
        # A clock set by the caller (resolving a conflict) is kept as it was set.
        if not attributes.get_history(obj, "sync_clock").has_changes():
            obj.sync_clock = Clock.parse(_committed_clock(obj)).bump(laptop, at).dump()
    pending_tombstones = {obj.id for obj in new if isinstance(obj, Tombstone)}
    with session.no_autoflush:
        for obj in deleted:
            if obj.id not in pending_tombstones:
                _tombstone(session, obj, laptop, at)


def install(session_factory: Any) -> None:
    """Stamp the clocks of every flush of sessions made by `session_factory`."""
    if not event.contains(session_factory, "before_flush", _stamp_changes):
        event.listen(session_factory, "before_flush", _stamp_changes)


__all__ = [
    "IMPORTING_KEY",
    "LOCAL_TABLES",
    "Clock",
    "Order",
    "install",
    "laptop_id",
    "scope_of",
    "timestamp",
]
