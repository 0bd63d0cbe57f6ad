"""Helpers for dialogue tests that talk to the real Rasa agent through the bridge."""

from __future__ import annotations

from bot.rasa.bridge import BotReply, RasaBridge
from coach.people import sender_for_chat


async def say(bridge: RasaBridge, chat_id: int, text: str) -> list[BotReply]:
    """One message from the person in ``chat_id``; the coach's replies."""
    return await bridge.handle(sender_for_chat(chat_id), text)


def joined(replies: list[BotReply]) -> str:
    """All reply texts, one per line."""
    return "\n".join(reply.text for reply in replies)


def payloads(replies: list[BotReply]) -> list[str]:
    """Every button payload offered, in order."""
    return [button.payload for reply in replies for button in reply.buttons]
