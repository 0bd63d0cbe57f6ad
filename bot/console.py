"""Console chat: the same coach (brain, actions, database) in a terminal, no Telegram needed.

Buttons are shown as a numbered list; typing the number presses the button. Commands
work as on Telegram (/start, /help, /cancel, /privacy); /quit or Ctrl-D leaves.
"""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from bot.commands import rasa_input_for_button, rasa_input_for_text
from bot.rasa_bridge import BotReply, Button, RasaBridge

CONSOLE_SENDER_ID = "console"
PROMPT = "you> "


def format_replies(replies: list[BotReply]) -> tuple[str, list[Button]]:
    """The coach's turn as text, and the buttons a number can press."""
    lines: list[str] = []
    buttons: list[Button] = []
    for reply in replies:
        if reply.text:
            lines.append(f"coach> {reply.text}")
        for button in reply.buttons:
            buttons.append(button)
            lines.append(f"   [{len(buttons)}] {button.title}")
    return "\n".join(lines), buttons


def rasa_input(line: str, buttons: list[Button], known_intents: frozenset[str]) -> str:
    """A number picks a button; anything else is typed text."""
    choice = line.strip()
    if choice.isdigit() and 1 <= int(choice) <= len(buttons):
        return rasa_input_for_button(buttons[int(choice) - 1].payload, known_intents) or "/help"
    return rasa_input_for_text(line)


async def _read_line(stream: TextIO) -> str:
    return await asyncio.to_thread(stream.readline)


async def chat(bridge: RasaBridge, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout,
               sender_id: str = CONSOLE_SENDER_ID) -> None:
    """Read lines until EOF or /quit; print the coach's replies."""
    print("trustcoach console. Type what's on your mind, a number to press a button, /quit to leave.", file=stdout)
    buttons: list[Button] = []
    while True:
        print(PROMPT, end="", file=stdout, flush=True)
        line = await _read_line(stdin)
        if not line or line.strip().lower() in {"/quit", "/exit"}:
            print("\ncoach> Take care. I'm here whenever you want to come back.", file=stdout, flush=True)
            return
        text = rasa_input(line, buttons, bridge.known_intents)
        if not text:
            continue
        replies = await bridge.handle(sender_id, text)
        output, buttons = format_replies(replies)
        print(output, file=stdout, flush=True)
