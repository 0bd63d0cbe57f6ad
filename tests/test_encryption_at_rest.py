"""Encryption at rest: every sensitive column is sealed under the person's own key, the key
is shredded first on /forget, old plaintext databases are converted, the master key can
be rotated. Real SQLite files (and a real PostgreSQL server where one is installed)."""

from __future__ import annotations

import asyncio
import json
import shutil
import stat
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.telegram.outbox import text_message
from bot.tracker_store import RetryingSQLTrackerStore
from coach import people
from coach.apology import store as apology
from coach.checkins import store as checkins
from coach.config import Settings
from coach.privacy import export_json, forget_user
from coach.reminders import repository
from coach.storage import keys, outbox
from coach.storage.db import MIGRATIONS_DIR, Database
from coach.storage.keys import KeyShredded, Keyring, default_keystore_url, rotate_master_key
from coach.storage.updates import keep_in_inbox
from testing.postgres import postgres_url  # noqa: F401  (a fixture)
from testing.reminders import add

PERSON, OTHER = 5_151, 5_252
MARKER = "walnut-lantern-4417"


def save_conversation(db: Database, chat_id: int, text: str) -> None:
    store = RetryingSQLTrackerStore(domain=Domain.empty(), host=db.url)
    asyncio.run(store.save(DialogueStateTracker.from_events(
        str(chat_id), [UserUttered(text, {"name": "struggle_trust"}), BotUttered(f"you said {text}")])))
    store.engine.dispose()


def everything_about(db: Database, chat_id: int, text: str) -> None:
    """Every sealed column of the coach, each holding ``text``."""
    add(db, chat_id, f"every evening at 9 to {text}")
    apology.save_answer(db, chat_id, "what_happened", f"I hid {text}")
    apology.save_draft(db, chat_id, f"I hid {text}. I'm sorry.", f"tell you about {text}")
    checkins.save_checkin(db, chat_id, checkins.local_day(db, chat_id), 3, f"thinking of {text}")
    keep_in_inbox(db, chat_id * 10, chat_id, json.dumps({"message": {"text": text}}))
    outbox.enqueue(db, chat_id, [text_message(f"you wrote {text}"),
                                 outbox.Outgoing(outbox.DOCUMENT, text, file_name="e.json", file_data=text.encode())])
    save_conversation(db, chat_id, f"i keep replaying {text}")


def raw_bytes(db: Database) -> bytes:
    path = Path(db.engine.url.database)
    return b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())


def readable(db: Database, chat_id: int) -> str:
    return json.dumps(json.loads(export_json(db, chat_id)))


def test_no_sensitive_text_is_stored_in_the_clear(fresh_db: Database) -> None:
    everything_about(fresh_db, PERSON, MARKER)
    people.set_country(fresh_db, PERSON, "DK")

    assert MARKER.encode() not in raw_bytes(fresh_db)
    exported = readable(fresh_db, PERSON)  # and all of it reads back
    for table in ("reminders", "apology_progress", "apology_drafts", "checkins", "telegram_inbox", "outbox", "events"):
        assert table in json.loads(exported)["tables"] and MARKER in json.dumps(json.loads(exported)["tables"][table]), table
    with fresh_db.engine.connect() as connection:
        stored = connection.exec_driver_sql(f"SELECT text FROM apology_drafts WHERE chat_id = {PERSON}").scalar()
        queried = connection.exec_driver_sql(f"SELECT intent_name FROM events WHERE sender_id = '{PERSON}' "
                                             "AND type_name = 'user'").scalar()
    assert stored.startswith(f"tc1:{PERSON}:")
    assert queried == "struggle_trust"  # what the code queries on stays plain


def test_the_master_key_file_is_private_and_not_in_the_database_folder_copy(fresh_db: Database) -> None:
    everything_about(fresh_db, PERSON, MARKER)
    master = Path(fresh_db.keyring.master_key_file)
    assert stat.S_IMODE(master.stat().st_mode) == 0o600
    assert len(master.read_bytes()) == keys.KEY_BYTES
    assert master.read_bytes() not in raw_bytes(fresh_db)
    keystore = Path(sa.engine.make_url(fresh_db.keyring.keystore_url).database)
    assert keystore != Path(fresh_db.engine.url.database) and keystore.exists()


def test_a_bare_text_is_refused_by_a_sealed_column(fresh_db: Database) -> None:
    from coach.apology.store import ApologyDraft

    with pytest.raises(sa.exc.StatementError, match="PersonText"):
        with fresh_db.session() as session:
            session.add(ApologyDraft(chat_id=PERSON, version=1, text="in the clear", change="x"))


def test_forget_shreds_the_key_so_a_copy_taken_before_cannot_be_read(fresh_db: Database, tmp_path) -> None:
    everything_about(fresh_db, PERSON, MARKER)
    everything_about(fresh_db, OTHER, "the garden")
    with fresh_db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    backup = tmp_path / "backup.db"
    shutil.copyfile(fresh_db.engine.url.database, backup)  # a backup, with the person still in it

    forget_user(fresh_db, PERSON)

    copy = Database(f"sqlite:///{backup}", keyring=fresh_db.keyring)  # the live keystore and master key
    try:
        with copy.engine.connect() as connection:
            assert connection.exec_driver_sql(f"SELECT COUNT(*) FROM checkins WHERE chat_id = {PERSON}").scalar() == 1
        with pytest.raises(KeyShredded):
            export_json(copy, PERSON)
        for table in ("apology_drafts", "checkins", "reminders", "outbox", "telegram_inbox"):
            with pytest.raises(KeyShredded):
                with copy.engine.connect() as connection:
                    connection.execute(sa.text(f"SELECT * FROM {table} WHERE chat_id = :c")
                                       .columns(**_sealed_columns(table)), {"c": PERSON}).all()
        assert "the garden" in readable(copy, OTHER)  # everyone else's data still opens
    finally:
        copy.dispose()


