"""Reminders end to end over real HTTP: the real Telegram Application pointed at the fake Bot
API server. A due reminder arrives as a sendMessage with its buttons; pressing one is
answered first and then edits the message; snoozing moves ``next_fire_at``.

The first tests need no model (a stand-in coach); the last one sets a reminder in words
through the real Rasa agent and action server, then receives and snoozes it.
"""

from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from datetime import datetime, timedelta, timezone
from typing import AsyncIterator

import pytest
from telegram import Update

from coach.config import Settings
from bot.rasa.bridge import BotReply
from coach.reminders import preferences, repository
from coach.reminders.delivery import ReminderDelivery
from coach.reminders.timing import from_db
from coach.storage.db import Database
from bot.telegram.app import build_application, front_end
from bot.telegram.reminder_buttons import telegram_sender
from testing.harness import TEST_TOKEN, new_chat_id, new_update_id_base
from testing.fake_telegram import Call, FakeTelegramServer
from testing.reminders import Clock, add, fresh_database, utc


class StandInCoach:
    """Takes the Rasa bridge's place where the conversation itself is not under test."""

    known_intents = frozenset({"help", "affirm", "deny"})

    def __init__(self) -> None:
        self.heard: list[str] = []

    async def handle(self, sender_id: str, text: str, metadata: dict | None = None, **_: object) -> list[BotReply]:
        self.heard.append(text)
        return [BotReply(text=f"(the coach reads: {text})")]


@asynccontextmanager
async def running_app(settings: Settings, bridge, db: Database) -> AsyncIterator[tuple[FakeTelegramServer, object]]:
    async with FakeTelegramServer(token=TEST_TOKEN, first_update_id=new_update_id_base()) as server:
        app_settings = settings.with_overrides(telegram_api_url=server.url, poll_timeout=1)
        application = build_application(app_settings, bridge, db)
        async with application, front_end(application).outbox.running():
            await application.start()
            await application.updater.start_polling(timeout=1, allowed_updates=Update.ALL_TYPES)
            try:
                yield server, application
            finally:
                await application.updater.stop()
                await application.stop()


def buttons_of(call: Call) -> list[tuple[str, str]]:
    markup = call.params.get("reply_markup") or {}
    return [(b["text"], b["callback_data"]) for row in markup.get("inline_keyboard", []) for b in row]


async def next_message_with_buttons(server: FakeTelegramServer, chat_id: int, after: int, timeout: float = 30) -> Call:
    """The first sendMessage with a keyboard among the chat's messages after the first ``after``."""
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        for call in server.delivered("sendMessage", chat_id)[after:]:
            if call.params.get("reply_markup"):
                return call
        await asyncio.sleep(0.05)
    raise AssertionError(f"no message with buttons; sent: {server.sent_texts(chat_id)[after:]}")


async def press(server: FakeTelegramServer, chat_id: int, message: Call, data: str) -> Call:
    """Press a button and return the edit it causes (after checking the press was answered first)."""
    edits_before = len(server.calls_of("editMessageText", chat_id))
    server.push_callback(chat_id, data, message_id=message.result["message_id"])
    edit = (await server.wait_for_calls("editMessageText", edits_before + 1, chat_id=chat_id, timeout=20))[-1]
    answered = server.calls_of("answerCallbackQuery")[-1]
    assert answered.at <= edit.at
    return edit


@pytest.fixture
def fresh_db(tmp_path):
    database = fresh_database(tmp_path)
    yield database
    database.dispose()


@pytest.fixture
def settings(fresh_db: Database) -> Settings:
    return Settings(telegram_token=TEST_TOKEN, database_url=fresh_db.url)


async def test_a_due_reminder_arrives_with_its_buttons_and_snooze_moves_it(settings, fresh_db) -> None:
    chat_id = new_chat_id()
    daily = add(fresh_db, chat_id, "every day at 21:00 to call Sam")
    async with running_app(settings, StandInCoach(), fresh_db) as (server, application):
        delivery = ReminderDelivery(fresh_db, telegram_sender(front_end(application).outbox), clock=Clock(utc("2026-11-23 20:00")))
        assert (await delivery.deliver_due()).sent == 1

        [nudge] = server.delivered("sendMessage", chat_id)
        assert nudge.params["text"].startswith("Reminder: call Sam\n\n")
        assert buttons_of(nudge) == [
            ("Done", f"rem:done:{daily.id}"), ("Snooze 1 hour", f"rem:s1h:{daily.id}"),
            ("Tomorrow, same time", f"rem:stm:{daily.id}"), ("Stop this reminder", f"rem:stop:{daily.id}"),
        ]

        pressed_at = datetime.now(timezone.utc)
        edit = await press(server, chat_id, nudge, f"rem:s1h:{daily.id}")
        assert edit.params["text"].startswith("Reminder: call Sam") and "Snoozed." in edit.params["text"]
        assert "reply_markup" not in edit.params or not buttons_of(edit)
        moved = from_db(repository.get_reminder(fresh_db, chat_id, daily.id).next_fire_at)
        assert abs(moved - (pressed_at + timedelta(hours=1))) < timedelta(minutes=1)

        edit = await press(server, chat_id, nudge, f"rem:stop:{daily.id}")
        assert edit.params["text"].endswith("Stopped. I won't send this reminder again.")
        assert repository.live_reminders(fresh_db, chat_id) == []


