"""Spot the phrases that undermine an answer in the sincere-apology walkthrough.

The walkthrough asks the partner who broke trust six questions (``STEPS``). Each answer is
passed to ``analyze(text, step)``, which returns ``Flag``s: the kind of problem, the exact
phrase from the user's own text, and a short, kind reason. ``describe(flag)`` turns one
flag into the coach's one-message nudge asking for a revision.

Matching runs on the project's spaCy pipeline (tokenizer + lookup lemmatizer + entity
ruler). The text is lowercased before it goes through the pipeline, because the lookup
lemmatizer is case-sensitive; lowercasing keeps every character offset, so each phrase is
cut from the original text. The patterns are spaCy ``Matcher`` rules on LEMMA and LOWER,
built once. A rule may carry a guard (e.g. "not negated", "nothing concrete said in the
answer") because precision matters more than recall: flagging a sincere answer hurts more
than missing a weak one. Reasons paraphrase the source articles (file names in comments).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from coach.nlp.pipeline import load_pipeline

STEPS = ("what_happened", "impact", "ownership", "regret", "change", "request")
ALL_STEPS = frozenset(STEPS)
VAGUE_STEPS = frozenset({"what_happened", "regret", "change"})

# Fewest meaningful words an answer needs before it counts as more than a fragment. A request
# can be a short, plain ask ("give me time"); the other steps need at least "I + verb + what".
MIN_WORDS = {step: 4 for step in STEPS} | {"request": 3}


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
}

Pattern = list[dict]
Guard = Callable[[Span], bool]
Expand = Callable[[Span], Span]

# ---- word lists ---------------------------------------------------------------------------
SORRY_WORDS = ["sorry", "sory", "apologize", "apologise", "apology", "regret"]
NEGATIONS = {"not", "n't", "nt", "never", "no", "nobody", "none", "nothing", "without"}
CLAUSE_BREAKS = {",", ".", ";", "!", "?", ":", "—", "–", "-", "(", ")"}
CLITICS = {"m", "s", "re", "ve", "ll", "d", "nt", "t"}
FILLERS = {"idk", "um", "uh", "umm", "ok", "okay", "yeah", "lol", "hmm", "well"}
I_WORDS = ["i", "we"]
PAST_BE = ["was", "were"]
BE_OR_FEEL = ["was", "were", "am", "'m", "m", "felt", "feel", "got", "been"]
INTENSIFIERS = ["so", "really", "very", "too", "just", "pretty", "super", "extremely", "completely", "totally", "kinda"]
STATES_ON_THEIR_OWN = [
    "stressed", "drunk", "lonely", "tired", "bored", "depressed", "overwhelmed", "wasted",
    "hammered", "exhausted", "high", "insecure", "neglected", "frustrated", "confused", "unhappy",
    "miserable", "vulnerable",
]
STATES_AS_REASON = STATES_ON_THEIR_OWN + [
    "scared", "afraid", "angry", "upset", "hurt", "sad", "jealous", "curious", "weak", "desperate",
    "anxious", "ignored",
]
HURT_WORDS = [
    "hurt", "upset", "offend", "offended", "neglected", "unloved", "disrespected", "betrayed",
    "wrong", "bother", "bothered", "disappointed", "harm", "harmed", "sad", "angry", "mad",
    "uncomfortable", "hurtful", "offensive", "unwanted",
]
TRIVIAL_THINGS = [
    "kiss", "text", "message", "chat", "flirt", "drink", "coffee", "lunch", "hug", "fling", "photo",
    "picture", "joke", "friend", "friendship", "game", "conversation", "dance", "phase", "crush",
    "sext", "email", "call",
]
FORGIVENESS_VERBS = ["forgive", "trust", "forget", "move", "let", "get", "stop", "accept", "drop", "put"]
PARTNER_FAULT_VERBS = [
    "have", "give", "listen", "care", "want", "make", "pay", "notice", "appreciate", "do", "find",
    "let", "support", "talk", "touch", "help", "understand", "put", "ask", "show", "spend", "nag",
    "complain", "criticize", "criticise", "check", "come", "say", "take", "start", "push", "ignore",
]
PARTNER_ABSENT = ["home", "busy", "at", "working", "on", "tired", "angry", "cold", "distant", "nagging", "yelling", "out", "away"]
WARM_AFTER_MADE_ME = {"happy", "safe", "home", "loved", "proud", "better", "laugh", "smile", "whole", "welcome", "special"}
TIME_WORDS = [
    "week", "weekend", "month", "year", "tomorrow", "tonight", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "christmas", "easter", "summer", "holiday",
    "holidays", "birthday", "anniversary", "day", "days", "weeks", "months", "new",
]
# Lemmas that show a "what I'll do" answer names an action the partner could check.
CHECKABLE_LEMMAS = {
    "show", "tell", "block", "share", "give", "hand", "book", "attend", "install", "unfollow",
    "cancel", "quit", "answer", "call", "check", "text", "texting", "send", "delete", "close", "phone", "password",
    "location", "number", "account", "app", "therapist", "counselor", "counsellor", "therapy",
    "counselling", "counseling", "session", "email", "calendar", "bank", "statement", "card",
    "every", "each", "daily", "weekly", "tonight", "tomorrow", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "weekend",
}
# Lemmas that show a "what I did" answer names the act itself (plus any checkable action).
SPECIFIC_LEMMAS = CHECKABLE_LEMMAS | {
    "lie", "cheat", "hide", "kiss", "sleep", "message", "sext", "flirt", "date", "meet", "see",
    "take", "spend", "gamble", "steal", "touch", "visit", "affair", "secret", "betray",
}
WOULD_HAVE_PARTICIPLES = {
    "been", "paid", "done", "given", "shown", "made", "spent", "taken", "said", "told", "left",
    "gone", "come", "seen", "had", "put", "let", "got", "gotten", "known", "thought", "felt", "kept",
}
# Word pairs that admit the wrong, so a "but" after them takes something back.
ADMISSION_PAIRS = {("hurt", "you"), ("mess", "up"), ("screw", "up")}
PERSON_WORDS = ["person", "man", "woman", "partner", "husband", "wife", "boyfriend", "girlfriend"]


def _lower(*words: str) -> dict:
    return {"LOWER": {"IN": list(words)}}


def _lemma(*lemmas: str) -> dict:
    return {"LEMMA": {"IN": list(lemmas)}}


def _optional(token: dict) -> dict:
    return {**token, "OP": "?"}


WORD = {"IS_PUNCT": False}
NOT = {"LEMMA": "not"}


# ---- guards and phrase expansion ----------------------------------------------------------
def _is_break(token: Token) -> bool:
    return token.text in CLAUSE_BREAKS


def _clause_before(span: Span, limit: int = 6) -> list[Token]:
    """Tokens before the span, back to the start of its clause (at most ``limit``)."""
    tokens: list[Token] = []
    for index in range(span.start - 1, max(span.start - limit, 0) - 1, -1):
        if _is_break(span.doc[index]):
            break
        tokens.append(span.doc[index])
    return tokens


def _clause_end(doc: Doc, start: int, limit: int = 16) -> int:
    """Index just past the clause that begins at ``start`` (a leading comma is skipped)."""
    index = start + 1
    while index < len(doc) and doc[index].text == ",":
        index += 1
    while index < len(doc) and index - start < limit and not _is_break(doc[index]):
        index += 1
    return index


def _to_clause_end(span: Span) -> Span:
    return span.doc[span.start : max(span.end, _clause_end(span.doc, span.start))]


def _not_negated(span: Span) -> bool:
    return not any(token.lower_ in NEGATIONS or token.lemma_ == "not" for token in _clause_before(span))


def _at_clause_end(span: Span) -> bool:
    return span.end == len(span.doc) or _is_break(span.doc[span.end])


def _names_nothing_in(lemmas: set[str]) -> Guard:
    def guard(span: Span) -> bool:
        return not any(
            token.lemma_ in lemmas or token.lower_ in lemmas or token.ent_type_ == "BETRAYAL" for token in span.doc
        )

    return guard


_says_nothing_specific = _names_nothing_in(SPECIFIC_LEMMAS)
_names_no_checkable_action = _names_nothing_in(CHECKABLE_LEMMAS)


def _not_just_a_reference(span: Span) -> bool:
    """``fighting about what I did`` refers to the act; ``sorry about what happened`` hides it."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in {"about", "of"}:
        return True
    return any(token.lemma_ in SORRY_WORDS for token in doc[max(span.start - 3, 0) : span.start])


