"""English beside positions, absence reasons, amendment reasons and signatory titles

The first schema kept one text for each; English documents need the English too. The existing
column keeps the text as written (usually Khmer); the new one holds the English and starts empty.
Columns are only added, never renamed, so the audit log's records of existing rows still match.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ADDED = (
    ("person", "position_en"),
    ("attendance", "absence_reason_en"),
    ("recommendation", "withdrawn_reason_en"),
    ("recommendation_revision", "reason_en"),
    ("endorsement", "title_en"),
)


def upgrade() -> None:
    for table, column in ADDED:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column(column, sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    for table, column in reversed(ADDED):
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column(column)
