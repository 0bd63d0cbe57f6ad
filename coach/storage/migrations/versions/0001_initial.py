"""Initial tables: processed Telegram updates and per-user settings.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "processed_updates",
        sa.Column("update_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("chat_id", sa.BigInteger, nullable=True),
        sa.Column("received_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_processed_updates_chat_id", "processed_updates", ["chat_id"])
    op.create_table(
        "user_settings",
        sa.Column("chat_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("country", sa.String(8), nullable=True),
        sa.Column("timezone", sa.String(64), nullable=True),
        sa.Column("discreet", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("crisis_active", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("user_settings")
    op.drop_index("ix_processed_updates_chat_id", table_name="processed_updates")
    op.drop_table("processed_updates")
