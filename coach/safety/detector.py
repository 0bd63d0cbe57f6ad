"""Deterministic crisis detection: the crisis rules run on every free-text message.

This is the safety net under the NLU classifier: every free-text message passes through
``detect_crisis``, so a message the classifier misreads is still caught. The text is
lowercased (the project's lookup lemmatizer is case-sensitive), run once through the
project pipeline, and matched against the rules in ``coach.safety.rules``,
``other_emergency_rules``, ``warning_signs``, ``abuse_signs``, ``danger_signs``,
``emergency_signs``, ``injury_signs``, ``farewell_signs``, ``passing_signs``, ``means_signs``,
``last_words_signs``, ``in_passing_signs``, ``plain_words_signs``, ``under_way_signs``,
``at_hand_signs``, ``plan_made_signs`` and ``quiet_signs`` by the shared rule engine
(``coach.nlp.rules``), built once and cached.
When several rules match, the most urgent kind wins, then the earliest and longest match.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import cast

from spacy.tokens import Doc

from coach.nlp.rules import RuleSet, first_match
from coach.safety.abuse_signs import ABUSE_SIGN_RULES
from coach.safety.at_hand_signs import AT_HAND_SIGN_RULES
from coach.safety.danger_signs import DANGER_SIGN_RULES
from coach.safety.emergency_signs import EMERGENCY_SIGN_RULES
from coach.safety.farewell_signs import FAREWELL_SIGN_RULES
from coach.safety.history_veto import recovered_history
from coach.safety.in_passing_signs import IN_PASSING_SIGN_RULES
from coach.safety.plain_words_signs import PLAIN_WORDS_SIGN_RULES
from coach.safety.plan_made_signs import PLAN_MADE_SIGN_RULES
from coach.safety.quiet_signs import QUIET_SIGN_RULES
from coach.safety.injury_signs import INJURY_SIGN_RULES
from coach.safety.last_words_signs import LAST_WORDS_SIGN_RULES
from coach.safety.means_signs import MEANS_SIGN_RULES
from coach.safety.other_emergency_rules import OTHER_EMERGENCY_RULES
from coach.safety.passing_signs import PASSING_SIGN_RULES
from coach.safety.rules import ABUSE, EMERGENCY, RULES, SELF_HARM, CrisisKind
from coach.safety.under_way_signs import UNDER_WAY_SIGN_RULES
from coach.safety.warning_signs import WARNING_SIGN_RULES
from coach.safety.words import WORD_LISTS

__all__ = [
    "ABUSE", "EMERGENCY", "RULES", "RULESET", "SELF_HARM", "WORD_LISTS", "CrisisKind", "CrisisMatch",
    "detect_crisis", "normalise", "told_as_over", "warm_up",
]

RULESET = RuleSet(
    RULES + OTHER_EMERGENCY_RULES + WARNING_SIGN_RULES + ABUSE_SIGN_RULES + DANGER_SIGN_RULES + EMERGENCY_SIGN_RULES
    + INJURY_SIGN_RULES + FAREWELL_SIGN_RULES + PASSING_SIGN_RULES + MEANS_SIGN_RULES + LAST_WORDS_SIGN_RULES + IN_PASSING_SIGN_RULES
    + PLAIN_WORDS_SIGN_RULES + UNDER_WAY_SIGN_RULES + AT_HAND_SIGN_RULES + PLAN_MADE_SIGN_RULES
    + QUIET_SIGN_RULES,
    WORD_LISTS,
)
_KIND_PRIORITY = {SELF_HARM: 0, ABUSE: 1, EMERGENCY: 2}


@dataclass(frozen=True)
class CrisisMatch:
    """A detected crisis: its kind, the words that triggered it and the rule's name."""

    kind: CrisisKind
    phrase: str
    rule: str


def normalise(text: str) -> str:
    """Lowercase and straighten typographic apostrophes so "he’ll" tokenizes like "he'll"."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")


@lru_cache(maxsize=32)
def _doc(text: str) -> Doc:
    """The message through the project pipeline, once for both questions asked of it."""
    return RULESET.nlp(normalise(text))


def told_as_over(text: str) -> bool:
    """True when the message tells self-harm or a crisis as history that is over ("years ago,
    I'm well now"; "6 years free of it") with nothing saying it has come back. The softer
    layers (meaning, classifier) then ask instead of giving the crisis reply (``decide``)."""
    if not text or not text.strip():
        return False
    doc = _doc(text)
    return recovered_history(doc[0:0])  # an empty span: every word of the message counts


def warm_up() -> None:
    """Load the pipeline and build the matchers now, so the first user message is not slow."""
    RULESET.compile()


def detect_crisis(text: str) -> CrisisMatch | None:
    """Return the crisis a message discloses, or None.

    When both kinds match, self-harm wins (the more immediate risk to life); within a kind
    the earliest match wins.
    """
    if not text or not text.strip():
        return None
    return _detect(text)


@lru_cache(maxsize=32)
def _detect(text: str) -> CrisisMatch | None:
    """``detect_crisis`` of a non-empty message, kept for the last few messages like
    ``_doc``: the safety net and the bridge's last net both ask it of each message."""
    doc = _doc(text)
    best = first_match(RULESET.matches(doc), _KIND_PRIORITY)
    if best is None:
        return None
    rule, span = best
    return CrisisMatch(kind=cast(CrisisKind, rule.kind), phrase=span.text, rule=rule.name)
