"""Reminders: the nudges people set, with their schedule and delivery claims.

Revision ID: 0002_reminders
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_reminders"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reminders",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("chat_id", sa.BigInteger, nullable=False),
        sa.Column("note", sa.String(300), nullable=False, server_default=""),
        sa.Column("topic", sa.String(32), nullable=False, server_default="general"),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("rrule", sa.String(200), nullable=True),
        sa.Column("tz_name", sa.String(64), nullable=False),
        sa.Column("local_time", sa.Time, nullable=False),
        sa.Column("explicit_time", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("anchor_at", sa.DateTime, nullable=False),
        sa.Column("next_fire_at", sa.DateTime, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, server_default="active"),
        sa.Column("last_sent_at", sa.DateTime, nullable=True),
        sa.Column("claimed_by", sa.String(64), nullable=True),
        sa.Column("claimed_until", sa.DateTime, nullable=True),
        sa.Column("missed_count", sa.Integer, nullable=False, server_default="0"),
        sa.Column("nudge_index", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_reminders_chat_id", "reminders", ["chat_id"])
    op.create_index("ix_reminders_due", "reminders", ["status", "next_fire_at"])


def downgrade() -> None:
    op.drop_index("ix_reminders_due", table_name="reminders")
    op.drop_index("ix_reminders_chat_id", table_name="reminders")
    op.drop_table("reminders")