def _next_words(span: Span, count: int) -> set[str]:
    return {token.lower_ for token in span.doc[span.end : span.end + count]}


def _not_warm_after(span: Span) -> bool:
    return not (_next_words(span, 3) & WARM_AFTER_MADE_ME)


def _not_about_deserving(span: Span) -> bool:
    following = span.doc[span.end : span.end + 4]
    return not any(token.lemma_ in {"deserve", "wrong"} for token in following)


def _not_a_polite_hedge(span: Span) -> bool:
    """``sorry if this is too much to ask`` apologises for the request, not for the harm."""
    following = span.doc[span.end : _clause_end(span.doc, span.end - 1)]
    words = [token.lower_ for token in following]
    return not ("ask" in words or ("too" in words and "much" in words))


def _not_indirect_question(span: Span) -> bool:
    """``asked me if ...`` means "whether", not a condition on the hurt."""
    before = span.doc[span.start - 2 : span.start] if span.start >= 2 else span.doc[: span.start]
    return not any(token.lemma_ in {"ask", "wonder", "know", "check", "even", "what", "as"} for token in before)


def _if_you_had_blames(span: Span) -> bool:
    """``if you had(n't) listened`` blames; ``if you'd consider`` (would) and ``if you had time`` don't."""
    following = [token.lower_ for token in span.doc[span.end : span.end + 2]]
    if not following or following[0] in {"to", "any", "a", "some", "time", "questions"}:
        return False
    if span[-1].lower_ in {"had", "hadnt"}:
        return True
    adverb_first = following[0] in {"not", "n't", "nt", "never", "just", "only", "ever"} and len(following) > 1
    participle = following[1] if adverb_first else following[0]
    return participle.endswith("ed") or participle in WOULD_HAVE_PARTICIPLES


