"""Generic vetoes for rule matches: context checks any rule set can use.

A veto looks at a match's span (and the doc around it) and returns True to drop the match.
Rule sets add their own vetoes for their own domain (``coach.safety.vetoes``,
``coach.apology.checks``); the ones here only look at the words around a match.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

Veto = Callable[[Span], bool]
"""Given a match's span, True drops the match."""

Condition = Callable[[Span], bool]
"""Given a match's span, True keeps the match (see ``unless``)."""

_PHRASES: set[str] = set()


def phrases_in_use() -> frozenset[str]:
    """Every phrase given to ``followed_by``, ``anywhere`` or ``requires`` so far. They are
    compared as tokens, so each must be written as the tokenizer splits it ("wo n't need",
    not "won't need"); a test checks them all."""
    return frozenset(_PHRASES)


def words_after(span: Span, count: int) -> tuple[str, ...]:
    """The (up to) ``count`` lowercased words right after the span."""
    return tuple(token.lower_ for token in span.doc[span.end:span.end + count])


def unless(condition: Condition) -> Veto:
    """Drop the match unless ``condition`` holds for its span."""

    def veto(span: Span) -> bool:
        return not condition(span)

    return veto


def followed_by(*phrases: str) -> Veto:
    """Drop the match when the words right after it are one of ``phrases``."""
    _PHRASES.update(phrases)
    split_phrases = [tuple(phrase.split()) for phrase in phrases]

    def veto(span: Span) -> bool:
        return any(words_after(span, len(words)) == words for words in split_phrases)

    return veto


def preceded_by(*words: str) -> Veto:
    """Drop the match when the word right before it is one of ``words``."""
    word_set = frozenset(words)

    def veto(span: Span) -> bool:
        return span.start > 0 and span.doc[span.start - 1].lower_ in word_set

    return veto


def preceded_within(window: int, *words: str) -> Veto:
    """Drop the match when one of ``words`` occurs in the ``window`` tokens before it
    ("my heart is not safe with him" is about feelings, not danger)."""
    word_set = frozenset(words)

    def veto(span: Span) -> bool:
        return any(token.lower_ in word_set for token in span.doc[max(0, span.start - window):span.start])

    return veto


def unless_boundary_after(allowed: frozenset[str]) -> Veto:
    """Drop the match unless it ends the text, a clause, or is followed by an ``allowed`` word."""

    def veto(span: Span) -> bool:
        if span.end >= len(span.doc):
            return False
        following = span.doc[span.end]
        return not (following.is_punct or following.lower_ in allowed)

    return veto


def containing(*words: str) -> Veto:
    """Drop the match when one of its own tokens is one of ``words``."""
    word_set = frozenset(words)

    def veto(span: Span) -> bool:
        return any(token.lower_ in word_set for token in span)

    return veto


def verb_then(lemmas: set[str], word: str) -> Veto:
    """Drop the match when its verb is one of ``lemmas`` and ``word`` follows ("shot me down")."""

    def veto(span: Span) -> bool:
        uses_verb = any(token.lemma_ in lemmas for token in span)
        return uses_verb and span.end < len(span.doc) and span.doc[span.end].lower_ == word

    return veto


def followed_within(window: int, *words: str) -> Veto:
    """Drop the match when one of ``words`` occurs in the ``window`` tokens after it
    ("i won't be here by friday, i'm on holiday" is about travel, not death)."""
    word_set = frozenset(words)

    def veto(span: Span) -> bool:
        return any(token.lower_ in word_set for token in span.doc[span.end:span.end + window])

    return veto


def anywhere(*phrases: str) -> Veto:
    """Drop the match when one of ``phrases`` occurs anywhere in the message."""
    return _phrase_search(phrases, skip_match=False)


def outside_the_match(*phrases: str, negators: frozenset[str] = frozenset(), reach: int = 3) -> Veto:
    """Like ``anywhere``, but the match's own words do not count ("didn't want to live" holds
    "want to"; only a "want to" elsewhere in the message is news). With ``negators``, a phrase
    with one of them within ``reach`` words either side does not count either ("not urges",
    "the urge hasn't come back"), unless the phrase holds a negator itself ("not ok")."""
    return _phrase_search(phrases, skip_match=True, negators=negators, reach=reach)


def _phrase_search(phrases: tuple[str, ...], skip_match: bool, negators: frozenset[str] = frozenset(),
                   reach: int = 3) -> Veto:
    """The one search behind ``anywhere`` and ``outside_the_match``: token sequences, registered
    for the tokenizer test."""
    _PHRASES.update(phrases)
    split_phrases = [tuple(phrase.split()) for phrase in phrases]

    def veto(span: Span) -> bool:
        words = ["" if skip_match and span.start <= token.i < span.end else token.lower_ for token in span.doc]
        for phrase in split_phrases:
            for start in range(len(words) - len(phrase) + 1):
                if tuple(words[start:start + len(phrase)]) != phrase:
                    continue
                end = start + len(phrase)
                near = words[max(0, start - reach):start] + words[end:end + reach]
                if not negators or negators.intersection(phrase) or not negators.intersection(near):
                    return True
        return False

    return veto


def requires(*phrases: str) -> Veto:
    """Keep the match only when one of ``phrases`` occurs somewhere in the message."""
    return unless(anywhere(*phrases))


def at_least_two(*signs: str) -> Veto:
    """Drop the match unless at least two different ``signs`` occur in the message."""
    checks = [anywhere(sign) for sign in signs]
    return lambda span: sum(check(span) for check in checks) < 2
