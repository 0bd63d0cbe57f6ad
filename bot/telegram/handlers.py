"""Telegram update handlers: one small async handler per kind of update.

Every private text message and every button press goes to Rasa through the bridge; the
coach's replies come back as plain text with inline keyboards. Anything the coach cannot
read (stickers, photos, voice, files, locations) gets a short friendly answer. Choices
made on purpose:

- Edited messages are not re-run through the coach (the reply to the original already
  went out); the person is told to send the new version as a new message.
- Group chats: the coach is personal and private, so in groups it only answers commands,
  with a pointer to a private chat, and stores nothing about the group.
- Updates are claimed in the database before handling, so a redelivered update is
  skipped (see ``coach.storage.updates``). Message text is never logged at INFO.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import InputFile, Update
from telegram.constants import ChatType
from telegram.error import BadRequest
from telegram.ext import ApplicationHandlerStop, ContextTypes

from coach.attachments import Attachment, render_attachment
from bot import privacy_commands as privacy
from bot.commands import command_name, rasa_input_for_button, rasa_input_for_text
from coach.config import Settings
from coach.people import sender_for_chat
from bot.rasa.bridge import BotReply, RasaBridge
from coach.storage.db import Database
from coach.storage.updates import claim_update
from bot.telegram.rendering import keyboard_for, render

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
    """Holds what the handlers need: the Rasa bridge, the database and the settings."""

    def __init__(self, bridge: RasaBridge, db: Database, settings: Settings) -> None:
        self.bridge = bridge
        self.db = db
        self.settings = settings

    # -- gates, run before any handler (groups -2 and -1) ---------------------------

    async def skip_seen_updates(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        chat_id = update.effective_chat.id if update.effective_chat else None
        if not await asyncio.to_thread(claim_update, self.db, update.update_id, chat_id):
            logger.info("Skipping update %s: already handled.", update.update_id)
            raise ApplicationHandlerStop

    async def enforce_allow_list(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        allowed = self.settings.allowed_user_ids
        user = update.effective_user
        if not allowed or (user and user.id in allowed):
            return
        logger.info("Refused update %s from a user not on ALLOWED_USER_IDS.", update.update_id)
        if update.callback_query:
            await update.callback_query.answer()
        if update.effective_chat and update.effective_chat.type == ChatType.PRIVATE:
            await context.bot.send_message(update.effective_chat.id, NOT_ALLOWED_REPLY)
        raise ApplicationHandlerStop

    # -- private chats ---------------------------------------------------------------

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A typed message or command: to Rasa, replies back."""
        chat_id = update.effective_chat.id
        logger.info("Text message in chat %s (update %s).", chat_id, update.update_id)
        rasa_input = rasa_input_for_text(update.effective_message.text)
        if not rasa_input:
            await context.bot.send_message(chat_id, NOT_TEXT_REPLY)
            return
        await self.converse(context, chat_id, rasa_input)

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
            await context.bot.send_message(chat_id, STALE_BUTTON_REPLY)
            payload = "/help"
        await self.converse(context, chat_id, payload)

    async def on_privacy_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/forget, /export, /country [code]: answered by ``bot.privacy_commands``, not Rasa."""
        chat_id = update.effective_chat.id
        name = command_name(update.effective_message.text or "")
        argument = " ".join(context.args or [])
        reply = await asyncio.to_thread(privacy.command, self.db, chat_id, name, argument)
        if reply.text:
            await context.bot.send_message(chat_id, reply.text, reply_markup=keyboard_for(reply.buttons))
        if reply.file is not None:
            await send_file(context, chat_id, reply.file)

    async def on_privacy_answer(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A button of /forget or /country: the answer replaces the question."""
        query = update.callback_query
        await query.answer()
        chat_id = update.effective_chat.id
        reply = await asyncio.to_thread(privacy.answer, self.db, chat_id, query.data or "")
        try:
            await query.edit_message_text(reply.text)
        except BadRequest:  # the question is too old to edit: say it in a new message
            await context.bot.send_message(chat_id, reply.text)

    async def on_not_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stickers, photos, voice, video, files, locations, contacts, polls..."""
        await context.bot.send_message(update.effective_chat.id, NOT_TEXT_REPLY)

    async def on_edited(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await context.bot.send_message(update.effective_chat.id, EDITED_REPLY)

    async def on_group_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await context.bot.send_message(update.effective_chat.id, GROUP_REPLY)

    # -- shared ----------------------------------------------------------------------

    async def converse(self, context: ContextTypes.DEFAULT_TYPE, chat_id: int, rasa_input: str) -> None:
        replies = await self.bridge.handle(sender_for_chat(chat_id), rasa_input)
        await send_replies(context, self.db, chat_id, replies)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log the failure (token redacted by the logging filter) and tell the person."""
        update_id = update.update_id if isinstance(update, Update) else None
        logger.error("Error while handling update %s.", update_id, exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat:
            try:
                await context.bot.send_message(update.effective_chat.id, ERROR_REPLY)
            except Exception:  # the error may be that Telegram is unreachable
                logger.warning("Could not tell chat %s about the error.", update.effective_chat.id)


async def send_replies(context: ContextTypes.DEFAULT_TYPE, db: Database, chat_id: int, replies: list[BotReply]) -> None:
    """Send the replies in order (long texts split, keyboards on the last part, files rendered)."""
    for reply in replies:
        for message in render(reply):
            await context.bot.send_message(chat_id, message.text, reply_markup=message.keyboard)
        if "attachment" in reply.custom:
            await send_attachment(context, db, chat_id, reply.custom["attachment"])


async def send_attachment(context: ContextTypes.DEFAULT_TYPE, db: Database, chat_id: int, instruction: dict) -> None:
    attachment = await asyncio.to_thread(render_attachment, db, chat_id, instruction)
    if attachment is None:
        logger.warning("An action asked for an unknown attachment renderer.")
        return
    await send_file(context, chat_id, attachment)


async def send_file(context: ContextTypes.DEFAULT_TYPE, chat_id: int, attachment: Attachment) -> None:
    file = InputFile(attachment.data, filename=attachment.filename)
    if attachment.kind == "photo":
        await context.bot.send_photo(chat_id, file, caption=attachment.caption or None)
    else:
        await context.bot.send_document(chat_id, file, caption=attachment.caption or None)