def _because_you_blames(span: Span) -> bool:
    return not (_next_words(span, 1) & {"deserve", "deserved", "asked", "matter", "mean"})


def _apology_came_before(span: Span) -> bool:
    """A "but" only undermines something when an apology or admission comes before it."""
    doc = span.doc
    for token in doc[: span.start]:
        if token.lemma_ in {"sorry", "sory", "apologize", "apologise", "apology", "regret", "wrong",
                            "fault", "responsibility", "responsible", "mistake", "admit"}:
            return True
        if token.lower_ == "bad" and token.i > 0 and doc[token.i - 1].lower_ == "my":
            return True
        if token.ent_type_ == "BETRAYAL" and token.i > 0 and doc[token.i - 1].lower_ in I_WORDS:
            return True
        next_word = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        if (token.lemma_, next_word) in ADMISSION_PAIRS:
            return True
    return False


def _but_undoes_apology(span: Span) -> bool:
    doc = span.doc
    before = [token.lower_ for token in doc[max(span.start - 2, 0) : span.start]]
    after = [token.lower_ for token in doc[span.end : span.end + 2]]
    quoted = bool({"'", '"', "‘", "“", "no"} & set(before)) or after[:1] in (["'"], ['"'], ["’"], ["”"])
    prepositional = bool(before) and before[-1] in {"nothing", "anything", "all", "everything"}
    not_only = any(token.lower_ in {"only", "just"} for token in _clause_before(span, 8)) and any(
        token.lemma_ == "not" for token in _clause_before(span, 8)
    )
    polite_request = (
        len(after) == 2 and after[0] in {"could", "can", "would", "may", "might"} and after[1] in {"we", "i", "you"}
    )
    also = after[:1] == ["also"]
    if quoted or prepositional or not_only or polite_request or also:
        return False
    return _apology_came_before(span)


def _partner_denies_too(span: Span) -> bool:
    """``you weren't honest with me either``: a "you ... not ... either" in the same clause."""
    after_you = _after_last_you(span)
    return any(token.lemma_ == "not" or token.lower_ == "never" for token in after_you)


def _after_last_you(span: Span) -> list[Token]:
    """Tokens of the clause from its last "you" up to the span (empty if there is none)."""
    clause = list(reversed(_clause_before(span, 10)))
    starts = [position for position, token in enumerate(clause) if token.lower_ == "you"]
    return clause[starts[-1] :] if starts else []


def _from_you(span: Span) -> Span:
    after_you = _after_last_you(span)
    return span.doc[after_you[0].i : span.end] if after_you else span


def _partner_did_it_too(span: Span) -> bool:
    after_you = _after_last_you(span)[1:]
    return _at_clause_end(span) and any(
        token.lemma_ in {"hurt", "lie", "cheat", "flirt", "text", "betray", "do", "hide", "start"} for token in after_you
    )


