"""The source laptop's audit chain in a package: checked link by link, matched against the
records, and compared with what this database recorded of that laptop before.

A package carries every event of its laptop's chain: in full for the records it holds (their
hashes are recomputed), as (seq, prev_hash, hash) for the others (their content stays on the
laptop). The chain must run unbroken from the first event to the head the manifest names, and
every record must be exactly what the last event about it says.

The secretariat keeps each laptop's newest head, with the hashes before it. A package whose
chain passes through that head extends it; one whose head lies on the recorded chain is an older
package; any other is flagged: the laptop's history was rewritten (a file restored from a
backup and used again, or the log altered).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

from civicdesk.exchange.errors import PackageError
from civicdesk.exchange.package import RawPackage, refuse
from civicdesk.i18n import _, current_language
from civicdesk.i18n.khmer import format_number
from civicdesk.models import ExchangeLaptop
from civicdesk.models.base import utcnow
from civicdesk.storage import audit

HASH_BYTES = 32
_FULL_FIELDS = ("id", "at", "actor", "action", "entity_type", "entity_id", "before", "after")


class History(StrEnum):
    """How a package's history relates to what was recorded of its laptop."""

    FIRST = "first"
    SAME = "same"
    EXTENDS = "extends"
    OLDER = "older"
    FLAGGED = "flagged"
    OWN = "own"


@dataclass(frozen=True)
class Chain:
    """A verified chain: its hashes in order, and the last `after` logged for each record."""

    hashes: bytes
    last_after: Mapping[tuple[str, str], str]


def _broken(seq: int) -> PackageError:
    return refuse(
        _("its audit history is broken at event #{seq} (it was altered or damaged).").format(
            seq=seq
        )
    )


def _hex_hash(value: Any, seq: int) -> str:
    if not isinstance(value, str) or len(value) != 2 * HASH_BYTES:
        raise _broken(seq)
    try:
        bytes.fromhex(value)
    except ValueError:
        raise _broken(seq) from None
    return value


def _check_full_event(event: Mapping[str, Any], seq: int) -> None:
    if not all(isinstance(event.get(name), str) for name in _FULL_FIELDS):
        raise _broken(seq)
    recomputed = audit.event_hash(
        seq,
        event["id"],
        event["at"],
        event["actor"],
        event["action"],
        event["entity_type"],
        event["entity_id"],
        event["before"],
        event["after"],
        event["prev_hash"],
    )
    if recomputed != event["hash"]:
        raise _broken(seq)


def verify_chain(package: RawPackage) -> Chain:
    """Recompute the package's chain up to the head its manifest names, or refuse it."""
    previous = audit.GENESIS_HASH
    hashes = bytearray()
    last_after: dict[tuple[str, str], str] = {}
    for expected_seq, event in enumerate(package.events, start=1):
        if not isinstance(event, dict) or event.get("seq") != expected_seq:
            raise _broken(expected_seq)
        digest = _hex_hash(event.get("hash"), expected_seq)
        if event.get("prev_hash") != previous:
            raise _broken(expected_seq)
        if "after" in event:
            _check_full_event(event, expected_seq)
            last_after[(event["entity_type"], event["entity_id"])] = event["after"]
        hashes += bytes.fromhex(digest)
        previous = digest
    manifest = package.manifest
    if len(package.events) != manifest.head_seq or previous != manifest.head_hash:
        raise refuse(_("its audit history does not end at the head its manifest names."))
    return Chain(bytes(hashes), last_after)


def check_record(chain: Chain, table: Table, record_id: str, values: Mapping[str, Any]) -> None:
    """Refuse the package if the record is not what its laptop's log last recorded of it."""
    logged = chain.last_after.get((table.name, record_id))
    if logged is None or logged == "null":
        raise refuse(
            _("the record {table} {id} is not in the audit history it came with.").format(
                table=table.name, id=record_id
            )
        )
    recorded = json.loads(logged)
    current = audit.snapshot(table, dict(values))
    for name, value in recorded.items():
        # The row version counts updates in the laptop's own database and is not exported.
        if name != "row_version" and (name not in current or current[name] != value):
            raise refuse(
                _(
                    "the record {table} {id} differs from what its audit history recorded "
                    "(it was altered)."
                ).format(table=table.name, id=record_id)
            )


# --------------------------------------------------------------------------- laptop heads


@dataclass(frozen=True)
class HistoryCheck:
    status: History
    note: str


def _short(digest: str) -> str:
    return digest[:16]


def record_head(
    session: Session, laptop: uuid.UUID, own_laptop: uuid.UUID, package: RawPackage, chain: Chain
) -> HistoryCheck:
    """Compare the package's chain with what was recorded of its laptop, and record its head
    when it extends what was known (nothing is written for an older or the same head)."""
    manifest = package.manifest
    if laptop == own_laptop:
        return HistoryCheck(History.OWN, "")
    known = session.get(ExchangeLaptop, laptop)
    now = utcnow()
    if known is None:
        session.add(
            ExchangeLaptop(
                id=laptop,
                head_seq=manifest.head_seq,
                head_hash=manifest.head_hash,
                chain=chain.hashes,
                first_seen_at=now,
                last_seen_at=now,
            )
        )
        return HistoryCheck(History.FIRST, "")
    recorded = bytes(known.chain)
    if manifest.head_seq >= known.head_seq:
        if chain.hashes[: len(recorded)] == recorded:
            if manifest.head_seq == known.head_seq:
                return HistoryCheck(History.SAME, "")
            known.head_seq = manifest.head_seq
            known.head_hash = manifest.head_hash
            known.chain = chain.hashes
            known.last_seen_at = now
            return HistoryCheck(History.EXTENDS, "")
    elif recorded[: len(chain.hashes)] == chain.hashes:
        return HistoryCheck(History.OLDER, "")
    note = _(
        "The audit history of laptop {laptop} in this package does not continue the one "
        "recorded here (event #{seq}, {hash}): its history was rewritten or restored from an "
        "older copy. Its records are merged like any other package's: check them with "
        "that district."
    ).format(
        laptop=str(laptop),
        seq=format_number(known.head_seq, current_language()),
        hash=_short(known.head_hash),
    )
    return HistoryCheck(History.FLAGGED, note)
