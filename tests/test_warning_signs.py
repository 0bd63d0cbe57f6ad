"""The warning-sign rules (coach/safety/warning_signs.py, coach/safety/abuse_signs.py): plans,
goodbyes, relapse, past attempts, self-injury, everyday control, being hunted, silenced or
injured are caught by the phrase net; their harmless look-alikes are not.

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
    # a plan with a date; not deserving or wishing to live; gone by a date; affairs in order
    (SELF_HARM, "ive got a plan and a time, saturday night when everyones out"),
    (SELF_HARM, "i have a plan to end it this weekend"),
    (SELF_HARM, "honestly i dont deserve to live after what i did to her"),
    (SELF_HARM, "i don't think i deserve to be alive anymore"),
    (SELF_HARM, "i really deserve to die for this"),
    (SELF_HARM, "i do not wish to exist anymore"),
    (SELF_HARM, "i know i wont be around by the weekend"),
    (SELF_HARM, "im not gonna be here by christmas"),
    (SELF_HARM, "cant see myself still being here by the new year"),
    (SELF_HARM, "thank you for everything, i wont be needing this after tonight"),
    (SELF_HARM, "got my affairs in order this week"),
    (SELF_HARM, "tied up all the loose ends before i go"),
    # self-injury until it bleeds or bruises; pills laid out
    (SELF_HARM, "i punch my thighs until they bruise"),
    (SELF_HARM, "scratched my arms till they bled last night"),
    (SELF_HARM, "i have all my sleeping pills in front of me"),
    (SELF_HARM, "tipped all the pills out onto the kitchen table"),
    (SELF_HARM, "got a box of paracetamol here and im going to take the lot"),
    (ABUSE, "he slams me into the door when hes had a drink"),
    (ABUSE, "she keeps my bank card and my wages"),
    (ABUSE, "he gives me 15 quid a week for everything"),
    (ABUSE, "i have to ask him before i eat anything"),
    (ABUSE, "i have to ask her permission to go out"),
    # hunted, hounded, silenced, injured; "hell"/"shell" for he'll/she'll
    (ABUSE, "he keeps ringing, hes rung me 40 times and says hes coming for me"),
    (ABUSE, "im staying with my aunt, im terrified he'll find me"),
    (ABUSE, "she swore she'd hunt me down"),
    (ABUSE, "he found out where im staying and turned up at midnight"),
    (ABUSE, "now he knows where im hiding"),
    (ABUSE, "if i tell my mum he says hell do something worse"),
    (ABUSE, "he said he'll do worse if i tell the police"),
    (ABUSE, "if i report him he'll hurt the kids"),
    (ABUSE, "he cracked my ribs on saturday"),
    (ABUSE, "my boyfriend got angry and broke my wrist"),
    (ABUSE, "my jaw is fractured because he hit me"),
    (ABUSE, "hell kill me if he sees this"),
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
    # plans, dates and goodbyes that are about the relationship, travel or good news
    "we have a plan and a date for the vow renewal",
    "i have a plan and a date night booked for friday",
    "i have a plan to end it with her tomorrow, no more contact",
    "she has a plan for dying her hair pink lol",
    "i dont deserve to live in this house after what i did",
    "i dont deserve to die for one mistake",
    "i have no wish to live with him again",
    "i wont be around by friday, im working the night shift",
    "sorry i wont be around by then, flight leaves at 6",
    "thanks coach, we're back together, i won't be needing you after tonight",
    "wont need a coat where im going, its 30 degrees",
    "tying up loose ends at work before i go on maternity leave",
    "i sorted out my affairs with a lawyer",
    # bleeding or bruising that is not self-injury; pills that are a prescription
    "i scratched my mosquito bites until they bled",
    "i keep banging my head against a brick wall with him",
    "i have my pills in front of me, should i take them with food",
    "i put all the pills out of reach of the kids",
    # finding, calling, telling and breaking that are not a threat
    "she said she'd find me when she's ready to talk",
    "she'll find me a therapist",
    "he'll find me out eventually, i know it",
    "she's coming for me at 6 to go to counselling",
    "she tracked me down on facebook after years",
    "my wife called me 30 times after she found out about the affair",
    "my husband found out where i was staying that weekend with my affair partner",
    "if i tell her the truth she'll be hurt",
    "if i tell him he'll do something about it",
    "if i talk to her she'll beat me to it",
    "i fell and broke my arm",
    "my ex tripped over and broke my nose with his elbow",
    "he cracked my phone screen when he dropped it",
    "my boss said hell kill me if im late again",
    "what the hell hit me",
]


@pytest.mark.parametrize("kind, text", CAUGHT)
def test_a_warning_sign_is_caught_with_its_kind(kind: str, text: str) -> None:
    match = detect_crisis(text)
    assert match is not None, f"not caught: {text!r}"
    assert match.kind == kind


@pytest.mark.parametrize("text", NOT_CAUGHT)
def test_its_harmless_look_alike_is_not(text: str) -> None:
    assert detect_crisis(text) is None