async def test_discreet_nudge_is_neutral_until_opened(settings, fresh_db) -> None:
    chat_id = new_chat_id()
    reminder = add(fresh_db, chat_id, "in 20 minutes to apologise to Sam")
    preferences.toggle_discreet(fresh_db, chat_id)
    async with running_app(settings, StandInCoach(), fresh_db) as (server, application):
        delivery = ReminderDelivery(fresh_db, telegram_sender(front_end(application).outbox), clock=Clock(from_db(reminder.next_fire_at)))
        await delivery.deliver_due()

        [nudge] = server.delivered("sendMessage", chat_id)
        assert nudge.params["text"] == "Your check-in is ready"
        assert buttons_of(nudge) == [("Open", f"rem:open:{reminder.id}")]
        opened = await press(server, chat_id, nudge, f"rem:open:{reminder.id}")
        assert opened.params["text"].startswith("Reminder: apologise to Sam")
        assert ("Snooze 1 hour", f"rem:s1h:{reminder.id}") in buttons_of(opened)


async def test_a_guided_choice_reaches_the_coach_as_words(settings, fresh_db) -> None:
    chat_id, coach = new_chat_id(), StandInCoach()
    async with running_app(settings, coach, fresh_db) as (server, application):
        question = await application.bot.send_message(chat_id, "When should I nudge you?")
        server.push_callback(chat_id, "rem:when:evenings", message_id=question.message_id)
        await server.wait_for_calls("sendMessage", 2, chat_id=chat_id, timeout=20)
    assert coach.heard == ["every evening at 9"]
    assert server.sent_texts(chat_id)[-1] == "(the coach reads: every evening at 9)"


@pytest.mark.slow
async def test_set_a_reminder_in_words_then_receive_and_snooze_it(session_settings, bridge, db, chat_id) -> None:
    async with running_app(session_settings, bridge, db) as (server, application):
        server.push_text(chat_id, "remind me every evening at 9 to call Sam")
        zone_question = await next_message_with_buttons(server, chat_id, after=0)
        assert "time zone" in zone_question.params["text"]

        seen = len(server.delivered("sendMessage", chat_id))
        server.push_text(chat_id, "Copenhagen")
        confirmation = await next_message_with_buttons(server, chat_id, after=seen)
        assert "Got it: Copenhagen (Europe/Copenhagen)" in " ".join(server.sent_texts(chat_id)[seen:])
        assert confirmation.params["text"].startswith("Every day at 21:00 (Europe/Copenhagen), first ")
        assert confirmation.params["text"].endswith(": \"call Sam\". OK?")
        assert [data for _, data in buttons_of(confirmation)] == ["/affirm", "/deny"]

        seen = len(server.delivered("sendMessage", chat_id))
        server.push_callback(chat_id, "/affirm", message_id=confirmation.result["message_id"])
        await server.wait_for_calls("sendMessage", seen + 1, chat_id=chat_id, delivered_only=True, timeout=30)
        assert server.sent_texts(chat_id)[seen].startswith("Saved.")
        [saved] = repository.live_reminders(db, chat_id)
        assert (saved.note, saved.tz_name, saved.rrule) == ("call Sam", "Europe/Copenhagen", "FREQ=DAILY;BYHOUR=21;BYMINUTE=0")

        due = from_db(saved.next_fire_at)
        delivery = ReminderDelivery(db, telegram_sender(front_end(application).outbox), clock=Clock(due), only_chat_id=chat_id)
        seen = len(server.delivered("sendMessage", chat_id))
        assert (await delivery.deliver_due()).sent == 1
        nudge = await next_message_with_buttons(server, chat_id, after=seen)
        assert nudge.params["text"].startswith("Reminder: call Sam")

        edit = await press(server, chat_id, nudge, f"rem:stm:{saved.id}")
        assert "Snoozed. I'll nudge you again on " in edit.params["text"]
        assert from_db(repository.get_reminder(db, chat_id, saved.id).next_fire_at) == due + timedelta(days=1)

        seen = len(server.delivered("sendMessage", chat_id))
        server.push_text(chat_id, "remind me tomorrow at 8am to apologise")
        await next_message_with_buttons(server, chat_id, after=seen)  # "... OK?" (the zone is known now)
        seen = len(server.delivered("sendMessage", chat_id))
        server.push_text(chat_id, "stop")
        await server.wait_for_calls("sendMessage", seen + 1, chat_id=chat_id, delivered_only=True, timeout=30)
        assert "Nothing was changed" in " ".join(server.sent_texts(chat_id)[seen:])
        assert [r.note for r in repository.live_reminders(db, chat_id)] == ["call Sam"]
