"""The small front-end parts: command mapping, button checks, message splitting, log redaction."""

from __future__ import annotations

import io
import logging

from bot.commands import COMMANDS, command_name, rasa_input_for_button, rasa_input_for_text
from bot.logging_setup import REDACTED, configure_logging
from bot.rasa.bridge import BotReply, Button
from bot.telegram.rendering import TELEGRAM_TEXT_LIMIT, render, split_text

INTENTS = frozenset({"help", "flow_next", "stop", "struggle_money", "wait_20_minutes"})


def test_commands_map_to_intents_and_unknown_commands_to_help() -> None:
    assert rasa_input_for_text("/start") == "/start"
    assert rasa_input_for_text("/cancel") == "/stop"
    assert rasa_input_for_text("/START@trustcoach_bot now") == "/start"
    assert rasa_input_for_text("/crisis_abuse") == "/help"  # typed intents never reach Rasa
    assert rasa_input_for_text("  I feel awful  ") == "I feel awful"
    assert rasa_input_for_text("Stop!") == rasa_input_for_text("cancel") == "/stop"
    assert rasa_input_for_text("stop texting her") == "stop texting her"
    assert command_name("hello") is None
    assert {c.name for c in COMMANDS} >= {"start", "help", "cancel"}


def test_only_our_own_button_payloads_pass() -> None:
    assert rasa_input_for_button("/flow_next", INTENTS) == "/flow_next"
    assert rasa_input_for_button("/wait_20_minutes", INTENTS) == "/wait_20_minutes"  # digits in an intent
    assert rasa_input_for_button("/deleted_intent", INTENTS) is None
    assert rasa_input_for_button('/stop{"x": 1}', INTENTS) is None
    assert rasa_input_for_button("", INTENTS) is None


def test_long_text_is_split_on_boundaries_within_the_limit() -> None:
    paragraph = ("word " * 300).strip()
    text = "\n\n".join([paragraph] * 10)
    parts = split_text(text)
    assert len(parts) > 1 and all(0 < len(p) <= TELEGRAM_TEXT_LIMIT for p in parts)
    assert " ".join(" ".join(parts).split()) == " ".join(text.split())
    unbroken = "x" * 10_000
    assert "".join(split_text(unbroken)) == unbroken


def test_keyboard_goes_on_the_last_part_and_oversized_payloads_are_dropped() -> None:
    reply = BotReply(text="a " * 5000, buttons=(Button("Next", "/flow_next"), Button("Bad", "/" + "x" * 80)))
    messages = render(reply)
    assert messages[0].keyboard is None
    rows = messages[-1].keyboard.inline_keyboard
    assert [row[0].callback_data for row in rows] == ["/flow_next"]


def test_token_is_redacted_from_messages_and_tracebacks() -> None:
    token = "987654321:AAH-secret_token_value_0123456789ab"
    stream = io.StringIO()
    root = logging.getLogger()
    saved_handlers, saved_level = list(root.handlers), root.level
    configure_logging("INFO", token, stream=stream)
    log = logging.getLogger("test.redaction")
    log.info("calling https://api.telegram.org/bot%s/sendMessage", token)
    try:
        raise RuntimeError(f"failed at /bot{token}/getUpdates")
    except RuntimeError:
        log.exception("boom")
    output = stream.getvalue()
    root.handlers[:] = saved_handlers
    root.setLevel(saved_level)
    assert token not in output
    assert output.count(REDACTED) >= 2
    assert "boom" in output and "RuntimeError" in output
