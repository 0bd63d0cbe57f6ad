"""Telegram update handlers: one small async handler per kind of update.

Every private text message and every button press goes to Rasa through the bridge; the
coach's replies come back as plain text with inline keyboards. Anything the coach cannot
read (stickers, photos, voice, files, locations) gets a short friendly answer. Choices
made on purpose:

- Edited messages are not re-run through the coach (the reply to the original already
  went out); the person is told to send the new version as a new message.
- Group chats: the coach is personal and private, so in groups it only answers commands,
  with a pointer to a private chat, and stores nothing about the group.
- Nothing is sent from a handler directly: each handler *says* its messages (``say``),
  and once every handler has run, ``finish`` writes them to the outbox in the same
  transaction that marks the update done, then sends them (``bot.telegram.outbox``). So
  a crash loses neither the update nor its replies; a redelivered update is never queued
  twice (``bot.telegram.inbox``). Answering a button press and
  editing the message it sits on stay direct: they are not messages to keep.
- Message text is never logged, at any level.
- With ``ALLOWED_USER_IDS`` set, anybody else is refused before anything is stored and
  told once, directly, not through the outbox (``bot.telegram.allow_list``).
"""

from __future__ import annotations

import asyncio
import logging

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes

from coach.attachments import render_attachment
from coach.storage.outbox import Outgoing, finish_update
from bot import privacy_commands as privacy
from bot.commands import command_name, rasa_input_for_button, rasa_input_for_text
from coach.config import Settings
from coach.people import sender_for_chat
from bot.rasa.bridge import BotReply, RasaBridge
from coach.storage.db import Database
from bot.telegram.allow_list import AllowList
from bot.telegram.outbox import OutboxSender, file_message, is_crisis_turn, outgoing_for, text_message
from bot.telegram.rendering import keyboard_for

logger = logging.getLogger(__name__)

NOT_TEXT_REPLY = (
    "I can only read text for now. Could you tell me in a few words what's going on?"
)
EDITED_REPLY = (
    "I saw you edited a message. I only respond to new messages, so if you'd like me "
    "to answer the new version, please send it again."
)
GROUP_REPLY = (
    "I'm a personal coach and I only talk in private chats, so what you share stays between us. "
    "Open a private chat with me to begin."
)
STALE_BUTTON_REPLY = "That button has expired. Here's where we can pick up:"
NOT_ALLOWED_REPLY = "Sorry, this coach is private and only open to invited people."
ERROR_REPLY = "Sorry, something went wrong on my side. Please try again in a moment."


