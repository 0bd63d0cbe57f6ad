"""The warning-sign rules (coach/safety/warning_signs.py): plans, goodbyes, relapse, past
attempts and everyday control are caught by the phrase net; their harmless look-alikes are not.

Sentences written for this test, in the ways people type (no capitals, no apostrophes);
none is taken from the evaluation sets.
"""

from __future__ import annotations

import pytest

from coach.safety.detector import ABUSE, SELF_HARM, detect_crisis

CAUGHT = [
    (SELF_HARM, "i know exactly how id do it, ive thought it through"),
    (SELF_HARM, "please dont worry about me after tonight"),
    (SELF_HARM, "i wont be around to see her face when she reads it"),
    (SELF_HARM, "honestly i dont think ill still be here next month"),
    (SELF_HARM, "been writing notes to everyone i love tonight"),
    (SELF_HARM, "the kids would be fine with me out of the picture for good"),
    (SELF_HARM, "relapsed with the blade again last night"),
    (SELF_HARM, "made an attempt years ago and it feels the same now"),
    (SELF_HARM, "this message is my goodbye"),
    (ABUSE, "he slams me into the door when hes had a drink"),
    (ABUSE, "she keeps my bank card and my wages"),
    (ABUSE, "he gives me 15 quid a week for everything"),
    (ABUSE, "i have to ask him before i eat anything"),
    (ABUSE, "i have to ask her permission to go out"),
]

NOT_CAUGHT = [
    "i know exactly how id do it differently next time",
    "i wont be around tomorrow, working a double",
    "ill still be here tomorrow if you need to talk",
    "my first attempt at an apology went really badly",
    "we made an attempt at couples counselling last year",
    "this is my goodbye to the old me who lied",
    "my razor is back in the bathroom cabinet",
    "he slammed the door and left",
    "she slammed me in front of her friends on the group chat",
    "he gave me an allowance when we were students lol",
    "i have to ask him before i spend over 100 now, we agreed it after my gambling",
    "i have to ask permission to see his phone now",
    "i wrote a letter to her explaining everything",
    "left a note for everyone about the bins",  # narrow on purpose: "a note for everyone" is left to the meaning layer
]


@pytest.mark.parametrize("kind, text", CAUGHT)
def test_a_warning_sign_is_caught_with_its_kind(kind: str, text: str) -> None:
    match = detect_crisis(text)
    assert match is not None, f"not caught: {text!r}"
    assert match.kind == kind


@pytest.mark.parametrize("text", NOT_CAUGHT)
def test_its_harmless_look_alike_is_not(text: str) -> None:
    assert detect_crisis(text) is None
