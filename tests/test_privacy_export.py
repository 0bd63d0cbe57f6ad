"""/export works for everyone: a person with every kind of data the coach stores (settings,
a reminder with its TIME column, an apology in progress and a saved draft, a check-in, an
outbox row with a file) is exported as JSON, and /forget then leaves no row about them."""

from __future__ import annotations

import base64
import json
from datetime import date

import sqlalchemy as sa

from bot.telegram.outbox import text_message
from coach import people
from coach.apology import store as apology
from coach.checkins import store as checkins
from coach.privacy import export_json, forget_user
from coach.storage import outbox
from coach.storage.db import Database
from testing.reminders import add

CHAT = 3_131


def test_a_person_with_every_kind_of_data_is_exported_and_forgotten(fresh_db: Database) -> None:
    people.set_country(fresh_db, CHAT, "DK")
    add(fresh_db, CHAT, "every evening at 9 to call Sam")
    apology.save_answer(fresh_db, CHAT, "what_happened", "I lied about the trips")
    apology.save_draft(fresh_db, CHAT, "I lied about the trips. I'm sorry.", "tell you where I am")
    checkins.save_checkin(fresh_db, CHAT, date(2026, 12, 5), 4, "a calmer evening")
    outbox.enqueue(fresh_db, CHAT, [text_message("hello"),
                                    outbox.Outgoing(outbox.PHOTO, "your chart", file_name="c.png", file_data=b"\x89PNG")])

    exported = json.loads(export_json(fresh_db, CHAT))

    tables = exported["tables"]
    assert tables["reminders"][0]["local_time"] == "21:00:00"  # a TIME column (it crashed the export)
    assert tables["apology_drafts"][0]["text"].startswith("I lied")
    assert tables["checkins"][0]["note"] == "a calmer evening"
    photo = [row for row in tables["outbox"] if row["kind"] == outbox.PHOTO][0]
    assert base64.b64decode(photo["file_data"].removeprefix("base64:")) == b"\x89PNG"

    forget_user(fresh_db, CHAT)
    with fresh_db.engine.connect() as connection:
        for table in sa.inspect(fresh_db.engine).get_table_names():
            if "chat_id" in {column["name"] for column in sa.inspect(fresh_db.engine).get_columns(table)}:
                count = connection.execute(sa.text(f"SELECT COUNT(*) FROM {table} WHERE chat_id = :c"), {"c": CHAT})
                assert count.scalar() == 0, table
