"""Nudges in the console chat: the delivery loop's ``send`` prints them.

Buttons can't be pressed here, so the nudge ends with how to change or stop it in words.
"""

from __future__ import annotations

from typing import TextIO

from coach.reminders.delivery import Send
from coach.reminders.nudges import NudgeMessage

CONSOLE_HINT = "(Say 'show my reminders' to change or stop it.)"


def console_printer(stream: TextIO) -> Send:
    """A ``send`` that prints each nudge as a coach line."""

    async def send(message: NudgeMessage) -> None:
        print(f"\ncoach> {message.text}\n       {CONSOLE_HINT}", file=stream, flush=True)

    return send