def _sealed_columns(table: str) -> dict[str, sa.types.TypeEngine]:
    from coach.tables import Base

    return {column.name: column.type for column in Base.metadata.tables[table].c}


def test_a_person_who_comes_back_after_forget_gets_a_new_key(fresh_db: Database) -> None:
    everything_about(fresh_db, PERSON, MARKER)
    other_process = Keyring(fresh_db.keyring.keystore_url, fresh_db.keyring.master_key_file)
    old = other_process.for_reading(str(PERSON))  # another process has the old key in memory
    forget_user(fresh_db, PERSON)

    apology.save_answer(fresh_db, PERSON, "what_happened", "starting over")
    fresh = Database(fresh_db.url, keyring=other_process)
    try:
        assert apology.load_answers(fresh, PERSON) == {"what_happened": "starting over"}
        assert other_process.for_reading(str(PERSON)) is not old  # it noticed the new key
    finally:
        fresh.dispose()
        other_process.dispose()


def test_rotating_the_master_key_keeps_every_person_readable(fresh_db: Database) -> None:
    everything_about(fresh_db, PERSON, MARKER)
    master_file = Path(fresh_db.keyring.master_key_file)
    before = master_file.read_bytes()

    assert rotate_master_key(fresh_db.keyring.keystore_url, master_file) >= 1

    after = master_file.read_bytes()
    assert after != before and stat.S_IMODE(master_file.stat().st_mode) == 0o600
    assert not master_file.with_name(master_file.name + ".old").exists()
    reopened = Database(fresh_db.url, keyring=Keyring(fresh_db.keyring.keystore_url, master_file))
    try:
        assert MARKER in readable(reopened, PERSON)
    finally:
        reopened.dispose()


def _config(connection: sa.engine.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def test_an_old_plaintext_database_is_sealed_by_the_migration(tmp_path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'old.db'}")
    with db.engine.begin() as connection:
        command.upgrade(_config(connection), "0008_pending_question")
        connection.exec_driver_sql(
            "INSERT INTO apology_drafts (chat_id, version, text, change, created_at) "
            f"VALUES ({PERSON}, 1, 'I hid {MARKER}', 'no secrets', '2026-01-01 00:00:00')")
        connection.exec_driver_sql(
            "INSERT INTO checkins (chat_id, day, score, note, created_at, updated_at) "
            f"VALUES ({PERSON}, '2026-01-01', 2, 'thinking of {MARKER}', '2026-01-01 00:00:00', '2026-01-01 00:00:00')")
        connection.exec_driver_sql(
            "INSERT INTO outbox (chat_id, urgent, kind, text, file_data, created_at, attempts) "
            f"VALUES ({PERSON}, 0, 'document', 'caption', x'{MARKER.encode().hex()}', '2026-01-01 00:00:00', 0)")
    old_tracker = RetryingSQLTrackerStore(domain=Domain.empty(), host=db.url)
    with old_tracker.engine.begin() as connection:  # an event as Rasa stored it before (plain JSON)
        connection.exec_driver_sql(
            "INSERT INTO events (sender_id, type_name, timestamp, intent_name, data) VALUES "
            f"('{PERSON}', 'user', 1.0, 'inform', '{json.dumps({'event': 'user', 'text': MARKER})}')")
    old_tracker.engine.dispose()

    db.migrate()
    db.migrate()  # again: nothing sealed twice

    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert MARKER.encode() not in raw_bytes(db)
    assert apology.latest_draft(db, PERSON).text == f"I hid {MARKER}"
    tables = json.loads(export_json(db, PERSON))["tables"]
    assert tables["checkins"][0]["note"] == f"thinking of {MARKER}"
    assert tables["events"][0]["data"]["text"] == MARKER
    assert tables["outbox"][0]["file_data"] == "base64:" + __import__("base64").b64encode(MARKER.encode()).decode()
    db.dispose()


def test_the_keystore_sits_beside_the_database_unless_configured() -> None:
    assert default_keystore_url("sqlite:////srv/coach/trustcoach.db") == "sqlite:////srv/coach/trustcoach-keys.db"
    assert (default_keystore_url("postgresql://coach@db/coach", Path("/etc/coach/master.key"))
            == "sqlite:////etc/coach/keys.db")
    settings = Settings(keystore_url="sqlite:////tmp/elsewhere.db")
    assert settings.keystore_url == "sqlite:////tmp/elsewhere.db"


def test_postgresql_stores_only_sealed_text_and_forget_shreds(postgres_url, tmp_path, monkeypatch) -> None:  # noqa: F811
    monkeypatch.setenv("KEYSTORE_URL", f"sqlite:///{tmp_path / 'keys.db'}")  # the tracker store's too
    db = Database(postgres_url)
    keyring = db.keyring
    db.migrate()
    try:
        everything_about(db, PERSON, MARKER)
        everything_about(db, OTHER, "the garden")
        with db.engine.connect() as connection:
            stored = connection.exec_driver_sql(f"SELECT note FROM checkins WHERE chat_id = {PERSON}").scalar()
            events = connection.exec_driver_sql(f"SELECT data FROM events WHERE sender_id = '{PERSON}'").scalars().all()
        assert stored.startswith(f"tc1:{PERSON}:") and MARKER not in stored
        assert events and all(MARKER not in data for data in events)
        assert MARKER in readable(db, PERSON)

        forget_user(db, PERSON)

        assert json.loads(export_json(db, PERSON))["tables"] == {}
        assert "the garden" in readable(db, OTHER)
        assert str(PERSON) not in keyring.people()
    finally:
        db.dispose()
