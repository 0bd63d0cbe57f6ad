"""Console chat: the same coach (brain, actions, database) in a terminal, no Telegram needed.

Buttons are shown as a numbered list; typing the number presses the button. Commands
work as on Telegram (/start, /help, /cancel, /privacy); /quit or Ctrl-D leaves.
"""

from __future__ import annotations

import asyncio
import sys
from typing import TextIO

from coach.attachments import render_attachment
from bot.commands import command_name, rasa_input_for_button, rasa_input_for_text
from coach.config import PROJECT_ROOT
from coach.storage.privacy import export_json, forget_user
from bot.rasa.bridge import BotReply, Button, RasaBridge, sender_id_for_chat
from coach.storage.db import Database

CONSOLE_CHAT_ID = 0  # the console is one chat, with its own id in the same database
PROMPT = "you> "
EXPORT_PATH = PROJECT_ROOT / "data" / "exports" / "console-export.json"


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


async def _save_attachment(db: Database, instruction: dict, stdout: TextIO) -> None:
    """Files (a chart, an export) are saved under data/exports in the console."""
    attachment = await asyncio.to_thread(render_attachment, db, CONSOLE_CHAT_ID, instruction)
    if attachment is None:
        return
    path = EXPORT_PATH.parent / attachment.filename
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(attachment.data)
    print(f"coach> {attachment.caption or 'Here is your file'}: saved to {path}", file=stdout, flush=True)


async def _data_command(name: str, db: Database, stdin: TextIO, stdout: TextIO) -> None:
    """/export and /forget, as on Telegram but with a file and a typed confirmation."""
    if name == "export":
        EXPORT_PATH.parent.mkdir(parents=True, exist_ok=True)
        EXPORT_PATH.write_bytes(await asyncio.to_thread(export_json, db, CONSOLE_CHAT_ID))
        print(f"coach> Your data is in {EXPORT_PATH}", file=stdout, flush=True)
        return
    print("coach> This deletes everything I have about you. Type yes to confirm.", file=stdout)
    print(PROMPT, end="", file=stdout, flush=True)
    if (await _read_line(stdin)).strip().lower() == "yes":
        await asyncio.to_thread(forget_user, db, CONSOLE_CHAT_ID)
        print("coach> Done. Everything is deleted.", file=stdout, flush=True)
    else:
        print("coach> Okay, nothing was deleted.", file=stdout, flush=True)


async def chat(bridge: RasaBridge, db: Database, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> None:
    """Read lines until EOF or /quit; print the coach's replies."""
    print("trustcoach console. Type what's on your mind, a number to press a button, /quit to leave.", file=stdout)
    buttons: list[Button] = []
    sender_id = sender_id_for_chat(CONSOLE_CHAT_ID)
    while True:
        print(PROMPT, end="", file=stdout, flush=True)
        line = await _read_line(stdin)
        if not line or line.strip().lower() in {"/quit", "/exit"}:
            print("\ncoach> Take care. I'm here whenever you want to come back.", file=stdout, flush=True)
            return
        if command_name(line.strip()) in {"export", "forget"}:
            await _data_command(command_name(line.strip()), db, stdin, stdout)
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
