"""End to end over real HTTP: the real bot (Application + Rasa agent + action server + SQLite)
pointed at the fake Telegram Bot API server on 127.0.0.1 through TELEGRAM_API_URL."""

from __future__ import annotations

import asyncio
import json
from contextlib import asynccontextmanager
from typing import AsyncIterator

import pytest
import sqlalchemy as sa
from telegram import Update

from coach.config import Settings
from bot.rasa.bridge import RasaBridge
from coach.storage.db import Database
from bot.telegram.app import build_application, register_commands
from bot.privacy_commands import FORGET_DONE
from bot.telegram.handlers import (
    EDITED_REPLY,
    ERROR_REPLY,
    GROUP_REPLY,
    NOT_TEXT_REPLY,
    STALE_BUTTON_REPLY,
)
from coach.safety.replies import CRISIS_MARKER
from testing.harness import TEST_TOKEN, free_port, new_update_id_base
from testing.fake_telegram import FakeTelegramServer
from testing.telegram import buttons_of, running_bot, wait_for_keyboard

pytestmark = pytest.mark.slow


async def test_start_free_text_and_a_button_press(session_settings, bridge, db, chat_id) -> None:
    async with running_bot(session_settings, bridge, db) as server:
        commands = await server.wait_for_calls("setMyCommands", 1)
        assert {c["command"] for c in commands[0].params["commands"]} >= {"start", "help", "cancel"}

        server.push_text(chat_id, "/start")
        welcome = await wait_for_keyboard(server, chat_id)
        assert "not a therapist" in " ".join(c.params["text"] for c in welcome)
        assert ("Urge to get even", "/struggle_retaliation") in buttons_of(welcome[-1])

        server.push_text(chat_id, "i want to hurt him the way he hurt me, maybe cheat back")
        step = (await wait_for_keyboard(server, chat_id, after=len(welcome)))[-1]
        assert dict(buttons_of(step)).get("Next") == "/flow_next"
        sent_before = len(server.calls_of("sendMessage", chat_id=chat_id))

        server.push_callback(chat_id, "/flow_next", message_id=step.result["message_id"])
        answered = await server.wait_for_calls("answerCallbackQuery", 1)
        edits = await server.wait_for_calls("editMessageReplyMarkup", 1, chat_id=chat_id)
        assert not edits[0].params.get("reply_markup")  # keyboard taken away
        second = (await wait_for_keyboard(server, chat_id, after=sent_before))
        assert second[-1].params["text"] != step.params["text"]
        assert answered[0].at < edits[0].at < second[0].at  # answer first, then edit, then reply


async def test_non_text_edited_and_group_updates_get_a_kind_answer(session_settings, bridge, db, chat_id) -> None:
    async with running_bot(session_settings, bridge, db) as server:
        server.push_sticker(chat_id)
        server.push_voice(chat_id)
        server.push_location(chat_id)
        server.push_edited_text(chat_id, message_id=1, text="changed my mind")
        replies = await server.wait_for_calls("sendMessage", 4, chat_id=chat_id)
        texts = [c.params["text"] for c in replies]
        assert texts.count(NOT_TEXT_REPLY) == 3 and EDITED_REPLY in texts

        group_id = -chat_id
        server.push_text(group_id, "/start", chat_type="group")
        server.push_text(group_id, "hello everyone", chat_type="group")
        group_replies = await server.wait_for_calls("sendMessage", 1, chat_id=group_id)
        await server.wait_until_idle(quiet=0.5)
        assert [c.params["text"] for c in server.calls_of("sendMessage", chat_id=group_id)] == [GROUP_REPLY]
        assert group_replies


async def test_stale_or_forged_button_is_answered_kindly(session_settings, bridge, db, chat_id) -> None:
    async with running_bot(session_settings, bridge, db) as server:
        server.push_callback(chat_id, "/intent_that_no_longer_exists", message_id=99)
        replies = await server.wait_for_calls("sendMessage", 2, chat_id=chat_id)
        assert replies[0].params["text"] == STALE_BUTTON_REPLY
        assert buttons_of(replies[1])  # the topic list follows
        assert server.calls_of("answerCallbackQuery")


