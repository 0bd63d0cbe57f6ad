"""Spot the phrases that undermine an answer in the sincere-apology walkthrough.

The walkthrough asks the partner who broke trust eight questions (``STEPS``). Each answer is
passed to ``analyze(text, step)``, which returns ``Flag``s: the kind of problem, the exact
phrase from the user's own text, and a short, kind reason. ``describe(flag)`` turns one
flag into the coach's one-message nudge asking for a revision.

Matching runs the rules of ``coach.apology.rules`` through the shared rule engine
(``coach.nlp.rules``) on the project's spaCy pipeline (tokenizer + lookup lemmatizer +
entity ruler). The text is lowercased before it goes through the pipeline, because the
lookup lemmatizer is case-sensitive; lowercasing keeps every character offset, so each
phrase is cut from the original text. Reasons paraphrase the source articles (file names
in comments).

Three checks are not phrase rules: an answer about the partner in the third person whose
referent can't be told (``coach.apology.address``), a bare "yes" to the honesty check
(``coach.apology.honesty``), and a too-short answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from coach.apology.address import ambiguous_referent
from coach.apology.honesty import only_says_yes
from coach.apology.rules import RULES
from coach.apology.steps import ADDRESSED_STEPS, ALL_STEPS, STEPS, VAGUE_STEPS
from coach.apology.words import CLITICS, FILLERS, WORD_LISTS
from coach.nlp.rules import RuleSet, first_per_kind

__all__ = [
    "ALL_STEPS", "KIND_TEXTS", "MIN_WORDS", "RULES", "RULESET", "STEPS", "VAGUE_STEPS", "Flag", "analyze",
    "describe",
]

# Fewest meaningful words an answer needs before it counts as more than a fragment. A request
# can be a short, plain ask ("give me time"); "no" is a whole answer to the honesty check; the
# other steps need at least "I + verb + what".
MIN_WORDS = {step: 4 for step in STEPS} | {"request": 3, "honesty": 1}

RULESET = RuleSet(RULES, WORD_LISTS)


@dataclass(frozen=True)
class Flag:
    """One problem found in an answer: its kind, the exact phrase, and why it matters."""

    kind: str
    phrase: str
    why: str


@dataclass(frozen=True)
class _KindText:
    why: str
    ask: str


KIND_TEXTS: dict[str, _KindText] = {
    # 001: the explanation can come later, after apologising and taking responsibility.
    "excuse": _KindText(
        "Right now isn't the moment to explain why it happened. Reasons can come later, once "
        "you've owned it; said now, they tend to sound like an excuse.",
        "Could you say it again without the reason, just what you did and that it's yours?",
    ),
    "conditional": _KindText(
        "The \"if\" leaves room to doubt that your partner was hurt at all. Saying plainly that "
        "you hurt them shows you see it.",
        "Could you put it without the \"if\"?",
    ),
    # 003: an apology shouldn't try to rationalise or justify what happened.
    "non_apology": _KindText(
        "This puts the focus on your partner's reaction rather than on what you did, so it can "
        "land as no apology at all.",
        "Could you say it about your own action instead?",
    ),
    "but": _KindText(
        "A \"but\" after an apology tends to cancel what came before it. The apology is "
        "strongest standing on its own.",
        "Could you try it without the \"but\" part, and keep that thought for a later talk?",
    ),
    "blame_shift": _KindText(
        "This moves some of the weight onto your partner. For now the apology is about your "
        "choices only; what each of you needs can be talked about later.",
        "Could you say it again about your part alone?",
    ),
    "minimizing": _KindText(
        "Making it sound small can tell your partner their hurt is small too, even when you "
        "don't mean that.",
        "Could you describe it at its real size, without shrinking it?",
    ),
    # 000: forgiveness can only be given; trust is rebuilt slowly, at the hurt partner's pace.
    "demanding": _KindText(
        "Forgiveness is your partner's to give, in their own time. Asking is fine; a demand or "
        "a deadline adds pressure to someone who is already hurting.",
        "Could you turn it into a request they are free to say no to?",
    ),
    # 003: say exactly why you're sorry.
    "vague": _KindText(
        "Naming exactly what you did shows your partner you really understand it; general "
        "words can sound like you're avoiding it.",
        "Could you name the specific thing you did?",
    ),
    "too_short": _KindText(
        "A few more words would help; a specific answer shows you've really thought about it.",
        "Could you say a little more?",
    ),
    # 003: explain how you'll avoid repeating it; trust grows from small, consistent actions.
    "not_checkable": _KindText(
        "After trust is broken, promises are hard to lean on. A concrete action your partner can "
        "see you doing is much easier to trust.",
        "What is one specific thing you'll do that they could notice?",
    ),
    # 003: be sensitive to their feelings; 001: validate your partner's emotional experience.
    "self_focus": _KindText(
        "It makes sense that you're hurting too, and that deserves care of its own, maybe with a "
        "friend or a counsellor. In the apology, though, keeping the focus on what they went "
        "through is what helps them feel seen.",
        "Could you say it about their side: what has this been like for them?",
    ),
    # 003: it's up to them to forgive; if they don't accept the apology, respect that. 002 does
    # count asking for forgiveness as part of apologising, so this is gentle and can be kept.
    "forgiveness_ask": _KindText(
        "It's natural to hope for that. Asked for now, though, forgiveness can feel like pressure: "
        "it's theirs to give, if and when they're ready.",
        "Could you ask for something they can easily say no to, like time, or a talk later?",
    ),
    # 003: no amount of gifts or promises can earn back trust; 001: grand gestures don't last.
    "grand_gesture": _KindText(
        "Gifts and big gestures can feel like trying to buy forgiveness, and they fade. What "
        "repairs is making good on what it cost them, in small ways that last.",
        "What could you do that gives back some of what it cost them?",
    ),
    "third_person": _KindText(
        "This part will be said to them, and here I can't tell for sure who that word means, "
        "so I can't turn it into \"you\" for you.",
        "Could you say it to them directly, with \"you\" (you felt...)?",
    ),
    # 002: a lie by omission hurts too; 003: truth in pieces hurts again each time.
    "untold": _KindText(
        "Thank you for being honest about that. If there's something, now is the time to say "
        "it: the whole truth at once hurts less than truth that comes out in pieces.",
        "What is it? Put it the way you'd tell them.",
    ),
}


def _lowercase_keeping_offsets(text: str) -> str:
    """Lowercase character by character, leaving any character whose lowercase is longer."""
    return "".join(lowered if len(lowered := char.lower()) == 1 else char for char in text)


def _word_count(doc: Doc) -> int:
    return sum(1 for token in doc if token.is_alpha and token.lower_ not in CLITICS | FILLERS)


def analyze(text: str, step: str) -> list[Flag]:
    """Flag the phrases in one walkthrough answer that would undermine the apology.

    Returns at most one flag per kind (the first phrase found), ordered by where the phrase
    starts; an empty list means the answer can go through as it is.
    """
    if step not in ALL_STEPS:
        raise ValueError(f"unknown apology step {step!r}; expected one of {STEPS}")
    doc = RULESET.nlp(_lowercase_keeping_offsets(text))
    flags: list[tuple[int, Flag]] = []
    for kind, first in first_per_kind(RULESET.matches(doc, context=step)).items():
        flags.append((first.start_char, Flag(kind, text[first.start_char : first.end_char], KIND_TEXTS[kind].why)))
    self_focus = {start for start, flag in flags if flag.kind == "self_focus"}
    flags = [(start, flag) for start, flag in flags if not (flag.kind == "excuse" and start in self_focus)]
    if any(flag.kind == "demanding" for _, flag in flags):  # the demand is the thing to say
        flags = [(start, flag) for start, flag in flags if flag.kind != "forgiveness_ask"]
    stripped = text.strip()
    if step == "honesty" and only_says_yes(stripped):
        flags.append((text.find(stripped), Flag("untold", stripped, KIND_TEXTS["untold"].why)))
    elif _word_count(doc) < MIN_WORDS[step]:
        flags.append((text.find(stripped), Flag("too_short", stripped, KIND_TEXTS["too_short"].why)))
    if step in ADDRESSED_STEPS and (referent := ambiguous_referent(text)) is not None:
        start, word = referent
        flags.append((start, Flag("third_person", word, KIND_TEXTS["third_person"].why)))
    return [flag for _, flag in sorted(flags, key=lambda pair: pair[0])]


def describe(flag: Flag) -> str:
    """The coach's one-message nudge for a flag: the phrase, why it matters, and an ask."""
    if flag.kind == "too_short":
        return f'"{flag.phrase}" is a start. {flag.why} {KIND_TEXTS[flag.kind].ask}'
    return f'You wrote "{flag.phrase}". {flag.why} {KIND_TEXTS[flag.kind].ask}'
