"""Exchange packages: this database's identity, deletions to pass on, conflicts to resolve, and
what the secretariat knows of each district laptop's audit chain."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Integer, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

from civicdesk.models.base import Base, CreatedMixin, IdMixin


class ExchangeIdentity(Base):
    """The one row naming this database (its "laptop") in the packages it exports.

    Written by the migration that made the table, never changed afterwards, and not audited:
    like the log itself, it describes the database rather than recording what happened in it.
    """

    __tablename__ = "exchange_identity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    laptop_id: Mapped[uuid.UUID]
    created_at: Mapped[dt.datetime]


class Tombstone(IdMixin, CreatedMixin, Base):
    """A record that was deleted, kept so that the deletion travels in packages and an older
    package cannot bring the record back. `id` is the deleted record's id; `sync_clock` is the
    version the deletion made."""

    __tablename__ = "exchange_tombstone"

    table_name: Mapped[str]
    #: The meeting (and district) the deleted record belonged to, to choose what to export.
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(default=None, index=True)
    district_code: Mapped[str | None] = mapped_column(default=None)


class ExchangeConflict(IdMixin, Base):
    """A version of a record that was changed here and elsewhere since they last exchanged.

    The record's table holds one version (the most recently changed one, whichever order the
    packages came in); this row keeps the other until a person chooses. `other_values` is the
    other version's JSON, or "null" when the other side deleted the record.
    """

    __tablename__ = "exchange_conflict"

    table_name: Mapped[str]
    record_id: Mapped[uuid.UUID] = mapped_column(index=True)
    other_values: Mapped[str]
    other_clock: Mapped[str]
    #: The laptop that made the other version.
    other_laptop: Mapped[str] = mapped_column(default="")
    detected_at: Mapped[dt.datetime]
    #: "" while open; "mine" or "theirs" once a person chose.
    resolution: Mapped[str] = mapped_column(default="")
    resolved_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    resolved_by: Mapped[str] = mapped_column(default="")


class ExchangeLaptop(IdMixin, Base):
    """What this database knows of another laptop's audit chain: its newest head seen in a
    package whose history extended the one recorded before. `id` is the laptop's id."""

    __tablename__ = "exchange_laptop"

    head_seq: Mapped[int]
    head_hash: Mapped[str]
    #: The raw 32-byte hashes of its events #1 to #head_seq, one after another: what lets an
    #: older package be recognised as a part of the history already recorded.
    chain: Mapped[bytes] = mapped_column(LargeBinary)
    first_seen_at: Mapped[dt.datetime]
    last_seen_at: Mapped[dt.datetime]


class ExchangeImport(IdMixin, CreatedMixin, Base):
    """One package imported here: where it came from, what it changed, and whether the
    history it carried extended what was recorded of its laptop ("flagged" when not)."""

    __tablename__ = "exchange_import"

    package_id: Mapped[uuid.UUID] = mapped_column(index=True)
    file_name: Mapped[str] = mapped_column(default="")
    laptop_id: Mapped[uuid.UUID] = mapped_column(index=True)
    head_seq: Mapped[int]
    head_hash: Mapped[str]
    package_created_at: Mapped[dt.datetime]
    added: Mapped[int] = mapped_column(default=0)
    updated: Mapped[int] = mapped_column(default=0)
    deleted: Mapped[int] = mapped_column(default=0)
    unchanged: Mapped[int] = mapped_column(default=0)
    conflicts: Mapped[int] = mapped_column(default=0)
    #: "first", "same", "extends", "older" or "flagged".
    history: Mapped[str]
    history_note: Mapped[str] = mapped_column(default="")
