"""The weekly reflection: the week's check-ins, the struggles talked about (read from Rasa's own
``events`` table, written by Rasa's SQL tracker store), and one idea from the articles."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActiveLoop, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from coach.content.guidance import load_guidance
from coach.checkins.reflection import NO_CHECKINS, SOURCE_LABELS, weekly_reflection
from coach.checkins.store import save_checkin
from coach.storage.db import Database
from coach.tables import UserSettings

TODAY = date(2025, 3, 16)  # a Sunday
CHAT = 4242


def at(day: date, hour: int = 12) -> float:
    return datetime.combine(day, time(hour), tzinfo=timezone.utc).timestamp()


async def store_messages(db: Database, sender_id: str, messages: list[tuple[str, float]]) -> None:
    """Save user messages with these intents and times through Rasa's SQL tracker store
    ("form:<name>" / "form:" for a form starting / ending at that time)."""
    store = SQLTrackerStore(host=db.url)
    events = [
        ActiveLoop(intent.removeprefix("form:") or None, timestamp=timestamp) if intent.startswith("form:")
        else UserUttered(f"message {index}", intent={"name": intent, "confidence": 1.0}, timestamp=timestamp)
        for index, (intent, timestamp) in enumerate(messages)
    ]
    await store.save(DialogueStateTracker.from_events(sender_id, events))
    store.engine.dispose()


async def test_reflection_sums_up_the_week(fresh_db: Database) -> None:
    for offset, score in [(0, 4), (2, 5), (4, 3)]:  # this week: Sun 4, Fri 5, Wed 3
        save_checkin(fresh_db, CHAT, TODAY - timedelta(days=offset), score, None)
    for offset, score in [(7, 2), (9, 3)]:  # the week before
        save_checkin(fresh_db, CHAT, TODAY - timedelta(days=offset), score, None)
    await store_messages(fresh_db, str(CHAT), [
        ("struggle_dwelling", at(TODAY - timedelta(days=6), hour=0) + 60),  # first minute of the week
        ("struggle_dwelling", at(TODAY - timedelta(days=1))),
        ("struggle_retaliation", at(TODAY)),
        ("greet", at(TODAY)),  # not a struggle
        ("struggle_dwelling", at(TODAY - timedelta(days=7), hour=23)),  # the week before
        ("struggle_money", at(TODAY + timedelta(days=1))),  # after today
        ("form:checkin_form", at(TODAY - timedelta(days=2), hour=20)),
        ("struggle_secrecy", at(TODAY - timedelta(days=2), hour=20) + 10),  # a check-in note, not a topic
        ("form:", at(TODAY - timedelta(days=2), hour=20) + 20),
    ])
    await store_messages(fresh_db, str(CHAT + 1), [("struggle_money", at(TODAY))])  # someone else

    text = weekly_reflection(fresh_db, CHAT, TODAY)

    assert text.startswith("Your week, 10 Mar to 16 Mar")
    assert "You checked in on 3 of the last 7 days, averaging 4.0 of 5 (up from 2.5 the week before)." in text
    assert "Your best day was Friday (5 of 5)." in text
    assert "We talked about: Stuck on the past (twice), Urge to get even (once)." in text
    assert "Money" not in text and "Secrets" not in text
    dwelling_nudges = load_guidance().nudges["dwelling"]
    chosen = [nudge for nudge in dwelling_nudges if nudge.text in text]
    assert len(chosen) == 1
    assert SOURCE_LABELS[chosen[0].sources[0]] in text
    assert "emergency" not in text.lower()


def test_reflection_with_nothing_yet_is_still_kind(fresh_db: Database) -> None:
    text = weekly_reflection(fresh_db, CHAT, TODAY)  # no events table, no check-ins
    assert NO_CHECKINS in text
    assert "We talked about" not in text
    general = [nudge.text for nudge in load_guidance().nudges["general"]]
    assert any(idea in text for idea in general)


def test_reflection_reads_the_week_in_the_persons_time_zone(fresh_db: Database) -> None:
    with fresh_db.session() as session:
        session.add(UserSettings(chat_id=CHAT, timezone="America/New_York", discreet=False, crisis_active=False))
    save_checkin(fresh_db, CHAT, TODAY, 2, None)
    text = weekly_reflection(fresh_db, CHAT, TODAY)
    assert "You checked in once this week: a 2 of 5." in text


async def test_topics_use_local_midnight(fresh_db: Database) -> None:
    with fresh_db.session() as session:
        session.add(UserSettings(chat_id=CHAT, timezone="America/New_York", discreet=False, crisis_active=False))
    first_local_day = TODAY - timedelta(days=6)
    await store_messages(fresh_db, str(CHAT), [
        ("struggle_money", at(first_local_day, hour=3)),  # 03:00 UTC is still the day before in New York
        ("struggle_secrecy", at(first_local_day, hour=6)),  # 06:00 UTC is 01:00 or 02:00 in New York
    ])
    text = weekly_reflection(fresh_db, CHAT, TODAY)
    assert "We talked about: Secrets and privacy (once)." in text
