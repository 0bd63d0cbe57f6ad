"""Turns the coach's replies into Telegram messages: plain text, inline keyboards, 4096-char parts."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.rasa.bridge import BotReply, Button

logger = logging.getLogger(__name__)

TELEGRAM_TEXT_LIMIT = 4096
CALLBACK_DATA_LIMIT = 64  # bytes


@dataclass(frozen=True)
class OutgoingMessage:
    text: str
    keyboard: InlineKeyboardMarkup | None = None


def split_text(text: str, limit: int = TELEGRAM_TEXT_LIMIT) -> list[str]:
    """Split at paragraph, then line, then word boundaries so every part fits ``limit``."""
    parts: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[:limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"), window.rfind(" "))
        if cut <= limit // 2:
            cut = limit
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        parts.append(rest)
    return parts


def keyboard_for(buttons: tuple[Button, ...]) -> InlineKeyboardMarkup | None:
    """One button per row (labels are short sentences); payloads over 64 bytes are dropped."""
    rows = []
    for button in buttons:
        if len(button.payload.encode("utf-8")) > CALLBACK_DATA_LIMIT:
            logger.warning("Dropped a button whose payload is over Telegram's 64-byte limit.")
            continue
        rows.append([InlineKeyboardButton(button.title, callback_data=button.payload)])
    return InlineKeyboardMarkup(rows) if rows else None


def render(reply: BotReply) -> list[OutgoingMessage]:
    """The Telegram messages for one reply; the keyboard goes on the last part."""
    parts = split_text(reply.text) or ([" "] if reply.buttons else [])
    keyboard = keyboard_for(reply.buttons)
    return [
        OutgoingMessage(text=part, keyboard=keyboard if index == len(parts) - 1 else None)
        for index, part in enumerate(parts)
    ]
