"""Deterministic crisis detection: spaCy phrase and pattern rules for self-harm and abuse.

This is the safety net under the NLU classifier: every free-text message passes through
``detect_crisis``, so a message the classifier misreads is still caught. The text is
lowercased (the project's lookup lemmatizer is case-sensitive), run once through the
project pipeline, and matched by a ``Matcher`` (token patterns on LEMMA and LOWER) and a
``PhraseMatcher`` (literal slang and fixed phrases). Both are built once and cached.

Each rule is a set of patterns plus vetoes that drop a match in a figurative or harmless
context ("hit me up", "stabbed me in the back", "want to die of embarrassment", "200
kms"). Negation is honoured only where that is safe: for abuse statements such as "he
would never hit me"; never for self-harm ("I would never hurt myself" is still caught).

Patterns are written in a small notation, one string per pattern, tokens separated by
spaces:

* ``word`` matches the lowercased token, ``~word`` its lemma;
* ``a|b|c`` are alternatives, ``$NAME`` expands a word list from ``WORD_LISTS``;
* ``_`` is any single token;
* a trailing ``?``, ``*`` or ``+`` is the usual optional / any number / at least one.
"""

from __future__ import annotations

import functools
import itertools
from dataclasses import dataclass
from typing import Callable, Literal

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from coach.nlp.pipeline import PARTNER_TERMS, load_pipeline

CrisisKind = Literal["crisis_self_harm", "crisis_abuse", "crisis_emergency"]
SELF_HARM: CrisisKind = "crisis_self_harm"
ABUSE: CrisisKind = "crisis_abuse"
EMERGENCY: CrisisKind = "crisis_emergency"


@dataclass(frozen=True)
class CrisisMatch:
    """A detected crisis: its kind, the words that triggered it and the rule's name."""

    kind: CrisisKind
    phrase: str
    rule: str


Veto = Callable[[Doc, int, int], bool]
"""Given the doc and a match's token span, True drops the match."""


@dataclass(frozen=True)
class Rule:
    """One named detection rule: token patterns and/or literal phrases, plus vetoes."""

    name: str
    kind: CrisisKind
    patterns: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    vetoes: tuple[Veto, ...] = ()


# --------------------------------------------------------------------------- word lists

_PARTNER_WORDS = [term for term in PARTNER_TERMS if " " not in term] + ["ex"]

WORD_LISTS: dict[str, list[str]] = {
    # people who may threaten or hurt the user
    "PARTNER": _PARTNER_WORDS,
    "THREAT_SUBJECT": ["he", "she", "they", *_PARTNER_WORDS],
    "SUBJECT": [
        "he", "she", "they", *_PARTNER_WORDS,
        "dad", "father", "stepdad", "mom", "mum", "mother", "stepmom", "stepmum",
    ],
    # words that may sit between a subject and its verb ("he has always hit me")
    "AUX": [
        "'s", "s", "'d", "d", "'ll", "ll", "'m", "m", "am", "'re", "re", "'ve", "ve", "has", "have", "had", "is", "was", "were", "are",
        "be", "been", "just", "also", "again", "always", "even", "still", "sometimes", "often",
        "usually", "literally", "actually", "once", "then", "finally", "ever", "never", "not",
        "n't", "nt", "keeps", "keep", "kept", "started", "starts", "start", "began", "begins",
        "to", "will", "would", "wo", "ca", "can", "could", "did", "does", "do", "gets", "got",
        "get", "getting", "really", "already", "constantly", "repeatedly", "na", "and",
        "drunk", "angry", "mad", "high", "so", "suddenly",
    ],
    # words that turn "he ... me" into a threat or an attempt ("he'll", "tried to")
    "MODAL": [
        "will", "'ll", "ll", "would", "'d", "d", "going", "gon", "gonna", "wants", "want",
        "wanted", "tried", "tries", "try", "trying", "attempted", "almost", "nearly", "swore",
        "swears", "said", "says", "promised", "threatens", "threatened", "threatening", "could",
        "might", "may",
    ],
    "VIOLENT": [
        "hit", "punch", "slap", "kick", "choke", "strangle", "shove", "push", "smack", "bite",
        "headbutt", "headbutted", "throttle", "attack", "assault", "burn", "stab", "shoot",
        "smother", "suffocate", "whip", "beat", "batter", "bash", "thump", "elbow", "scratch",
        "strike", "molest", "grope", "rape", "cut", "shake",
    ],
    "THREAT_VERB": [
        "kill", "murder", "hurt", "harm", "strangle", "choke", "shoot", "stab", "hit", "beat",
        "rape", "burn", "drown", "smother",
    ],
    "CHILD": ["kid", "child", "baby", "son", "daughter", "kiddo", "kiddos", "children"],
    "PEOPLE": [
        "friend", "family", "mom", "mum", "mother", "dad", "father", "parent", "sister",
        "brother", "anyone", "anybody", "people", "relative", "colleague", "coworker",
        "grandma", "grandmother", "granny",
    ],
    "FEAR": ["afraid", "scared", "scare", "terrified", "terrify", "frightened", "frighten",
             "petrified"],
    "NEG": ["n't", "not", "nt", "never", "longer"],
    "MYSELF": ["myself", "meself", "myslef", "mysefl", "mysef", "myselfe", "mself", "maself",
               "myelf", "mysf"],
    "SELF_HARM_VERB": [
        "kill", "kil", "kiil", "kll", "murder", "hurt", "harm", "cut", "hang", "shoot", "stab",
        "burn", "drown", "poison", "starve", "hit", "strangle", "suffocate", "off", "punch",
        "slap", "choke", "unalive", "end",
    ],
    "PILLS": [
        "pill", "tablet", "meds", "medication", "medicine", "painkiller", "paracetamol",
        "tylenol", "advil", "ibuprofen", "aspirin", "xanax", "oxy", "benzo", "sleeping",
    ],
    "QUANTITY": ["bunch", "handful", "bottle", "box", "pack", "packet", "lot", "load", "ton",
                 "strip", "stash"],
    "BODY_PART": ["wrist", "arm", "thigh", "leg", "skin", "stomach", "wrists", "arms"],
    "DEATH_PLACE": [
        "bridge", "roof", "building", "balcony", "cliff", "tower", "window", "overpass",
        "ledge", "rooftop", "highway", "motorway", "tracks",
    ],
    "VEHICLE": ["train", "bus", "car", "truck", "lorry", "tram", "subway", "traffic"],
    "DIE": ["die", "dying", "died", "dies", "dead"],
    # anyone other than the person writing (someone else's emergency)
    "OTHER": [
        "he", "she", "they", *_PARTNER_WORDS, "dad", "father", "mom", "mum", "mother", "son",
        "daughter", "kid", "child", "baby", "toddler", "brother", "sister", "friend", "flatmate",
        "roommate", "neighbour", "neighbor", "someone", "somebody", "grandma", "grandpa", "nan",
    ],
    "HAZARD": [
        "bleach", "pill", "pills", "tablet", "tablets", "battery", "batteries", "poison",
        "medicine", "meds", "detergent", "capsule", "capsules", "chemicals", "cleaner", "pod", "pods",
    ],
    "STRANGER": ["someone", "somebody", "stranger", "man", "guy", "person", "men", "guys", "car", "van"],
}