def _both(*guards: Guard) -> Guard:
    return lambda span: all(guard(span) for guard in guards)


# ---- rules --------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Rule:
    kind: str
    patterns: tuple[Pattern, ...]
    steps: frozenset[str] = ALL_STEPS
    guard: Guard | None = None
    expand: Expand | None = None


def _rule(kind: str, *patterns: Pattern, steps: frozenset[str] = ALL_STEPS,
          guard: Guard | None = None, expand: Expand | None = None) -> _Rule:
    return _Rule(kind, patterns, steps, guard, expand)


BECAUSE = _lower("because", "becuase", "bc", "cause", "cuz", "coz", "'cause")
JUST = _lower("just", "only", "merely", "simply")

RULES: dict[str, _Rule] = {
    # -- excuse: explaining the behaviour instead of owning it (001, 003, 004)
    "excuse.because_state": _rule(
        "excuse",
        [BECAUSE, _lower(*I_WORDS), _optional(_lower("had")), _lower(*BE_OR_FEEL),
         _optional(_lower(*INTENSIFIERS)), _optional(_lower(*INTENSIFIERS)), _lower(*STATES_AS_REASON)],
    ),
    "excuse.i_was_state": _rule(
        "excuse",
        [_lower(*I_WORDS), _lower("was", "were", "felt", "got"), _optional(_lower(*INTENSIFIERS)),
         _optional(_lower(*INTENSIFIERS)), _lower(*STATES_ON_THEIR_OWN)],
        [_lower("how", "so"), _lower(*STATES_AS_REASON), _lower(*I_WORDS), _lower("was", "were", "felt")],
    ),
    "excuse.circumstances": _rule(
        "excuse",
        [_lower("i", "we"), _lower("was", "were", "felt"), _lower("under"), _optional(WORD), _optional(WORD),
         _optional(WORD), _lower("pressure", "stress")],
        [_lower("i", "we"), _lower("was", "were", "'ve", "have", "had"), _optional(_lower("been")),
         _lower("going"), _lower("through"), _lower("a", "so"), _optional(WORD), _optional(WORD)],
        [_lower("i", "we"), _lower("was", "were"), _lower("in"), _lower("a"), _optional(_lower("really", "very")),
         _lower("bad", "dark"), _lower("place")],
        [_lemma("thing"), _optional(_lower("had", "have")), _lower("been", "were", "was"),
         _lower("bad", "rough", "rocky", "difficult", "off", "distant", "cold"),
         _lower("between", "for"), _lower("us", "a", "ages", "months", "years", "so")],
    ),
    "excuse.only_doing": _rule(
        "excuse",
        [_lower(*I_WORDS), _lower(*PAST_BE), JUST, {"LOWER": {"REGEX": "ing$"}}],
    ),
    "excuse.it_happened": _rule(
        "excuse",
        [_lower("it", "things", "this", "that", "everything"), _lower("just"), _optional(_lower("sort", "kind")),
         _optional(_lower("of")), _lemma("happen")],
        [_lower("it", "things", "this", "that"), _lower("sort", "kind", "kinda"), _optional(_lower("of")), _lemma("happen")],
        [_lower("it", "things", "everything", "this"), _optional(_lower("just")), _lemma("get"), _lower("out"),
         _lower("of"), _lower("hand", "control")],
        [_lower("one"), _lower("thing"), _lemma("lead"), _lower("to"), _lower("another")],
    ),
    "excuse.could_not_help": _rule(
        "excuse",
        [_lemma("can"), NOT, _lower("help"), _lower("it", "myself")],
        [_lower("i", "we"), _lower("had", "have"), _lower("no"), _lower("choice")],
    ),
    "excuse.meant_nothing": _rule(
        "excuse",
        [_lower("it", "she", "he", "that", "this", "they"), _lower("did", "does", "do"), NOT, _lemma("mean"),
         _lower("anything", "a")],
        [_lower("it", "she", "he", "that", "this", "they"), _lower("meant", "means"), _lower("nothing")],
    ),
    "excuse.did_not_mean_to": _rule(
        "excuse",
        [_lower("i"), _optional(_lower("did", "do")), {"LEMMA": {"IN": ["not", "never"]}}, _lemma("mean"), _lower("to")],
        [{"LEMMA": {"IN": ["not", "never"]}}, _lower("my"), _lower("intention", "intent")],
        [_lower("was", "is", "'s", "s"), NOT, _lower("thinking")],
        [_lower("in"), _lower("my"), _lower("defense", "defence")],
        [_lower("drunk", "drunken"), _lower("mistake", "night", "moment", "thing", "kiss")],
        [_lower("moment", "lapse"), _lower("of", "in"), _lower("weakness", "madness", "judgement", "judgment")],
    ),
    # -- conditional: "sorry if ..." makes the hurt hypothetical
    "conditional.if_hurt": _rule(
        "conditional",
        [_optional(_lemma(*SORRY_WORDS)), _optional(_lower("it")), _lower("if"), _optional(WORD), _optional(WORD),
         _optional(WORD), _optional(WORD), _optional(WORD), {"LEMMA": {"IN": HURT_WORDS}},
         _optional(_lower("you", "anyone"))],
        guard=_not_indirect_question,
    ),
    "conditional.sorry_if": _rule(
        "conditional",
        [_lemma(*SORRY_WORDS), _optional(_lower("it")), _lower("if")],
        guard=_not_a_polite_hedge,
        expand=_to_clause_end,
    ),
    # -- non-apology: sorry about the partner's feelings or about being found out
    "non_apology.your_feelings": _rule(
        "non_apology",
        [_lemma(*SORRY_WORDS), _optional(_lower("that")), _lower("you"),
         _lower("feel", "felt", "feeling", "'re", "re", "are", "were", "take", "took", "see", "saw", "think", "thought",
                "got", "get")],
        [_lemma(*SORRY_WORDS), _optional(_lower("that")), _lower("you"), _optional(_lower("had", "have")),
         _optional(_lower("to")), _lower("find", "found"), _lower("out")],
        [_lemma(*SORRY_WORDS), _optional(_lower("that")), _lower("you"), _lower("had", "have"), _lower("to"),
         _lower("hear", "learn", "see", "discover")],
        expand=_to_clause_end,
    ),
    "non_apology.found_out": _rule(
        "non_apology",
        [_lower("wanted", "want"), _lower("you"), _lower("to"), _lower("find", "found"), _lower("out")],
        expand=_to_clause_end,
    ),
    "non_apology.got_caught": _rule(
        "non_apology",
        [_lower("got", "get", "getting", "being", "been"), _lower("caught")],
    ),
    "non_apology.hedged_hurt": _rule(
        "non_apology",
        [_lower("for"), _lower("any"), _lower("hurt", "pain", "upset", "offense", "offence", "inconvenience", "harm", "distress")],
        expand=_to_clause_end,
    ),
    "non_apology.passive": _rule(
        "non_apology",
        [_lemma("mistake", "thing"), _lower("were", "was", "have", "got"), _optional(_lower("been")),
         _lower("made", "said", "done")],
    ),
    # -- but: a "but"/"however" after the apology takes it back
    "but.after_apology": _rule(
        "but",
        [_lower("but", "however")],
        guard=_but_undoes_apology,
        expand=_to_clause_end,
    ),
    "but.defensive": _rule(
        "but",
        [_lower("but"), _lower("only"), _lower("because")],
        [_lower("but"), _lower("it", "its"), _optional(_lower("'s", "s", "is")), NOT, _lower("like")],
        [_lower("but"), _lower("in"), _lower("my"), _lower("defense", "defence")],
        [_lower("but"), _lower("to"), _lower("be"), _lower("fair")],
        expand=_to_clause_end,
    ),
    # -- blame shift: part of the responsibility handed to the partner (003: no justifying)
    "blame_shift.you_made_me": _rule(
        "blame_shift",
        [_lower("you"), _optional(_lower("kept", "keep", "just")), _lemma("make", "force", "push", "drive", "shut"),
         _lower("me")],
        guard=_not_warm_after,
        expand=_to_clause_end,
    ),
    "blame_shift.no_choice": _rule(
        "blame_shift",
        [_lower("you"), _lemma("leave", "give"), _lower("me"), _lower("no"), _lower("choice")],
    ),
    "blame_shift.if_you_had": _rule(
        "blame_shift",
        [_lower("if"), _lower("you"), _lower("had", "'d", "d", "hadnt")],
        guard=_if_you_had_blames,
        expand=_to_clause_end,
    ),
    "blame_shift.you_never": _rule(
        "blame_shift",
        [_lower("you"), _lower("never", "always", "constantly"), _lemma(*PARTNER_FAULT_VERBS)],
        [_lower("you"), _lower("were", "are", "'re", "re"), _lower("never", "always", "constantly"), _lower(*PARTNER_ABSENT)],
        guard=_not_about_deserving,
        expand=_to_clause_end,
    ),
    "blame_shift.you_werent": _rule(
        "blame_shift",
        [_lower("you"), _optional(_lower("just", "really")), _lower("have", "'ve", "were", "are", "'re", "re"), NOT,
         _optional(_lower("been")),
         _optional(_lower("exactly", "always", "that", "very", "so")),
         _lower("easy", "perfect", "innocent", "honest", "present", "faithful", "fair", "kind", "around",
                "supportive", "attentive", "interested", "a", "there", "home")],
        expand=_to_clause_end,
    ),
    "blame_shift.your_fault": _rule(
        "blame_shift",
        [_lower("your", "ur"), _lower("fault")],
        [_lower("you"), _lower("are", "'re", "re"), _optional(_lower("partly", "also", "just", "equally")),
         _lower("to"), _lower("blame")],
        [_lower("you"), _lemma("share"), _optional(_lower("the")), _lower("blame")],
        guard=_not_negated,
    ),
    "blame_shift.because_you": _rule(
        "blame_shift",
        [BECAUSE, _optional(_lower("of")), _lower("you")],
        guard=_because_you_blames,
        expand=_to_clause_end,
    ),
    "blame_shift.shared": _rule(
        "blame_shift",
        [_lower("what"), _lower("did"), _lower("you"), _lower("expect")],
        [_lower("what"), _lower("was", "were", "am"), _lower("i"), _lower("supposed"), _lower("to"), _lower("do")],
        [_lower("you"), _lemma("start"), _lower("it")],
        [_lower("it"), _lower("takes"), _lower("two")],
        [_lower("on"), _lower("both"), _lower("sides")],
        [_lemma("look"), _lower("at"), _lower("our", "your"), _lower("part", "role", "side")],
        [_lower("your"), _lower("part", "role"), _lower("in"), _lower("this", "it", "all")],
    ),
    "blame_shift.you_either": _rule(
        "blame_shift",
        [_lower("either")],
        guard=_partner_denies_too,
        expand=_from_you,
    ),
    "blame_shift.you_too": _rule(
        "blame_shift",
        [_lower("too")],
        guard=_partner_did_it_too,
        expand=_from_you,
    ),
    # -- minimizing: shrinking the act or the hurt
    "minimizing.just_a_few": _rule(
        "minimizing",
        [JUST, _optional(_lower("a")), _lower("few", "couple"), _optional(_lower("of")), {"IS_ALPHA": True}],
        [JUST, _optional(_lower("a", "one", "some")), _lemma(*TRIVIAL_THINGS)],
        [JUST, _lower("once", "twice")],
        [JUST, _lower("one"), _lower("time", "night", "date", "kiss", "text")],
        [JUST, _lemma("happen"), _lower("once", "twice", "one"), _optional(_lower("time"))],
    ),
    "minimizing.it_was_small": _rule(
        "minimizing",
        [_lower("it", "that", "this"), _lower("was", "'s", "s", "is"), _optional(JUST), _lower("one", "a"),
         _lemma(*TRIVIAL_THINGS, "time")],
        [_lower("it", "that", "this"), _lower("was", "'s", "s", "is"), _optional(JUST), _lower("nothing")],
        [_lower("nothing"), _optional(_lower("physical", "serious", "sexual", "major", "much", "really")),
         _optional(_lower("ever")), _lower("happened")],
        [_lower("it", "that", "this"), _lower("was", "'s", "s", "is"), _optional(_lower("just", "totally", "completely")),
         _lower("harmless", "innocent", "meaningless")],
        [_lower("harmless")],
    ),
    "minimizing.no_big_deal": _rule(
        "minimizing",
        [{"LEMMA": {"IN": ["not", "no"]}}, _optional(_lower("a", "that")), _lower("big"), _optional(_lower("a")), _lower("deal")],
        [NOT, _lower("that"), _lower("big", "bad", "serious")],
        [_lemma("make"), _lower("a"), _lower("big"), _lower("deal")],
        [_lower("it", "its"), _optional(_lower("'s", "s", "is")), NOT, _lower("like")],
        [_lower("or"), _lower("whatever")],
    ),
    "minimizing.thats_all": _rule(
        "minimizing",
        [_lower("that"), _lower("'s", "s", "is"), _optional(_lower("literally", "all")), _lower("it")],
        [_lower("that"), _lower("'s", "s", "is"), _lower("all")],
        [_lower("thats"), _optional(_lower("literally", "all")), _lower("it")],
        guard=_at_clause_end,
    ),
    "minimizing.overreacting": _rule(
        "minimizing",
        [_lemma("overreact")],
        [_lemma("blow"), _lower("it", "this", "things"), _lower("out"), _lower("of"), _lower("proportion")],
        [_lower("too", "so"), _lower("sensitive", "dramatic")],
        [_lower("being"), _lower("dramatic")],
    ),
    "minimizing.a_little": _rule(
        "minimizing",
        [{"ENT_TYPE": "BETRAYAL"}, _lower("a"), _lower("little", "bit")],
        [_lemma("flirt", "text", "chat", "message"), _lower("a"), _lower("little", "bit")],
        [_lower("a"), _lower("little", "bit", "tad"),
         _lower(*HURT_WORDS, "jealous", "annoyed", "distant", "cold", "quiet", "emotional", "moody", "off")],
    ),
    "minimizing.just_a_bit": _rule(
        "minimizing",
        [JUST, _lower("a"), _lower("bit", "little"), _optional(_lower("of")), {"IS_ALPHA": True}],
        steps=ALL_STEPS - {"request"},
    ),
    "minimizing.nothing_more": _rule(
        "minimizing",
        [_lower("nothing"), _lower("more", "else")],
        guard=_at_clause_end,
    ),
    "minimizing.get_over_it": _rule(
        "minimizing",
        [_lemma("get"), _lower("over"), _lower("it", "this", "that")],
        steps=ALL_STEPS - {"request"},
    ),
    # -- demanding (request step): forgiveness or closure on the offender's terms
    "demanding.you_have_to": _rule(
        "demanding",
        [_lower("you"), _lower("have", "need", "must", "should", "gotta", "got", "better"), _optional(_lower("to")),
         _optional(_lower("just", "start", "finally")), _lemma(*FORGIVENESS_VERBS)],
        [_lower("i"), _lower("need", "want", "expect"), _lower("you"), _lower("to"), _lemma(*FORGIVENESS_VERBS)],
        steps=frozenset({"request"}),
        expand=_to_clause_end,
    ),
    "demanding.closure": _rule(
        "demanding",
        [_lemma("move"), _lower("on")],
        [_lemma("let"), _lower("it", "this", "that"), _lower("go")],
        [_lemma("get", "move"), _lower("over", "past", "beyond"), _lower("it", "this", "that")],
        [_lemma("forgive", "trust"), _lower("me"), _lower("already")],
        [_lemma("be"), _lower("over"), _lower("it", "this", "that")],
        [_lemma("forget"), _lower("it", "this", "that", "about")],
        [_lemma("put"), _lower("it", "this", "that", "everything"), _lower("behind"), _lower("us")],
        [_lemma("forgive"), _lower("and"), _lemma("forget")],
        [_lemma("stop"), _lemma("bring", "mention", "punish"), _optional(_lower("it", "this", "that", "me")),
         _optional(_lower("up"))],
        [_lemma("drop"), _lower("it")],
        [_lower("turn"), _lower("the"), _lower("page")],
        steps=frozenset({"request"}),
        guard=_not_negated,
    ),
    "demanding.deadline": _rule(
        "demanding",
        [_lower("by", "before", "within"),
         _optional(_lower("next", "this", "the", "end", "a", "one", "two", "three", "few", "couple", "our", "your", "my")),
         _optional(_lower("end", "of", "few", "couple")), _optional(_lower("of", "the")), _lower(*TIME_WORDS)],
        [_lower("the"), _lower("sooner"), _lower("the"), _lower("better")],
        steps=frozenset({"request"}),
    ),
    # -- vague: the act is not named (003: say exactly why you're sorry)
    "vague.general_words": _rule(
        "vague",
        [_lower("what"), _lemma("happen")],
        [_lower("what"), _lower("i"), _lower("did", "done")],
        [_lower("everything")],
        [_lower("stuff")],
        [_optional(_lower("some", "the", "those", "these", "all", "a", "few")), _lower("things")],
        [_lower("the", "this", "that", "a"), _optional(_lower("whole")), _lower("situation", "mess")],
        [_lemma("make"), _optional(_lower("a", "some", "few", "many", "my")), _lower("mistake", "mistakes")],
        [_lower("my"), _lower("mistakes")],
        [_lower("all"), _lower("of"), _lower("it", "this", "that")],
        [_lower("the", "this", "that"), _lower("whole"), _lower("thing")],
        steps=VAGUE_STEPS,
        guard=_both(_says_nothing_specific, _not_just_a_reference),
    ),
    "vague.just_it": _rule(
        "vague",
        [_lemma("regret", "do"), _lower("it")],
        [_lemma("sorry"), _lower("for"), _lower("it")],
        steps=frozenset({"what_happened", "regret"}),
        guard=_both(_at_clause_end, _says_nothing_specific),
    ),
    # -- not checkable (change step): promises without an action the partner can see
    "not_checkable.promise": _rule(
        "not_checkable",
        [_lemma("be"), _optional(_lower("a")), _lower("better", "different", "changed", "new"), _optional(_lower(*PERSON_WORDS))],
        [_lemma("be"), _lower("the"), _lower(*PERSON_WORDS)],
        [_lemma("do"), _lower("better")],
        [_lemma("happen"), _lower("again")],
        [_lemma("try")],
        [_lemma("change")],
        [_lemma("promise")],
        [_lemma("swear")],
        [_lemma("make"), _lower("it", "this", "things"), _lower("up"), _lower("to"), _lower("you")],
        [_lemma("work"), _lower("on"), _lower("myself", "me", "us")],
        [_lemma("be"), _optional(_lower("a")), _optional(_lower("more", "completely", "totally", "fully", "always")),
         _lower("honest", "transparent", "open", "present", "attentive", "loving", "careful", "faithful", "loyal",
                "trustworthy")],
        [_lower("never"), _lemma("hurt"), _lower("you")],
        [_lemma("do"), _lower("it", "that", "this"), _lower("again")],
        [_lemma("be"), _lower("home"), _lower("more")],
        [_lemma("be"), _lower("there"), _lower("for"), _lower("you")],
        [_lemma("earn"), _lower("your"), _lower("trust")],
        [_lemma("prove"), _lower("it", "myself")],
        [_lemma("stop"), _lower("doing"), _lower("stuff", "things", "that", "this", "it")],
        steps=frozenset({"change"}),
        guard=_names_no_checkable_action,
    ),
}


