"""Rasa's message path with bot/rasa/speedups.py: the cached action-result validator accepts
and rejects exactly what Rasa's own check does, with the same error; the event-type table
gives the class Rasa's own loop gives, for every event name; the loaded bridge uses both."""

from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event, SlotSet, UserUttered
from rasa.shared.utils.common import all_subclasses

from bot.rasa import speedups as rasa_speedups

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