NEGATORS = frozenset({"not", "n't", "nt", "never", "no"})
NEGATION_OVERRIDES = ("anymore", "any more", "again", "this time", "until", "before", "yet", "since")
FIGURATIVE_WITH_OBJECTS = frozenset({
    "attention", "love", "affection", "kindness", "gifts", "flowers", "texts", "messages",
    "questions", "compliments", "apologies", "news", "guilt", "bill", "bills", "fine",
    "lawsuit", "papers", "silence", "truth", "reality", "facts", "words", "sarcasm",
    "realization", "realisation", "memories", "flashbacks", "feelings", "emotions", "sadness",
    "grief", "anxiety", "doubt", "doubts", "wave",
})
# Words that may directly follow "I can't go on" / "started cutting" for it to still be about
# the person themselves rather than "go on holiday" / "cutting ties".
_CONTINUATION_BOUNDARY = frozenset({
    "anymore", "any", "living", "much", "no", "without", "and", "but", "so", "lol", "tbh",
    "i", "honestly", "alone", "either", "again", "myself", "lately", "since", "when",
    "because", "tonight", "today", "last", "every", "everyday", "after", "more", "badly",
    "anyway", "now", "right",
})
_FEAR_BOUNDARY = frozenset({
    "and", "when", "but", "because", "so", "sometimes", "now", "lately", "too", "tonight",
    "today", "right", "at", "all", "since", "after", "if", "every", "most", "more", "or",
    "honestly", "tbh", "already", "again", "though", "anymore",
})
# Things you can "live" or "go on" that are not life itself ("live with him", "go on about").
_LIVING_ARRANGEMENTS = (
    "with", "in", "here", "there", "together", "like", "near", "under", "a", "at", "apart",
    "separately", "alone", "this", "that", "for", "about", "to", "on",
)


# --------------------------------------------------------------------------- vetoes

def _words_after(doc: Doc, end: int, count: int) -> tuple[str, ...]:
    return tuple(token.lower_ for token in doc[end:end + count])


def followed_by(*phrases: str) -> Veto:
    """Drop the match when the words right after it are one of ``phrases``."""
    split_phrases = [tuple(phrase.split()) for phrase in phrases]

    def veto(doc: Doc, start: int, end: int) -> bool:
        return any(_words_after(doc, end, len(words)) == words for words in split_phrases)

    return veto


def preceded_by(*words: str) -> Veto:
    """Drop the match when the word right before it is one of ``words``."""
    word_set = frozenset(words)

    def veto(doc: Doc, start: int, end: int) -> bool:
        return start > 0 and doc[start - 1].lower_ in word_set

    return veto


def unless_boundary_after(allowed: frozenset[str]) -> Veto:
    """Drop the match unless it ends the text, a clause, or is followed by an ``allowed`` word."""

    def veto(doc: Doc, start: int, end: int) -> bool:
        if end >= len(doc):
            return False
        following = doc[end]
        return not (following.is_punct or following.lower_ in allowed)

    return veto


