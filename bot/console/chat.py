"""Console chat: the same coach (brain, actions, database) in a terminal, no Telegram needed.

Buttons are shown as a numbered list; typing the number presses the button. Commands
work as on Telegram (/start, /help, /cancel, /privacy; /export, /forget and /country from
``bot.privacy_commands``, whose buttons can also be answered with their first word, e.g.
"yes"); files are saved under data/exports (emptied by /forget). /quit or Ctrl-D leaves.
"""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from coach.attachments import Attachment, render_attachment
from bot import privacy_commands as privacy
from bot.commands import command_name, rasa_input_for_button, rasa_input_for_text
from coach.config import PROJECT_ROOT
from coach.people import sender_for_chat
from bot.rasa.bridge import BotReply, Button, RasaBridge
from coach.storage.db import Database

CONSOLE_CHAT_ID = 0  # the console is one chat, with its own id in the same database
PROMPT = "you> "
EXPORT_DIR = PROJECT_ROOT / "data" / "exports"


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


def privacy_answer(line: str, buttons: list[Button]) -> str | None:
    """The data of a /forget or /country button the line presses (its number, its title or
    the title's first word, e.g. "yes"), or None when it presses none of them."""
    choice = line.strip()
    if choice.isdigit():
        picked = buttons[int(choice) - 1].payload if 1 <= int(choice) <= len(buttons) else ""
        return picked if privacy.is_answer(picked) else None
    typed = choice.lower().rstrip(".!")
    for button in buttons:
        title = button.title.lower()
        if privacy.is_answer(button.payload) and typed and typed in {title, title.split()[0].rstrip(",")}:
            return button.payload
    return None


async def _read_line(stream: TextIO) -> str:
    return await asyncio.to_thread(stream.readline)


async def _save_attachment(db: Database, instruction: dict, stdout: TextIO) -> None:
    """Files (a chart, an export) are saved under data/exports in the console."""
    attachment = await asyncio.to_thread(render_attachment, db, CONSOLE_CHAT_ID, instruction)
    if attachment is not None:
        _save_file(attachment, stdout)


def _save_file(attachment: Attachment, stdout: TextIO) -> None:
    path = EXPORT_DIR / attachment.filename
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(attachment.data)
    print(f"coach> {attachment.caption or 'Here is your file'}: saved to {path}", file=stdout, flush=True)


def _show_privacy_reply(reply: privacy.PrivacyReply, stdout: TextIO) -> list[Button]:
    """Print a /forget, /export or /country reply; the buttons a number (or word) can press."""
    output, buttons = format_replies([BotReply(text=reply.text, buttons=reply.buttons)])
    if output:
        print(output, file=stdout, flush=True)
    if reply.file is not None:
        _save_file(reply.file, stdout)
    return buttons


async def chat(bridge: RasaBridge, db: Database, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> None:
    """Read lines until EOF or /quit; print the coach's replies."""
    print("trustcoach console. Type what's on your mind, a number to press a button, /quit to leave.", file=stdout)
    buttons: list[Button] = []
    sender_id = sender_for_chat(CONSOLE_CHAT_ID)
    while True:
        print(PROMPT, end="", file=stdout, flush=True)
        line = await _read_line(stdin)
        if not line or line.strip().lower() in {"/quit", "/exit"}:
            print("\ncoach> Take care. I'm here whenever you want to come back.", file=stdout, flush=True)
            return
        name = command_name(line.strip())
        if name in privacy.PRIVACY_COMMANDS:
            argument = " ".join(line.split()[1:])
            answered = await asyncio.to_thread(privacy.command, db, CONSOLE_CHAT_ID, name, argument)
            buttons = _show_privacy_reply(answered, stdout)
            continue
        pressed = privacy_answer(line, buttons)
        if pressed is not None:
            answered = await asyncio.to_thread(privacy.answer, db, CONSOLE_CHAT_ID, pressed, EXPORT_DIR)
            buttons = _show_privacy_reply(answered, stdout)
            continue
        typed = await asyncio.to_thread(privacy.typed_answer, db, CONSOLE_CHAT_ID, line, EXPORT_DIR)
        if typed is not None:  # "sure" / "nope" to /forget, or asked again
            buttons = _show_privacy_reply(typed, stdout)
            continue
        text = rasa_input(line, buttons, bridge.known_intents)
        if not text:
            continue
        replies = await bridge.handle(sender_id, text)
        output, buttons = format_replies(replies)
        print(output, file=stdout, flush=True)
        for reply in replies:
            if "attachment" in reply.custom:
                await _save_attachment(db, reply.custom["attachment"], stdout)
