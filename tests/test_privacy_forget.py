"""Forget for real: the one list of person tables, nothing left in the SQLite file or its
write-ahead log, the console's files gone, a deleted apology gone from the conversation.

Real databases throughout: each test has its own SQLite file (and its -wal file), and the
conversation is saved by the project's own Rasa tracker store, as the bot saves it.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot import privacy_commands as privacy
from bot.tracker_store import RetryingSQLTrackerStore
from coach import people
from coach.apology import store as apology
from coach.checkins import store as checkins
from coach.privacy import PERSON_COLUMNS, PERSON_TABLES, export_json, forget_user
from coach.storage import conversation_events
from coach.storage.db import Database
from coach.tables import Base
from testing.reminders import add

PERSON, OTHER = 4_242, 4_343
MARKER = "zebra-umbrella-7731"  # a text that appears nowhere else


def save_conversation(db: Database, chat_id: int, *texts: str) -> None:
    """The person says each text and the coach echoes it, saved by the bot's tracker store."""
    store = RetryingSQLTrackerStore(domain=Domain.empty(), host=db.url)
    events = []
    for text in texts:
        events += [UserUttered(text, {"name": "struggle_replaying"}), BotUttered(f"you said: {text}")]
    asyncio.run(store.save(DialogueStateTracker.from_events(str(chat_id), events)))
    store.engine.dispose()


def everything_about(db: Database, chat_id: int, text: str) -> None:
    """Every kind of data the coach keeps, each holding ``text``."""
    people.set_country(db, chat_id, "DK")
    add(db, chat_id, f"every evening at 9 to {text}")
    apology.save_answer(db, chat_id, "what_happened", f"I hid {text}")
    apology.save_draft(db, chat_id, f"I hid {text}. I'm sorry.", "tell you everything")
    checkins.save_checkin(db, chat_id, checkins.local_day(db, chat_id), 3, f"thinking of {text}")
    save_conversation(db, chat_id, f"i keep replaying {text}")


def file_bytes(db: Database) -> bytes:
    path = Path(db.engine.url.database)
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_every_table_with_a_person_column_is_on_the_list() -> None:
    listed = {name for name, _ in PERSON_TABLES}
    for table in Base.metadata.sorted_tables:
        person_columns = PERSON_COLUMNS & set(table.c.keys())
        assert not person_columns or table.name in listed, (
            f"{table.name} has {sorted(person_columns)}: add it to coach.privacy.PERSON_TABLES")
    for name, column in PERSON_TABLES:
        if name != conversation_events.EVENTS_TABLE_NAME:
            assert column in Base.metadata.tables[name].c, name


def test_the_events_table_described_for_the_core_is_rasas() -> None:
    def stored_type(column: sa.Column) -> type:
        return type(getattr(column.type, "impl", column.type))  # a sealed column is stored as its impl

    ours = {column.name: stored_type(column) for column in conversation_events.events.c}
    rasas = {column.name: stored_type(column) for column in SQLTrackerStore.SQLEvent.__table__.c}
    assert ours == rasas


def test_a_table_of_another_app_in_the_same_database_is_left_alone(fresh_db: Database) -> None:
    with fresh_db.engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE shop_orders (chat_id INTEGER, item TEXT)")
        connection.exec_driver_sql(f"INSERT INTO shop_orders VALUES ({PERSON}, 'flowers')")
    people.set_country(fresh_db, PERSON, "DK")

    assert "shop_orders" not in json.loads(export_json(fresh_db, PERSON))["tables"]
    forget_user(fresh_db, PERSON)
    with fresh_db.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT item FROM shop_orders").scalar() == "flowers"


