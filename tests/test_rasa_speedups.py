"""The cached action-result validator (bot/rasa/speedups.py) accepts and rejects exactly
what Rasa's own check does, with the same error, and is what the loaded bridge uses."""

from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

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
