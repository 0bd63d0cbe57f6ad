"""A measured fix to Rasa 3.6, applied when the bridge loads the agent.

After every call to the action server, ``RemoteAction._validate_action_result`` runs
``jsonschema.validate(answer, schema)``, which checks Rasa's event schema against the JSON
Schema meta-schema before checking the answer, every single time: about half of the time
of a handled message in the profile (docs/BENCHMARKS.md, "Where the time goes", item 1).
``install()`` swaps in the same check with a validator built once: the same schema, the
same ``ValidationError`` (the best match, as ``jsonschema.validate`` raises) with Rasa's
own hint appended.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction

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


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """Drop-in for ``RemoteAction._validate_action_result``."""
    error = best_match(action_result_validator().iter_errors(result))
    if error is None:
        return True
    error.message += FORMAT_HINT
    raise error


def install() -> None:
    """Use the cached validator from now on (idempotent)."""
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]

