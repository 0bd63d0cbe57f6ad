"""Daily check-ins (issue 7): one score and optional note per person per local day.

Revision ID: 0004_checkins
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_checkins"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("chat_id", sa.BigInteger, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("score", sa.SmallInteger, nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.UniqueConstraint("chat_id", "day", name="uq_checkins_chat_id_day"),
        sa.CheckConstraint("score BETWEEN 1 AND 5", name="ck_checkins_score_range"),
    )
    op.create_index("ix_checkins_chat_id", "checkins", ["chat_id"])


def downgrade() -> None:
    op.drop_index("ix_checkins_chat_id", table_name="checkins")
    op.drop_table("checkins")
