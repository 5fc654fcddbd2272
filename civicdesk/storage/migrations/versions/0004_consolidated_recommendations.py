"""Consolidated recommendations

A provincial or national workshop brings the districts' recommendations that say the same thing
together into one. The consolidated text is an ordinary recommendation (province level, no
district); `consolidated_recommendation` marks it as consolidated in one workshop, and
`consolidated_source` links it to every recommendation it brings together. Both carry the
workshop's `meeting_id`, so they lock when its minutes are signed.

Only new tables: nothing existing is renamed or rebuilt.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: As civicdesk.models.base.UTCDateTime stores it.
TIMESTAMP = sa.String(length=32)


def _record_columns() -> list[sa.Column[object]]:
    """The columns every record has (IdMixin and CreatedMixin)."""
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("sync_clock", sa.Text(), server_default="", nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "consolidated_recommendation",
        sa.Column("recommendation_id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_consolidated_recommendation_meeting_id_meeting"),
        ),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendation.id"],
            name=op.f("fk_consolidated_recommendation_recommendation_id_recommendation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consolidated_recommendation")),
        sa.UniqueConstraint(
            "recommendation_id", name=op.f("uq_consolidated_recommendation_recommendation_id")
        ),
    )
    with op.batch_alter_table("consolidated_recommendation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consolidated_recommendation_meeting_id"), ["meeting_id"], unique=False
        )

    op.create_table(
        "consolidated_source",
        sa.Column("consolidated_id", sa.Uuid(), nullable=False),
        sa.Column("recommendation_id", sa.Uuid(), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["consolidated_id"],
            ["consolidated_recommendation.id"],
            name=op.f("fk_consolidated_source_consolidated_id_consolidated_recommendation"),
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_consolidated_source_meeting_id_meeting")
        ),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendation.id"],
            name=op.f("fk_consolidated_source_recommendation_id_recommendation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consolidated_source")),
        sa.UniqueConstraint(
            "consolidated_id",
            "recommendation_id",
            name=op.f("uq_consolidated_source_consolidated_id_recommendation_id"),
        ),
    )
    with op.batch_alter_table("consolidated_source", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consolidated_source_consolidated_id"), ["consolidated_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_consolidated_source_recommendation_id"),
            ["recommendation_id"],
            unique=False,
        )


def downgrade() -> None:
    op.drop_table("consolidated_source")
    op.drop_table("consolidated_recommendation")
