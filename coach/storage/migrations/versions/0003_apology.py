"""Apology walkthrough: answers in progress and saved, versioned drafts.

Revision ID: 0003_apology
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0003_apology"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "apology_progress",
        sa.Column("chat_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("what_happened", sa.Text, nullable=True),
        sa.Column("impact", sa.Text, nullable=True),
        sa.Column("ownership", sa.Text, nullable=True),
        sa.Column("regret", sa.Text, nullable=True),
        sa.Column("change", sa.Text, nullable=True),
        sa.Column("request", sa.Text, nullable=True),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "apology_drafts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("chat_id", sa.BigInteger, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("change", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("chat_id", "version", name="uq_apology_drafts_chat_version"),
    )
    op.create_index("ix_apology_drafts_chat_id", "apology_drafts", ["chat_id"])


def downgrade() -> None:
    op.drop_index("ix_apology_drafts_chat_id", table_name="apology_drafts")
    op.drop_table("apology_drafts")
    op.drop_table("apology_progress")