# ---- matching -----------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _nlp_and_matcher() -> tuple[Language, Matcher]:
    nlp = load_pipeline()
    matcher = Matcher(nlp.vocab)
    for name, rule in RULES.items():
        matcher.add(name, list(rule.patterns))
    return nlp, matcher


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
    nlp, matcher = _nlp_and_matcher()
    doc = nlp(_lowercase_keeping_offsets(text))

    spans_by_kind: dict[str, list[Span]] = {}
    for match_id, start, end in matcher(doc):
        rule = RULES[nlp.vocab.strings[match_id]]
        span = doc[start:end]
        if step not in rule.steps or (rule.guard and not rule.guard(span)):
            continue
        spans_by_kind.setdefault(rule.kind, []).append(rule.expand(span) if rule.expand else span)

    flags: list[tuple[int, Flag]] = []
    for kind, spans in spans_by_kind.items():
        first = min(filter_spans(spans), key=lambda span: span.start)
        flags.append((first.start_char, Flag(kind, text[first.start_char : first.end_char], KIND_TEXTS[kind].why)))
    if _word_count(doc) < MIN_WORDS[step]:
        stripped = text.strip()
        flags.append((text.find(stripped), Flag("too_short", stripped, KIND_TEXTS["too_short"].why)))
    return [flag for _, flag in sorted(flags, key=lambda pair: pair[0])]


def describe(flag: Flag) -> str:
    """The coach's one-message nudge for a flag: the phrase, why it matters, and an ask."""
    if flag.kind == "too_short":
        return f'"{flag.phrase}" is a start. {flag.why} {KIND_TEXTS[flag.kind].ask}'
    return f'You wrote "{flag.phrase}". {flag.why} {KIND_TEXTS[flag.kind].ask}'
