"""Checks the NLU training data and the held-out NLU test set without training a model.

Every file is read with Rasa's own loader. The checks: each intent has its minimum number of
examples and lives in its own file, no example is repeated, and the held-out set is large,
covers every intent and shares no message (exact or near-copy) with the training data.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message

PROJECT_ROOT = Path(__file__).resolve().parent.parent
NLU_DIR = PROJECT_ROOT / "nlu"
TEST_SET_PATH = PROJECT_ROOT / "tests" / "nlu_test.yml"

STRUGGLE_INTENTS = (
    "struggle_apology",
    "struggle_retaliation",
    "struggle_dwelling",
    "struggle_forgiveness",
    "struggle_secrecy",
    "struggle_not_believed",
    "struggle_communication",
    "struggle_worth_it",
    "struggle_anxiety",
    "struggle_money",
    "struggle_disconnection",
)
CRISIS_INTENTS = ("crisis_self_harm", "crisis_abuse")
FEATURE_INTENTS = ("set_reminder", "list_reminders", "cancel_reminder", "checkin")
CONVERSATION_INTENTS = (
    "greet",
    "goodbye",
    "affirm",
    "deny",
    "thank",
    "bot_challenge",
    "help",
    "out_of_scope",
    "stop",
    "flow_next",
    "role_hurt",
    "role_broke_trust",
)
CHECKIN_INTENTS = (
    "checkin_score_one",
    "checkin_score_two",
    "checkin_score_three",
    "checkin_score_four",
    "checkin_score_five",
    "show_progress",
    "show_progress_long",
    "weekly_reflection",
)
FAQ_INTENTS = tuple(
    f"faq_{key}"
    for key in ("how_long", "what_is_trust", "why_hard", "therapy", "both_partners", "progress_signs")
)

# Which intents each training file owns, and the least number of examples each needs.
MIN_EXAMPLES_BY_FILE: dict[str, dict[str, int]] = {
    "struggles.yml": {intent: 60 for intent in STRUGGLE_INTENTS},
    "safety.yml": {**{intent: 70 for intent in CRISIS_INTENTS}, "crisis_emergency": 25},
    "features.yml": {intent: 30 for intent in FEATURE_INTENTS},
    "conversation.yml": {intent: 30 for intent in CONVERSATION_INTENTS},
    "faq.yml": {intent: 15 for intent in FAQ_INTENTS},
    "checkins.yml": {intent: 25 for intent in CHECKIN_INTENTS},
}
MIN_EXAMPLES = {
    intent: minimum
    for owned in MIN_EXAMPLES_BY_FILE.values()
    for intent, minimum in owned.items()
}

MIN_TEST_MESSAGES = 200
MIN_TEST_EXAMPLES = {intent: 10 if intent in CRISIS_INTENTS else 6 for intent in MIN_EXAMPLES}
# A test message is a near-copy of a training example of the same intent when their word sets
# overlap this much, or differ only by one word added, dropped or swapped.
NEAR_COPY_JACCARD = 0.75


def normalise(text: str) -> str:
    """Lower-case, drop apostrophes ("i'm" == "im"), turn other punctuation into spaces, and
    collapse whitespace."""
    without_apostrophes = re.sub(r"['’]", "", text.lower())
    return " ".join(re.sub(r"[^\w\s]", " ", without_apostrophes).split())


def token_set(text: str) -> frozenset[str]:
    return frozenset(normalise(text).split())


def is_near_copy(first: str, second: str) -> bool:
    first_words, second_words = token_set(first), token_set(second)
    overlap = len(first_words & second_words) / len(first_words | second_words)
    one_word_edit = len(first_words - second_words) <= 1 and len(second_words - first_words) <= 1
    return overlap >= NEAR_COPY_JACCARD or one_word_edit


def intent_examples(path: Path) -> list[Message]:
    return load_data(str(path)).intent_examples


@pytest.fixture(scope="module")
def training_by_file() -> dict[str, list[Message]]:
    return {name: intent_examples(NLU_DIR / name) for name in MIN_EXAMPLES_BY_FILE}


@pytest.fixture(scope="module")
def all_nlu_training() -> dict[str, list[Message]]:
    """Every NLU file the model trains on, including ones other parts of the project own."""
    return {path.name: intent_examples(path) for path in sorted(NLU_DIR.glob("*.yml"))}


@pytest.fixture(scope="module")
def test_examples() -> list[Message]:
    return intent_examples(TEST_SET_PATH)


@pytest.mark.parametrize("file_name", [*MIN_EXAMPLES_BY_FILE, TEST_SET_PATH.name])
def test_file_declares_rasa_3_1_format(file_name: str) -> None:
    path = TEST_SET_PATH if file_name == TEST_SET_PATH.name else NLU_DIR / file_name
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert content["version"] == "3.1"
    assert set(content) == {"version", "nlu"}


@pytest.mark.parametrize("file_name", list(MIN_EXAMPLES_BY_FILE))
def test_file_holds_exactly_its_own_intents(
    file_name: str, training_by_file: dict[str, list[Message]]
) -> None:
    found = {message.get_full_intent() for message in training_by_file[file_name]}
    assert found == set(MIN_EXAMPLES_BY_FILE[file_name])


@pytest.mark.parametrize("intent", list(MIN_EXAMPLES))
def test_intent_has_its_minimum_examples(
    intent: str, training_by_file: dict[str, list[Message]]
) -> None:
    counts = Counter(
        message.get_full_intent() for messages in training_by_file.values() for message in messages
    )
    assert counts[intent] >= MIN_EXAMPLES[intent]


def test_training_examples_carry_no_entities(training_by_file: dict[str, list[Message]]) -> None:
    annotated = [
        message.get("text")
        for messages in training_by_file.values()
        for message in messages
        if message.get("entities")
    ]
    assert annotated == []


def test_no_example_repeats_anywhere_in_training(all_nlu_training: dict[str, list[Message]]) -> None:
    seen: dict[str, str] = {}
    repeats = []
    for file_name, messages in all_nlu_training.items():
        for message in messages:
            key = normalise(message.get("text"))
            where = f"{file_name}:{message.get_full_intent()}"
            if key in seen:
                repeats.append((key, seen[key], where))
            seen[key] = where
    assert repeats == []


def test_test_set_is_large_enough(test_examples: list[Message]) -> None:
    assert len(test_examples) >= MIN_TEST_MESSAGES


def test_test_set_uses_only_trained_intents(
    test_examples: list[Message], all_nlu_training: dict[str, list[Message]]
) -> None:
    trained = {m.get_full_intent() for examples in all_nlu_training.values() for m in examples}
    assert {message.get_full_intent() for message in test_examples} <= trained


@pytest.mark.parametrize("intent", list(MIN_TEST_EXAMPLES))
def test_test_set_covers_intent(intent: str, test_examples: list[Message]) -> None:
    count = sum(message.get_full_intent() == intent for message in test_examples)
    assert count >= MIN_TEST_EXAMPLES[intent]


def test_test_set_has_no_repeats(test_examples: list[Message]) -> None:
    counts = Counter(normalise(message.get("text")) for message in test_examples)
    assert [text for text, count in counts.items() if count > 1] == []


def test_no_test_message_is_in_training(
    test_examples: list[Message], all_nlu_training: dict[str, list[Message]]
) -> None:
    training_texts = {
        normalise(message.get("text"))
        for messages in all_nlu_training.values()
        for message in messages
    }
    leaked = [m.get("text") for m in test_examples if normalise(m.get("text")) in training_texts]
    assert leaked == []


def test_no_test_message_is_a_near_copy_of_training(
    test_examples: list[Message], all_nlu_training: dict[str, list[Message]]
) -> None:
    training = [message for messages in all_nlu_training.values() for message in messages]
    near_copies = [
        (test_message.get("text"), training_message.get("text"))
        for test_message in test_examples
        for training_message in training
        if test_message.get_full_intent() == training_message.get_full_intent()
        and is_near_copy(test_message.get("text"), training_message.get("text"))
    ]
    assert near_copies == []