def containing(*words: str) -> Veto:
    """Drop the match when one of its own tokens is one of ``words``."""
    word_set = frozenset(words)

    def veto(doc: Doc, start: int, end: int) -> bool:
        return any(token.lower_ in word_set for token in doc[start:end])

    return veto


def verb_then(lemmas: set[str], word: str) -> Veto:
    """Drop the match when its verb is one of ``lemmas`` and ``word`` follows ("shot me down")."""

    def veto(doc: Doc, start: int, end: int) -> bool:
        uses_verb = any(token.lemma_ in lemmas for token in doc[start:end])
        return uses_verb and end < len(doc) and doc[end].lower_ == word

    return veto


def preceded_within(window: int, *words: str) -> Veto:
    """Drop the match when one of ``words`` occurs in the ``window`` tokens before it
    ("my heart is not safe with him" is about feelings, not danger)."""
    word_set = frozenset(words)

    def veto(doc: Doc, start: int, end: int) -> bool:
        return any(token.lower_ in word_set for token in doc[max(0, start - window):start])

    return veto


def _someone_else(doc: Doc, start: int, end: int) -> bool:
    """The sentence is about another person's overdose ("my wife overdosed"), not the writer's."""
    before = [token.lower_ for token in doc[max(0, start - 3):start]]
    return bool(before) and not ({"i", "me", "myself", "i'm", "im"} & set(before)) and bool(
        set(before) & set(WORD_LISTS["OTHER"]) - {"someone", "somebody"}
    )


def first_person(doc: Doc, start: int, end: int) -> bool:
    """Drop threats the user makes ("I threatened to take the kids"): not danger to them."""
    before = [token.lower_ for token in doc[max(0, start - 2):start]]
    return bool(before) and (before[-1] == "i" or before == ["i", "'ve"] or before == ["i", "'d"])


def could_for(doc: Doc, start: int, end: int) -> bool:
    """Drop the idiom "I could kill myself for not seeing it" (but not "I want to ... for")."""
    could_before = any(token.lower_ == "could" for token in doc[max(0, start - 2):start])
    return could_before and end < len(doc) and doc[end].lower_ == "for"


def after_number(doc: Doc, start: int, end: int) -> bool:
    """Drop "kms" in "200 kms"."""
    return start > 0 and doc[start - 1].like_num


def figurative_with(doc: Doc, start: int, end: int) -> bool:
    """Drop "he hit me with the news", "smothers me with attention", "slapped with a bill"."""
    if end >= len(doc) or doc[end].lower_ != "with":
        return False
    objects = [token.lower_ for token in doc[end + 1:end + 5]]
    content = [word for word in objects if word not in {"the", "a", "his", "her"}]
    return bool(content) and any(word in FIGURATIVE_WITH_OBJECTS for word in content[:3])


_reopens_negation = followed_by(*NEGATION_OVERRIDES)


def negated(doc: Doc, start: int, end: int) -> bool:
    """Drop "he would never hit me" / "I'm not scared of him" (abuse rules only).

    A negator inside the match or in the two tokens before it counts, unless the words
    after it reopen the statement: "he doesn't hit me anymore", "...this time", "...until".
    """
    window = doc[max(0, start - 2):end]
    if not any(token.lower_ in NEGATORS for token in window):
        return False
    return not _reopens_negation(doc, start, end)


_ACCIDENT_CONTEXT = followed_by(
    "laughing", "lifting", "cooking", "shaving", "running", "playing", "exercising",
    "training", "moving", "falling", "tripping", "gardening", "skiing", "climbing",
    "at the gym", "on the stove", "in the foot",
)
_NOT_A_LIFE = followed_by(*_LIVING_ARRANGEMENTS)


# --------------------------------------------------------------------------- rules

