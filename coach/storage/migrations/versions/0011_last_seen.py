"""Retention: when each person last wrote, kept past the deletion of old conversation events.

Revision ID: 0011_last_seen
Revises: 0010_sealed_columns
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_last_seen"
down_revision = "0010_sealed_columns"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("user_settings") as batch:
        batch.add_column(sa.Column("last_seen_at", sa.DateTime, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("user_settings") as batch:
        batch.drop_column("last_seen_at")
