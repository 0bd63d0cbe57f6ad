"""Infers from a message whether the writer was hurt or broke the trust.

Used when a struggle starts and the role is not known yet. Deliberately conservative:
it only answers when the wording is clear ("I cheated", "she lied to me"); otherwise the
coach asks, with buttons for each side, "both of us" and "it's complicated".
"""

from __future__ import annotations

import re

_BETRAYAL_VERBS = r"(?:cheat(?:ed|ing)?|lied|lying|betray(?:ed|ing)?|had an affair|was unfaithful|hid|hidden|hiding|broke (?:the |his |her |their |our )?trust|slept with|sexted|texted another)"
_THIRD_PARTY = r"(?:he|she|they|my (?:partner|husband|wife|boyfriend|girlfriend|bf|gf|fiance|fiancee|fiancé|spouse|ex))"

_BROKE_TRUST = re.compile(
    rf"\b(?:i|i've|i have|i'd|i had|me)\s+(?:\w+\s+){{0,2}}{_BETRAYAL_VERBS}\b|\bmy (?:affair|lies|lying|cheating|mistake)\b|\bi messed up\b|\bi (?:hurt|betrayed) (?:him|her|them|my)\b",
    re.IGNORECASE,
)
_HURT = re.compile(
    rf"\b{_THIRD_PARTY}\s+(?:\w+\s+){{0,2}}{_BETRAYAL_VERBS}\b|\b(?:cheated on|lied to|betrayed) me\b|\bhis affair\b|\bher affair\b|\btheir affair\b",
    re.IGNORECASE,
)

# Struggles that by their nature belong to one side.
ROLE_BY_INTENT = {
    "struggle_apology": "broke_trust",
    "struggle_not_believed": "broke_trust",
    "struggle_retaliation": "hurt",
}


def role_from_text(text: str | None) -> str | None:
    """``"hurt"`` or ``"broke_trust"`` when the message says so clearly, else None.

    A clear statement is remembered; the intent-implied ``ROLE_BY_INTENT`` is only used
    for the flow at hand, since one message about, say, apologies can come from either side.
    """
    text = text or ""
    broke, hurt = bool(_BROKE_TRUST.search(text)), bool(_HURT.search(text))
    if broke != hurt:
        return "broke_trust" if broke else "hurt"
    return None
