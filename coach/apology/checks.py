"""The apology analyzer's checks: when a match really undermines the answer, and how much to quote.

Conditions (Span -> bool, True keeps the match; rules use them as ``unless(condition)``
vetoes) encode the context a phrase needs to be a problem: not negated, an apology before
the "but", nothing concrete named anywhere in the answer. Precision matters more than
recall here: flagging a sincere answer hurts more than missing a weak one. Expansions
(Span -> Span) widen a match to the phrase worth quoting back to the user.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from coach.apology.words import (
    ADMISSION_PAIRS,
    CHECKABLE_LEMMAS,
    CLAUSE_BREAKS,
    I_WORDS,
    NEGATIONS,
    SORRY_WORDS,
    SPECIFIC_LEMMAS,
    WARM_AFTER_MADE_ME,
    WOULD_HAVE_PARTICIPLES,
)
from coach.nlp.vetoes import Condition


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


def to_clause_end(span: Span) -> Span:
    return span.doc[span.start : max(span.end, _clause_end(span.doc, span.start))]


def not_negated(span: Span) -> bool:
    return not any(token.lower_ in NEGATIONS or token.lemma_ == "not" for token in _clause_before(span))


def at_clause_end(span: Span) -> bool:
    return span.end == len(span.doc) or _is_break(span.doc[span.end])


def _names_nothing_in(lemmas: set[str]) -> Condition:
    def guard(span: Span) -> bool:
        return not any(
            token.lemma_ in lemmas or token.lower_ in lemmas or token.ent_type_ == "BETRAYAL" for token in span.doc
        )

    return guard


says_nothing_specific = _names_nothing_in(SPECIFIC_LEMMAS)
names_no_checkable_action = _names_nothing_in(CHECKABLE_LEMMAS)


def not_just_a_reference(span: Span) -> bool:
    """``fighting about what I did`` refers to the act; ``sorry about what happened`` hides it."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in {"about", "of"}:
        return True
    return any(token.lemma_ in SORRY_WORDS for token in doc[max(span.start - 3, 0) : span.start])


def _next_words(span: Span, count: int) -> set[str]:
    return {token.lower_ for token in span.doc[span.end : span.end + count]}


def not_warm_after(span: Span) -> bool:
    return not (_next_words(span, 3) & WARM_AFTER_MADE_ME)


def not_about_deserving(span: Span) -> bool:
    following = span.doc[span.end : span.end + 4]
    return not any(token.lemma_ in {"deserve", "wrong"} for token in following)


def not_a_polite_hedge(span: Span) -> bool:
    """``sorry if this is too much to ask`` apologises for the request, not for the harm."""
    following = span.doc[span.end : _clause_end(span.doc, span.end - 1)]
    words = [token.lower_ for token in following]
    return not ("ask" in words or ("too" in words and "much" in words))


def not_indirect_question(span: Span) -> bool:
    """``asked me if ...`` means "whether", not a condition on the hurt."""
    before = span.doc[span.start - 2 : span.start] if span.start >= 2 else span.doc[: span.start]
    return not any(token.lemma_ in {"ask", "wonder", "know", "check", "even", "what", "as"} for token in before)


def if_you_had_blames(span: Span) -> bool:
    """``if you had(n't) listened`` blames; ``if you'd consider`` (would) and ``if you had time`` don't."""
    following = [token.lower_ for token in span.doc[span.end : span.end + 2]]
    if not following or following[0] in {"to", "any", "a", "some", "time", "questions"}:
        return False
    if span[-1].lower_ in {"had", "hadnt"}:
        return True
    adverb_first = following[0] in {"not", "n't", "nt", "never", "just", "only", "ever"} and len(following) > 1
    participle = following[1] if adverb_first else following[0]
    return participle.endswith("ed") or participle in WOULD_HAVE_PARTICIPLES


def because_you_blames(span: Span) -> bool:
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


def but_undoes_apology(span: Span) -> bool:
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


def partner_denies_too(span: Span) -> bool:
    """``you weren't honest with me either``: a "you ... not ... either" in the same clause."""
    after_you = _after_last_you(span)
    return any(token.lemma_ == "not" or token.lower_ == "never" for token in after_you)


def _after_last_you(span: Span) -> list[Token]:
    """Tokens of the clause from its last "you" up to the span (empty if there is none)."""
    clause = list(reversed(_clause_before(span, 10)))
    starts = [position for position, token in enumerate(clause) if token.lower_ == "you"]
    return clause[starts[-1] :] if starts else []


def from_you(span: Span) -> Span:
    after_you = _after_last_you(span)
    return span.doc[after_you[0].i : span.end] if after_you else span


def partner_did_it_too(span: Span) -> bool:
    after_you = _after_last_you(span)[1:]
    return at_clause_end(span) and any(
        token.lemma_ in {"hurt", "lie", "cheat", "flirt", "text", "betray", "do", "hide", "start"} for token in after_you
    )


# Words after a self-focused phrase that aim the feeling at the act ("I feel awful about lying").
AIMED = {"about", "for", "that", "how", "what", "over", "seeing", "knowing", "to", "when", "because", "having", "doing"}
# Words that put the forgiveness asked for in their time rather than now.
IN_THEIR_TIME = {"someday", "eventually", "time", "ready", "whenever", "ever", "maybe", "hope", "day", "able", "when"}


def not_aimed_at_the_act(span: Span) -> bool:
    """``I feel terrible`` is about the writer; ``I feel terrible about lying to you`` is regret."""
    following = span.doc[span.end : span.end + 1]
    return not any(token.lower_ in AIMED for token in following)


def asks_for_now(span: Span) -> bool:
    """``please forgive me`` asks now; ``I hope one day you can forgive me`` leaves it to them."""
    return not any(token.lower_ in IN_THEIR_TIME or token.lemma_ in IN_THEIR_TIME for token in span.doc)
