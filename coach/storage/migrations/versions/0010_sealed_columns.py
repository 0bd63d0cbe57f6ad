"""Encryption at rest: every sensitive column's existing plaintext is sealed under its person's key.

``reminders.note`` becomes TEXT (a sealed note is longer than the 300 characters a note
may have). Each row's plaintext is read, sealed with ``coach.storage.sealing`` under the
key of the person the row names (made in the keystore on the way), and written back; rows
already sealed are left alone, so an interrupted upgrade can simply be run again. Rasa's
``events.data`` is sealed too when Rasa's table exists. ``downgrade`` opens them again.

Revision ID: 0010_sealed_columns
Revises: 0009_apology_amends_honesty
"""

import sqlalchemy as sa
from alembic import op

from coach.storage import sealing

revision = "0010_sealed_columns"
down_revision = "0009_apology_amends_honesty"
branch_labels = None
depends_on = None

# (table, its key column, the column naming the person, the sealed text columns, sealed byte columns)
SEALED = (
    ("apology_progress", "chat_id", "chat_id",
     ("what_happened", "impact", "ownership", "regret", "amends", "change", "honesty", "request"), ()),
    ("apology_drafts", "id", "chat_id", ("text", "change"), ()),
    ("checkins", "id", "chat_id", ("note",), ()),
    ("reminders", "id", "chat_id", ("note",), ()),
    ("telegram_inbox", "update_id", "chat_id", ("payload",), ()),
    ("outbox", "id", "chat_id", ("text", "reply_markup"), ("file_data",)),
    ("events", "id", "sender_id", ("data",), ()),
)


def _person(value: object) -> str:
    return "-" if value is None else str(value)


def _convert(seal: bool) -> None:
    connection = op.get_bind()
    keyring = sealing.keyring_of(connection.dialect)
    inspector = sa.inspect(connection)
    for name, key, person, texts, blobs in SEALED:
        if not inspector.has_table(name):
            continue  # Rasa's events before its first conversation
        table = sa.table(name, sa.column(key), sa.column(person), *(sa.column(c, sa.Text) for c in texts),
                         *(sa.column(c, sa.LargeBinary) for c in blobs))
        rows = connection.execute(sa.select(table)).mappings().all()
        for row in rows:
            changes: dict[str, object] = {}
            for column in texts:
                value = row[column]
                if not value:
                    continue
                if seal and not sealing.is_sealed_text(value):
                    changes[column] = sealing.seal_text(keyring, sealing.PersonText(_person(row[person]), value))
                elif not seal and sealing.is_sealed_text(value):
                    changes[column] = sealing.open_text(keyring, value)
            for column in blobs:
                value = row[column]
                if not value:
                    continue
                value = bytes(value)
                sealed = value.startswith((sealing.BYTES_PREFIX, sealing.PLAIN_BYTES_PREFIX))
                if seal and not sealed:
                    changes[column] = sealing.seal_bytes(keyring, sealing.PersonBytes(_person(row[person]), value))
                elif not seal and sealed:
                    changes[column] = sealing.open_bytes(keyring, value)
            if changes:
                connection.execute(sa.update(table).where(table.c[key] == row[key]).values(**changes))


def upgrade() -> None:
    with op.batch_alter_table("reminders") as batch:
        batch.alter_column("note", type_=sa.Text, existing_type=sa.String(300), existing_nullable=False,
                           existing_server_default=sa.text("''"))
    _convert(seal=True)


def downgrade() -> None:
    _convert(seal=False)
    with op.batch_alter_table("reminders") as batch:
        batch.alter_column("note", type_=sa.String(300), existing_type=sa.Text, existing_nullable=False,
                           existing_server_default=sa.text("''"))
