"""The update inbox (coach/storage/updates.py, bot/telegram/inbox.py): python-telegram-bot's
real updater fetches from the fake Bot API server and confirms what it fetched; the inbox
has every fetched update by then, gives back the unfinished ones after a stop, and
finishing an update (its replies into the outbox) takes it out. The whole crash is in
tests/test_reliability.py (kill -9)."""

from __future__ import annotations

import asyncio

from telegram import Bot, Update
from telegram.ext import Updater

from coach.storage.db import Database
from coach.storage.outbox import finish_update
from coach.storage.updates import keep_in_inbox, unclaimed_in_inbox
from bot.telegram.inbox import InboxQueue, requeue_unclaimed
from testing.harness import TEST_TOKEN, new_update_id_base
from testing.fake_telegram import FakeTelegramServer


def test_an_update_is_kept_once_and_leaves_the_inbox_when_finished(fresh_db: Database) -> None:
    keep_in_inbox(fresh_db, 1, 42, '{"update_id": 1}')
    keep_in_inbox(fresh_db, 1, 42, '{"update_id": 1}')  # redelivered by Telegram: still one
    keep_in_inbox(fresh_db, 2, 43, '{"update_id": 2}')
    assert unclaimed_in_inbox(fresh_db) == ['{"update_id": 1}', '{"update_id": 2}']

    assert keep_in_inbox(fresh_db, 1, 42, '{"update_id": 1}') is False  # being handled: seen, not done
    assert unclaimed_in_inbox(fresh_db) == ['{"update_id": 1}', '{"update_id": 2}']
    assert finish_update(fresh_db, 1, 42, []) == []
    assert unclaimed_in_inbox(fresh_db) == ['{"update_id": 2}']
    keep_in_inbox(fresh_db, 1, 42, '{"update_id": 1}')  # fetched again after it was finished
    assert unclaimed_in_inbox(fresh_db) == ['{"update_id": 2}']
    assert keep_in_inbox(fresh_db, 1, 42, '{"update_id": 1}') is False  # finished: seen
    assert finish_update(fresh_db, 1, 42, []) is None  # finished before: nothing written twice


async def test_what_the_updater_confirmed_is_in_the_inbox_and_comes_back_after_a_stop(fresh_db: Database) -> None:
    async with FakeTelegramServer(token=TEST_TOKEN, first_update_id=new_update_id_base()) as server:
        bot = Bot(TEST_TOKEN, base_url=f"{server.url}/bot")
        queue = InboxQueue(fresh_db)
        pushed = [server.push_text(chat_id, text) for chat_id, text in ((71, "first"), (72, "second"), (71, "third"))]
        async with bot:
            updater = Updater(bot, queue)
            async with updater:
                await updater.start_polling(timeout=1)
                # Wait until Telegram has been told all three are handled (the next offset).
                while not any((call.params.get("offset") or 0) > pushed[-1] for call in server.calls_of("getUpdates")):
                    await asyncio.sleep(0.05)
                await updater.stop()
        assert queue.qsize() == 3  # fetched, confirmed, never handled: the state a crash leaves

        assert finish_update(fresh_db, pushed[0], 71, []) == []  # one was finished before the "crash"
        again = InboxQueue(fresh_db)
        assert await requeue_unclaimed(again, fresh_db, bot) == 2
        assert again.recovered == {pushed[1], pushed[2]}  # Rasa may have seen these: replay, not rerun
        requeued = [again.get_nowait() for _ in range(2)]
        assert all(isinstance(update, Update) for update in requeued)
        assert [(u.update_id, u.effective_chat.id, u.effective_message.text) for u in requeued] == [
            (pushed[1], 72, "second"), (pushed[2], 71, "third"),
        ]


async def test_a_redelivered_update_is_queued_once_and_a_finished_one_never_again(fresh_db: Database) -> None:
    bot = Bot(TEST_TOKEN)
    update = Update.de_json({"update_id": 9, "message": {"message_id": 1, "date": 0, "text": "hi",
                                                         "chat": {"id": 71, "type": "private"}}}, bot)
    queue = InboxQueue(fresh_db)
    await queue.put(update)
    await queue.put(update)  # Telegram sent it again while the first was being handled
    assert queue.qsize() == 1
    finish_update(fresh_db, 9, 71, [])
    await queue.put(update)  # and again after it was finished
    assert queue.qsize() == 1