RULES: tuple[Rule, ...] = (
    # ------------------------------------------------------------------ self-harm
    Rule("suicide_word", SELF_HARM, phrases=(
        "suicide", "suicidal", "suicidally", "suicides", "suicde", "sucide", "suiside",
        "suicidle", "sucidal", "suicidial", "suisidal", "suicidel", "suicidality",
    ), vetoes=(preceded_by("career", "social", "political", "commercial", "financial"),
               followed_by("squad", "mission", "doors", "door"))),
    Rule("suicide_slang", SELF_HARM, phrases=(
        "kms", "sewerslide", "unalive", "unaliving", "unalived", "un-alive", "un alive",
    ), vetoes=(after_number,)),
    Rule("self_harm_word", SELF_HARM, phrases=(
        "self harm", "self-harm", "selfharm", "self harming", "self-harming", "self harmed",
        "self-harmed", "self harms", "self-harms", "self injury", "self-injury",
    )),
    Rule("hurt_myself", SELF_HARM, patterns=(
        "~$SELF_HARM_VERB $MYSELF",
        "~$SELF_HARM_VERB my self",
    ), vetoes=(_ACCIDENT_CONTEXT, could_for)),
    Rule("end_my_life", SELF_HARM, patterns=(
        "~end|~take my own? life",
        "~end it all",
    )),
    Rule("end_everything", SELF_HARM, patterns=("~end everything",), vetoes=(followed_by("with", "between"),)),
    Rule("want_to_die", SELF_HARM, patterns=(
        "~want|~wish|~hope|~need|ready|~like to|2|ta just|really|honestly|literally? $DIE",
        "wanna|wan|gotta just|really|honestly|literally? $DIE",
        "~want|wanna|~wish to|2|ta? just|really? be dead",
        "~feel like $DIE",
    ), vetoes=(followed_by("of", "laughing", "for", "with", "old", "from"),)),
    Rule("wish_i_was_dead", SELF_HARM, patterns=(
        "~wish|~hope i was|were|'d|be|could|would just? ~be? dead|gone|die|died",
        "~wish i had|'d|d never|not been born",
        "~wish i was|were $NEG born|alive|here|around",
        "~wish i did|do|could $NEG ~exist",
    ), vetoes=(followed_by("wrong", "serious", "set", "tired"),)),
    Rule("better_off_dead", SELF_HARM, phrases=(
        "better off dead", "better off without me", "better without me", "happier without me",
        "easier without me", "better off not existing", "better off not being here",
        "better off not alive", "rather be dead", "rather just be dead",
    )),
    # Found missing by the held-out NLU set (tests/nlu_test.yml): method-near and "never wake" wording.
    Rule("stop_living", SELF_HARM, phrases=(
        "stop breathing", "never wake up", "not wake up", "go to sleep forever", "sleep forever",
        "standing at the train tracks", "standing on the train tracks", "standing on the tracks",
        "at the train tracks", "on the edge of the bridge", "standing on the bridge",
        "on the ledge", "on the edge of the roof", "jump off the bridge", "jump in front of",
    ), vetoes=(followed_by("snoring", "smoking"),)),
    Rule("i_am_a_burden", SELF_HARM, phrases=(
        "i'm a burden", "i am a burden", "im a burden", "i'm just a burden", "i am just a burden",
        "i'm such a burden", "i am such a burden", "i'm only a burden", "i feel like a burden",
        "i feel like such a burden", "i feel like i'm a burden", "burden to everyone",
        "burden on everyone",
    )),
    Rule("nothing_to_live_for", SELF_HARM, patterns=(
        "no reason|point|purpose to|in|of ~live",
        "no reason|point|purpose to|in|of? ~keep|~carry|~go going|on|living",
        "nothing|nothin left? to ~live for",
        "point|purpose of|in ~live|life|~exist",
        "point|purpose of|in ~be alive",
        "point|purpose of|in going|carrying on",
        "$NEG ~see the|a|any? point anymore",
        "$NEG ~see the|a|any? point in|of anything|life|living",
        "ways|way|how|method|methods to|of ~die|dying",
        "painless ~way|~death|~method",
        "~think|~dream|~fantasize|~obsess about|of dying|death|suicide",
        "~think|~dream|~fantasize|~obsess about|of being dead",
        "~think|~dream|~fantasize|~obsess about|of not existing|living",
        "~think|~dream|~fantasize|~obsess about|of not being here|alive|around",
        "~want|wanna out of this|my life|world",
        "~want|wanna|~need to|2? ~leave this world|life|earth",
        "$NEG worth ~live",
    ), vetoes=(_NOT_A_LIFE,)),
    Rule("dont_want_to_live", SELF_HARM, patterns=(
        "$NEG ~want|wanna|wan to|2? ~live|~exist",
        "$NEG ~want|wanna|wan to|2? be alive|around|here|living",
        "~want|wanna to|2? ~stop existing|living",
        "tired|sick|done|exhausted|~tire of|with ~live|life|~exist",
        "tired|sick|done|exhausted|~tire of|with being alive",
    ), vetoes=(_NOT_A_LIFE, followed_by("when", "while", "tonight"))),
    Rule("cant_go_on", SELF_HARM, patterns=(
        "ca|can|could $NEG ~go|~carry|~keep on|going|living",
    ), vetoes=(unless_boundary_after(_CONTINUATION_BOUNDARY),)),
    Rule("never_wake_up", SELF_HARM, patterns=(
        "i ~do|will|'ll|wo|would|'d|could|did? $NEG ~wake up",
        "and|to never|not ~wake up",
        "never|not to ~wake up",
        "~want|wanna|~wish to? ~sleep forever",
        "~go to sleep forever",
    ), vetoes=(followed_by("until", "before", "early", "when", "till", "til"),)),
    Rule("overdose", SELF_HARM, patterns=(
        "~take|~swallow|~down|~neck all|every|everything of? my|the|those|these|his|her? _? _? ~$PILLS",
        "~take|~swallow|~down|~neck a|the? whole|entire|full? ~$QUANTITY of my|the|his|her? _? ~$PILLS",
        "how many ~$PILLS",
        "~save|~stockpile|~hoard|~collect|~stash up? my|the? _? ~$PILLS",
        "~$PILLS _? lined|counted|stockpiled",
        "~overdose|od|o.d|od'd",
    ), vetoes=(followed_by("every", "in the morning", "daily", "on time", "with food"), _someone_else)),
    Rule("cutting", SELF_HARM, patterns=(
        "~cut|~slice|~slit|~scratch|~carve|~slash my|own ~$BODY_PART",
    ), vetoes=(followed_by("on a", "on the", "on some", "while", "shaving"),)),
    Rule("cutting_again", SELF_HARM, patterns=(
        "~start|~begin|~relapse|~keep|to cutting|harming|burning",
    ), vetoes=(unless_boundary_after(_CONTINUATION_BOUNDARY),)),
    Rule("lethal_plan", SELF_HARM, patterns=(
        "~jump|~leap off|from a|the|my|our? _? $DEATH_PLACE",
        "~jump|~leap|~step|~walk|~throw|~lie|~run myself? in front of a|the|an? _? $VEHICLE",
        "~drive|~crash|~steer my|the|our? car? into|off a|the tree|wall|bridge|cliff|river|lake|truck|lorry|pole",
        "noose",
        "goodbye|farewell|suicide ~letter|~note",
    )),
    Rule("disappearing", SELF_HARM, patterns=(
        "i $AUX* $MODAL? $AUX* ~be around|here for? much longer",
        "~disappear|~vanish forever|permanently",
        "~disappear|~vanish for good",
        "~disappear|~vanish and never come back",
    )),
    Rule("nobody_would_miss_me", SELF_HARM, patterns=(
        "nobody|noone|anyone|anybody would|'d|will|even|really* ~miss me",
        "no one would|'d|will|even|really* ~miss me",
        "~care|~notice|~miss|~matter|me if|when i died|~die|~disappear|disappeared",
        "~care|~notice|~miss|~matter|me|happier|better|easier if|when i ~be|was|were|'m gone|dead",
    )),
    Rule("want_it_all_to_end", SELF_HARM, patterns=(
        "~want|wanna|~wish|~need it? all|everything to ~end|~stop",
        "the pain to ~stop|~end forever|permanently",
    )),

    # ------------------------------------------------------------------ abuse
    Rule("violence_against_me", ABUSE, patterns=(
        "$SUBJECT $AUX* ~$VIOLENT me|us",
        "and|then|but|so ~$VIOLENT me|us",
        "$SUBJECT $AUX* ~$VIOLENT my|our face|head|hand|hands|arm|arms|body|back|chest|stomach|neck|throat|leg|legs|ribs",
    ), vetoes=(
        followed_by("up", "at", "to", "away", "out", "off", "over the edge", "in the back",
                    "a look", "a dirty", "a text", "a message", "a glance", "a smile", "verbally",
                    "some slack", "deep", "deeply", "to the core", "down to size", "as",
                    "into shape", "where it hurts"),
        verb_then({"shoot"}, "down"), figurative_with, negated,
    )),
    Rule("violence_against_family", ABUSE, patterns=(
        "$SUBJECT $AUX* ~$VIOLENT my|our ~$PEOPLE",
    ), vetoes=(
        followed_by("up", "at", "to", "in the back", "over the edge", "verbally", "out", "off", "a"),
        figurative_with, negated,
    )),
    Rule("beat_me_up", ABUSE, patterns=("$SUBJECT $AUX* ~beat me|us up",), vetoes=(negated,)),
    Rule("violence_against_children", ABUSE, patterns=(
        "$SUBJECT $AUX* ~$VIOLENT|~hurt the|my|our|his|her ~$CHILD",
    ), vetoes=(followed_by("'", "'s", "feelings", "by", "emotionally"), figurative_with, negated)),
    Rule("weapon", ABUSE, patterns=(
        "~pull|~point|~hold|~wave|~put|~press a|his|her|the ~gun|~knife|~weapon|~blade at|on|to|against me|us|my",
        "$SUBJECT $AUX* ~have|got a|his|her ~gun|~knife|~weapon|~rifle|~pistol",
    ), vetoes=(followed_by("collection", "license", "licence", "safe", "for hunting", "for work"),)),
    Rule("hiding_from_partner", ABUSE, patterns=(
        "~hide in|inside|under _? _? _? from him|her|them",
        "~hide in|inside|under _? _? _? from my $PARTNER",
    )),
    Rule("physical_harm", ABUSE, patterns=(
        "$SUBJECT $AUX* ~hurt me|us physically",
        "$SUBJECT $AUX* ~throw me|us against|into|down|onto|across|on",
        "~throw|~hurl|~chuck _ _? at me|us",
        "~grab|~hold|~seize me|us by the|my throat|neck|hair|arm|arms|wrist|wrists|face|collar|shoulders",
        "~grab|~squeeze my throat|neck",
        "~put|~wrap his|her|their hand|hands around|on my|our neck|throat",
        "~pin me|us down|against",
        "~hold me|us down",
        "~hold me|us against the|my|a wall|will|door|floor|bed|car",
        "~spit|spat on|at me|us",
        "~drag me|us by|across|along",
        "~put|~lay|~lie his|her|their|a hand|hands on me|us",
        "~give|~leave me|us? a black eye",
        "~give|~leave me|us? ~bruise|marks",
        "~bruise from|where where? he|she|him|her|they",
        "~bruise from my $PARTNER",
        "$SUBJECT $AUX* ~smash|~break|~destroy my|our phone|laptop|things|stuff",
        "$SUBJECT $AUX* ~break|~fracture|~bruise my|our _? ~rib|nose|arm|jaw|wrist|finger|tooth|teeth|leg|collarbone|cheekbone",
        "$SUBJECT $AUX* ~knock me|us out|down|over|unconscious",
    ), vetoes=(
        containing("accusations", "insults", "words", "blame", "questions", "tantrum", "fit",
                   "shade", "compliments", "money"),
        negated,
    )),
    Rule("threat_of_violence", ABUSE, patterns=(
        "$THREAT_SUBJECT $AUX* $MODAL $AUX* ~$THREAT_VERB me|us",
        "$THREAT_SUBJECT $AUX* $MODAL $AUX* ~do something to me|us",
        "$THREAT_SUBJECT $AUX* $MODAL $AUX* ~do something to the|my|our ~$CHILD",
    ), vetoes=(followed_by("again", "emotionally"), figurative_with, negated)),
    Rule("threatened_violence", ABUSE, patterns=(
        "~threaten to|2 ~$THREAT_VERB|~break|~smash|~destroy|~kidnap|~lock",
        "death ~threat",
        "$SUBJECT $AUX* ~make|~send ~threat",
    ), vetoes=(followed_by("up", "off", "things off", "it off", "the engagement"), first_person, negated)),
    Rule("threat_to_self_as_control", ABUSE, patterns=(
        "$THREAT_SUBJECT $AUX* $MODAL $AUX* ~kill|~hurt|~harm|~shoot|~hang|~off himself|herself|themselves|themself",
    )),
    Rule("threat_if_i_leave", ABUSE, patterns=(
        "if|when i ~leave|~go|~tell $THREAT_SUBJECT $AUX* $MODAL? $AUX* ~find|~kill|~hurt me|us",
        "if|when i ~leave|~go|~tell $THREAT_SUBJECT $AUX* $MODAL? $AUX* ~take|~hurt the|my|our ~$CHILD",
        "~regret it|this if|when i ~leave|~tell|~go|~report",
        "~make me|us ~pay if|when i ~leave|~tell|~go|~report",
    )),
    Rule("threatened_me", ABUSE, patterns=("~threaten me|us",), vetoes=(
        followed_by("with divorce", "with leaving", "with a divorce", "with separation",
                    "with a lawyer", "with lawyers", "with couples", "with therapy"),
    )),
    Rule("threat_against_children", ABUSE, patterns=(
        "~threaten to|2 ~take|~keep|~steal|~kidnap|~hurt the|my|our ~$CHILD",
        "never see the|my|our ~$CHILD again",
    ), vetoes=(first_person,)),
    Rule("take_children_away", ABUSE, patterns=(
        "~take the|my|our ~$CHILD away|from",
    ), vetoes=(followed_by("for", "to", "on", "this", "at", "school", "daycare", "nursery", "camp",
                           "practice", "the", "their"),)),
    Rule("threat_to_share_images", ABUSE, patterns=(
        "~threaten to|2 ~post|~share|~send|~leak|~publish|~release|~show _? _? nudes|nude|~photo|~picture|pics|~video|sexts|tape",
    )),
    Rule("fear_of_partner", ABUSE, patterns=(
        "$FEAR|~$FEAR of him|her|them",
        "$FEAR|~$FEAR of my $PARTNER",
    ), vetoes=(unless_boundary_after(_FEAR_BOUNDARY), negated)),
    Rule("fear_for_safety", ABUSE, patterns=(
        "$FEAR|~$FEAR of what he|she|they _? _? ~do",
        "of what he|she|they might|could|would|'d|'ll|will ~do",
        "$FEAR|~$FEAR|~fear for my|our life|lives|safety",
        "$FEAR|~$FEAR|~fear|~worry for|about my|our|the ~$CHILD 's|'? safety|lives",
        "$FEAR|~$FEAR to ~go|~come|~be home",
        "$FEAR|~$FEAR to ~go|~come|~be back home|to him|to her",
        "$NEG ~feel? safe at|with|around|near|in home|him|her|them|my|our|here",
        "$NEG ~feel? safe here|anymore|anywhere",
        "unsafe at|with|around|in|near home|him|her|them|my",
    ), vetoes=(
        preceded_by("emotionally", "financially"),
        preceded_within(4, "heart", "secrets", "secret", "feelings", "trust", "marriage", "money",
                        "phone", "data", "password", "passwords"),
        followed_by("to an empty", "alone", "empty"),
    )),
    Rule("isolation", ABUSE, patterns=(
        "$NEG ~let|~allow me|us? to? ~see|~talk|~visit|~call|~meet|~contact|~text|~speak to|with? my|any|the|our? ~$PEOPLE",
        "$NEG ~let|~allow me|us? to? ~leave",
        "$NEG ~let|~allow me|us? to? ~go out|outside|anywhere",
        "$SUBJECT $AUX* ~keep|~stop|~prevent me|us from ~see|~leave|~go|~talk|~call|~work|~visit",
    ), vetoes=(followed_by("the relationship", "him", "her", "them", "the marriage", "about", "early",
                           "work", "the office", "the table", "without"),)),
    Rule("confinement", ABUSE, patterns=(
        "~lock me|us in|inside|up|away",
        "~shut me|us in|inside|away",
        "~keep me|us locked|shut in|up|inside",
        "~lock me|us out of the|our|my house|home|flat|apartment|room",
        "~block the|my|our door|doorway|exit|way",
        "~stand in the|my|our door|doorway",
        "~hide|~steal|~confiscate my|our car? ~key|passport",
        "~take my|our phone? and? car? ~key|passport so|away|to|from",
    )),
    Rule("financial_control", ABUSE, patterns=(
        "$SUBJECT $AUX* ~control|~withhold all? the|my|our money|finances|~wage|salary|paycheck|bank|~account|~card",
        "$SUBJECT $AUX* ~keep|~take all my money|~wage|salary|paycheck|pay",
        "$NEG ~give me|us any? money",
        "$NEG ~let me have|keep|touch|spend|see any? of? my? own? money",
        "~check|~inspect every receipt|penny|purchase",
    ), vetoes=(negated,)),
    Rule("surveillance", ABUSE, phrases=(
        "spyware", "stalkerware", "tracking device", "gps tracker", "tracker on my car",
        "tracker on my phone", "tracker in my car", "tracks my every move",
    ), patterns=(
        "$SUBJECT $AUX* ~stalk me|us",
        "$SUBJECT $AUX* ~follow|~track me|us everywhere|home|around",
        "$SUBJECT $AUX* ~follow|~track me|us to work|school",
        "~keep showing|turning up at my|our work|house|home|job|office|door|place",
    )),
    Rule("sexual_violence", ABUSE, patterns=(
        "~rape|raped|rapist|raping",
        "sexually ~assault|~abuse|~coerce|~force|~harass",
        "~molest",
        "~force|~make|~pressure|~coerce|~guilt me|us to|into? ~have sex",
        "~force|~make|~pressure|~coerce|~guilt me|us to|into? ~sleep with him|her|them|someone|his|other|people|men|women|strangers|guys",
        "~force|~pressure|~coerce|~guilt me|us into sex|~sleep|~have",
        "~force himself|herself on|onto me|us",
        "$NEG ~stop when|after|even i ~say no|stop",
        "~make|~force|~pressure|~coerce me|us to? ~do things|stuff|something|sexual i|that ~do|did? $NEG ~want",
        "~touch me|us while|when i was|'m|am|were|be? asleep|sleeping|drunk|unconscious",
    ), phrases=("non-consensual", "nonconsensual", "non consensual")),
    Rule("abuse_word", ABUSE, patterns=(
        "~abuse|abusive|abuser|abusing",
    ), phrases=(
        "domestic violence", "domestic abuse", "dv", "coercive control",
        "intimate partner violence",
    ), vetoes=(preceded_by("substance", "alcohol", "drug", "drugs"), followed_by("of trust", "of power"))),
    Rule("silencing", ABUSE, patterns=(
        "~say|~tell|~threaten me? nobody|noone will|would|'d|'ll ~believe me|us",
        "~say|~tell|~threaten me? no one will|would|'d|'ll ~believe me|us",
    )),
    Rule("violent_partner", ABUSE, patterns=(
        "$SUBJECT $AUX* ~become|~turn? violent",
    ), vetoes=(negated,)),
    Rule("assault_disclosure", ABUSE, patterns=(
        "i|we _? was|were|got|get|gets|been|being|getting|keep|kept beaten|hit|strangled|choked|assaulted|attacked|punched|slapped|kicked|battered|stabbed|shot|abused|raped",
    ), vetoes=(
        followed_by("up", "out", "down", "in the back", "at", "by a", "by the", "on",
                    "hard by a", "hard by the"),
        preceded_by("like", "if", "though"),
        figurative_with,
    )),
    Rule("beaten_up", ABUSE, patterns=(
        "was|were|got|get|gets|been|being|getting beaten|battered up",
    ), vetoes=(followed_by("about", "over"), preceded_by("like", "if", "though"))),
    Rule("forced_into_sex", ABUSE, patterns=(
        "i|we _? was|were|got|been|being|am|'m forced|made|pressured|coerced to|into ~have|~sleep|sex",
    )),
    # ---- emergencies that are neither self-harm nor abuse by the partner
    Rule("not_breathing", EMERGENCY, patterns=(
        "$OTHER $AUX* not|n't|nt|stopped|barely breathing",
        "$OTHER $AUX* ~stop breathing",
        "$OTHER $AUX* unconscious|unresponsive|~collapse",
        "$OTHER $AUX* not|n't|nt|wo|won't waking|~wake up",
        "ca|can|cannot|can't n't|nt? ~wake him|her|them up?",
    )),
    Rule("medical_emergency", EMERGENCY, patterns=(
        "'s|is|am|'m|are|'re|be having a heart attack",
        "'s|is|am|'m|are|'re|be having a stroke|seizure",
        "~swallow|~drink|~eat some|a|the|his|her|my? _? ~$HAZARD",
        "n't|nt|not ~stop bleeding",
        "bleeding badly|heavily|everywhere|a lot",
        "so much blood",
    ), vetoes=(preceded_within(3, "almost", "nearly", "gave", "give", "like"), figurative_with)),
    Rule("someone_overdosed", EMERGENCY, patterns=(
        "$OTHER $AUX* ~overdose|od'd|overdosed",
    )),
    Rule("break_in", EMERGENCY, patterns=(
        "is|'s|are|'re trying? to? breaking|break|get in|into",
        "~try to break in|into",
    ), vetoes=(followed_by("tears", "a sweat", "laughter", "song"),)),
    Rule("followed_by_stranger", EMERGENCY, patterns=(
        "$STRANGER $AUX* following me",
        "~be|~get followed home|by",
    ), vetoes=(followed_by("on", "online", "back", "around online"),)),
    Rule("attack_by_someone_else", EMERGENCY, patterns=(
        "$STRANGER|brother|neighbour|neighbor|flatmate|roommate $AUX* _? ~threaten|~wave|~have|~point|~hold a|his|her? knife|gun|bat|weapon",
    )),
)


