"""Retention: conversation events older than 180 days go, and everything of a person silent
for 12 months goes (key shredded first), run by the reminders' delivery loop. Rows are
dated in the past on a real SQLite file; the loop runs on a clock the test moves."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import date, datetime, timedelta, timezone

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.tracker_store import RetryingSQLTrackerStore
from coach import people
from coach.checkins import store as checkins
from coach.config import Settings
from coach.privacy import export_json
from coach.reminders.delivery import ReminderDelivery
from coach.retention import Retention, apply_retention, retention_chore
from coach.storage.db import Database
from coach.storage.keys import KeyShredded
from testing.reminders import Clock, Outbox
from testing.texts import response_text

NOW = datetime(2026, 12, 5, 12, 0, tzinfo=timezone.utc)
ACTIVE, SILENT, NEVER_WROTE, FADING = 6_101, 6_202, 6_303, 6_404


def said(db: Database, chat_id: int, *days_ago: int) -> None:
    """The person wrote (and was answered) on each of those days before NOW."""
    events = []
    for days in days_ago:
        moment = (NOW - timedelta(days=days)).timestamp()
        events += [UserUttered(f"message from {days} days ago", {"name": "struggle_trust"}, timestamp=moment),
                   BotUttered(f"reply to {days} days ago", timestamp=moment + 1)]
    store = RetryingSQLTrackerStore(domain=Domain.empty(), host=db.url)
    asyncio.run(store.save(DialogueStateTracker.from_events(str(chat_id), events)))
    store.engine.dispose()


def tables_of(db: Database, chat_id: int) -> dict:
    return json.loads(export_json(db, chat_id))["tables"]


@pytest.fixture
def populated(fresh_db: Database) -> Database:
    said(fresh_db, ACTIVE, 200, 10)  # wrote long ago and lately
    checkins.save_checkin(fresh_db, ACTIVE, date(2026, 6, 1), 4, "a good day in june")
    said(fresh_db, SILENT, 400)  # nothing for more than a year
    checkins.save_checkin(fresh_db, SILENT, date(2025, 11, 1), 2, "a hard day")
    people.set_country(fresh_db, NEVER_WROTE, "DK")  # a settings row, two years old, never a message
    with fresh_db.engine.begin() as connection:
        connection.exec_driver_sql(f"UPDATE user_settings SET created_at = '2024-12-01 00:00:00' "
                                   f"WHERE chat_id = {NEVER_WROTE}")
    said(fresh_db, FADING, 200)  # silent for 200 days: old events go, the person stays (for now)
    checkins.save_checkin(fresh_db, FADING, date(2026, 5, 1), 3, "still here")
    return fresh_db


def test_old_conversation_goes_and_people_silent_for_a_year_are_forgotten(populated: Database) -> None:
    stats = apply_retention(populated, NOW, Retention())

    active = tables_of(populated, ACTIVE)
    texts = [event["data"].get("text") for event in active["events"]]
    assert "message from 10 days ago" in texts and "message from 200 days ago" not in texts
    assert active["checkins"][0]["note"] == "a good day in june"  # only conversation events age out

    assert tables_of(populated, SILENT) == {} and tables_of(populated, NEVER_WROTE) == {}
    with pytest.raises(KeyShredded):
        populated.keyring.for_reading(str(SILENT), refresh=True)

    fading = tables_of(populated, FADING)
    assert "events" not in fading and fading["checkins"][0]["note"] == "still here"
    assert stats.forgotten == 2 and stats.events_deleted == 4  # 200 days old: ACTIVE's two, FADING's two


def test_when_a_person_last_wrote_outlives_their_old_events(populated: Database) -> None:
    apply_retention(populated, NOW, Retention())
    assert tables_of(populated, FADING)["user_settings"][0]["last_seen_at"].startswith("2026-05-19")

    apply_retention(populated, NOW + timedelta(days=170), Retention())  # 370 days after their last message

    assert tables_of(populated, FADING) == {}
    assert "checkins" in tables_of(populated, ACTIVE)  # wrote 180 days before: still kept


def test_zero_keeps_everything(populated: Database) -> None:
    stats = apply_retention(populated, NOW, Retention(events_days=0, silent_days=0))
    assert stats.forgotten == 0 and stats.events_deleted == 0
    assert len(tables_of(populated, ACTIVE)["events"]) == 4 and tables_of(populated, SILENT)


def test_the_delivery_loop_runs_retention_hourly_with_the_configured_periods(populated: Database) -> None:
    settings = Settings(events_retention_days=365, silent_retention_days=500)
    clock = Clock(NOW)
    delivery = ReminderDelivery.from_settings(settings, populated, Outbox(), clock=clock,
                                              chores=retention_chore(settings, populated))

    asyncio.run(delivery.do_chores())
    assert tables_of(populated, SILENT) and "events" in tables_of(populated, FADING)  # 400 < 500, 200 < 365
    assert tables_of(populated, NEVER_WROTE) == {}  # 734 days

    clock.advance(days=101)
    asyncio.run(delivery.do_chores())
    assert tables_of(populated, SILENT) == {}  # 501 days silent
    clock.advance(minutes=30)
    said(populated, SILENT, 1)  # they come back...
    asyncio.run(delivery.do_chores())  # ...and the next pass is not due yet: nothing runs
    assert tables_of(populated, SILENT)


def test_privacy_says_what_is_kept_and_for_how_long() -> None:
    text = response_text("utter_privacy")
    defaults = Settings()
    assert f"after {defaults.events_retention_days} days" in text
    assert defaults.silent_retention_days == 365 and "12 months" in text
    assert re.search(r"encrypted with a key of your own", text)
