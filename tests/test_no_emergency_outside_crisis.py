"""The word "emergency" is reserved for crisis replies (``crisis_reply`` for crisis_self_harm,
crisis_abuse and crisis_emergency) and the safety check that asks "are you safe right now?"
with the emergency line beside it: no other text the coach can send contains it.

The scan covers every text source: every variant of every domain.yml response (buttons
included), the guidance content (steps, FAQ sources, nudges, apology questions and tips),
the apology analyzer's and draft's own words, reminder nudges as the delivery loop builds
them, the string literals of the core modules that write texts (apology, check-ins,
reminders, content), the module-level string constants of the front ends (Telegram
handlers, privacy commands, console, the rest of bot/) and the safe-again reply. As a backstop, every text-like string literal in actions/*.py counts too,
so a sentence typed into an action instead of domain.yml is caught as well.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from coach.apology.content import load_apology_content
from coach.config import PROJECT_ROOT
from coach.content.guidance import GUIDANCE_FILE, load_guidance
from coach.reminders.nudges import REFLECTION_TOPIC, discreet_nudge, full_nudge, topic_prompts
from coach.safety.replies import CRISIS_KINDS, crisis_reply, safe_again_reply, safety_check_reply

WORD = "emergency"
# Core packages whose modules write texts the coach sends (coach/safety is the crisis
# replies' own place; coach/config.py holds the emergency line those replies carry).
CORE_TEXT_PACKAGES = ("coach/apology", "coach/checkins", "coach/content", "coach/reminders")
# An identifier, intent, payload, slot or key: no text anyone reads.
NOT_TEXT = re.compile(r"[/a-z0-9_:.\-]*")

Text = tuple[str, str]  # (where it comes from, the text)


def all_strings(node: object) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in all_strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in all_strings(value)]
    return []


def docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring nodes of a module and its classes and functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                found.add(id(first.value))
    return found


def string_literals(source: str) -> list[str]:
    """Every string literal in ``source`` (f-string parts too), docstrings left out."""
    tree = ast.parse(source)
    skip = docstrings(tree)
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
    ]


def module_constants(source: str) -> list[str]:
    """The strings assigned at module level (``NAME = "..."``, tuples and f-strings included)."""
    strings = []
    for node in ast.parse(source).body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            strings += [
                part.value
                for part in ast.walk(node.value)
                if isinstance(part, ast.Constant) and isinstance(part.value, str)
            ]
    return strings


def text_like(literals: list[str]) -> list[str]:
    """The literals that could be something a person reads (the backstop's filter)."""
    return [literal for literal in literals if not NOT_TEXT.fullmatch(literal)]


def python_files(*folders: str) -> Iterator[Path]:
    for folder in folders:
        yield from sorted((PROJECT_ROOT / folder).rglob("*.py"))


def label(path: Path) -> str:
    return path.relative_to(PROJECT_ROOT).as_posix()


def coach_texts() -> list[Text]:
    """Every text the coach can send, outside the crisis replies."""
    texts: list[Text] = []
    responses = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
    for name, variants in responses.items():
        texts += [(f"domain.yml {name}", text) for variant in variants for text in all_strings(variant)]
    texts += [("guidance.yml", text) for text in all_strings(yaml.safe_load(GUIDANCE_FILE.read_text(encoding="utf-8")))]
    apology = load_apology_content()
    for question in apology.questions.values():
        texts += [(f"apology question {question.step}", text) for text in (question.title, question.text, question.why)]
    texts += [("apology tip", tip) for tip in apology.tips]
    topics = [*load_guidance().nudges, REFLECTION_TOPIC]
    for topic in topics:
        for prompt in topic_prompts(topic, commitment="keep my word") or ("",):
            nudge = full_nudge(1, 1, "call Sam", prompt, recurring=True, topic=topic)
            texts += [(f"nudge {topic}", nudge.text)] + [(f"nudge {topic} button", title) for title, _ in nudge.buttons]
    discreet = discreet_nudge(1, 1)
    texts += [("discreet nudge", discreet.text)] + [("discreet nudge button", title) for title, _ in discreet.buttons]
    for path in python_files(*CORE_TEXT_PACKAGES):
        texts += [(label(path), text) for text in string_literals(path.read_text(encoding="utf-8"))]
    for path in python_files("bot"):
        texts += [(label(path), text) for text in module_constants(path.read_text(encoding="utf-8"))]
    texts += [("safe again", safe_again_reply())]
    for path in python_files("actions"):
        texts += [(label(path), text) for text in text_like(string_literals(path.read_text(encoding="utf-8")))]
    return texts


def test_no_text_outside_the_crisis_replies_mentions_emergency() -> None:
    offending = [(where, text) for where, text in coach_texts() if WORD in text.lower()]
    assert offending == []


def test_the_scan_reads_every_kind_of_text() -> None:
    """Each source adds its texts: a scan that silently read nothing would pass the test above."""
    texts = {text for _, text in coach_texts()}
    where = {place.split(" ")[0] for place, _ in coach_texts()}
    samples = [
        "Check in now",  # a button title in domain.yml
        "Okay, we'll stop there. I'm here whenever you want to pick something up again.",  # an action's response
        load_guidance().flows["apology"].steps[0].text,
        load_apology_content().tips[0],
        "Your check-in is ready",  # the discreet nudge
        "Sorry, something went wrong on my side. Please try again in a moment.",  # bot/telegram/handlers.py
        "Okay, nothing was deleted.",  # bot/privacy_commands.py
        safe_again_reply(),
    ]
    assert [sample for sample in samples if sample not in texts] == []
    assert any(text.startswith("Your own commitment:") for text in texts)  # an apology reminder's prompt
    assert {"actions/flows.py", "bot/console/chat.py", "coach/reminders/buttons.py", "coach/apology/analyzer.py"} <= where


def test_the_backstop_catches_a_sentence_typed_into_an_action() -> None:
    source = '''
"""Docstrings may talk about the emergency line."""
NOTE = "In an emergency, call 112."
def run(dispatcher, when):
    dispatcher.utter_message(text=f"Call the emergency line {when}.")
    dispatcher.utter_message(response="utter_x", kind="crisis_emergency", buttons=[{"title": "Emergency", "payload": "/crisis_emergency"}])
'''
    flagged = [text for text in text_like(string_literals(source)) if WORD in text.lower()]
    assert sorted(flagged) == ["Call the emergency line ", "Emergency", "In an emergency, call 112."]


@pytest.mark.parametrize("kind", CRISIS_KINDS)
def test_every_crisis_reply_mentions_emergency(kind: str) -> None:
    for country in (None, "GB", "DK", "nowhere"):
        assert WORD in crisis_reply(kind, country=country).lower()


def test_the_safety_check_carries_the_emergency_line_with_its_question() -> None:
    for country in (None, "GB", "DK", "nowhere"):
        check = safety_check_reply(country=country)
        assert "Are you safe right now?" in check and WORD in check.lower()
    assert "the emergency number is 999" in safety_check_reply(country="GB")  # the person's own country
    assert "the emergency number is" not in safety_check_reply()
    configured = "If you are in danger, call 112 (Danish emergency line)."
    assert configured in safety_check_reply(emergency_line=configured)
