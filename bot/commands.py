"""What a typed message or button means to Rasa: shared by the Telegram and console front ends.

Rasa reads text that starts with "/" as an intent payload, so people's own slash-text
must never reach it unchecked: known commands are mapped to their intent, button
payloads are checked against the domain's intents, and anything else is answered as
"help" (for unknown commands) or refused as a stale button.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAYLOAD_PATTERN = re.compile(r"^/([a-z0-9_]+)$")  # intents may hold digits: /wait_20_minutes


@dataclass(frozen=True)
class Command:
    name: str
    description: str
    payload: str


# Shown in Telegram's menu (setMyCommands) and handled by both front ends.
COMMANDS: tuple[Command, ...] = (
    Command("start", "What this coach is, and where to begin", "/start"),
    Command("help", "Topics I can help with", "/help"),
    Command("cancel", "Stop the current exercise", "/stop"),
    Command("privacy", "What I store and how to delete it", "/privacy"),
    Command("apology", "Write a sincere apology, step by step", "/start_apology"),
    Command("myapology", "Show my saved apology", "/show_apology"),
    Command("remind", "Set a reminder nudge", "/set_reminder"),
    Command("reminders", "See, pause or cancel your reminders", "/list_reminders"),
    Command("timezone", "Set or change your time zone", "/set_timezone"),
    Command("discreet", "Neutral reminder notifications on or off", "/toggle_discreet"),
    Command("country", "Your country, for helplines", "/privacy"),
    Command("checkin", "Rate how today felt, 1 to 5", "/checkin"),
    Command("progress", "A chart of your check-ins", "/show_progress"),
    Command("week", "Your week in review", "/weekly_reflection"),
    Command("export", "Send me all my data as a file", "/privacy"),
    Command("forget", "Delete everything about me", "/privacy"),
)
COMMAND_PAYLOADS = {command.name: command.payload for command in COMMANDS}
# "stop" must always end the current exercise, whatever the classifier thinks of one word.
STOP_WORDS = frozenset({"stop", "cancel", "quit", "exit", "stop it", "stop this", "cancel that"})
# A thumbs-up or OK hand alone is a yes (Rasa's featurizers see no words in it).
YES_EMOJI = frozenset({"👍", "👌", "✅", "🆗"})
SKIN_TONES = re.compile("[\U0001F3FB-\U0001F3FF\uFE0F]")


def command_name(text: str) -> str | None:
    """``"start"`` for "/start", "/start@trustcoach_bot" or "/Start now"; None if not a command."""
    if not text.startswith("/"):
        return None
    word = text[1:].split(maxsplit=1)[0] if len(text) > 1 else ""
    return word.split("@", 1)[0].lower() or None


def rasa_input_for_text(text: str) -> str:
    """The text to hand to Rasa for a typed message."""
    stripped = text.strip()
    if stripped.lower().rstrip(".!") in STOP_WORDS:
        return "/stop"
    emoji = SKIN_TONES.sub("", stripped).replace(" ", "")
    if emoji and all(char in YES_EMOJI for char in emoji):
        return "/affirm"
    name = command_name(stripped)
    if name is None:
        return stripped
    return COMMAND_PAYLOADS.get(name, "/help")


def rasa_input_for_button(payload: str, known_intents: frozenset[str]) -> str | None:
    """The payload of a pressed button if it is one of ours, else None (stale or forged)."""
    match = PAYLOAD_PATTERN.match(payload or "")
    if match and match.group(1) in known_intents:
        return payload
    return None
