"""Rasa's message path with bot/rasa/speedups.py: the cached action-result validator (and its
one-branch-per-event quick check) accepts and rejects exactly what Rasa's own check does, with
the same error; the event-type table
gives the class Rasa's own loop gives, for every event name; the rule index finds exactly the
rules Rasa's own loop finds, for every state of every rule in the trained model and variants
of them; the loaded bridge uses all three."""

from __future__ import annotations

import json
import random
import tarfile

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.core.events import Event, SlotSet, UserUttered
from rasa.shared.utils.common import all_subclasses

from bot.rasa import speedups as rasa_speedups
from testing.harness import require_model

VALID = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "flow", "value": "dwelling"}], "responses": [{"text": "Hi", "buttons": []}]},
    {"events": [{"event": "followup", "name": "action_listen"}, {"event": "active_loop", "name": None}]},
]
INVALID = [
    {"events": "not a list"},
    {"events": [{"name": "flow"}]},  # no "event"
    {"events": [{"event": 3}]},
    {"responses": "hello"},
]


def rasa_check(result: dict) -> jsonschema.ValidationError | None:
    try:
        jsonschema.validate(result, RemoteAction.action_response_format_spec())
    except jsonschema.ValidationError as error:
        return error
    return None


@pytest.mark.parametrize("result", VALID)
def test_valid_answers_pass(result: dict) -> None:
    assert rasa_check(result) is None
    assert rasa_speedups.validate_action_result(None, result) is True


@pytest.mark.parametrize("result", INVALID)
def test_invalid_answers_raise_the_same_error_as_rasa_with_its_hint(result: dict) -> None:
    expected = rasa_check(result)
    assert expected is not None
    with pytest.raises(jsonschema.ValidationError) as raised:
        rasa_speedups.validate_action_result(None, result)
    assert raised.value.message == expected.message + rasa_speedups.FORMAT_HINT
    assert list(raised.value.absolute_path) == list(expected.absolute_path)


def _events_of_every_kind() -> list[dict]:
    """One event of every kind in Rasa's schema, as an action server would send it."""
    return [
        {"event": "user", "text": "hi", "parse_data": {"intent": {"name": "greet", "confidence": 0.9}}},
        {"event": "action", "name": "action_listen", "policy": None, "confidence": 1.0},
        {"event": "slot", "name": "flow", "value": "dwelling"},
        {"event": "entities", "entities": [{"start": 0, "end": 2, "entity": "x", "value": "y"}]},
        {"event": "bot", "text": "hello", "data": {"buttons": [{"title": "a", "payload": "/a"}]}},
        {"event": "active_loop", "name": "apology_form"},
        {"event": "reminder", "name": "r", "intent": "x"},
        {"event": "followup", "name": "action_listen"},
        {"event": "reset_slots"}, {"event": "restart"}, {"event": "session_started"}, {"event": "undo"},
    ]


def _mutations(event: dict) -> list[dict]:
    """Variants of an event an action server could get wrong: each field given the wrong type or dropped."""
    variants = []
    for key in event:
        for wrong in (None, 3, "text", [], {}):
            variants.append(dict(event, **{key: wrong}))
        variants.append({k: v for k, v in event.items() if k != key})
    return variants + [dict(event, event="no_such_event")]


def test_the_quick_check_accepts_exactly_what_rasas_schema_accepts() -> None:
    quick = rasa_speedups.quick_event_check()
    assert quick.applies, "Rasa's schema no longer has the shape the quick check relies on"
    answers = VALID + INVALID + [{"events": [event]} for event in _events_of_every_kind()]
    answers += [{"events": [_events_of_every_kind()[0], variant]}
                for event in _events_of_every_kind() for variant in _mutations(event)]
    verdicts = [(quick.accepts(answer), rasa_check(answer) is None) for answer in answers]
    assert all(ours == theirs for ours, theirs in verdicts)
    assert sum(theirs for _, theirs in verdicts) > 20 and sum(not theirs for _, theirs in verdicts) > 20


def test_the_loaded_bridge_uses_the_cached_validator(bridge) -> None:
    assert RemoteAction._validate_action_result is rasa_speedups.validate_action_result


def rasa_resolve(type_name: str) -> type[Event] | None:
    """Rasa 3.6's ``Event.resolve_by_type`` loop, for the names it knows."""
    return next((cls for cls in all_subclasses(Event) if cls.type_name == type_name), None)


def test_every_event_name_resolves_to_the_class_rasas_loop_finds() -> None:
    names = {cls.type_name for cls in all_subclasses(Event)}
    assert {"user", "slot", "action", "bot", "active_loop"} <= names
    for name in names:
        assert rasa_speedups.resolve_event_type(name) is rasa_resolve(name), name


def test_unknown_names_behave_as_in_rasa() -> None:
    assert rasa_speedups.resolve_event_type("topic") is None
    assert rasa_speedups.resolve_event_type("no_such_event", SlotSet) is SlotSet
    with pytest.raises(ValueError, match="Unknown event name 'no_such_event'"):
        rasa_speedups.resolve_event_type("no_such_event")


