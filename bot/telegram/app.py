"""Builds the python-telegram-bot ``Application`` and wires the handlers.

The API base URL comes from ``TELEGRAM_API_URL`` (PTB's ``base_url``: the bot calls
``{TELEGRAM_API_URL}/bot{token}/{method}``), so the bot can be pointed at a self-hosted
Bot API server or the fake one in ``tests/``.
"""

from __future__ import annotations

from telegram import BotCommand, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.commands import COMMANDS
from bot.privacy_commands import ANSWER_PATTERN as PRIVACY_ANSWERS
from bot.privacy_commands import PRIVACY_COMMANDS
from coach.config import Settings
from bot.rasa.bridge import RasaBridge
from coach.reminders.buttons import CALLBACK_PATTERN as REMINDER_BUTTONS
from coach.storage.db import Database
from bot.telegram.allow_list import AllowList
from bot.telegram.pacing import PerChatUpdateProcessor, ResilientRateLimiter
from bot.telegram.handlers import TelegramFrontEnd
from bot.telegram.inbox import InboxQueue
from bot.telegram.outbox import OutboxSender
from bot.telegram.reminder_buttons import ReminderButtons

FINISH_GROUP = 98  # after every handler: the update's messages go to the outbox, then out

FRONT_END = "trustcoach.front_end"
PRIVATE = filters.ChatType.PRIVATE
GROUPS = filters.ChatType.GROUPS


def build_application(settings: Settings, bridge: RasaBridge, db: Database) -> Application:
    """An ``Application`` with our delivery guarantees and handlers, not yet started."""
    if not settings.telegram_token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set.")
    allow_list = AllowList(settings.allowed_user_ids)
    inbox = InboxQueue(db, admits=allow_list.admits)  # strangers' updates are never stored
    application = (
        Application.builder()
        .token(settings.telegram_token)
        .base_url(f"{settings.telegram_api_url}/bot")
        .base_file_url(f"{settings.telegram_api_url}/file/bot")
        .rate_limiter(ResilientRateLimiter())
        .update_queue(inbox)
        .concurrent_updates(PerChatUpdateProcessor())
        .connect_timeout(10)
        .read_timeout(20)
        .write_timeout(20)
        .get_updates_read_timeout(settings.poll_timeout + 10)
        .build()
    )
    front = TelegramFrontEnd(bridge, db, settings, OutboxSender(application.bot, db), maybe_seen=inbox.recovered,
                             allow_list=allow_list)
    application.bot_data[FRONT_END] = front
    application.add_handler(TypeHandler(Update, front.begin), group=-2)
    application.add_handler(TypeHandler(Update, front.enforce_allow_list), group=-1)

    application.add_handler(MessageHandler(PRIVATE & filters.UpdateType.EDITED, front.on_edited))
    application.add_handler(
        CommandHandler(PRIVACY_COMMANDS, front.on_privacy_command, filters=PRIVATE & filters.UpdateType.MESSAGE)
    )
    application.add_handler(CallbackQueryHandler(front.on_privacy_answer, pattern=PRIVACY_ANSWERS))
    application.add_handler(MessageHandler(PRIVATE & filters.UpdateType.MESSAGE & filters.TEXT, front.on_text))
    application.add_handler(CallbackQueryHandler(ReminderButtons(front).on_button, pattern=REMINDER_BUTTONS))
    application.add_handler(CallbackQueryHandler(front.on_button))
    application.add_handler(MessageHandler(PRIVATE & filters.UpdateType.MESSAGE & ~filters.TEXT, front.on_not_text))
    application.add_handler(MessageHandler(GROUPS & filters.COMMAND, front.on_group_command))
    application.add_handler(TypeHandler(Update, front.finish), group=FINISH_GROUP)
    application.add_error_handler(front.on_error)
    return application


def front_end(application: Application) -> TelegramFrontEnd:
    """The handlers' front end of an Application from ``build_application`` (its outbox
    sender runs beside polling: ``front_end(app).outbox.running()``)."""
    return application.bot_data[FRONT_END]


async def register_commands(application: Application) -> None:
    """The command menu Telegram shows (setMyCommands)."""
    await application.bot.set_my_commands(
        [BotCommand(command.name, command.description) for command in COMMANDS]
    )