def test_after_forget_the_text_is_in_neither_the_database_file_nor_its_log(fresh_db: Database) -> None:
    everything_about(fresh_db, PERSON, MARKER)
    everything_about(fresh_db, OTHER, "the garden")
    exported = json.loads(export_json(fresh_db, PERSON))["tables"]
    assert MARKER in json.dumps(exported)  # it was there, in every table
    assert {"user_settings", "reminders", "apology_progress", "apology_drafts", "checkins", "events"} <= set(exported)

    deleted = forget_user(fresh_db, PERSON)

    assert deleted["events"] == 2 and deleted["apology_drafts"] == 1
    assert MARKER.encode() not in file_bytes(fresh_db)
    assert json.loads(export_json(fresh_db, PERSON))["tables"] == {}
    assert "the garden" in json.dumps(json.loads(export_json(fresh_db, OTHER)))  # the other person keeps theirs


def test_secure_delete_is_on_for_every_connection(fresh_db: Database) -> None:
    for _ in range(3):
        with fresh_db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    store = RetryingSQLTrackerStore(domain=Domain.empty(), host=fresh_db.url)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    store.engine.dispose()


def test_deleting_the_saved_apology_takes_its_text_out_of_the_conversation(fresh_db: Database) -> None:
    answer = f"i lied about {MARKER} for a year"
    apology.save_answer(fresh_db, PERSON, "what_happened", answer)
    apology.save_draft(fresh_db, PERSON, f"I'm sorry. {answer}.", "no more secrets")
    store = RetryingSQLTrackerStore(domain=Domain.empty(), host=fresh_db.url)
    tracker = DialogueStateTracker.from_events(str(PERSON), [
        UserUttered("help me write an apology", {"name": "apology_start"}),
        UserUttered(answer, {"name": "inform"}),
        SlotSet("apology_what_happened", answer),
        BotUttered(f"Here is your draft:\n\nI'm sorry. {answer}."),
        UserUttered("no more secrets", {"name": "inform"}),
        UserUttered("ok", {"name": "affirm"}),
    ])
    asyncio.run(store.save(tracker))
    store.engine.dispose()

    assert apology.delete_drafts(fresh_db, PERSON) == 1

    events = json.loads(export_json(fresh_db, PERSON))["tables"]["events"]
    texts = json.dumps(events)
    assert MARKER not in texts and "no more secrets" not in texts
    assert "help me write an apology" in texts and '"ok"' in texts  # the rest of the conversation stays
    assert len(events) == 6
    assert MARKER.encode() not in file_bytes(fresh_db)


def test_forget_empties_the_consoles_files_and_says_how_to_delete_the_chat(fresh_db: Database, tmp_path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "trustcoach-export.json").write_text(MARKER)
    (folder / "progress-30-days.png").write_bytes(b"\x89PNG")
    people.set_country(fresh_db, PERSON, "DK")

    privacy.command(fresh_db, PERSON, "forget")
    reply = privacy.typed_answer(fresh_db, PERSON, "yes delete it", folder)

    assert reply is not None and reply.text == privacy.FORGET_DONE
    assert "Delete chat" in reply.text and "export file" in reply.text
    assert list(folder.iterdir()) == []
    assert people.country_of(fresh_db, PERSON) is None


def test_an_export_sent_an_hour_ago_can_still_be_deleted_from_the_chat(fresh_db: Database) -> None:
    from datetime import timedelta

    from coach.storage import outbox

    reply = privacy.command(fresh_db, PERSON, "export")
    [row] = outbox.enqueue(fresh_db, PERSON, [outbox.Outgoing(outbox.DOCUMENT, reply.file.caption,
                                                              file_name=reply.file.filename, file_data=reply.file.data)])
    outbox.mark_sent(fresh_db, [(row, 777)])
    outbox.prune_outbox(fresh_db, keep=timedelta(0))  # the content goes, the message id stays

    with fresh_db.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT COUNT(*) FROM outbox WHERE file_data IS NOT NULL").scalar() == 0
    privacy.command(fresh_db, PERSON, "forget")
    answered = privacy.answer(fresh_db, PERSON, privacy.FORGET_YES)
    assert answered.delete_messages == (777,)
    assert privacy.answer(fresh_db, PERSON, privacy.FORGET_YES).delete_messages == ()
