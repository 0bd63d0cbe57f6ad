"""Reminders on Telegram: sending nudges through the outbox, and the ``rem:`` buttons.

``telegram_sender(outbox)`` is the delivery loop's ``send``: the nudge is rendered like
any reply (plain text, inline keyboard), written to the outbox under a key of its
reminder and occurrence (so a reminder fired again after a crash writes nothing new),
and sent through the Application's bot, whose rate limiter paces it. Once it is in the
outbox it is as good as sent: a failed send is tried again by the outbox's own loop. A
chat Telegram refuses (blocked bot, deleted chat) is reported as ``RecipientUnreachable``. ``ReminderButtons.on_button`` answers a ``rem:`` press first,
then edits the message it sits on (or hands a guided choice to the coach).
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from bot.rasa.bridge import BotReply, Button
from coach.reminders.buttons import handle_button
from coach.reminders.delivery import Clock, RecipientUnreachable, Send, system_clock
from coach.reminders.nudges import Buttons, NudgeMessage
from bot.telegram.handlers import TelegramFrontEnd
from bot.telegram.outbox import UNREACHABLE, OutboxSender, outgoing_for
from bot.telegram.rendering import TELEGRAM_TEXT_LIMIT, keyboard_for
from coach.storage.outbox import enqueue

logger = logging.getLogger(__name__)


def _buttons(buttons: Buttons) -> tuple[Button, ...]:
    return tuple(Button(title, data) for title, data in buttons)


def telegram_sender(outbox: OutboxSender) -> Send:
    """The delivery loop's ``send`` for Telegram."""

    async def send(message: NudgeMessage) -> None:
        messages = outgoing_for([BotReply(text=message.text, buttons=_buttons(message.buttons))], urgent=False)
        key = f"nudge:{message.reminder_id}:{message.occurrence}" if message.occurrence else None
        rows = await asyncio.to_thread(enqueue, outbox.db, message.chat_id, messages, key)
        results = await outbox.send(rows)
        if UNREACHABLE in results.values():
            raise RecipientUnreachable(f"chat {message.chat_id} is unreachable")

    return send


class ReminderButtons:
    """Handles ``rem:`` callback queries for the front end (registered before its generic handler)."""

    def __init__(self, front: TelegramFrontEnd, clock: Clock = system_clock) -> None:
        self.front = front
        self.clock = clock

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        await query.answer()
        chat_id = update.effective_chat.id
        message_text = getattr(query.message, "text", None)  # None for a message too old to read
        logger.info("Reminder button in chat %s (update %s).", chat_id, update.update_id)
        result = await asyncio.to_thread(
            handle_button, self.front.db, chat_id, query.data or "", message_text, self.clock()
        )
        if result.text is not None:
            await self._edit(query, result.text[:TELEGRAM_TEXT_LIMIT], keyboard_for(_buttons(result.buttons)))
        if result.say is not None:
            await self._edit_markup_away(query)
            await self.front.converse(update, chat_id, result.say)

    @staticmethod
    async def _edit(query, text: str, keyboard) -> None:
        try:
            await query.edit_message_text(text, reply_markup=keyboard)
        except BadRequest as error:  # a double tap ("not modified") or a message too old to edit
            logger.info("Could not edit a reminder message: %s", error)

    @staticmethod
    async def _edit_markup_away(query) -> None:
        if query.message is None:
            return
        try:
            await query.edit_message_reply_markup(reply_markup=None)
        except BadRequest:
            pass
