"""The fake Telegram server, driven by the real python-telegram-bot client over HTTP.

If PTB can talk to it (parse its results, map its errors to the right exceptions), the bot's
end-to-end tests can trust it.
"""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

import aiohttp
import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MessageEntity,
)
from telegram.error import (
    BadRequest,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
)

from testing.fake_telegram import FakeTelegramServer, UploadedFile

TOKEN = "123:ABC"
KEYBOARD = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="yes")]])
KEYBOARD_JSON = {"inline_keyboard": [[{"text": "Yes", "callback_data": "yes"}]]}


@pytest.fixture
async def server():
    async with FakeTelegramServer(token=TOKEN) as fake:
        yield fake


@pytest.fixture
async def bot(server: FakeTelegramServer):
    async with Bot(TOKEN, base_url=f"{server.url}/bot", base_file_url=server.file_url) as real:
        yield real


def _seconds(value: int | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else value


def _member_update(bot_user: dict, kind: str) -> dict:
    return {
        kind: {
            "chat": {"id": -5, "type": "group", "title": "Family"},
            "from": {"id": 1, "is_bot": False, "first_name": "Ana"},
            "date": 1_700_000_000,
            "old_chat_member": {"status": "left", "user": bot_user},
            "new_chat_member": {"status": "member", "user": bot_user},
        }
    }


async def test_get_me_describes_the_bot_named_in_the_token(bot, server):
    me = await bot.get_me()

    assert (me.id, me.is_bot, me.username) == (123, True, "trustcoach_test_bot")
    assert len(server.calls_of("getMe")) == 2  # Bot.initialize() asked once already


async def test_send_message_records_reply_markup_as_an_object(bot, server):
    first = await bot.send_message(7, "Pick one", reply_markup=KEYBOARD)
    second = await bot.send_message(7, "42")
    other_chat = await bot.send_message(8, "Hello")

    assert first.reply_markup == KEYBOARD
    assert (first.chat.id, first.from_user.id, first.text) == (7, 123, "Pick one")
    assert [first.message_id, second.message_id, other_chat.message_id] == [1, 2, 1]
    assert server.calls_of("sendMessage")[0].params["reply_markup"] == KEYBOARD_JSON
    assert server.sent_texts(7) == ["Pick one", "42"]  # "42" stays text
    assert server.sent_texts() == ["Pick one", "42", "Hello"]


async def test_send_message_rejects_empty_and_too_long_texts(bot):
    with pytest.raises(BadRequest, match="Message is too long"):
        await bot.send_message(1, "x" * 4097)
    with pytest.raises(BadRequest, match="Message text is empty"):
        await bot.send_message(1, "")


async def test_get_updates_honours_offset_and_limit(bot, server):
    ids = [server.push_text(1, text) for text in ("a", "b", "c")]

    first_two = await bot.get_updates(limit=2)
    unconfirmed = await bot.get_updates()
    after_confirm = await bot.get_updates(offset=ids[1] + 1)
    later = await bot.get_updates()

    assert ids == sorted(ids) and len(set(ids)) == 3
    assert [u.message.text for u in first_two] == ["a", "b"]
    assert [u.update_id for u in unconfirmed] == ids
    assert [u.update_id for u in after_confirm] == [ids[2]]
    assert [u.update_id for u in later] == [ids[2]]  # a and b were confirmed and dropped


async def test_a_negative_offset_keeps_only_the_latest_updates(bot, server):
    ids = [server.push_text(1, text) for text in ("a", "b", "c")]

    assert [u.update_id for u in await bot.get_updates(offset=-1)] == [ids[2]]
    assert [u.update_id for u in await bot.get_updates()] == [ids[2]]


async def test_commands_get_a_bot_command_entity(bot, server):
    server.push_text(1, "/start hello")
    server.push_text(-100, "hi all", user_id=9, first_name="Ben", chat_type="group")

    private, group = await bot.get_updates()

    [entity] = private.message.entities
    assert (entity.type, entity.offset, entity.length) == (MessageEntity.BOT_COMMAND, 0, 6)
    assert (private.effective_user.id, private.effective_user.first_name) == (1, "Ana")
    assert private.effective_chat.type == "private"
    assert (group.effective_chat.type, group.effective_user.id) == ("group", 9)
    assert group.message.entities == ()


async def test_long_poll_answers_as_soon_as_an_update_arrives(bot, server):
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await server.wait_for_calls("getUpdates", 1)
    await asyncio.sleep(0.1)
    assert not poll.done()

    pushed_at = time.monotonic()
    update_id = server.push_text(1, "are you there?")
    updates = await asyncio.wait_for(poll, 2)

    assert time.monotonic() - pushed_at < 0.5
    assert [u.update_id for u in updates] == [update_id]


async def test_long_poll_returns_nothing_when_its_timeout_passes(bot):
    started = time.monotonic()

    updates = await bot.get_updates(timeout=1)

    assert updates == ()
    assert 0.9 <= time.monotonic() - started < 3


async def test_allowed_updates_filter_and_are_remembered(bot, server):
    server.push_text(1, "hello")
    server.push_callback(1, "yes", message_id=1)
    server.push_update(_member_update(server.bot_user, "chat_member"))

    only_callbacks = await bot.get_updates(allowed_updates=["callback_query"])
    still_only_callbacks = await bot.get_updates()
    with_members = await bot.get_updates(allowed_updates=["message", "chat_member"])

    assert [u.callback_query.data for u in only_callbacks] == ["yes"]
    assert [u.callback_query.data for u in still_only_callbacks] == ["yes"]
    assert [bool(u.message) for u in with_members] == [True, False]
    assert with_members[1].chat_member.new_chat_member.status == "member"


async def test_chat_member_updates_are_opt_in_like_on_telegram(bot, server):
    server.push_update(_member_update(server.bot_user, "chat_member"))
    server.push_update(_member_update(server.bot_user, "my_chat_member"))

    [update] = await bot.get_updates()

    assert update.my_chat_member.new_chat_member.status == "member"


async def test_pushed_updates_of_every_kind_parse_into_ptb_objects(bot, server):
    server.push_text(1, "tpyo")
    server.push_sticker(1)
    server.push_photo(1, caption="our walk")
    server.push_voice(1, duration=4)
    server.push_location(1, latitude=1.5, longitude=2.5)
    server.push_edited_text(1, message_id=1, text="typo")
    server.push_update(
        {"channel_post": {"message_id": 9, "date": 1, "chat": {"id": -7, "type": "channel"}}}
    )

    text, sticker, photo, voice, location, edited, post = await bot.get_updates()

    assert sticker.message.sticker.emoji == "🙂"
    assert photo.message.caption == "our walk" and photo.message.photo[-1].width == 320
    assert _seconds(voice.message.voice.duration) == 4
    assert (location.message.location.latitude, location.message.location.longitude) == (1.5, 2.5)
    assert (edited.edited_message.message_id, edited.edited_message.text) == (1, "typo")
    assert edited.edited_message.edit_date is not None
    assert post.channel_post.chat.type == "channel"
    assert [u.effective_message.message_id for u in (text, sticker, photo)] == [1, 2, 3]
    voice_file = await bot.get_file(voice.message.voice.file_id)
    assert await voice_file.download_as_bytearray() == b"OggS-fake-voice"


async def test_callback_carries_the_bot_message_or_an_inaccessible_one(bot, server):
    question = await bot.send_message(3, "Ready?", reply_markup=KEYBOARD)
    server.push_callback(3, "yes", question.message_id)
    server.push_callback(3, "stale", message_id=99)

    known, unknown = await bot.get_updates()

    assert known.callback_query.data == "yes"
    assert known.callback_query.from_user.id == 3
    assert known.callback_query.message.text == "Ready?"
    assert known.callback_query.message.reply_markup == KEYBOARD
    assert known.callback_query.message.is_accessible
    assert not unknown.callback_query.message.is_accessible  # date 0, as Telegram sends it
    assert await bot.answer_callback_query(known.callback_query.id, text="Noted") is True
    assert server.calls_of("answerCallbackQuery")[0].params["text"] == "Noted"


async def test_429_surfaces_as_retry_after_and_counts_as_an_attempt(bot, server):
    server.fail_next("sendMessage", retry_after=7)  # 429 is the default

    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(1, "first try")
    with pytest.raises(asyncio.TimeoutError, match=r"(?s)got 0.*first try.*failed: error 429"):
        await server.wait_for_calls("sendMessage", 1, timeout=0.1, delivered_only=True)
    await bot.send_message(1, "second try")

    assert _seconds(caught.value.retry_after) == 7
    failed, delivered = server.calls_of("sendMessage")
    assert (failed.failed, failed.fault) == (True, "error 429")
    assert server.delivered("sendMessage") == [delivered]
    assert server.sent_texts() == ["second try"]


@pytest.mark.parametrize(
    ("status", "phrase"), [(500, "Internal Server Error"), (502, "Bad Gateway")]
)
async def test_server_errors_surface_as_network_error(bot, server, status, phrase):
    server.fail_next("sendMessage", status=status)

    with pytest.raises(NetworkError, match=phrase) as caught:
        await bot.send_message(1, "hello")

    assert type(caught.value) is NetworkError  # not a BadRequest or RetryAfter subclass
    assert server.sent_texts() == []


async def test_dropped_connection_surfaces_as_network_error(bot, server):
    server.drop_next("sendMessage")

    with pytest.raises(NetworkError) as caught:
        await bot.send_message(1, "lost")
    await bot.send_message(1, "delivered")

    assert type(caught.value) is NetworkError
    assert "disconnected" in str(caught.value)
    assert [call.fault for call in server.calls_of("sendMessage")] == ["dropped", None]
    assert server.sent_texts() == ["delivered"]


async def test_faults_can_target_one_chat_for_several_calls(bot, server):
    server.fail_next(
        "sendMessage", status=403, count=2, chat_id=10,
        description="Forbidden: bot was blocked by the user",
    )

    await bot.send_message(11, "other chat")
    for _ in range(2):
        with pytest.raises(Forbidden, match="blocked"):
            await bot.send_message(10, "blocked")
    await bot.send_message(10, "unblocked")

    assert server.sent_texts(10) == ["unblocked"]
    assert len(server.calls_of("sendMessage", chat_id=10)) == 3


async def test_delayed_answer_is_slow_and_idle_waits_for_it(bot, server):
    server.delay_next("sendMessage", 0.4)
    sending = asyncio.create_task(bot.send_message(1, "slow"))

    [call] = await server.wait_for_calls("sendMessage", 1)
    assert not call.delivered
    await server.wait_until_idle(quiet=0.1, timeout=3)

    assert sending.done() and (await sending).text == "slow"
    assert call.finished_at - call.at >= 0.4
    assert call.fault == "delayed 0.4s" and call.delivered


async def test_wait_until_idle_waits_for_pushed_updates_to_be_fetched(bot, server):
    server.push_text(1, "unread")

    with pytest.raises(asyncio.TimeoutError, match="pending updates: 1"):
        await server.wait_until_idle(quiet=0.05, timeout=0.2)
    await bot.get_updates(offset=2)
    await server.wait_until_idle(quiet=0.05, timeout=1)


async def test_send_document_and_photo_upload_bytes_as_multipart(bot, server):
    document = await bot.send_document(
        2, b"day one: we talked", filename="notes.txt", caption="Your notes"
    )
    photo = await bot.send_photo(2, b"\xff\xd8\xff fake jpeg")

    [document_call] = server.calls_of("sendDocument")
    assert document_call.files == {
        "document": UploadedFile("document", "notes.txt", "text/plain", b"day one: we talked")
    }
    assert document_call.params == {"chat_id": 2, "caption": "Your notes"}
    assert (document.document.file_name, document.caption) == ("notes.txt", "Your notes")
    assert server.calls_of("sendPhoto")[0].files["photo"].data == b"\xff\xd8\xff fake jpeg"
    assert photo.photo[-1].file_size == len(b"\xff\xd8\xff fake jpeg")
    downloaded = await (await bot.get_file(document.document.file_id)).download_as_bytearray()
    assert downloaded == b"day one: we talked"
    resent = await bot.send_document(3, document.document.file_id)
    assert resent.document.file_id == document.document.file_id
    with pytest.raises(BadRequest, match="Wrong file identifier"):
        await bot.send_document(3, "never-uploaded")
    with pytest.raises(BadRequest, match="There is no text in the message to edit"):
        await bot.edit_message_text("Caption?", chat_id=3, message_id=resent.message_id)
    with pytest.raises(BadRequest, match="Invalid file_id"):
        await bot.get_file("no-such-file")


async def test_edits_fail_like_the_real_api(bot, server):
    sent = await bot.send_message(1, "Hello", reply_markup=KEYBOARD)
    server.push_text(1, "from the user")

    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("Hi", chat_id=1, message_id=404)
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text(
            "Hello", chat_id=1, message_id=sent.message_id, reply_markup=KEYBOARD
        )
    with pytest.raises(BadRequest, match="Message can't be edited"):
        await bot.edit_message_text("Hi", chat_id=1, message_id=sent.message_id + 1)
    # same text without the keyboard is a change: Telegram drops the keyboard
    edited = await bot.edit_message_text("Hello", chat_id=1, message_id=sent.message_id)
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_reply_markup(chat_id=1, message_id=sent.message_id)
    with_keyboard = await bot.edit_message_reply_markup(
        chat_id=1, message_id=sent.message_id, reply_markup=KEYBOARD
    )

    assert (edited.text, edited.reply_markup) == ("Hello", None)
    assert edited.edit_date is not None
    assert with_keyboard.reply_markup == KEYBOARD
    assert await bot.edit_message_text("Inline", inline_message_id="abc") is True
    assert [call.failed for call in server.calls_of("editMessageText")] == [
        True, True, True, False, False,
    ]


async def test_wrong_token_is_invalid_token(server):
    with pytest.raises(InvalidToken):
        async with Bot("999:WRONG", base_url=f"{server.url}/bot"):
            pass

    [call] = server.calls_of("getMe")
    assert call.failed


async def test_unknown_method_is_not_found(bot, server):
    with pytest.raises(EndPointNotFound, match="sendTelepathy"):
        await bot.do_api_request("sendTelepathy")

    assert server.calls_of("sendTelepathy")[0].failed


async def test_webhook_commands_and_simple_methods(bot, server):
    assert await bot.set_webhook("https://example.org/hook") is True
    server.push_text(1, "queued")
    info = await bot.get_webhook_info()
    assert (info.url, info.pending_update_count) == ("https://example.org/hook", 1)
    assert await bot.delete_webhook(drop_pending_updates=True) is True
    assert (await bot.get_webhook_info()).url == ""
    assert await bot.get_updates() == ()

    await bot.set_my_commands([BotCommand("start", "Begin")])
    await bot.set_my_commands([BotCommand("help", "Help")], scope=BotCommandScopeAllPrivateChats())
    assert await bot.get_my_commands() == (BotCommand("start", "Begin"),)
    private = await bot.get_my_commands(scope=BotCommandScopeAllPrivateChats())
    assert private == (BotCommand("help", "Help"),)
    assert await bot.delete_my_commands() is True
    assert await bot.get_my_commands() == ()

    assert await bot.send_chat_action(1, "typing") is True
    assert await bot.log_out() is True
    assert await bot.close() is True


async def test_wait_for_calls_filters_by_chat_and_explains_a_timeout(bot, server):
    await bot.send_message(1, "to one")
    await bot.send_message(2, "to two")

    [call] = await server.wait_for_calls("sendMessage", 1, chat_id=2, timeout=1)
    assert call.params["text"] == "to two"
    with pytest.raises(asyncio.TimeoutError, match=r"(?s)got 1.*to one.*to two"):
        await server.wait_for_calls("sendMessage", 2, chat_id=1, timeout=0.1)


async def test_stop_answers_a_waiting_long_poll_at_once(bot, server):
    poll = asyncio.create_task(bot.get_updates(timeout=30))
    await server.wait_for_calls("getUpdates", 1)
    started = time.monotonic()

    await server.stop()

    assert await asyncio.wait_for(poll, 1) == ()
    assert time.monotonic() - started < 0.9


async def test_json_bodies_and_get_queries_are_accepted_too(server):
    base = f"{server.url}/bot{TOKEN}"
    async with aiohttp.ClientSession() as session:
        async with session.post(
            f"{base}/sendMessage",
            json={"chat_id": "4", "text": "json", "reply_markup": KEYBOARD_JSON},
        ) as answer:
            posted = await answer.json()
        query = {"chat_id": "4", "text": "7"}
        async with session.get(f"{base}/sendMessage", params=query) as answer:
            queried = await answer.json()
        async with session.post(
            f"{base}/sendMessage", data=b"{oops", headers={"Content-Type": "application/json"}
        ) as answer:
            broken = (answer.status, await answer.json())

    assert posted["ok"] and posted["result"]["reply_markup"] == KEYBOARD_JSON
    assert queried["result"]["text"] == "7" and queried["result"]["message_id"] == 2
    assert broken[0] == 400 and broken[1]["ok"] is False
    assert server.sent_texts(4) == ["json", "7"]
