"""Stop 26's crisis families (seen set 15's misses), in our own words: each rule catches its family
and leaves its near misses alone. The rules are in ``coach.safety.plain_words_signs`` (dangers told
in plain words), with "said no and he didn't stop" added to ``abuse_signs.did_not_stop`` and
"put a kitchen knife on the table" to ``danger_signs.partner_with_a_weapon``. Also
pinned: three everyday readings seen set 15 gave the crisis reply (a joke about being made to
watch a show, a crash typed "6 yrs ago", being followed home years ago), each beside the same
words with danger now."""

from __future__ import annotations

import pytest

from coach.safety.detector import detect_crisis
from coach.safety.rules import ABUSE, EMERGENCY, SELF_HARM

# rule, kind, caught (three at least), near misses (two at least)
FAMILIES: list[tuple[str, str, list[str], list[str]]] = [
    ("came_at_me_with_a_weapon", ABUSE, [
        "he came at me with a hammer when i asked about the texts",
        "my wife ran at me with the carving knife last night and i locked myself in the bathroom",
        "hes been drinking and he went for me with a screwdriver",
    ], [
        "the kids came at me with their water guns in the garden lol",
        "he came at me with a list of questions about her",
    ]),
    ("ligature_ready", SELF_HARM, [
        "ive tied dads old rope to the beam in the garage",
        "the flex is knotted onto the loft hatch, just need the house to be empty",
        "sitting on the stairs with the cord round my neck",
    ], [
        "tied a rope to the branch for the kids swing",
        "fixed the fairy lights to the banister for christmas",
    ]),
    ("height_enough_to_die", SELF_HARM, [
        "how many storeys is enough to die if you land on a pavement",
        "how high does a bridge have to be so you dont survive",
        "how many metres would it take to be dead straight away",
    ], [
        "how many floors does the new hospital have",
        "how high is enough for a drone to film the wedding",
    ]),
    ("not_a_problem_after", SELF_HARM, [
        "i wont be a burden to anyone after friday",
        "dont worry about me, i will not be anyones problem after tonight",
        "she wont have to deal with me, i wont be a problem for anybody by the weekend",
    ], [
        "i wont be a burden to anyone after i start the new job, i can pay my share",
        "once i get my own place i wont be a problem for anyone after june",
    ]),
    ("locked_outside", ABUSE, [
        "hes locked me out on the balcony again and its freezing",
        "been locked out in the garden in the rain for an hour, she wont open the door",
        "my husband locked me out in the snow in my socks",
    ], [
        "locked myself out on the balcony, waiting for my husband to get back with the keys",
        "my ex once locked me out in the garden, years ago now, hes out of my life",
    ]),
    ("hurts_me_when_found", ABUSE, [
        "he checks my phone every night and hurts me when he finds anything",
        "i have to hide the receipts because she hurts me if she finds them",
        "im scared, he hurts me whenever he sees a message from my sister",
    ], [
        "it hurts me when he finds excuses not to talk",
        "she hurts my feelings when she sees me on my phone and sulks",
    ]),
    ("choking_now", EMERGENCY, [
        "my son is choking on a grape and cant cough",
        "she started choking on her food, no sound coming out",
        "grandad is turning blue and isnt breathing properly",
    ], [
        "nearly choked on my tea laughing at his text lol",
        "choking on my words every time i try to say sorry",
    ]),
    ("co_alarm_with_symptoms", EMERGENCY, [
        "we moved in last week and the co alarm keeps going, we all have headaches and feel sleepy",
        "co alarm beeping in the new place since last month and now my mum is dizzy and being sick",
        "the boiler was serviced last week but the co detector went off and my partner wont wake up properly",
    ], [
        "co alarm was beeping, it was the battery, sorted now",
        "testing the co alarm today, all fine",
    ]),
    ("fire_next_door", EMERGENCY, [
        "the flat next door is on fire and i can hear someone shouting inside",
        "our neighbours house is on fire, smoke is coming under our door",
        "next door is ablaze and the old man hasnt come out",
    ], [
        "next door are having a bonfire and the smoke is everywhere",
        "the house next door was on fire years ago, all fine now",
    ]),
    ("followed_by_a_stranger_now", EMERGENCY, [
        "a man i have never seen has followed me from the cashpoint and is still behind me",
        "walking back from the gym and someone i dont know has followed me for three streets, still there",
        "this guy on a bike has followed me round the estate, hes still right behind me",
    ], [
        "a guy followed me on instagram and still likes all my old photos",
        "the neighbours dog followed me home and is still behind me lol",
    ]),
    ("partner_with_a_weapon", ABUSE, [
        "he set the carving knife beside my plate and stared at me",
        "she laid a big knife next to the bed while i was asleep, just to show me",
        "my husband put the hunting knife on the table during the row and said nothing",
    ], [
        "she put the kitchen knife on the board and started chopping onions for dinner",
        "he laid the bread knife next to the loaf",
    ]),
    ("did_not_stop", ABUSE, [
        "i told him no twice and he didnt stop",
        "i said stop and he just kept going",
        "i said no, i was crying, but he didnt stop",
    ], [
        "i said no to the party and he didnt stop talking about it",
        "told her no more takeaways and she kept going on about it",
    ]),
]

# everyday readings seen set 15 gave the crisis reply, each beside the same words with danger now
EVERYDAY_26 = [
    "ill jump off a bridge if he makes me sit through another football match lol",
    "the car crash was 6 yrs ago, only a broken arm, we're both fine",
    "my ex followed me home once, that was 2017, he moved away and i havent heard from him in years",
]
DANGER_NOW_26 = [
    (SELF_HARM, "ill jump off a bridge tonight if he makes me go back there"),
    (EMERGENCY, "the car crash just happened, hes bleeding and wont wake up"),
    (ABUSE, "my ex followed me home again tonight and hes outside now"),
]

CAUGHT = [(rule, kind, text) for rule, kind, caught, _ in FAMILIES for text in caught]
NEAR = [(rule, text) for rule, _, _, near in FAMILIES for text in near]


def test_each_family_has_catches_and_near_misses() -> None:
    assert all(len(caught) >= 3 and len(near) >= 2 for _, _, caught, near in FAMILIES)


@pytest.mark.parametrize("rule, kind, text", CAUGHT)
def test_a_family_is_caught_by_its_rule(rule: str, kind: str, text: str) -> None:
    match = detect_crisis(text)
    assert match is not None, text
    assert (match.rule, match.kind) == (rule, kind), text


@pytest.mark.parametrize("rule, text", NEAR)
def test_a_near_miss_is_not_caught(rule: str, text: str) -> None:
    assert detect_crisis(text) is None, text


@pytest.mark.parametrize("text", EVERYDAY_26)
def test_an_everyday_or_long_over_reading_is_released(text: str) -> None:
    assert detect_crisis(text) is None, text


@pytest.mark.parametrize("kind, text", DANGER_NOW_26)
def test_the_same_words_with_danger_now_stay_caught(kind: str, text: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.kind == kind, text
