"""Tools for trying to break the bot, shared by tests/test_reliability.py and `make soak`.

- ``MESSAGES`` / ``script``: everyday messages that each get a reply, rotated per chat.
- ``RecordingBridge`` wraps the real ``RasaBridge`` and records every message it handled
  and the replies it produced, so a test knows exactly which Telegram messages must
  arrive, in which order, each once (``expected_texts``).
- ``hold_write_lock`` keeps an exclusive SQLite transaction open from another connection
  (another process, or a backup holding the file), as a database in trouble would.
- ``check_delivery`` compares what each chat was sent with what it should have been
  sent: replies lost, extra (sent twice), out of order; messages handled twice.
- ``stored_conversation`` reads what the tracker store kept for a chat: the user texts
  handled and the bot texts uttered, for checks across a crash.
- ``send_through_rate_limiter`` sends many messages at once through the bot's own
  ``Bot`` (with its rate limiter) to the fake server; ``busiest_window`` is the most
  sends the server saw in any window of ``seconds``.
"""

from __future__ import annotations

import asyncio
import bisect
import json
import sqlite3
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from coach.config import Settings
from coach.people import sender_for_chat
from coach.storage import conversation_events
from coach.storage.db import create_engine
from bot.rasa.bridge import BotReply, RasaBridge
from bot.telegram.app import build_application
from bot.telegram.rendering import render
from testing.fake_telegram import Call, FakeTelegramServer


# Everyday messages that each get a reply (some start a guided flow with buttons).
MESSAGES = [
    "hello",
    "i keep replaying what she did over and over",
    "thank you, that helps",
    "how do i start trusting him again after the lies",
    "/privacy",
    "every time we talk about the affair we end up screaming at each other",
    "bye for now",
    "i want to hurt him the way he hurt me",
]


def script(chat_number: int, length: int) -> list[str]:
    """Each chat its own rotation of the messages, so chats are not in lockstep."""
    return [MESSAGES[(chat_number + step) % len(MESSAGES)] for step in range(length)]


@dataclass
class Handled:
    sender_id: str
    text: str
    replies: list[BotReply]


@dataclass
class RecordingBridge:
    """The real bridge, recording every message handled and its replies, in order."""

    inner: RasaBridge
    handled: list[Handled] = field(default_factory=list)

    @property
    def known_intents(self) -> frozenset[str]:
        return self.inner.known_intents

    async def handle(self, sender_id: str, text: str, metadata: dict[str, Any] | None = None,
                     message_id: str | None = None, maybe_seen: bool = False) -> list[BotReply]:
        replies = await self.inner.handle(sender_id, text, metadata, message_id=message_id, maybe_seen=maybe_seen)
        self.handled.append(Handled(sender_id, text, replies))
        return replies

    async def slot(self, sender_id: str, name: str) -> Any:
        return await self.inner.slot(sender_id, name)

    def inputs(self, chat_id: int) -> list[str]:
        """What the coach was asked, for one chat, in the order it handled it."""
        sender = sender_for_chat(chat_id)
        return [item.text for item in self.handled if item.sender_id == sender]

    def expected_texts(self, chat_id: int) -> list[str]:
        """The Telegram message texts the replies for one chat render to, in order."""
        sender = sender_for_chat(chat_id)
        return [message.text for item in self.handled if item.sender_id == sender
                for reply in item.replies for message in render(reply)]


