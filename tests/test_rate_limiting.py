"""Which Telegram calls are paced per person (bot/telegram/pacing.py): messages sent to or
edited for a private chat; groups and channels are PTB's own per-group pacing, typing
indicators and calls without a chat are not paced per chat."""

from __future__ import annotations

import pytest

from bot.telegram.pacing import MAX_IDLE_CHAT_LIMITERS, ResilientRateLimiter, private_chat_id


@pytest.mark.parametrize(
    ("endpoint", "data", "expected"),
    [
        ("sendMessage", {"chat_id": 42, "text": "hi"}, 42),
        ("sendPhoto", {"chat_id": "42"}, 42),
        ("editMessageText", {"chat_id": 42, "message_id": 1}, 42),
        ("sendMessage", {"chat_id": -100123}, None),  # a group: PTB's group limiter
        ("sendMessage", {"chat_id": "@channel"}, None),
        ("sendChatAction", {"chat_id": 42, "action": "typing"}, None),
        ("answerCallbackQuery", {"callback_query_id": "1"}, None),
        ("getUpdates", {"offset": 3}, None),
    ],
)
def test_only_messages_to_a_person_are_paced_per_chat(endpoint: str, data: dict, expected: int | None) -> None:
    assert private_chat_id(endpoint, data) == expected


async def test_idle_per_chat_buckets_are_dropped_once_there_are_many() -> None:
    limiter = ResilientRateLimiter()
    busy = limiter._chat_limiter(1)
    await busy.acquire()  # one person mid-burst keeps their bucket
    for chat_id in range(2, MAX_IDLE_CHAT_LIMITERS + 3):
        limiter._chat_limiter(chat_id)
    assert len(limiter._chat_limiters) <= 3 and limiter._chat_limiter(1) is busy
