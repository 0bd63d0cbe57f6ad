"""A yes/no question asked outside Rasa (/forget) waits for a typed answer.

Revision ID: 0008_pending_question
Revises: 0007_outbox
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_pending_question"
down_revision = "0007_outbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("user_settings") as batch:
        batch.add_column(sa.Column("pending_question", sa.String(32), nullable=True))
        batch.add_column(sa.Column("pending_since", sa.DateTime, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("user_settings") as batch:
        batch.drop_column("pending_since")
        batch.drop_column("pending_question")
