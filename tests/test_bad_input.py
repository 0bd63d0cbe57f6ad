"""Generated bad input through the bot's real update handling (Application + Rasa + actions):
any unicode, 4096-character messages, control and zero-width characters, Markdown/HTML
breakers, malformed or stale callback data, commands with odd arguments. Every update gets
a sensible reply and never the "something went wrong" answer."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from telegram import Update

from bot.telegram.app import build_application
from bot.telegram.handlers import ERROR_REPLY
from testing.harness import TEST_TOKEN, new_chat_id, new_update_id_base
from testing.fake_telegram import FakeTelegramServer

pytestmark = pytest.mark.slow

BREAKERS = ["*", "_", "`", "[", "]", "(", ")", "<b>", "</i>", "<a href='x'>", "&amp;", "\\", "||", "~~"]
ODD = ["\u200b", "\u200d", "\ufeff", "\u202e", "\x00", "\x07", "\x1b[31m", "\r", "\t", "\U0001F494", "ﷺ", "𝔱𝔯𝔲𝔰𝔱"]
texts = st.one_of(
    st.text(min_size=1, max_size=300),
    st.lists(st.sampled_from(BREAKERS + ODD + ["hurt", "sorry", "he", "lied", " "]), min_size=1, max_size=60).map("".join),
    st.integers(min_value=3000, max_value=4096).map(lambda n: ("why did she do it " * 300)[:n]),
    st.builds(lambda cmd, arg: f"/{cmd} {arg}", st.sampled_from(["start", "help", "cancel", "privacy", "nonsense", "START@bot"]),
              st.text(max_size=40)),
)
callback_data = st.one_of(
    st.text(max_size=64).filter(lambda s: len(s.encode()) <= 64),
    st.sampled_from(["/flow_next", "/stop", "/help", '/struggle_money{"x":1}', "/", "//", "/flow_next ", "forget:maybe"]),
)


class Harness:
    """One running Application whose updates are fed in directly (no polling)."""

    def __init__(self, server: FakeTelegramServer, application) -> None:
        self.server, self.application = server, application
        self.update_ids = itertools.count(new_update_id_base())

    async def feed(self, payload: dict) -> None:
        payload["update_id"] = next(self.update_ids)
        await self.application.process_update(Update.de_json(payload, self.application.bot))


def message(chat_id: int, text: str) -> dict:
    return {"message": {"message_id": 1, "date": 0, "text": text, "chat": {"id": chat_id, "type": "private"},
                        "from": {"id": chat_id, "is_bot": False, "first_name": "Ana"}}}


def callback(chat_id: int, data: str) -> dict:
    return {"callback_query": {"id": "1", "chat_instance": "c", "data": data,
                               "from": {"id": chat_id, "is_bot": False, "first_name": "Ana"},
                               "message": {"message_id": 7, "date": 0, "chat": {"id": chat_id, "type": "private"},
                                           "text": "old"}}}


async def start_harness(session_settings, bridge, db):
    server = FakeTelegramServer(token=TEST_TOKEN)
    await server.start()
    application = build_application(session_settings.with_overrides(telegram_api_url=server.url), bridge, db)
    await application.initialize()
    return Harness(server, application)


async def stop_harness(harness: Harness) -> None:
    await harness.application.shutdown()
    await harness.server.stop()


def assert_sensible_replies(server: FakeTelegramServer, chat_id: int) -> None:
    replies = [c for c in server.calls_of("sendMessage", chat_id=chat_id)]
    assert replies, "no reply at all"
    for call in replies:
        assert call.params["text"] and call.params["text"] != ERROR_REPLY
        assert not call.failed, call.summary()


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(text=texts)
async def test_any_text_gets_a_sensible_reply(text: str, session_settings, bridge, db) -> None:
    harness = await start_harness(session_settings, bridge, db)
    try:
        chat_id = new_chat_id()
        await harness.feed(message(chat_id, text))
        assert_sensible_replies(harness.server, chat_id)
    finally:
        await stop_harness(harness)


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
@given(data=callback_data)
async def test_any_callback_data_gets_a_sensible_reply(data: str, session_settings, bridge, db) -> None:
    harness = await start_harness(session_settings, bridge, db)
    try:
        chat_id = new_chat_id()
        await harness.feed(callback(chat_id, data))
        assert harness.server.calls_of("answerCallbackQuery"), "the button press was not answered"
        if not data.startswith("forget:"):
            assert_sensible_replies(harness.server, chat_id)
    finally:
        await stop_harness(harness)
