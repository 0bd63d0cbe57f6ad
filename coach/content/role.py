"""Infers from a message whether the writer was hurt or broke the trust.

Used when a struggle starts and the role is not known yet, and when the role question is
answered in words rather than with a button (the classifier often mixes up the two sides).
Deliberately conservative: it only answers when the wording is clear ("I cheated", "she lied
to me", "i was cheated on"); otherwise the coach asks, with buttons for each side, "both of
us" and "it's complicated".
"""

from __future__ import annotations

import re

_BETRAYAL_VERBS = (r"(?:cheat(?:ed|ing)?|lied|lying|betray(?:ed|ing)?|had an affair|was unfaithful|hid|hidden|hiding"
                   r"|broke (?:the |his |her |their |our )?trust|slept (?:with|around)|sexted|texted another|strayed"
                   r"|hooked up|had a fling|had a thing|went behind)")
_THIRD_PARTY = r"(?:he|she|they|my (?:partner|husband|hubby|wife|boyfriend|girlfriend|bf|gf|fiance|fiancee|fiancé|spouse|ex))"
_PARTNER = r"(?:him|her|them|my (?:partner|husband|hubby|wife|boyfriend|girlfriend|bf|gf|fiance|fiancee|fiancé|spouse))"
# what someone is caught doing ("caught me texting my ex"; not "caught me crying")
_CAUGHT_AT = r"(?:texting|messaging|sexting|with|on|lying|cheating|in bed|talking to)"
# Said of the writer in the passive ("i was cheated on", "i got lied to"): the writer was hurt.
_DONE_TO_ME = re.compile(r"\b(?:was|were|got|been|being|get) (?:cheated on|lied to|betrayed|deceived)\b"
                         r"|\b(?:hurt|betrayed|humiliated|destroyed|wrecked|crushed) me by\b", re.IGNORECASE)
# Denied of the writer ("i never strayed", "it wasn't me who cheated"): not a sign they broke it.
_DENIED = re.compile(rf"\b(?:never|didn'?t|did not|wasn'?t me who|was not me who|not me who)\s+(?:\w+\s+)?{_BETRAYAL_VERBS}\b",
                     re.IGNORECASE)

_BROKE_TRUST = re.compile(
    rf"\b(?:i|i've|i have|i'd|i had|me)\s+(?:\w+\s+){{0,2}}{_BETRAYAL_VERBS}\b|\bmy (?:affair|lies|lying|cheating|mistake)\b|\bi messed up\b|\bi (?:hurt|betrayed) (?:him|her|them|my)\b"
    rf"|\b(?:i was|i'm|im|i am|it was|its|it's) (?:the one|me) (?:who|that) (?:\w+ )?{_BETRAYAL_VERBS}\b"
    rf"|\b(?:lies|affair|cheating) (?:was|were) mine\b|\bcaught me {_CAUGHT_AT}\b|\bfound out about me and\b"
    rf"|\bbehind (?:his|her|their|my (?:partner|husband|hubby|wife|boyfriend|girlfriend|bf|gf|fiance|fiancee|spouse))(?:'s|s)? back\b",
    re.IGNORECASE,
)
_HURT = re.compile(
    rf"\b{_THIRD_PARTY}\s+(?:\w+\s+){{0,2}}{_BETRAYAL_VERBS}\b|\b(?:cheated on|lied to|betrayed) me\b|\bhis affair\b|\bher affair\b|\btheir affair\b"
    rf"|\bbehind my back\b|\bi caught {_PARTNER} {_CAUGHT_AT}\b|\bi found out about (?:his|her|their) (?:affair|texts|lies|cheating)\b",
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
    done_to_me = bool(_DONE_TO_ME.search(text))
    broke = bool(_BROKE_TRUST.search(_DENIED.sub(" ", _DONE_TO_ME.sub(" ", text))))
    hurt = done_to_me or bool(_HURT.search(text))
    if broke != hurt:
        return "broke_trust" if broke else "hurt"
    return None
