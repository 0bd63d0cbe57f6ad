"""An index over RulePolicy's memorised rules, so a prediction checks only rules that can match.

Rasa 3.6's ``RulePolicy._get_possible_keys`` tests every memorised rule (317 in our model)
against the conversation's latest state before anything else, several times per handled
message: about 3 ms of it in the profile (``python -m bench.profile_handle``). A rule can
only match when the latest state has what the rule's last state requires, so the rules are
grouped by the two things nearly every rule requires there: the previous action's name and
the user's intent. ``possible_keys`` starts from the groups the latest state can meet
(including the rules that require neither) and then filters exactly as Rasa does, with
Rasa's own ``_is_rule_applicable``, so the answer is the same set of rules.

A rule is left out at the start only when its last state requires, with a plain value, an
action name the latest state does not have, or that action name and an intent the latest
state does not have: Rasa's check compares those values for equality, so such a rule fails
the first turn of its loop anyway. (A rule whose last state needs no previous action is
always checked: two conversation starts pass Rasa's check without the rest being read.)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Optional

from rasa.core.policies.rule_policy import RulePolicy
from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET, USER
from rasa.shared.nlu.constants import ACTION_NAME, INTENT

ANY = None  # the rule does not require a value here

State = dict[str, dict[str, Any]]


def _required(state: State, sub_state: str, key: str) -> Optional[str]:
    """The plain value ``state`` requires for ``sub_state[key]``, or ``ANY``."""
    value = (state.get(sub_state) or {}).get(key)
    if isinstance(value, str) and value and value != SHOULD_NOT_BE_SET:
        return value
    return ANY


@dataclass
class RuleIndex:
    """Rule keys grouped by (previous action, intent) their last state requires."""

    lookup: dict[str, str]
    size: int
    groups: dict[tuple[Optional[str], Optional[str]], frozenset[str]]

    @classmethod
    def build(cls, lookup: dict[str, str]) -> "RuleIndex":
        groups: dict[tuple[Optional[str], Optional[str]], set[str]] = {}
        for key in lookup:
            states = json.loads(key)
            last = states[-1] if states else {}
            action = _required(last, PREVIOUS_ACTION, ACTION_NAME)
            # without a previous action, Rasa's check may pass the state unread (two
            # conversation starts), so such a rule is never narrowed by its intent
            group = (action, _required(last, USER, INTENT) if action is not ANY else ANY)
            groups.setdefault(group, set()).add(key)
        return cls(lookup, len(lookup), {group: frozenset(keys) for group, keys in groups.items()})

    def candidates(self, latest: State) -> set[str]:
        """Every rule whose last state's action name and intent the latest state can meet."""
        action = (latest.get(PREVIOUS_ACTION) or {}).get(ACTION_NAME)
        intent = (latest.get(USER) or {}).get(INTENT)
        result: set[str] = set()
        for group in {(ANY, ANY), (action, ANY), (action, intent)}:
            result |= self.groups.get(group, frozenset())
        return result


_indexes: dict[int, RuleIndex] = {}


def index_for(lookup: dict[str, str]) -> RuleIndex:
    """The index of this lookup table, rebuilt if the table is not the one indexed."""
    index = _indexes.get(id(lookup))
    if index is None or index.lookup is not lookup or index.size != len(lookup):
        index = _indexes[id(lookup)] = RuleIndex.build(lookup)
    return index


def possible_keys(self: RulePolicy, lookup: dict[str, str], states: list[State]) -> set[str]:
    """Drop-in for ``RulePolicy._get_possible_keys``: the same keys, fewer rules checked."""
    if not states:
        return set(lookup.keys())
    keys = index_for(lookup).candidates(states[-1])
    for turn, state in enumerate(reversed(states)):
        keys = {key for key in keys if self._is_rule_applicable(key, turn, state)}
    return keys