# --------------------------------------------------------------------------- pattern notation

_OPERATORS = frozenset("?*+")


def _token_pattern_variants(spec_token: str) -> list[dict]:
    """Turn one notation token into Matcher token dicts (one per attribute used)."""
    operator = None
    if len(spec_token) > 1 and spec_token[-1] in _OPERATORS:
        spec_token, operator = spec_token[:-1], spec_token[-1]
    if spec_token == "_":
        variants: list[dict] = [{}]
    else:
        words_by_attr: dict[str, list[str]] = {"LEMMA": [], "LOWER": []}
        for alternative in spec_token.split("|"):
            attr = "LEMMA" if alternative.startswith("~") else "LOWER"
            alternative = alternative.lstrip("~")
            words = WORD_LISTS[alternative[1:]] if alternative.startswith("$") else [alternative]
            words_by_attr[attr].extend(words)
        variants = [{attr: {"IN": sorted(set(words))}} for attr, words in words_by_attr.items() if words]
        if len(variants) > 1 and operator in {"*", "+"}:
            raise ValueError(f"repeated token mixes lemma and lowercase words: {spec_token!r}")
    if operator:
        variants = [{**variant, "OP": operator} for variant in variants]
    return variants


def compile_pattern(spec: str) -> list[list[dict]]:
    """Expand one notation string into the Matcher patterns it stands for."""
    per_token = [_token_pattern_variants(token) for token in spec.split()]
    return [list(combination) for combination in itertools.product(*per_token)]


