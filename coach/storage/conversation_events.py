"""Rasa's ``events`` table, described for the core (Rasa's SQL tracker store owns it).

The core reads it (the weekly reflection's topics) and the person's data controls export
and delete it, without importing Rasa: this ``Table`` matches the columns of Rasa 3.6's
``SQLTrackerStore.SQLEvent`` (``tests/test_privacy_forget.py`` checks they agree), with
``data`` sealed as ``bot.tracker_store`` writes it. It has
its own ``MetaData``, so Alembic never creates or migrates it; it exists once Rasa has
saved a first conversation (``exists``).

``scrub_texts`` takes a deleted text (a saved apology) out of the person's stored events,
so it leaves the conversation history and ``/export`` too.
"""

from __future__ import annotations

import json
from typing import Any, Iterable

import sqlalchemy as sa

from coach.storage.sealing import PersonText, SealedText

EVENTS_TABLE_NAME = "events"

events = sa.Table(
    EVENTS_TABLE_NAME,
    sa.MetaData(),
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255), nullable=False, index=True),
    sa.Column("type_name", sa.String(255), nullable=False),
    sa.Column("timestamp", sa.Float),
    sa.Column("intent_name", sa.String(255)),
    sa.Column("action_name", sa.String(255)),
    sa.Column("data", SealedText),  # the event as JSON, sealed (coach.storage.sealing)
)


def open_event(sender_id: str, data: str) -> Any:
    """One stored event's JSON, decoded."""
    return json.loads(data)


def seal_event(sender_id: str, event: Any) -> PersonText:
    """One event, to store (sealed under the person's key)."""
    return PersonText(sender_id, json.dumps(event))


def exists(connection: sa.engine.Connection) -> bool:
    """True once Rasa has created its table in this database."""
    return sa.inspect(connection).has_table(EVENTS_TABLE_NAME)


SCRUBBED = "[deleted]"
CONTAINED_FROM = 12  # a text this long is scrubbed wherever it appears inside a longer one


def _scrub(value: Any, texts: frozenset[str], long_texts: tuple[str, ...]) -> tuple[Any, bool]:
    """``value`` (decoded JSON) with every string that is, or contains, one of the texts replaced."""
    if isinstance(value, str):
        folded = value.strip().casefold()
        if folded in texts or any(text in folded for text in long_texts):
            return SCRUBBED, True
        return value, False
    if isinstance(value, list):
        pairs = [_scrub(item, texts, long_texts) for item in value]
        return [item for item, _ in pairs], any(changed for _, changed in pairs)
    if isinstance(value, dict):
        pairs = {key: _scrub(item, texts, long_texts) for key, item in value.items()}
        return {key: item for key, (item, _) in pairs.items()}, any(changed for _, changed in pairs.values())
    return value, False


def scrub_texts(connection: sa.engine.Connection, sender_id: str, texts: Iterable[str]) -> int:
    """Replace the given texts (what the person typed, a draft made of it) in the person's
    stored events with ``SCRUBBED``: a string equal to one of them (case and spaces aside),
    or containing one at least ``CONTAINED_FROM`` characters long. Events are changed in
    place, never removed, so Rasa (which appends the events it does not find stored yet)
    is not confused. Returns the events changed."""
    wanted = {text.strip().casefold() for text in texts if text and text.strip()}
    if not wanted or not exists(connection):
        return 0
    long_texts = tuple(text for text in wanted if len(text) >= CONTAINED_FROM)
    changed = 0
    rows = connection.execute(sa.select(events.c.id, events.c.data).where(events.c.sender_id == sender_id)).all()
    for event_id, data in rows:
        if not data:
            continue
        scrubbed, was_changed = _scrub(open_event(sender_id, data), frozenset(wanted), long_texts)
        if was_changed:
            connection.execute(sa.update(events).where(events.c.id == event_id)
                               .values(data=seal_event(sender_id, scrubbed)))
            changed += 1
    return changed
