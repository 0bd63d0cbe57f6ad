"""The shared rule engine: named rules, compiled once into spaCy matchers, matched and vetoed.

The safety net (``coach.safety``) and the apology analyzer (``coach.apology``) both describe
what they look for as ``Rule``s: token patterns in the notation of ``coach.nlp.notation``
and/or literal phrases, plus vetoes that drop a match in the wrong context. A ``RuleSet``
compiles its rules on first use (the project pipeline, one ``Matcher`` per rule on LEMMA/LOWER
and friends, a ``PhraseMatcher`` on LOWER), then returns every match that survives its vetoes.
A token pattern can only match a message that holds, for each token it cannot skip, one of
that token's words; a message runs only the matchers of rules with a pattern whose words it
holds (found through each pattern's *anchor*, its token with the least common words): the same
matches as running every pattern, at a fraction of the cost.
Choosing among the matches is the caller's policy; ``first_match`` and ``first_per_kind``
are the two the callers use.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from coach.nlp.notation import Pattern, WordLists, compile_pattern
from coach.nlp.pipeline import load_pipeline
from coach.nlp.vetoes import Veto

Expand = Callable[[Span], Span]
"""Widen a match to the phrase worth reporting (e.g. to the end of its clause)."""


@dataclass(frozen=True)
class Rule:
    """One named rule: token patterns and/or literal phrases, plus vetoes.

    ``only_in`` limits the rule to some contexts (the apology walkthrough's steps); None
    means everywhere. ``expand`` widens the reported span after the vetoes have passed it.
    """

    name: str
    kind: str
    patterns: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    vetoes: tuple[Veto, ...] = ()
    only_in: frozenset[str] | None = None
    expand: Expand | None = None


Match = tuple[Rule, Span]
Anchor = tuple[str, str]
"""A word a pattern needs: (``LOWER`` or ``LEMMA``, the word)."""


def required_words(pattern: Pattern) -> list[tuple[Anchor, ...]]:
    """For each token ``pattern`` cannot skip (no ``?`` or ``*``) that is a list of words, those
    words: a message can only match the pattern if it holds one word of each."""
    return [tuple((attr, word) for word in token[attr]["IN"])
            for token in pattern if token.get("OP") in (None, "+")
            for attr in ("LOWER", "LEMMA") if isinstance(token.get(attr), dict) and "IN" in token[attr]]


def anchor_words(pattern: Pattern) -> tuple[Anchor, ...]:
    """The required words of ``pattern`` fewest messages hold: those of the token whose words
    cost least, a stop word ("i", "he", "was") counting as a hundred. Empty when the pattern
    requires no word (then it is tried on every message)."""
    return min(required_words(pattern), key=lambda words: sum(100 if word in STOP_WORDS else 1 for _, word in words),
               default=())


@dataclass(frozen=True)
class _Compiled:
    nlp: Language
    matchers: dict[str, Matcher]
    anchored: dict[Anchor, tuple[int, ...]]
    needs: list[tuple[str, tuple[frozenset[Anchor], ...]]]
    unanchored: frozenset[str]
    phrase_matcher: PhraseMatcher
    rules_by_name: dict[str, Rule]
    order: dict[str, int]


class RuleSet:
    """A set of rules and the word lists their patterns use, compiled on first use."""

    def __init__(self, rules: Sequence[Rule], word_lists: WordLists) -> None:
        names = [rule.name for rule in rules]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"rule names must be unique: {duplicates}")
        self.rules = tuple(rules)
        self.word_lists = word_lists

    @functools.cached_property
    def _compiled(self) -> _Compiled:
        nlp = load_pipeline()
        matchers: dict[str, Matcher] = {}
        anchored: dict[Anchor, list[int]] = {}
        needs: list[tuple[str, tuple[frozenset[Anchor], ...]]] = []
        unanchored: set[str] = set()
        phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for rule in self.rules:
            if rule.patterns:
                patterns = [p for spec in rule.patterns for p in compile_pattern(spec, self.word_lists)]
                matchers[rule.name] = Matcher(nlp.vocab, validate=True)
                matchers[rule.name].add(rule.name, patterns)
                for pattern in patterns:
                    anchors = anchor_words(pattern)
                    if not anchors:
                        unanchored.add(rule.name)
                        continue
                    for anchor in set(anchors):
                        anchored.setdefault(anchor, []).append(len(needs))
                    needs.append((rule.name, tuple(frozenset(words) for words in required_words(pattern))))
            if rule.phrases:
                phrase_matcher.add(rule.name, [nlp.make_doc(phrase) for phrase in rule.phrases])
        return _Compiled(nlp, matchers, {anchor: tuple(indices) for anchor, indices in anchored.items()}, needs,
                         frozenset(unanchored), phrase_matcher, {rule.name: rule for rule in self.rules},
                         {rule.name: index for index, rule in enumerate(self.rules)})

    def compile(self) -> None:
        """Load the pipeline and build the matchers now (they are otherwise built on first use)."""
        _ = self._compiled

    @property
    def nlp(self) -> Language:
        """The project pipeline the rules are compiled for; run the text through it first."""
        return self._compiled.nlp

    def candidates(self, doc: Doc) -> set[str]:
        """The rules with a token pattern all of whose required words ``doc`` holds (the only
        rules that can match), plus those with a pattern that requires no word."""
        compiled = self._compiled
        held = {("LOWER", token.lower_) for token in doc} | {("LEMMA", token.lemma_) for token in doc}
        names = set(compiled.unanchored)
        for anchor in held:
            for index in compiled.anchored.get(anchor, ()):
                name, needs = compiled.needs[index]
                if name not in names and all(not words.isdisjoint(held) for words in needs):
                    names.add(name)
        return names

    def _found(self, doc: Doc) -> Iterator[Match]:
        """Every match before vetoes: pattern matches first, by start, end and the rules' order,
        then phrase matches in the phrase matcher's order."""
        compiled = self._compiled
        spans = [(start, end, compiled.order[name], name)
                 for name in self.candidates(doc) for _, start, end in compiled.matchers[name](doc)]
        for start, end, _, name in sorted(spans):
            yield compiled.rules_by_name[name], doc[start:end]
        for match_id, start, end in compiled.phrase_matcher(doc) if len(compiled.phrase_matcher) else ():
            yield compiled.rules_by_name[compiled.nlp.vocab.strings[match_id]], doc[start:end]

    def raw_matches(self, doc: Doc) -> Iterator[tuple[Rule, Span, bool]]:
        """Every match with whether a veto drops it, for explaining a result (tests, debugging)."""
        for rule, span in self._found(doc):
            yield rule, span, any(veto(span) for veto in rule.vetoes)

    def matches(self, doc: Doc, context: str | None = None) -> list[Match]:
        """The matches no veto drops, of rules that apply in ``context``, each expanded."""
        found: list[Match] = []
        for rule, span in self._found(doc):
            if rule.only_in is not None and context not in rule.only_in:
                continue
            if any(veto(span) for veto in rule.vetoes):
                continue
            found.append((rule, rule.expand(span) if rule.expand else span))
        return found


def first_match(matches: Sequence[Match], priority: Mapping[str, int]) -> Match | None:
    """The match of the most urgent kind (lowest ``priority``), then the earliest, then the longest.

    Ties go to the match found first (pattern matches before phrase matches, then the rule
    listed first).
    """
    return min(matches, key=lambda match: (priority[match[0].kind], match[1].start, -match[1].end), default=None)


def first_per_kind(matches: Sequence[Match]) -> dict[str, Span]:
    """For each kind, its earliest span once overlapping spans keep only the longest."""
    spans_by_kind: dict[str, list[Span]] = {}
    for rule, span in matches:
        spans_by_kind.setdefault(rule.kind, []).append(span)
    return {kind: min(filter_spans(spans), key=lambda span: span.start) for kind, spans in spans_by_kind.items()}
