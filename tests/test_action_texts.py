"""The actions' texts live in domain.yml and are sent by name.

Rasa drops a message whose response name is not in the domain without a word, so every
name an action uses must be there; every response is used by a story, a rule or an action;
the few messages an action still sends as ``text=`` are the known ones, each with its
reason; and a person's own words reach the screen as written.
"""

from __future__ import annotations

import ast
import re

import yaml

from actions.responses import WORD_JOINER, verbatim
from coach.config import PROJECT_ROOT
from testing.texts import domain_responses, response_text

# The messages an action still sends as text=..., and where that text has its one place.
TEXT_MESSAGES = {
    ("actions/flows.py", "show_step"): "a guidance step, from coach/content/guidance.yml",
    ("actions/checkins.py", "run"): "the weekly reflection, written whole by coach/checkins/reflection.py",
    ("actions/reminder_list.py", "run"): "the reminder list, written whole by coach/reminders/listing.py",
    ("actions/safety.py", "run"): "the crisis replies, the safety check and the safe-again reply (coach/safety/replies.py)",
}


def action_sources() -> dict[str, str]:
    return {
        path.relative_to(PROJECT_ROOT).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted((PROJECT_ROOT / "actions").glob("*.py"))
    }


def response_names_in_actions() -> set[str]:
    """Every "utter_..." literal in actions/ ("{...}" parts stand for any name part)."""
    return {
        node.value
        for source in action_sources().values()
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith("utter_")
    }


def matching(name: str) -> set[str]:
    pattern = re.compile(re.sub(r"\\\{[^}]*\\\}", "[a-z0-9_]+", re.escape(name)))
    return {response for response in domain_responses() if pattern.fullmatch(response)}


def text_message_places() -> list[tuple[str, str]]:
    """(file, enclosing function) of each utter_message(text=...) call in actions/."""
    places = []
    for path, source in action_sources().items():
        for function in ast.walk(ast.parse(source)):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for call in ast.walk(function):
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "utter_message"
                    and any(keyword.arg == "text" for keyword in call.keywords)
                ):
                    places.append((path, function.name))
    return places


def test_every_response_an_action_names_is_in_the_domain() -> None:
    names = response_names_in_actions()
    assert len(names) > 50
    assert [name for name in sorted(names) if not matching(name)] == []


def test_every_response_is_used_by_a_story_a_rule_or_an_action() -> None:
    story_actions = set()
    for path in (PROJECT_ROOT / "stories").glob("*.yml"):
        story_actions |= set(re.findall(r"action: (utter_[a-z0-9_]+)", path.read_text(encoding="utf-8")))
    used = story_actions | {found for name in response_names_in_actions() for found in matching(name)}
    assert sorted(set(domain_responses()) - used) == []


def test_actions_send_their_sentences_by_name() -> None:
    places = text_message_places()
    assert sorted(set(places)) == sorted(TEXT_MESSAGES)
    assert len(places) == 6  # one each, and three in actions/safety.py


def test_every_response_has_one_text() -> None:
    """One variant each: the texts tests compare and the person sees are the same."""
    responses = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
    assert {name: len(variants) for name, variants in responses.items() if len(variants) != 1} == {}


def test_a_persons_words_reach_the_screen_as_written() -> None:
    words = "I spent 100[0] of our savings"
    shown = response_text("utter_apology_show_saved", version=1, saved_on="1 May 2025", draft=verbatim(words))
    assert shown.replace(WORD_JOINER, "") == f"Your saved apology (version 1, saved 1 May 2025):\n\n{words}"
    # Without verbatim(), Rasa's interpolator takes "0[" for a placeholder it failed to fill:
    unguarded = response_text("utter_apology_show_saved", version=1, saved_on="1 May 2025", draft=words)
    assert unguarded.endswith("{draft}")
    assert verbatim("no brackets here") == "no brackets here"
