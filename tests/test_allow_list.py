"""Allow-list first (docs/SECURITY.md): with ALLOWED_USER_IDS set, a stranger's updates are
refused before anything is stored, and the stranger is told once, not on every message.
Through the real bot and the fake Telegram server, on the real database."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from bot.telegram.allow_list import AllowList
from bot.telegram.handlers import NOT_ALLOWED_REPLY
from testing.telegram import running_bot

pytestmark = pytest.mark.slow
MARKER = "quokkaharbor5523"


async def test_a_stranger_is_told_once_and_nothing_of_them_is_stored(session_settings, bridge, db, chat_id) -> None:
    stranger = 918_000_000 + chat_id
    settings = session_settings.with_overrides(allowed_user_ids=frozenset({chat_id}))
    async with running_bot(settings, bridge, db) as server:
        refused = [server.push_text(stranger, f"hi its me, {MARKER}, can we talk")]
        [told] = await server.wait_for_calls("sendMessage", 1, chat_id=stranger)
        assert told.params["text"] == NOT_ALLOWED_REPLY
        refused += [
            server.push_text(stranger, "hello?? why wont u answer me"),
            server.push_text(stranger, "/start"),
            server.push_callback(stranger, "/flow_next", message_id=told.result["message_id"]),
        ]
        server.push_text(chat_id, "hi")  # the invited person is served as always
        [welcome] = await server.wait_for_calls("sendMessage", 1, chat_id=chat_id, timeout=30)
        await server.wait_until_idle(quiet=1.0, timeout=30)
    assert welcome.params["text"] != NOT_ALLOWED_REPLY
    assert len(server.calls_of("sendMessage", chat_id=stranger)) == 1  # told once, not four times
    assert server.calls_of("answerCallbackQuery")  # the button's spinner still stopped

    inspector = sa.inspect(db.engine)
    with db.engine.connect() as connection:
        for table in inspector.get_table_names():
            rows = repr(connection.execute(sa.text(f'SELECT * FROM "{table}"')).all())
            assert str(stranger) not in rows and MARKER not in rows, f"the stranger is in {table}"
        handled = {row[0] for row in connection.execute(sa.text("SELECT update_id FROM processed_updates"))}
    assert not handled & set(refused)


def test_who_was_told_is_bounded_memory() -> None:
    allow_list = AllowList(frozenset({1}), remembered=2)
    assert [allow_list.first_refusal(user) for user in (7, 7, 8, 9)] == [True, False, True, True]
    assert allow_list.first_refusal(7) is True  # forgotten (oldest first): told once more, never stored
