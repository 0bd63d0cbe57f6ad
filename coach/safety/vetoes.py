"""The safety net's own vetoes: figurative, harmless or someone-else contexts for a crisis match.

Each takes a match's span and returns True to drop it (the generic ones, such as
``followed_by``, are in ``coach.nlp.vetoes``). Negation is honoured only where that is safe:
``negated`` is used by abuse rules only ("he would never hit me"), never by self-harm rules
("I would never hurt myself" is still caught).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from coach.nlp.vetoes import Veto, anywhere, followed_by, followed_within
from coach.safety.words import (
    A_DREAM_HAD,
    AWAY_WORDS,
    DANGER_TRIGGERS,
    DREAM_WISHED,
    FICTION,
    FIGURATIVE_WITH_OBJECTS,
    FOUND_OUT,
    IDIOM_THREAT_VERBS,
    LEAVING_OBJECTS,
    LIVING_ARRANGEMENTS,
    MUNDANE_SLIPS,
    NEGATION_OVERRIDES,
    NEGATORS,
    NOT_A_PARTNER,
    SOFT_THINGS,
    WORD_LISTS,
)

SENTENCE_END = frozenset({".", "!", "?", ";"})


def someone_else(span: Span) -> bool:
    """The sentence is about another person's overdose ("my wife overdosed"), not the writer's."""
    doc, start = span.doc, span.start
    before = [token.lower_ for token in doc[max(0, start - 3):start]]
    return bool(before) and not ({"i", "me", "myself", "i'm", "im"} & set(before)) and bool(
        set(before) & set(WORD_LISTS["OTHER"]) - {"someone", "somebody"}
    )


def first_person(span: Span) -> bool:
    """Drop threats the user makes ("I threatened to take the kids"): not danger to them."""
    doc, start = span.doc, span.start
    before = [token.lower_ for token in doc[max(0, start - 2):start]]
    return bool(before) and (before[-1] == "i" or before == ["i", "'ve"] or before == ["i", "'d"])


_at_a_care_job = anywhere("resus", "on shift", "my shift", "hr shift", "hour shift", "er nurse", "paramedic", "the ward",
                          "night shift", "a&e", "icu", "in the er", "ambulance")  # stop 27


_A_CALL_OUT = frozenset({"call", "calls", "shout", "shouts", "job", "jobs", "patient", "patients"})


def overdoses_at_work(span: Span) -> bool:
    """Drop overdoses counted at a care job ("two overdoses in resus today", "an overdose call on
    the estate", stop 28); one's own is singular and no call-out."""
    doc = span.doc
    call_out = any(token.lower_ == "overdose" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _A_CALL_OUT
                   for token in doc[span.start:min(len(doc), span.end + 1)])
    return (call_out or any(token.lower_ == "overdoses" for token in span)) and _at_a_care_job(span)


def could_for(span: Span) -> bool:
    """Drop the idiom "I could kill myself for not seeing it" (but not "I want to ... for")."""
    doc, start, end = span.doc, span.start, span.end
    could_before = any(token.lower_ == "could" for token in doc[max(0, start - 2):start])
    return could_before and end < len(doc) and doc[end].lower_ == "for"


def after_number(span: Span) -> bool:
    """Drop "kms" in "200 kms"."""
    return span.start > 0 and span.doc[span.start - 1].like_num


def figurative_with(span: Span) -> bool:
    """Drop "he hit me with the news", "smothers me with attention", "slapped with a bill"."""
    doc, end = span.doc, span.end
    if end >= len(doc) or doc[end].lower_ != "with":
        return False
    objects = [token.lower_ for token in doc[end + 1:end + 5]]
    content = [word for word in objects if word not in {"the", "a", "his", "her"}]
    return bool(content) and any(word in FIGURATIVE_WITH_OBJECTS for word in content[:3])


_reopens_negation = followed_by(*NEGATION_OVERRIDES)


def negated(span: Span) -> bool:
    """Drop "he would never hit me" / "I'm not scared of him" (abuse rules only).

    A negator inside the match or in the two tokens before it counts, unless the words
    after it reopen the statement: "he doesn't hit me anymore", "...this time", "...until";
    a "no" that answers a question ("no, he hits me") does not count.
    """
    window = span.doc[max(0, span.start - 2):span.end]
    if not any(token.lower_ in NEGATORS and not _an_answer(token, span) for token in window):
        return False
    return not _reopens_negation(span)


def _an_answer(token: Token, span: Span) -> bool:
    """A "no" before the match that answers a question ("no, he hits me"; "no he'll kill me"
    opening the message): it denies being safe, not the words after it (stop 21)."""
    doc = token.doc
    return (token.lower_ == "no" and token.i < span.start
            and (token.i == 0 or (token.i + 1 < len(doc) and doc[token.i + 1].is_punct)))


accident_context = followed_by(
    "laughing", "lifting", "cooking", "shaving", "running", "playing", "exercising",
    "training", "moving", "falling", "tripping", "gardening", "skiing", "climbing",
    "at the gym", "on the stove", "in the foot",
)
"""Drop "hurt myself lifting" / "cut myself cooking": an accident, not self-harm."""
_at_work = followed_by("at work", "at the office", "on shift", "at the gym", "with overtime", "for this job", "for that job")


def worn_out_by_work(span: Span) -> bool:
    """Drop "stop killing myself at work" (stop 21): the progressive "killing", then work after it."""
    return any(token.lower_ == "killing" for token in span) and _at_work(span)

_an_arrangement = followed_by(*LIVING_ARRANGEMENTS)
_the_world = followed_by("in a world", "in this world", "in the world", "in such a world",
                         "on this earth", "on this planet", "on earth")


def not_a_life(span: Span) -> bool:
    """Drop "no reason to live with him" / "tired of living here": an arrangement, not life itself.

    Living "in a world where she chose him" or "on this earth" is life itself and is kept;
    "in a world of lies" is an arrangement again.
    """
    if not _an_arrangement(span):
        return False
    if not _the_world(span):
        return True
    world = next(token for token in span.doc[span.end:span.end + 5] if token.lower_ in {"world", "earth", "planet"})
    return world.i + 1 < len(span.doc) and span.doc[world.i + 1].lower_ == "of"


def _clause_after(span: Span) -> list[Token]:
    """The tokens after the match up to the end of its sentence."""
    clause = []
    for token in span.doc[span.end:]:
        if token.lower_ in SENTENCE_END:
            break
        clause.append(token)
    return clause


def _words(tokens: Iterable[Token]) -> set[str]:
    return {word for token in tokens for word in (token.lower_, token.lemma_)}


def _names_a_danger(clause: list[Token]) -> bool:
    """Leaving, telling, talking or violence in the clause: "if i leave him", "if i tell anyone"."""
    if _words(clause) & DANGER_TRIGGERS:
        return True
    return any(
        token.lemma_ == "leave" and index + 1 < len(clause) and clause[index + 1].lower_ in LEAVING_OBJECTS
        for index, token in enumerate(clause)
    )


_explained_as_a_figure = anywhere("just meant he", "just meant she", "just meant hell", "just meant shell", "only meant he",
                                  "only meant she", "meant that he", "meant that she", "figure of speech",
                                  "just an expression", "just a saying")


def figurative_threat(span: Span) -> bool:
    """Drop "my wife is going to kill me when she sees i forgot the anniversary": the idiom.

    Only for "kill"/"murder", only when the message names an everyday slip (forgot, late,
    the bill, the state of the car) and the rest of the sentence names no danger (leaving,
    telling anyone, talking to someone, violence), or when the writer explains the words ("i just
    meant he'll be cross", "a figure of speech"). "He'll kill me if I leave" stays a threat.
    """
    if not any(token.lemma_ in IDIOM_THREAT_VERBS or token.lower_ in IDIOM_THREAT_VERBS for token in span):
        return False
    if _explained_as_a_figure(span):  # stop 21: the answer to "are you safe?" that explains the words
        return True
    clause = _clause_after(span)
    if _names_a_danger(clause):
        return False
    # stop 24: the slip can come first, as a condition ("if i forget our anniversary again she'll kill me")
    condition = _condition_before(span)
    if _names_a_danger(condition):
        return False
    return bool(_words([*span, *clause, *condition]) & MUNDANE_SLIPS)


def _condition_before(span: Span) -> list[Token]:
    """The tokens from "if"/"when" before the match to the match, within its sentence (else none)."""
    start = span.start
    while start > 0 and span.doc[start - 1].lower_ not in SENTENCE_END:
        start -= 1
    before = list(span.doc[start:span.start])
    starts = [index for index, token in enumerate(before) if token.lower_ in {"if", "when", "whenever"}]
    return before[starts[0]:] if starts else []


def thrown_in_play(span: Span) -> bool:
    """Drop "she threw a cushion at me laughing": a soft thing thrown, not an attack.

    Only for "(he) threw/hurled/chucked ... at me"; a glass, a plate or a phone is still caught.
    """
    verbs = [token.i for token in span if token.lemma_ in {"throw", "hurl", "chuck", "fling", "lob"}]
    if not verbs:
        return False
    return bool(_words(span.doc[verbs[0] + 1 : span.end - 2]) & SOFT_THINGS)


_away = followed_within(10, *AWAY_WORDS)


def travel_not_death(span: Span) -> bool:
    """Drop "i won't be here by friday, i'm at my mum's": travel or work, not a goodbye.

    Never when the match says "alive" ("i won't be alive by friday").
    """
    return not any(token.lower_ == "alive" for token in span) and _away(span)


# stop 17: play, not violence ("we played call of duty, he kept shooting me and i kept dying lol")
_in_a_game = anywhere("call of duty", "fortnite", "xbox", "playstation", "ps5", "ps4", "on the console", "paintball",
                      "laser tag", "airsoft", "multiplayer", "nerf", "video game", "video games", "gaming", "halo",
                      "minecraft", "water pistol", "water gun")
_PLAYED = frozenset({"shoot", "shooting", "shot", "snipe", "sniped", "kill", "killed", "killing"})


def shot_in_a_game(span: Span) -> bool:
    """Drop being shot or killed in a game; a hit, a shove or a choke stays caught whatever the setting."""
    return any(token.lower_ in _PLAYED or token.lemma_ in _PLAYED for token in span) and _in_a_game(span)


# stop 17: a trifle with a joke marker ("one more romcom ill shoot myself 😂"); "one more day of this" stays caught
_told_as_a_joke = anywhere("lol", "lmao", "haha", "hahaha", "jk", "jokes", "joking", "kidding", "😂", "🤣", "😅", "😆",
                           "🙄", "😜")
_LIFE_ITSELF = frozenset({"day", "days", "night", "nights", "week", "weeks", "month", "months", "year", "years",
                          "minute", "hour", "time", "second", "morning", "chance", "lie", "word"})
_LIVING = frozenset({"live", "living", "go", "face", "be", "stay", "exist", "wake", "feel", "keep", "carry", "spend"})
# stop 26: made to sit through a pastime ("if she makes me watch love island one more time lol")
_MADE_TO = frozenset({"watch", "listen", "sit", "hear", "eat", "sing", "play", "read", "wear", "visit"})


def hyperbole_joke(span: Span) -> bool:
    """Drop "one more <trifle> and i'll shoot myself", "i'd rather jump off a bridge than sit through
    <trifle>" or "if she makes me watch <trifle>" with a joke marker; never without one, never about life."""
    doc = span.doc
    trifle = any(token.lower_ == "one" and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "more"
                 and doc[token.i + 2].lower_ not in _LIFE_ITSELF for token in doc) or any(
        doc[i].lower_ in ("make", "makes", "made") and doc[i + 1].lower_ == "me" and doc[i + 2].lower_ in _MADE_TO
        for i in range(len(doc) - 2))
    rather = any(token.lower_ == "rather" for token in doc[:span.start])
    than = [token for token in doc[span.end:] if token.lower_ == "than"]
    rather_than_a_trifle = rather and bool(than) and than[0].i + 1 < len(doc) and doc[than[0].i + 1].lower_ not in _LIVING
    return (trifle or rather_than_a_trifle) and _told_as_a_joke(span)


_DRIVING = frozenset({"drive", "driving", "drove"})
_DRINK = frozenset({"drinking", "drunk", "drink", "drinks", "pissed", "tipsy", "wine", "beers", "pints", "limit"})
_HELD_IN = frozenset({"leave", "escape", "out", "go", "locked", "trapped", "stuck", "run"})


def keys_kept_from_drink_driving(span: Span) -> bool:
    """Drop "she hid my keys so I wouldn't drive after drinking": care, not confinement.

    Needs both a driving word and a drinking word in the ten tokens after the match, and
    no word of being kept in ("so i can't leave", "get out"): "he hides my keys when he's
    drunk so i can't leave" stays caught.
    """
    after = [token.lower_ for token in span.doc[span.end:span.end + 10]]
    held_in = any(word in _HELD_IN and not (word == "locked" and following in ("them", "it"))  # the keys locked away
                  for word, following in zip(after, [*after[1:], ""]))
    keys = any(token.lower_ in ("key", "keys") for token in span)  # "locked me in" is never about the car
    return keys and any(word in _DRIVING for word in after) and any(word in _DRINK for word in after) and not held_in


_about_fiction = anywhere(*FICTION)
_mine = frozenset({"i", "im", "me", "myself", "ive", "been", "'m", "'ve"})


def about_a_character(span: Span) -> bool:
    """Drop a self-harm word about a story's character ("the book has a character who self
    harms"), unless the writer is its subject ("i've been self harming since that show")."""
    before = span.doc[max(0, span.start - 4):span.start]
    return _about_fiction(span) and not any(token.lower_ in _mine for token in before)


_not_a_partner_before = frozenset(NOT_A_PARTNER)
_found_out = anywhere(*FOUND_OUT)


def family_idiom(span: Span) -> bool:
    """Drop "if my mum finds out she's going to murder me": a threat said of a parent, a
    sibling or a boss, next to being found out or a joke. A partner's threat, or a parent's
    without those words ("my dad is going to kill me, he's hit me before"), stays caught."""
    before = span.doc[max(0, span.start - 10):span.start]
    return any(token.lower_ in _not_a_partner_before for token in before) and _found_out(span)


# where violence is a story, a game or a show, not the writer's life
STORY_WORDS = ("game", "games", "film", "movie", "show", "series", "book", "episode", "season", "story")

_AIMED = ("at me", "on me", "to my", "at my", "at us", "on us", "at the kids", "threaten", "threatened",
          "threatens", "threatening", "scared", "afraid", "terrified", "frightened", "kill", "to show me", "showed me")


def harmless_setting(*setting: str) -> Veto:
    """Drop the match when the message sets it in a kitchen, a story or DIY ("grabbed a knife to
    cut the cake"), unless the weapon is aimed at someone or frightens the writer ("grabbed the
    bread knife and pointed it at me", "came at me with a hammer from the shed")."""
    in_setting, aimed = anywhere(*setting), anywhere(*_AIMED)
    return lambda span: in_setting(span) and not aimed(span)


_a_dream_had = anywhere(*A_DREAM_HAD)
_wished = anywhere(*DREAM_WISHED)


def told_as_a_dream(span: Span) -> bool:
    """Drop a danger told as a dream or nightmare had ("had a dream i drove off a bridge, woke up
    shaking"), unless a wish or a plan sits beside it ("... i wish it was real"): stop 31."""
    return _a_dream_had(span) and not _wished(span)
