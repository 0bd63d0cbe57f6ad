"""Measured fixes to Rasa 3.6's message path, applied when the bridge loads the agent.

1. After every call to the action server, ``RemoteAction._validate_action_result`` runs
``jsonschema.validate(answer, schema)``, which checks Rasa's event schema against the JSON
Schema meta-schema before checking the answer, every single time: about half of the time
of a handled message in the profile (docs/BENCHMARKS.md, "Where the time goes", item 1).
``install()`` swaps in the same check with a validator built once: the same schema, the
same ``ValidationError`` (the best match, as ``jsonschema.validate`` raises) with Rasa's
own hint appended. An answer's events are checked against the one branch of the schema's
``oneOf`` whose ``event`` constant they name (the others cannot match: every branch fixes a
different ``event``), so a valid answer costs one branch per event, not twenty-three; an
answer that fails the quick check goes through the full validator for the same error.

2. Loading a conversation turns every stored event back into an object with
``Event.resolve_by_type``, which walks all of ``Event``'s subclasses (and asks
``inspect.isabstract`` of each) for every single event: about 2 ms of a handled message.
``resolve_event_type`` looks the name up in a table of the same classes, in the same order
(the first class with the name wins, as in Rasa's loop), built once and rebuilt when a name
is not there (a subclass imported later).

3. ``RulePolicy._get_possible_keys`` checks only the rules the latest state can meet
(``bot.rasa.rule_index``): about 3 ms of a handled message.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional

import rasa.shared.utils.common
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.core.events import Event

from bot.rasa import rule_index

FORMAT_HINT = (
    ". Failed to validate Action server response from API, make sure your response from the Action "
    "endpoint is valid. For more information about the format visit https://rasa.com/docs/rasa/custom-actions"
)


@lru_cache(maxsize=1)
def action_result_validator() -> Any:
    """Rasa's action-response schema, checked once, as a reusable validator."""
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


class QuickEventCheck:
    """True exactly when the full schema accepts an answer, one ``oneOf`` branch per event.

    The schema's event items are an object with an ``event`` string (required) and a
    ``oneOf`` of branches that each fix ``event`` to a different constant. For an event
    passing the base, every branch but the one naming its ``event`` fails on the constant,
    so ``oneOf`` holds exactly when that branch holds. Built only when the schema has that
    shape (``applies``); otherwise every answer takes the full check.
    """

    def __init__(self, schema: dict[str, Any]) -> None:
        validator_class = validator_for(schema)
        items = (schema.get("properties", {}).get("events") or {}).get("items") or {}
        branches = items.get("oneOf") or []
        names = [((branch.get("properties") or {}).get("event") or {}).get("const") for branch in branches]
        self.applies = (
            bool(branches) and "event" in items.get("required", ()) and all(isinstance(n, str) for n in names)
            and len(set(names)) == len(names)
        )
        if not self.applies:
            return
        base_items = {key: value for key, value in items.items() if key != "oneOf"}
        events = dict(schema["properties"]["events"], items=base_items)
        self._outer = validator_class(dict(schema, properties=dict(schema["properties"], events=events)))
        self._branch = {name: validator_class(branch) for name, branch in zip(names, branches)}

    def accepts(self, result: Any) -> bool:
        if not self.applies or not self._outer.is_valid(result):
            return False
        for event in result.get("events") or []:  # the outer check made result an object
            branch = self._branch.get(event["event"])
            if branch is None or not branch.is_valid(event):
                return False
        return True


@lru_cache(maxsize=1)
def quick_event_check() -> QuickEventCheck:
    return QuickEventCheck(RemoteAction.action_response_format_spec())


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """Drop-in for ``RemoteAction._validate_action_result``."""
    if quick_event_check().accepts(result):
        return True
    error = best_match(action_result_validator().iter_errors(result))
    if error is None:
        return True
    error.message += FORMAT_HINT
    raise error


_event_types: dict[str, type[Event]] = {}


def _event_type_table() -> dict[str, type[Event]]:
    table: dict[str, type[Event]] = {}
    for cls in rasa.shared.utils.common.all_subclasses(Event):
        table.setdefault(cls.type_name, cls)
    return table


def resolve_event_type(type_name: str, default: Optional[type[Event]] = None) -> Optional[type[Event]]:
    """Drop-in for ``Event.resolve_by_type``: the same answer from a table."""
    cls = _event_types.get(type_name)
    if cls is None:
        _event_types.clear()
        _event_types.update(_event_type_table())
        cls = _event_types.get(type_name)
    if cls is not None:
        return cls
    if type_name == "topic":
        return None  # Rasa's backwards compatibility for old TopicSet events
    if default is not None:
        return default
    raise ValueError(f"Unknown event name '{type_name}'.")


def install() -> None:
    """Use the cached validator, the event-type table and the rule index from now on (idempotent)."""
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]
    Event.resolve_by_type = staticmethod(resolve_event_type)  # type: ignore[method-assign]
    RulePolicy._get_possible_keys = rule_index.possible_keys  # type: ignore[method-assign]

