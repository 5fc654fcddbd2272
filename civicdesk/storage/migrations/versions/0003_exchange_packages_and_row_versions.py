"""Exchange packages and row versions

Every record gets `row_version` (SQLAlchemy's version counter: an update made from a stale copy
of a row is refused, so two processes editing the same meeting don't lose each other's changes)
and `sync_clock` (its version for exchange packages). New tables hold this database's identity
in packages, deletions to pass on, conflicts to resolve, other laptops' audit-chain heads and
the imports made.

Columns are only added, with server defaults, never renamed or rebuilt: the audit log compares
the rows with the snapshots it logged, and a column the older snapshots don't have is compared
from the first event that records it (see migration 0002).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

#: The tables of 0001 whose rows have a UUID id, in the order 0001 made them.
VERSIONED_TABLES = (
    "organisation",
    "person",
    "meeting",
    "agenda_item",
    "attendance",
    "finding",
    "headcount",
    "joint_list",
    "priority_round",
    "recommendation",
    "action",
    "document",
    "endorsement",
    "priority_candidate",
    "priority_mark",
    "recommendation_finding",
    "recommendation_revision",
    "action_update",
    "joint_list_item",
    "vote",
    "ballot",
)

#: As civicdesk.models.base.UTCDateTime stores it.
TIMESTAMP = sa.String(length=32)


def _version_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("sync_clock", sa.Text(), server_default="", nullable=False),
    ]


def _create_tables() -> None:
    identity = op.create_table(
        "exchange_identity",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("laptop_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_identity")),
    )
    # Each database names itself once, here: a new random id, never changed afterwards.
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    op.bulk_insert(identity, [{"id": 1, "laptop_id": uuid.uuid4(), "created_at": now}])

    op.create_table(
        "exchange_conflict",
        sa.Column("table_name", sa.Text(), nullable=False),
        sa.Column("record_id", sa.Uuid(), nullable=False),
        sa.Column("other_values", sa.Text(), nullable=False),
        sa.Column("other_clock", sa.Text(), nullable=False),
        sa.Column("other_laptop", sa.Text(), nullable=False),
        sa.Column("detected_at", TIMESTAMP, nullable=False),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("resolved_at", TIMESTAMP, nullable=True),
        sa.Column("resolved_by", sa.Text(), nullable=False),
        *_version_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_conflict")),
    )
    with op.batch_alter_table("exchange_conflict", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_exchange_conflict_record_id"), ["record_id"], unique=False
        )

    op.create_table(
        "exchange_import",
        sa.Column("package_id", sa.Uuid(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("laptop_id", sa.Uuid(), nullable=False),
        sa.Column("head_seq", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.Text(), nullable=False),
        sa.Column("package_created_at", TIMESTAMP, nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("history", sa.Text(), nullable=False),
        sa.Column("history_note", sa.Text(), nullable=False),
        *_version_columns(),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_import")),
    )
    with op.batch_alter_table("exchange_import", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_exchange_import_laptop_id"), ["laptop_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_exchange_import_package_id"), ["package_id"], unique=False
        )

    op.create_table(
        "exchange_laptop",
        sa.Column("head_seq", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.Text(), nullable=False),
        sa.Column("chain", sa.LargeBinary(), nullable=False),
        sa.Column("first_seen_at", TIMESTAMP, nullable=False),
        sa.Column("last_seen_at", TIMESTAMP, nullable=False),
        *_version_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_laptop")),
    )

    op.create_table(
        "exchange_tombstone",
        sa.Column("table_name", sa.Text(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=True),
        sa.Column("district_code", sa.Text(), nullable=True),
        *_version_columns(),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_tombstone")),
    )
    with op.batch_alter_table("exchange_tombstone", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_exchange_tombstone_meeting_id"), ["meeting_id"], unique=False
        )


def _create_audit_head() -> None:
    # The audit head row, at the start of the chain, if there is no event yet: a writer reads it
    # FOR UPDATE, so that on a server the very first writers queue on it like all later ones
    # instead of both inserting it.
    op.execute(
        "INSERT INTO audit_head (id, seq, hash) SELECT 1, 0, '"
        + "0" * 64
        + "' WHERE NOT EXISTS (SELECT 1 FROM audit_head)"
    )


def upgrade() -> None:
    _create_audit_head()
    _create_tables()
    for table in VERSIONED_TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(
                sa.Column("row_version", sa.Integer(), server_default="1", nullable=False)
            )
            batch_op.add_column(
                sa.Column("sync_clock", sa.Text(), server_default="", nullable=False)
            )


def downgrade() -> None:
    for table in reversed(VERSIONED_TABLES):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("sync_clock")
            batch_op.drop_column("row_version")
    for table in (
        "exchange_tombstone",
        "exchange_laptop",
        "exchange_import",
        "exchange_conflict",
        "exchange_identity",
    ):
        op.drop_table(table)
