"""/export works for everyone: a person with every kind of data the coach stores (settings,
a reminder with its TIME column, an apology in progress and two saved versions, a check-in
with its note, the conversation saved by Rasa's tracker store, an update waiting in the
inbox, outbox rows with a file) is exported as JSON, every listed table with its rows, and
/forget then leaves no row about them."""

from __future__ import annotations

import asyncio
import base64
import json
from datetime import date

import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.tracker_store import RetryingSQLTrackerStore
from bot.telegram.outbox import text_message
from coach import people
from coach.apology import store as apology
from coach.checkins import store as checkins
from coach.privacy import PERSON_TABLES, export_json, forget_user
from coach.storage import outbox
from coach.storage.updates import keep_in_inbox
from coach.storage.db import Database
from testing.reminders import add

CHAT = 3_131


def save_conversation(db: Database, chat_id: int, text: str) -> None:
    """The person's message and a reply, saved by the bot's own Rasa tracker store."""
    store = RetryingSQLTrackerStore(domain=Domain.empty(), host=db.url)
    events = [UserUttered(text, {"name": "struggle_trust"}), BotUttered("That sounds exhausting.")]
    asyncio.run(store.save(DialogueStateTracker.from_events(str(chat_id), events)))
    store.engine.dispose()


def test_a_person_with_every_kind_of_data_is_exported_and_forgotten(fresh_db: Database) -> None:
    people.set_country(fresh_db, CHAT, "DK")
    add(fresh_db, CHAT, "every evening at 9 to call Sam")
    apology.save_answer(fresh_db, CHAT, "what_happened", "I lied about the trips")
    apology.save_draft(fresh_db, CHAT, "I lied about the trips. I'm sorry.", "tell you where I am")
    apology.save_draft(fresh_db, CHAT, "I lied about the trips, and I'm sorry.", "tell you where I am")
    keep_in_inbox(fresh_db, 90_001, CHAT, json.dumps({"update_id": 90_001, "message": {"text": "are u there"}}))
    save_conversation(fresh_db, CHAT, "i cant stop checking his phone")
    checkins.save_checkin(fresh_db, CHAT, date(2026, 12, 5), 4, "a calmer evening")
    outbox.enqueue(fresh_db, CHAT, [text_message("hello"),
                                    outbox.Outgoing(outbox.PHOTO, "your chart", file_name="c.png", file_data=b"\x89PNG")])

    exported = json.loads(export_json(fresh_db, CHAT))

    tables = exported["tables"]
    assert set(tables) == {name for name, _ in PERSON_TABLES} - {"processed_updates"}  # every kind, none missed
    assert [row["version"] for row in tables["apology_drafts"]] == [1, 2]
    assert tables["apology_progress"][0]["what_happened"] == "I lied about the trips"
    assert tables["user_settings"][0]["country"] == "DK"
    assert json.loads(tables["telegram_inbox"][0]["payload"])["message"]["text"] == "are u there"
    said = [event["data"].get("text") for event in tables["events"]]
    assert "i cant stop checking his phone" in said  # the conversation, its JSON decoded
    assert tables["reminders"][0]["local_time"] == "21:00:00"  # a TIME column (it crashed the export)
    assert tables["apology_drafts"][0]["text"].startswith("I lied")
    assert tables["checkins"][0]["note"] == "a calmer evening"
    photo = [row for row in tables["outbox"] if row["kind"] == outbox.PHOTO][0]
    assert base64.b64decode(photo["file_data"].removeprefix("base64:")) == b"\x89PNG"

    forget_user(fresh_db, CHAT)
    assert json.loads(export_json(fresh_db, CHAT))["tables"] == {}
    with fresh_db.engine.connect() as connection:
        for table in sa.inspect(fresh_db.engine).get_table_names():
            if "chat_id" in {column["name"] for column in sa.inspect(fresh_db.engine).get_columns(table)}:
                count = connection.execute(sa.text(f"SELECT COUNT(*) FROM {table} WHERE chat_id = :c"), {"c": CHAT})
                assert count.scalar() == 0, table