@dataclass
class DeliveryCheck:
    """Per-chat problems found by ``check_delivery`` (empty dicts: all is well)."""

    lost: dict[int, list[str]] = field(default_factory=dict)  # replies that never arrived
    extra: dict[int, list[str]] = field(default_factory=dict)  # replies that arrived too often
    out_of_order: list[int] = field(default_factory=list)
    handled_twice: dict[int, list[str]] = field(default_factory=dict)
    not_handled: dict[int, list[str]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not (self.lost or self.extra or self.out_of_order or self.handled_twice or self.not_handled)

    def counts(self) -> dict[str, int]:
        return {
            "replies_lost": sum(map(len, self.lost.values())),
            "replies_sent_twice": sum(map(len, self.extra.values())),
            "chats_out_of_order": len(self.out_of_order),
            "updates_handled_twice": sum(map(len, self.handled_twice.values())),
            "updates_not_handled": sum(map(len, self.not_handled.values())),
        }


def check_delivery(sent: dict[int, list[str]], recording: RecordingBridge, asked: dict[int, list[str]]) -> DeliveryCheck:
    """``sent``: texts each chat received; ``asked``: the coach inputs each chat sent, in order."""
    check = DeliveryCheck()
    for chat_id, inputs in asked.items():
        handled = recording.inputs(chat_id)
        if twice := list((Counter(handled) - Counter(inputs)).elements()):
            check.handled_twice[chat_id] = twice
        if missing := list((Counter(inputs) - Counter(handled)).elements()):
            check.not_handled[chat_id] = missing
        expected, received = recording.expected_texts(chat_id), sent.get(chat_id, [])
        if lost := list((Counter(expected) - Counter(received)).elements()):
            check.lost[chat_id] = lost
        if extra := list((Counter(received) - Counter(expected)).elements()):
            check.extra[chat_id] = extra
        replies_reordered = not lost and not extra and received != expected
        inputs_reordered = not twice and not missing and handled != inputs
        if replies_reordered or inputs_reordered:
            check.out_of_order.append(chat_id)
    return check


def sqlite_path(database_url: str) -> str:
    path = make_url(database_url).database
    if not path or path == ":memory:":
        raise ValueError("hold_write_lock needs an SQLite file")
    return path


def hold_write_lock(database_url: str, seconds: float, taken: threading.Event) -> tuple[float, float]:
    """Blocking (run it in a thread): take ``BEGIN EXCLUSIVE`` on the SQLite file, set
    ``taken``, hold the lock for ``seconds``, release it. Returns when it was taken and when
    its release began (``time.monotonic()``): no other write can finish in between."""
    connection = sqlite3.connect(sqlite_path(database_url), timeout=30, isolation_level=None)
    try:
        connection.execute("BEGIN EXCLUSIVE")
        taken_at = time.monotonic()
        taken.set()
        time.sleep(seconds)
        releasing_at = time.monotonic()
        connection.execute("ROLLBACK")
        return taken_at, releasing_at
    finally:
        taken.set()  # never leave a waiter hanging if taking the lock failed
        connection.close()


@dataclass(frozen=True)
class StoredConversation:
    user_texts: list[str]
    bot_texts: list[str]


def stored_conversation(database_url: str, chat_id: int) -> StoredConversation:
    """The user and bot texts the tracker store holds for one chat, in order."""
    engine = create_engine(database_url)  # with the database's keyring: ``data`` is sealed
    events = conversation_events.events
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.select(events.c.type_name, events.c.data)
                .where(events.c.sender_id == sender_for_chat(chat_id)).order_by(events.c.id)
            ).all()
    finally:
        engine.dispose()
    user, bot = [], []
    for type_name, data in rows:
        text = (json.loads(data).get("text") or "").strip()
        if type_name == "user":
            user.append(text)
        elif type_name == "bot" and text:
            bot.append(text)
    return StoredConversation(user, bot)


def repeated(items: Iterable[str]) -> dict[str, int]:
    """Items seen more than once, with their counts."""
    return {item: count for item, count in Counter(items).items() if count > 1}


def busiest_window(times: list[float], seconds: float = 1.0) -> int:
    """The most events in any window of ``seconds`` (times in seconds, any order)."""
    ordered = sorted(times)
    return max((bisect.bisect_right(ordered, start + seconds - 1e-9) - index
                for index, start in enumerate(ordered)), default=0)


class _NoCoach:
    """build_application needs a coach; these sends go straight through the bot."""

    known_intents: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Burst:
    started: float  # time.monotonic() when the sends began (the fake server uses the same clock)
    delivered: list[Call]

    @property
    def times(self) -> list[float]:
        return [call.at for call in self.delivered]

    def paced_rate(self, allowance: int) -> float:
        """Sends per second beyond the limiter's initial ``allowance``, from the start."""
        return (len(self.delivered) - allowance) / (max(self.times) - self.started)


async def send_through_rate_limiter(targets: list[int], token: str) -> Burst:
    """One message per entry of ``targets`` (a chat id), all at once."""
    async with FakeTelegramServer(token=token) as server:
        settings = Settings(telegram_token=token, telegram_api_url=server.url)
        application = build_application(settings, _NoCoach(), db=None)  # type: ignore[arg-type]
        async with application:
            started = time.monotonic()
            await asyncio.gather(*(application.bot.send_message(chat_id, f"message {number}")
                                   for number, chat_id in enumerate(targets)))
        return Burst(started, server.delivered("sendMessage"))
