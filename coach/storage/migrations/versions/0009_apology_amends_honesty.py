"""Apology walkthrough (issue 14): the amends and honesty answers in progress.

Revision ID: 0009_apology_amends_honesty
Revises: 0008_pending_question
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_apology_amends_honesty"
down_revision = "0008_pending_question"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("apology_progress") as batch:
        batch.add_column(sa.Column("amends", sa.Text, nullable=True))
        batch.add_column(sa.Column("honesty", sa.Text, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("apology_progress") as batch:
        batch.drop_column("honesty")
        batch.drop_column("amends")
