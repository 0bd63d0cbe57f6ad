"""Conversation sessions through the real agent and SQL tracker store: after an hour's
pause a new session starts, so a message never replays the whole history, while the
person's slots (their role, settings) carry over and every event stays stored."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from bot.rasa.bridge import RasaBridge, sender_id_for_chat
from coach.storage import conversation_events
from coach.storage.sealing import PersonText

pytestmark = pytest.mark.slow

HOUR_AND_A_BIT = 61 * 60


def age_conversation(db, chat_id: int, seconds: float) -> None:
    """Move every stored event of the chat ``seconds`` into the past (the column Rasa's
    query filters on, and the time inside the event, sealed, that the tracker is rebuilt from)."""
    events, sender = conversation_events.events, sender_id_for_chat(chat_id)
    with db.engine.begin() as connection:
        rows = connection.execute(sa.select(events.c.id, events.c.timestamp, events.c.data)
                                  .where(events.c.sender_id == sender)).all()
        for event_id, timestamp, data in rows:
            event = json.loads(data)
            event["timestamp"] -= seconds
            connection.execute(sa.update(events).where(events.c.id == event_id).values(
                timestamp=timestamp - seconds, data=PersonText(sender, json.dumps(event))))


def stored_event_count(db, chat_id: int) -> int:
    with db.engine.connect() as connection:
        return connection.execute(
            sa.text("SELECT COUNT(*) FROM events WHERE sender_id = :sender"), {"sender": sender_id_for_chat(chat_id)}
        ).scalar_one()


async def test_after_an_hours_pause_a_new_session_keeps_the_slots_but_not_the_replay(
    bridge: RasaBridge, db, chat_id: int
) -> None:
    sender = sender_id_for_chat(chat_id)
    for text in ("hi", "/role_hurt", "I keep replaying what happened in my head all day"):
        await bridge.handle(sender, text)
    before = await bridge.agent.tracker_store.retrieve(sender)
    assert before.get_slot("role") == "hurt"
    stored_before = stored_event_count(db, chat_id)

    await bridge.handle(sender, "thanks")  # within the hour: the same session
    assert len((await bridge.agent.tracker_store.retrieve(sender)).events) > len(before.events)

    age_conversation(db, chat_id, HOUR_AND_A_BIT)
    replies = await bridge.handle(sender, "hello again")
    assert replies  # answered as usual
    after = await bridge.agent.tracker_store.retrieve(sender)
    assert after.get_slot("role") == "hurt"  # carried over
    assert after.events[0].type_name == "session_started"  # the loaded tracker starts there
    assert after.events[0].timestamp > before.events[-1].timestamp  # ... with the new session
    assert len(after.events) < len(before.events)  # only the new session is loaded
    assert stored_event_count(db, chat_id) > stored_before  # nothing was deleted
