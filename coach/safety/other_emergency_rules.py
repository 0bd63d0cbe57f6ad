"""Emergencies that are neither self-harm nor abuse by the partner: the core rules.

Someone not breathing or collapsed, a heart attack or a stroke, a hazard swallowed, bleeding
that will not stop, a break-in, a stranger following, someone else waving a weapon. They were
the last part of ``coach.safety.rules`` and run right after it, in the same order
(``coach.safety.detector``); the emergency families found later are in ``emergency_signs``.
"""

from __future__ import annotations

from spacy.tokens import Span

from coach.nlp.rules import Rule
from coach.nlp.vetoes import anywhere, followed_by, preceded_within
from coach.safety.rules import EMERGENCY
from coach.safety.vetoes import figurative_with
from coach.safety.words import WELL_SINCE

_ONTO_THE_SOFA = followed_by("on the sofa", "on the couch", "into bed", "on the bed", "in front of the tv", "in a heap")
_A_LONG_DAY = anywhere("not talking", "silent treatment", "ignoring me", "snoring", "asleep", "after work", "knackered",
                       "exhausted", "tired")
_ILL = anywhere("breath", "breathe", "breathing", "blue", "wake", "waking", "responding", "ambulance", "pulse", "grey",
                "gray", "fit", "seizure", "chest")


def flopped_down_tired(span: Span) -> bool:
    """Drop "he collapsed on the sofa after work and is not talking to me": tired, not ill (stop 31).
    Any word of breath, waking or an ambulance keeps it caught."""
    return _ONTO_THE_SOFA(span) and _A_LONG_DAY(span) and not _ILL(span)


OTHER_EMERGENCY_RULES: tuple[Rule, ...] = (
    Rule("not_breathing", EMERGENCY, patterns=(
        "$OTHER $AUX* not|n't|nt|stopped|barely breathing",
        "$OTHER $AUX* ~stop breathing",
        "$OTHER $AUX* unconscious|unresponsive|~collapse",
        "$OTHER $AUX* not|n't|nt|wo|won't waking|~wake up",
        "ca|can|cannot|can't n't|nt? ~wake him|her|them up?",
    ), vetoes=(anywhere(*WELL_SINCE), flopped_down_tired)),  # stop 31: "collapsed at the pub ... well managed now"
    Rule("medical_emergency", EMERGENCY, patterns=(
        "'s|is|am|'m|are|'re|be having a heart attack",
        "'s|is|am|'m|are|'re|be having a stroke|seizure",
        "~swallow|~drink|~eat some|a|the|his|her|my? _? ~$HAZARD",
        "n't|nt|not ~stop bleeding",
        "bleeding badly|heavily|everywhere|lots",
        "bleeding a lot",
        "so much blood",
    ), vetoes=(preceded_within(3, "almost", "nearly", "gave", "give", "like"), figurative_with,
               anywhere("the film", "the movie", "war film", "horror film", "horror movie", "documentary", "dentist", "tooth",
                        "shaving", "paper cut", "lol", "haha", "video game", "computer game", "gory"))),
    Rule("break_in", EMERGENCY, patterns=(
        "is|'s|are|'re trying? to? breaking|break|get in|into",
        "~try to break in|into",
    ), vetoes=(followed_by("tears", "a sweat", "laughter", "song"),)),
    Rule("followed_by_stranger", EMERGENCY, patterns=(
        "$STRANGER $AUX* following me",
        "~be|~get followed home|by",
        "$STRANGER that|who $AUX* ~follow|followed|following me|us for|since|all|home|from|down|round|around|along|everywhere",
    ), vetoes=(followed_by("on", "online", "back", "around online"),
               anywhere("instagram", "insta", "twitter", "tiktok", "facebook", "online", "app", "account"))),
    Rule("attack_by_someone_else", EMERGENCY, patterns=(
        "$STRANGER|brother|neighbour|neighbor|flatmate|roommate $AUX* _? ~threaten|~wave|~have|~point|~hold a|his|her? knife|gun|bat|weapon",
    )),
)
