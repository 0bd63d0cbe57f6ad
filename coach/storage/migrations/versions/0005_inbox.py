"""The Telegram update inbox: updates fetched but not yet claimed, so a crash loses none.

Revision ID: 0005_inbox
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_inbox"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "telegram_inbox",
        sa.Column("update_id", sa.BigInteger, primary_key=True, autoincrement=False),
        sa.Column("chat_id", sa.BigInteger, nullable=True),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_telegram_inbox_chat_id", "telegram_inbox", ["chat_id"])


def downgrade() -> None:
    op.drop_index("ix_telegram_inbox_chat_id", table_name="telegram_inbox")
    op.drop_table("telegram_inbox")
