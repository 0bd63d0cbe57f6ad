"""Crisis rules for warning signs said without the usual words: plans, goodbyes, relapse, control.

People rarely write "suicide" when they have decided: they say they know how they would do
it, that nobody need worry about them after tonight, that the old habit with the blade is
back. Abuse is often told as everyday control: an allowance, asking permission to eat, being
slammed against a wall. These rules (same notation and engine as ``coach.safety.rules``, run
by ``coach.safety.detector`` with them) catch those families. Each pattern is narrow on
purpose; wording they miss is left to the meaning layer, which learns from ``nlu/safety.yml``.
"""

from __future__ import annotations

from coach.nlp.rules import Rule
from coach.nlp.vetoes import followed_by
from coach.safety.rules import ABUSE, SELF_HARM
from coach.safety.vetoes import negated

WARNING_SIGN_RULES: tuple[Rule, ...] = (
    # ------------------------------------------------------------------ self-harm
    Rule("knows_how", SELF_HARM, patterns=(
        "~know exactly how i|i'd|id|ill would|'d|d|will|'ll? ~do it",
        "~know exactly how and when",
    ), vetoes=(followed_by("differently", "better", "again", "next time", "right"),)),
    Rule("not_here_after", SELF_HARM, patterns=(
        "about me after tonight|today|tomorrow|this",
        "i wo|will|'ll|would|'d $NEG ~be around|here|alive to ~say|~see|~tell|~read",
        "i wo|will|'ll|would|'d $NEG ~be around|here|alive after|by tonight|tomorrow",
        "$NEG ~think i 'll|will|would|'d? still ~be here|around|alive tomorrow|by|next|in",
        "$NEG ~think ill still ~be here|around|alive tomorrow|by|next|in",
        "~be my goodbye|farewell",
    ), vetoes=(followed_by("to"),)),
    Rule("goodbye_letters", SELF_HARM, patterns=(
        "~write|~leave ~letter|~note to|for everyone|everybody",
        "me out of the picture for good|forever|permanently",
    )),
    Rule("relapse_with_a_blade", SELF_HARM, patterns=(
        "~habit with the|a|my ~blade|~razor",
        "~relapse with|on the|a|my ~blade|~razor",
        "the|my ~blade ~be back",
    )),
    Rule("past_attempt", SELF_HARM, patterns=(
        "~have|~make an attempt years|before|once|ago|when|as",
        "my last|previous|first|second|suicide attempt",
    ), vetoes=(followed_by("at", "to", "of", "with"),)),
    # ------------------------------------------------------------------ abuse
    Rule("slammed_against", ABUSE, patterns=(
        "$SUBJECT $AUX* ~slam|~shove|~ram me|us against|into|onto|down",
    ), vetoes=(negated,)),
    Rule("controlled_allowance", ABUSE, patterns=(
        "$SUBJECT $AUX* ~take|~keep|~hide|~hold my|our bank? ~card|bankcard|cards|wages|salary|benefits",
        "~give me _ quid|pounds|dollars|bucks|euros|rupees a|per|each week|day|month",
        "~give me £|€ _ a|per|each week|day|month",
    ), vetoes=(negated,)),
    Rule("permission_to_live", ABUSE, patterns=(
        "~have to ~ask him|her|them|for permission? before|for|if|to i? _? ~eat|~sleep|~shower|~wash|~pee",
        "~have to ~ask my $PARTNER permission? before|for|if|to i? _? ~eat|~sleep|~shower|~wash|~pee",
        "~have to ~ask him|her|them|for permission? before|for|if|to i? _? ~go out|outside",
    )),
)
