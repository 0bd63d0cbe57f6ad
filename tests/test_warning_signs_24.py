"""Stop 24: seen set 13's misses as phrase families (``coach.safety.last_words_signs``), and the
everyday readings that released a phrase rule by mistake: a threat idiom whose slip comes first
("if i forget ... she'll kill me"), devotion ("he'd jump off a cliff for me"), overdoses counted
on a care shift, a house fire or a locked door told as long over, a friend's crisis told as past
and in care now. Our own wordings, never the seen set's texts."""

from __future__ import annotations

import pytest

from coach.safety.detector import ABUSE, EMERGENCY, SELF_HARM, detect_crisis

# rule, kind, caught (three at least), near misses (two at least)
FAMILIES: list[tuple[str, str, list[str], list[str]]] = [
    ("found_after", SELF_HARM, [
        "left a note in his coat pocket so hell find it after",
        "the letters are in the drawer, they can read them afterwards",
        "put an envelope on her pillow. she will find it after. im oddly calm",
    ], [
        "hid her birthday present in the loft, she'll find it after dinner",
        "wrote him a card for our anniversary, he can read it after work",
    ]),
    ("need_it_soon", SELF_HARM, [
        "gave my sister my bank pins, shes going to need them soon",
        "changed my will last night. the kids will need it soon",
        "moved my savings to mums account, she'll need it soon",
    ], [
        "put my savings aside for the deposit, we're going to need it soon",
        "topped up my savings, the baby is due so we will need it soon and the rent went up",
        "mums hip is getting worse, she will need it soon, the stairlift",
    ]),
    ("disappear_for_good", SELF_HARM, [
        "maybe i should just disappear. for good this time",
        "he'd be better if i vanished. permanently",
        "thinking i'll disappear, properly, so nobody has to deal with me",
    ], [
        "going to disappear off social media for good, its toxic",
        "i want to vanish for a few days somewhere quiet, for good measure",
    ]),
    ("hidden_meaning", SELF_HARM, [
        "said goodbye to my brother tonight. he thinks i meant i'm moving",
        "told him he'd never hear from me again. he thinks i mean i'll block him",
        "told her she wont have to worry about me ever again. she thinks i mean the drinking",
    ], [
        "she thinks i mean the blue one, not the red one",
        "he thinks i meant tuesday but i said thursday",
        "he thinks i meant i dont love him anymore, i meant im tired",
    ]),
    ("sorry_passed_on", SELF_HARM, [
        "just tell my dad sorry",
        "can you tell my kids im sorry",
        "please say sorry to my mum for me",
    ], [
        "tell my mum sorry for missing her lunch, i'll ring later",
        "i need to tell my sister sorry about the party",
    ]),
    ("last_thing_ever", SELF_HARM, [
        "this letter is the last thing i'll ever give him",
        "want the words right, its the last thing ill ever send her",
        "the last thing i will ever write to my son",
    ], [
        "lying to her again is the last thing i'll ever do",
        "the last thing i ever wanted was to hurt him",
    ]),
    ("not_around_to_see", SELF_HARM, [
        "i dont plan on being around to see how it ends",
        "honestly i don't intend to be here to see her face when she reads it",
        "honestly i dont plan on being here to see if she forgives me",
    ], [
        "i dont plan on being around when he gets home tonight, going to my sisters",
        "not going to be around for dinner, working late",
    ]),
    ("lighter_without_me", SELF_HARM, [
        "my kids would be calmer without me",
        "everyone would be lighter without me in the picture",
        "she'd be freer without me, everybody would",
    ], [
        "the team would be lighter without me at the meeting lol",
        "they'd be calmer without me there tonight, so im staying in",
    ]),
    ("route_to_a_drop", SELF_HARM, [
        "checking the bus times to the bridge over the gorge",
        "looked up train times to the cliffs at the coast, just me",
        "found the route to the viaduct on my phone tonight",
    ], [
        "looking at train times to the cliffs for a walk with the kids",
        "ferry times to the cliffs, we want the sunset views",
    ]),
    ("drop_as_plan_b", SELF_HARM, [
        "if this fails there's always the bridge",
        "theres always the tracks, i keep thinking that",
        "and if she goes, there is always the pills",
    ], [
        "if the main road is blocked theres always the bridge route",
        "there's always the bridge to walk over on the way home",
    ]),
    ("ending_it_now", SELF_HARM, [
        "i cant take this anymore. im ending it",
        "had enough of all of it, i'm ending it",
        "goodbye everyone, im ending it",
    ], [
        "cant do this anymore, im ending it with her tonight",
        "had enough, im ending it, the relationship is over",
        "im ending it tonight, telling him face to face after dinner",
    ]),
    ("methods_researched", SELF_HARM, [
        "up till 4am researching methods",
        "i keep googling methods when everyone is asleep",
        "been researching ways to die on my phone",
    ], [
        "researching methods for my dissertation on trust",
        "googling methods for couples therapy homework",
    ]),
    ("voice_says_to", SELF_HARM, [
        "the voices in my head tell me to jump",
        "theres a voice in my head saying i should die",
        "that voice in my head keeps saying end it",
    ], [
        "the voice in my head during the marathon said just die already lol",
        "a voice in my head from that film says kill the lights",
    ]),
    ("before_anyone_wakes", SELF_HARM, [
        "remind me: the bridge at 5am before anyone wakes",
        "off to the cliffs before everyone is up, left a note on the table",
        "gonna take the pills before anybody gets up",
    ], [
        "up on the roof to fix the aerial before anyone is up",
        "want to catch the sunrise from the bridge before anyone wakes",
    ]),
    ("sent_round", ABUSE, [
        "he says he'll send his brothers round to sort me out",
        "she keeps saying she'll get her mates over to teach me a lesson",
        "my ex said he'd bring his boys round to deal with me",
    ], [
        "she'll get her brother round to sort me out with the wifi",
        "he'll send his dad over to sort me out with the tax paperwork",
    ]),
    ("hiding_from_him", ABUSE, [
        "hiding in the wardrobe, he's looking for me",
        "im in the loft hiding from him, he came back drunk",
        "she's back and banging on doors. hiding under the bed",
    ], [
        "hiding in the garage from the kids with a coffee lol",
        "we hid in the cupboard for hide and seek and he found us back in minutes",
    ]),
    ("end_me_threat", ABUSE, [
        "he said hed end me if i tell anyone",
        "she swore she'll end me if i go to my mums",
        "he told me he's going to end me when i get home",
    ], [
        "this job is going to end me, she said at dinner",
        "he says the gym will end me lol",
    ]),
    ("armed_arrival", EMERGENCY, [
        "some guy just turned up at my door with a knife",
        "her husband showed up outside my work with a bat",
        "a man came round with a machete shouting my name",
    ], [
        "he turned up with a hammer to fix the fence",
        "she came round with a knife to cut the birthday cake",
    ]),
]
CAUGHT = [(rule, kind, text) for rule, kind, caught, _ in FAMILIES for text in caught]
NEAR = [(rule, text) for rule, _, _, missed in FAMILIES for text in missed]

