"""Merge the feature branches (reminders, apology, check-ins, inbox) into one line.

0002-0005 each branched from 0001, so the chain had four heads and ``Database.migrate``
upgraded to "heads". From here on there is one head: new migrations revise the latest
one, and start-up upgrades to "head". Databases created by the old chain (at any of the
old heads, or all four) upgrade through this revision unchanged; it alters no table.

Revision ID: 0006_merge_heads
Revises: 0002_reminders, 0003_apology, 0004_checkins, 0005_inbox
"""

revision = "0006_merge_heads"
down_revision = ("0002_reminders", "0003_apology", "0004_checkins", "0005_inbox")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