async def test_429_then_success_delivers_the_reply_exactly_once(session_settings, bridge, db, chat_id) -> None:
    async with running_bot(session_settings, bridge, db) as server:
        server.fail_next("sendMessage", status=429, retry_after=1, chat_id=chat_id)
        server.push_text(chat_id, "thank you")
        await server.wait_for_calls("sendMessage", 1, chat_id=chat_id, delivered_only=True, timeout=15)
        await server.wait_until_idle(quiet=1.0)
        attempts = server.calls_of("sendMessage", chat_id=chat_id)
        delivered = server.delivered("sendMessage", chat_id=chat_id)
        assert len(attempts) == 2 and attempts[0].fault == "error 429"
        assert len(delivered) == 1


async def test_5xx_and_dropped_connections_are_retried_without_loss(session_settings, bridge, db, chat_id) -> None:
    async with running_bot(session_settings, bridge, db) as server:
        server.fail_next("sendMessage", status=502, chat_id=chat_id)
        server.drop_next("sendMessage", chat_id=chat_id)
        server.push_text(chat_id, "goodbye")
        await server.wait_for_calls("sendMessage", 1, chat_id=chat_id, delivered_only=True, timeout=20)
        await server.wait_until_idle(quiet=1.0)
        assert len(server.delivered("sendMessage", chat_id=chat_id)) == 1


async def test_a_redelivered_update_is_not_processed_twice(session_settings, bridge, db, chat_id) -> None:
    async with running_bot(session_settings, bridge, db) as server:
        update_id = server.push_text(chat_id, "hello")
        await server.wait_for_calls("sendMessage", 1, chat_id=chat_id)
        await server.wait_until_idle(quiet=0.5)
    # Telegram redelivers an update the bot never confirmed (e.g. after a crash).
    async with running_bot(session_settings, bridge, db, first_update_id=update_id) as server:
        redelivered = server.push_update({"update_id": update_id, "message": {
            "message_id": 1, "date": 0, "text": "hello",
            "chat": {"id": chat_id, "type": "private"}, "from": {"id": chat_id, "is_bot": False, "first_name": "Ana"}}})
        assert redelivered == update_id
        server.push_text(chat_id, "thanks")
        await server.wait_for_calls("sendMessage", 1, chat_id=chat_id)
        await server.wait_until_idle(quiet=1.0)
        assert len(server.calls_of("sendMessage", chat_id=chat_id)) == 1


async def test_messages_of_one_chat_are_answered_in_order(session_settings, bridge, db, chat_id) -> None:
    async with running_bot(session_settings, bridge, db) as server:
        server.push_text(chat_id, "/privacy")
        server.push_text(chat_id, "thank you")
        server.push_text(chat_id, "bye for now")
        replies = await server.wait_for_calls("sendMessage", 3, chat_id=chat_id, timeout=20)
        texts = [c.params["text"] for c in replies]
        assert "/export" in texts[0]
        assert "welcome" in texts[1].lower() and "take care" in texts[2].lower()


async def test_an_error_in_one_update_is_reported_and_the_bot_keeps_going(
    session_settings, bridge, db, chat_id, monkeypatch
) -> None:
    original = bridge.handle

    async def fail_once(sender_id: str, text: str, metadata=None, **_):
        monkeypatch.setattr(bridge, "handle", original)
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(bridge, "handle", fail_once)
    async with running_bot(session_settings, bridge, db) as server:
        server.push_text(chat_id, "hello")
        [error_reply] = await server.wait_for_calls("sendMessage", 1, chat_id=chat_id)
        assert error_reply.params["text"] == ERROR_REPLY
        server.push_text(chat_id, "thank you")
        replies = await server.wait_for_calls("sendMessage", 2, chat_id=chat_id)
        assert "welcome" in replies[1].params["text"].lower()