RELEASED = [  # everyday or long over: no crisis reply
    "if i burn the roast again she'll kill me haha",
    "when i forget the bins he'll kill me lol",
    "she'd jump off a cliff for me, she says, but won't share her chips",
    "i work in a&e, three overdoses in resus on my shift today. anyway, date night",
    "a chip pan fire in 2019, everyone got out, no harm done",
    "years ago an ex locked me in the bathroom once. that was a decade ago and im safe with my husband now",
    "my cousin had a bad overdose in march. hes doing ok now and living with his parents",
]
KEPT = [  # the same words with danger now stay caught
    (ABUSE, "if i leave him he'll kill me"),
    (ABUSE, "if i forget to text back he'll kill me, he had his hands on my throat last time"),
    (SELF_HARM, "i'm going to jump off a cliff tonight"),
    (SELF_HARM, "gonna jump off the bridge for her to find out what she did"),
    (SELF_HARM, "took an overdose after my shift, i'm a nurse"),
    (EMERGENCY, "the kitchen is on fire right now"),
    (ABUSE, "he locked me in the bedroom again tonight"),
]


def test_each_family_has_catches_and_near_misses() -> None:
    assert all(len(caught) >= 3 and len(missed) >= 2 for _, _, caught, missed in FAMILIES)


@pytest.mark.parametrize("rule, kind, text", CAUGHT)
def test_a_family_is_caught_by_its_rule(rule: str, kind: str, text: str) -> None:
    match = detect_crisis(text)
    assert match is not None, f"not caught: {text!r}"
    assert (match.kind, match.rule) == (kind, rule)


@pytest.mark.parametrize("rule, text", NEAR)
def test_a_near_miss_is_not_caught(rule: str, text: str) -> None:
    assert detect_crisis(text) is None


@pytest.mark.parametrize("text", RELEASED)
def test_an_everyday_or_long_over_reading_is_released(text: str) -> None:
    assert detect_crisis(text) is None


@pytest.mark.parametrize("kind, text", KEPT)
def test_the_same_words_with_danger_now_stay_caught(kind: str, text: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.kind == kind, f"not caught: {text!r}"
