"""Crisis rules for abuse told as what happens next: being hunted, hounded, silenced, injured.

People who have fled rarely write "abuse": they say he has called fifty times and says he
will find them, that he knows where they are staying, that he will do worse if they tell
anyone, that he found out and broke their nose. These rules (same notation and engine as
``coach.safety.rules``, run by ``coach.safety.detector`` with them) catch those families,
including "hell"/"shell" typed for "he'll"/"she'll". Each is narrow, with vetoes for the
harmless readings ("she'll find me a lawyer", "he'll find me at 8", "my mum will murder me
if she finds out", "she tripped and broke my vase"); the rest is left to the meaning layer.
"""

from __future__ import annotations

from coach.nlp.rules import Rule
from coach.nlp.vetoes import anywhere, containing, followed_by, preceded_by, preceded_within, unless, unless_boundary_after
from coach.safety.rules import ABUSE
from coach.safety.vetoes import accident_context, figurative_threat, negated
from coach.safety.words import FIND_BOUNDARY, FLIGHT_WORDS

_NOT_A_PARTNER = (
    "mum", "mom", "mam", "mother", "dad", "father", "boss", "teacher", "nan", "gran", "grandma",
    "sister", "brother", "mate", "bestie", "friend", "coach", "manager", "therapist",
)
_THREAT = "~do worse|something"
_HARM = "~hurt|~kill|~harm|~beat me|us|the|my|our|him|her|them|you"
_TELL = "if|when|once i ~tell|~report|~speak|~talk|~ring|~call"

ABUSE_SIGN_RULES: tuple[Rule, ...] = (
    Rule("typed_threat", ABUSE, patterns=(
        "$WILL_SUBJECT $AUX* ~$THREAT_VERB me|us",
    ), vetoes=(
        figurative_threat, negated, preceded_by("the", "oh", "ah", "bloody", "a", "what", "like"),
        preceded_within(8, *_NOT_A_PARTNER),
    )),
    Rule("will_find_me", ABUSE, patterns=(
        "$THREAT_SUBJECT $AUX* $MODAL $AUX* ~find|~hunt me|us",
        "$WILL_SUBJECT ~find|~hunt me|us",
        "~hunt|~track me|us down",
        "$THREAT_SUBJECT $AUX* coming|~come for|after me|us",
    ), vetoes=(unless_boundary_after(FIND_BOUNDARY),)),
    Rule("found_where_i_stay", ABUSE, patterns=(
        "$THREAT_SUBJECT $AUX* ~find|~track out|down where i 'm|m|am? ~stay|~hide|~live|staying|hiding|living",
        "$THREAT_SUBJECT $AUX* ~know where i 'm|m|am hiding",
        "now $THREAT_SUBJECT $AUX* ~know where i 'm|m|am? ~stay|~hide|~live|staying|hiding|living",
    ), vetoes=(followed_by("with", "before", "when we", "at uni"),)),
    Rule("hounded_by_calls", ABUSE, patterns=(
        "$THREAT_SUBJECT $AUX* ~call|~ring|~text|~message|~phone me|us? /^([2-9][0-9]|[0-9]{3,})$/ times",
        "/^([2-9][0-9]|[0-9]{3,})$/ missed calls|texts|messages from him|her",
    ), vetoes=(unless(anywhere(*FLIGHT_WORDS)),)),
    Rule("threat_if_i_tell", ABUSE, patterns=(
        f"{_TELL} _? _? _? _? ,? $THREAT_SUBJECT 's|s|is? $MODAL to|na? {_THREAT}",
        f"{_TELL} _? _? _? _? ,? $THREAT_SUBJECT 's|s|is? $MODAL to|na? {_HARM}",
        f"{_TELL} _? _? _? _? ,? $WILL_SUBJECT {_THREAT}",
        f"{_TELL} _? _? _? _? ,? $WILL_SUBJECT {_HARM}",
        f"$THREAT_SUBJECT 's|s|is? $MODAL to|na? {_THREAT} worse? _? _? {_TELL}",
        f"$WILL_SUBJECT {_THREAT} worse? _? _? {_TELL}",
    ), vetoes=(figurative_threat, followed_by("about", "nice", "special", "at", "for", "with", "to it", "to the", "than"))),
    Rule("partner_broke_bone", ABUSE, patterns=(
        "$SUBJECT _? _? _? and|then|, ~break|~fracture|~crack|~bust|~split my|our _? ~$INJURED_PART",
        "$SUBJECT $AUX* ~crack|~split|~bust|~fracture my|our _? ~$INJURED_PART",
        "my|our _? ~$INJURED_PART ~be|'s|s|are|'re|re|got broken|fractured|cracked|bust|busted|split "
        "from|by|because|after|when|where|since _? him|her|he|she|they",
    ), vetoes=(
        containing("i", "we", "im", "i'm", "tripped", "fell", "slipped", "stumbled", "accidentally"),
        accident_context, negated,
    )),
)