def test_an_event_class_defined_after_the_table_is_built_is_found() -> None:
    assert rasa_speedups.resolve_event_type("user") is UserUttered  # the table exists now

    class LateEvent(SlotSet):
        type_name = "late_event_for_this_test"

    assert rasa_speedups.resolve_event_type("late_event_for_this_test") is LateEvent


def test_the_loaded_bridge_resolves_events_from_the_table(bridge) -> None:
    assert Event.resolve_by_type is rasa_speedups.resolve_event_type
    assert Event.from_parameters({"event": "slot", "name": "flow", "value": "x"}) == SlotSet("flow", "x")


def rasa_possible_keys(policy: RulePolicy, lookup: dict[str, str], states: list[dict]) -> set[str]:
    """Rasa 3.6's ``RulePolicy._get_possible_keys``: every rule, filtered turn by turn."""
    keys = set(lookup)
    for turn, state in enumerate(reversed(states)):
        keys = {key for key in keys if policy._is_rule_applicable(key, turn, state)}
    return keys


def _model_rules() -> dict[str, dict[str, str]]:
    """The two tables of memorised rules RulePolicy predicts from (rules; loops' unhappy paths)."""
    with tarfile.open(require_model()) as model:
        name = next(n for n in model.getnames() if n.endswith("/rule_policy.json"))
        lookup = json.load(model.extractfile(name))["lookup"]
    return {table: lookup[table] for table in ("rules", "rules_for_loop_unhappy_path")}


def _variants(states: list[dict], intents: list[str], actions: list[str]) -> list[list[dict]]:
    """The rule's own states, and the same with the latest intent or action swapped or gone
    (a conversation start with another intent too: Rasa passes two starts unread)."""
    variants = [states]
    last = states[-1]
    for intent in intents:
        swapped = {**last, "user": {**last.get("user", {}), "intent": intent}}
        variants.append(states[:-1] + [swapped])
        variants.append(states[:-1] + [{k: v for k, v in swapped.items() if k != "prev_action"}])
    for action in actions:
        variants.append(states[:-1] + [{**last, "prev_action": {"action_name": action}}])
    variants.append(states[:-1] + [{k: v for k, v in last.items() if k != "prev_action"}])
    variants.append(states[:-1] + [{k: v for k, v in last.items() if k != "user"}])
    return variants


def test_the_rule_index_finds_exactly_the_rules_rasa_finds() -> None:
    from bot.rasa.rule_index import possible_keys

    policy = RulePolicy.__new__(RulePolicy)  # the checks used need no trained state
    lookups = _model_rules()
    all_states = [RulePolicy._rule_key_to_state(key) for lookup in lookups.values() for key in lookup]
    intents = sorted({s.get("user", {}).get("intent") for states in all_states for s in states} - {None})
    actions = sorted({s.get("prev_action", {}).get("action_name") for states in all_states for s in states} - {None})
    rng = random.Random(3)
    checked = matched = 0
    for lookup in lookups.values():
        for key in lookup:
            states = [dict(s) for s in RulePolicy._rule_key_to_state(key)]
            for variant in _variants(states, rng.sample(intents, 3), rng.sample(actions, 3)):
                expected = rasa_possible_keys(policy, lookup, variant)
                assert possible_keys(policy, lookup, variant) == expected
                checked += 1
                matched += bool(expected)
    assert checked > 2000 and matched > 300  # real rules, and most of their own states match something


def test_the_loaded_bridge_checks_rules_through_the_index(bridge) -> None:
    from bot.rasa.rule_index import possible_keys

    assert RulePolicy._get_possible_keys is possible_keys


def test_the_rule_index_keeps_rules_for_a_conversation_start_whatever_the_intent() -> None:
    from bot.rasa.rule_index import possible_keys

    policy = RulePolicy.__new__(RulePolicy)
    start = json.dumps([{"user": {"intent": "greet"}}])
    after_listen = json.dumps([{"prev_action": {"action_name": "action_listen"}, "user": {"intent": "greet"}}])
    by_text = json.dumps([{"prev_action": {"action_text": "hi"}, "user": {"intent": "greet"}}])
    lookup = {start: "utter_greet", after_listen: "utter_greet", by_text: "utter_greet"}
    for states in ([{"user": {"intent": "goodbye"}}],
                   [{"prev_action": {"action_name": "action_listen"}, "user": {"intent": "greet"}}],
                   [{"prev_action": {"action_name": "action_listen"}, "user": {"intent": "goodbye"}}],
                   [{"prev_action": {"action_text": "hi"}, "user": {"intent": "greet"}}]):
        assert possible_keys(policy, lookup, states) == rasa_possible_keys(policy, lookup, states)
    assert possible_keys(policy, lookup, [{"user": {"intent": "goodbye"}}]) == {start}