# --------------------------------------------------------------------------- matching

def normalise(text: str) -> str:
    """Lowercase and straighten typographic apostrophes so "he’ll" tokenizes like "he'll"."""
    return text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")


@dataclass(frozen=True)
class _CompiledRules:
    nlp: Language
    matcher: Matcher
    phrase_matcher: PhraseMatcher
    rules_by_name: dict[str, Rule]


@functools.lru_cache(maxsize=1)
def _compiled_rules() -> _CompiledRules:
    nlp = load_pipeline()
    matcher = Matcher(nlp.vocab, validate=True)
    phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for rule in RULES:
        if rule.patterns:
            matcher.add(rule.name, [p for spec in rule.patterns for p in compile_pattern(spec)])
        if rule.phrases:
            phrase_matcher.add(rule.name, [nlp.make_doc(phrase) for phrase in rule.phrases])
    return _CompiledRules(nlp, matcher, phrase_matcher, {rule.name: rule for rule in RULES})


def warm_up() -> None:
    """Load the pipeline and build the matchers now, so the first user message is not slow."""
    _compiled_rules()


_KIND_PRIORITY = {SELF_HARM: 0, ABUSE: 1, EMERGENCY: 2}


def detect_crisis(text: str) -> CrisisMatch | None:
    """Return the crisis a message discloses, or None.

    When both kinds match, self-harm wins (the more immediate risk to life); within a kind
    the earliest match wins.
    """
    if not text or not text.strip():
        return None
    compiled = _compiled_rules()
    doc = compiled.nlp(normalise(text))
    candidates = []
    for match_id, start, end in [*compiled.matcher(doc), *compiled.phrase_matcher(doc)]:
        rule = compiled.rules_by_name[compiled.nlp.vocab.strings[match_id]]
        if any(veto(doc, start, end) for veto in rule.vetoes):
            continue
        candidates.append((_KIND_PRIORITY[rule.kind], start, -end, rule, doc[start:end].text))
    if not candidates:
        return None
    *_, rule, phrase = min(candidates, key=lambda candidate: candidate[:3])
    return CrisisMatch(kind=rule.kind, phrase=phrase, rule=rule.name)