class TelegramFrontEnd:
    """Holds what the handlers need: the Rasa bridge, the database, the settings, the
    outbox sender, and the messages each update in progress has said so far."""

    def __init__(self, bridge: RasaBridge, db: Database, settings: Settings, outbox: OutboxSender,
                 maybe_seen: set[int] | None = None, allow_list: AllowList | None = None) -> None:
        self.bridge = bridge
        self.allow_list = allow_list or AllowList(settings.allowed_user_ids)
        self.db = db
        self.settings = settings
        self.outbox = outbox
        # Updates queued again at start-up (bot.telegram.inbox): Rasa may have seen them.
        self.maybe_seen: set[int] = maybe_seen if maybe_seen is not None else set()
        self._said: dict[int, list[Outgoing]] = {}

    # -- gates, run before any handler (groups -2 and -1) ---------------------------

    async def begin(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An update's handling starts (redeliveries never get here: ``InboxQueue.put``)."""
        self._said[update.update_id] = []

    async def enforce_allow_list(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Refuse anybody not on ALLOWED_USER_IDS: nothing stored, told once, nothing else runs."""
        if self.allow_list.admits(update):
            return
        self._said.pop(update.update_id, None)
        self.maybe_seen.discard(update.update_id)
        logger.info("Refused update %s from a user not on ALLOWED_USER_IDS.", update.update_id)
        if update.callback_query:
            await update.callback_query.answer()
        user, chat = update.effective_user, update.effective_chat
        if user and chat and chat.type == ChatType.PRIVATE and self.allow_list.first_refusal(user.id):
            try:  # directly: the outbox would store the chat id
                await context.bot.send_message(chat.id, NOT_ALLOWED_REPLY)
            except TelegramError as error:
                logger.warning("Could not tell a refused user so (%s).", type(error).__name__)
        raise ApplicationHandlerStop

    # -- saying, and the end of every update (the last group) -----------------------

    def say(self, update: Update, *messages: Outgoing) -> None:
        self._said.setdefault(update.update_id, []).extend(messages)

    def say_text(self, update: Update, text: str, keyboard: InlineKeyboardMarkup | None = None) -> None:
        self.say(update, text_message(text, keyboard))

    async def finish(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The update is done: its messages into the outbox (one transaction with the
        update's end), then sent in order."""
        said = self._said.pop(update.update_id, [])
        self.maybe_seen.discard(update.update_id)
        chat_id = update.effective_chat.id if update.effective_chat else None
        rows = await asyncio.to_thread(finish_update, self.db, update.update_id, chat_id, said)
        if rows is None:
            logger.info("Update %s was finished by another process; its replies were not kept.", update.update_id)
        elif len(rows) < len(said):
            self.outbox.wake()  # some are held (an earlier send to retry): the sender's loop has them
        if rows:
            await self.outbox.send(rows)

    # -- private chats ---------------------------------------------------------------

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A typed message or command: to Rasa, replies back."""
        chat_id = update.effective_chat.id
        logger.info("Text message in chat %s (update %s).", chat_id, update.update_id)
        text = update.effective_message.text
        rasa_input = rasa_input_for_text(text)
        if not rasa_input:
            self.say_text(update, NOT_TEXT_REPLY)
            return
        typed = await asyncio.to_thread(privacy.typed_answer, self.db, chat_id, text)
        if typed is not None:  # "yes" / "no" to /forget, typed instead of pressed
            self.say_text(update, typed.text, keyboard_for(typed.buttons))
            await self._delete_messages(context, chat_id, typed.delete_messages)
            return
        await self.converse(update, chat_id, rasa_input)

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A button press: answer the callback, take the keyboard away, then act on it."""
        query = update.callback_query
        await query.answer()
        if query.message is not None:
            try:
                await query.edit_message_reply_markup(reply_markup=None)
            except BadRequest:  # already edited (a double tap) or too old to edit
                pass
        chat_id = update.effective_chat.id
        logger.info("Button press in chat %s (update %s).", chat_id, update.update_id)
        payload = rasa_input_for_button(query.data or "", self.bridge.known_intents)
        if payload is None:
            self.say_text(update, STALE_BUTTON_REPLY)
            payload = "/help"
        await self.converse(update, chat_id, payload)

    async def on_privacy_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/forget, /export, /country [code]: answered by ``bot.privacy_commands``, not Rasa."""
        chat_id = update.effective_chat.id
        name = command_name(update.effective_message.text or "")
        argument = " ".join(context.args or [])
        reply = await asyncio.to_thread(privacy.command, self.db, chat_id, name, argument)
        if reply.text:
            self.say_text(update, reply.text, keyboard_for(reply.buttons))
        if reply.file is not None:
            self.say(update, file_message(reply.file))

    async def on_privacy_answer(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A button of /forget or /country: the answer replaces the question."""
        query = update.callback_query
        await query.answer()
        chat_id = update.effective_chat.id
        reply = await asyncio.to_thread(privacy.answer, self.db, chat_id, query.data or "")
        await self._delete_messages(context, chat_id, reply.delete_messages)
        try:
            await query.edit_message_text(reply.text)
        except BadRequest:  # the question is too old to edit: say it in a new message
            self.say_text(update, reply.text)

    @staticmethod
    async def _delete_messages(context: ContextTypes.DEFAULT_TYPE, chat_id: int, message_ids: tuple[int, ...]) -> None:
        """After /forget: delete the bot's own export messages (Telegram allows it for 48 h)."""
        for message_id in message_ids:
            try:
                await context.bot.delete_message(chat_id, message_id)
            except TelegramError:  # too old, or already deleted by the person
                logger.info("An export message in chat %s could not be deleted.", chat_id)

    async def on_not_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stickers, photos, voice, video, files, locations, contacts, polls..."""
        self.say_text(update, NOT_TEXT_REPLY)

    async def on_edited(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        self.say_text(update, EDITED_REPLY)

    async def on_group_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        self.say_text(update, GROUP_REPLY)

    # -- shared ----------------------------------------------------------------------

    async def converse(self, update: Update, chat_id: int, rasa_input: str) -> None:
        """Through Rasa; the replies (and any chart or file they ask for) are said in order."""
        maybe_seen = update.update_id in self.maybe_seen
        replies = await self.bridge.handle(sender_for_chat(chat_id), rasa_input,
                                           message_id=f"tg{update.update_id}", maybe_seen=maybe_seen)
        urgent = is_crisis_turn(replies)
        for reply in replies:
            self.say(update, *outgoing_for([reply], urgent))
            if "attachment" in reply.custom:
                attachment = await asyncio.to_thread(render_attachment, self.db, chat_id, reply.custom["attachment"])
                if attachment is None:
                    logger.warning("An action asked for an unknown attachment renderer.")
                else:
                    self.say(update, file_message(attachment, urgent))

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the failure (token redacted by the logging filter) and tell the person."""
        update_id = update.update_id if isinstance(update, Update) else None
        logger.error("Error while handling update %s.", update_id, exc_info=context.error)
        if not (isinstance(update, Update) and update.effective_chat):
            return
        if update.update_id in self._said:  # still to be finished: said with the rest
            self.say_text(update, ERROR_REPLY)
            return
        try:  # the update could not be finished (the database): it will be handled again
            await context.bot.send_message(update.effective_chat.id, ERROR_REPLY)
        except Exception:  # the error may be that Telegram is unreachable
            logger.warning("Could not tell chat %s about the error.", update.effective_chat.id)