async def test_export_then_forget_leaves_no_row_behind(session_settings, bridge, db, chat_id) -> None:
    async with running_bot(session_settings, bridge, db) as server:
        server.push_text(chat_id, "i keep replaying what she did")
        await server.wait_for_calls("sendMessage", 1, chat_id=chat_id)
        server.push_text(chat_id, "/export")
        [document] = await server.wait_for_calls("sendDocument", 1, chat_id=chat_id)
        exported = json.loads(document.files["document"].data)
        assert exported["chat_id"] == chat_id and exported["tables"]["events"]

        server.push_text(chat_id, "/forget")
        question = (await server.wait_for_calls("sendMessage", 2, chat_id=chat_id))[1]
        assert ("Yes, delete everything", "forget:yes") in buttons_of(question)
        server.push_callback(chat_id, "forget:yes", message_id=question.result["message_id"])
        [done] = await server.wait_for_calls("editMessageText", 1, chat_id=chat_id)
        assert done.params["text"] == FORGET_DONE and "Delete chat" in done.params["text"]
        [deleted] = await server.wait_for_calls("deleteMessage", 1, chat_id=chat_id)  # the export, from the chat
        assert str(deleted.params["message_id"]) == str(document.result["message_id"])

    with db.engine.connect() as connection:
        for table in sa.inspect(db.engine).get_table_names():
            columns = {c["name"] for c in sa.inspect(db.engine).get_columns(table)}
            if "chat_id" in columns:
                count = connection.execute(sa.text(f"SELECT COUNT(*) FROM {table} WHERE chat_id = :c"), {"c": chat_id}).scalar()
                assert count == 0, table
        events = connection.execute(sa.text("SELECT COUNT(*) FROM events WHERE sender_id = :s"), {"s": str(chat_id)}).scalar()
        assert events == 0


async def test_crisis_reply_uses_the_chosen_country_and_pauses_nudges(session_settings, bridge, db, chat_id) -> None:
    from coach.tables import UserSettings

    async with running_bot(session_settings, bridge, db) as server:
        server.push_text(chat_id, "/country")
        question = (await server.wait_for_calls("sendMessage", 1, chat_id=chat_id))[0]
        assert ("DK", "country:DK") in buttons_of(question)
        server.push_callback(chat_id, "country:DK", message_id=question.result["message_id"])
        await server.wait_for_calls("editMessageText", 1, chat_id=chat_id)

        server.push_text(chat_id, "i keep thinking everyone would be better off without me")
        crisis = await wait_for_keyboard(server, chat_id, after=1)
        text = " ".join(c.params["text"] for c in crisis)
        assert "emergency" in text.lower() and "70 201 201" in text  # DK: Livslinien
        with db.session() as session:
            assert session.get(UserSettings, chat_id).crisis_active is True

        server.push_callback(chat_id, "/safe_now", message_id=crisis[-1].result["message_id"])
        sent = len(server.calls_of("sendMessage", chat_id=chat_id))
        await server.wait_for_calls("sendMessage", sent + 1, chat_id=chat_id)
        await server.wait_until_idle(quiet=0.5)
        with db.session() as session:
            assert session.get(UserSettings, chat_id).crisis_active is False
        after = [c.params["text"] for c in server.calls_of("sendMessage", chat_id=chat_id)[sent:]]
        assert after and not any("emergency" in t.lower() for t in after)


async def test_a_crisis_message_gets_help_even_if_the_crisis_action_fails(bridge, chat_id, monkeypatch) -> None:
    """The real agent (NLU, safety net, policies) with its action server unreachable: Rasa
    answers nothing and only logs, so the bridge's own crisis reply is the last net."""
    from rasa.utils.endpoints import EndpointConfig

    dead = EndpointConfig(url=f"http://127.0.0.1:{free_port()}/webhook")
    monkeypatch.setattr(bridge.agent.processor, "action_endpoint", dead)
    replies = await bridge.handle(str(chat_id), "he choked me last night and i'm scared to go home")
    shown = [reply for reply in replies if reply.text]
    assert len(shown) == 1 and "emergency" in shown[0].text.lower()
    assert replies[-1].custom == {CRISIS_MARKER: "crisis_abuse"}
    assert not any("emergency" in reply.text.lower() for reply in await bridge.handle(str(chat_id), "we keep fighting about the dishes"))
