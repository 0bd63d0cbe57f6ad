"""The shared rule engine: named rules, compiled once into spaCy matchers, matched and vetoed.

The safety net (``coach.safety``) and the apology analyzer (``coach.apology``) both describe
what they look for as ``Rule``s: token patterns in the notation of ``coach.nlp.notation``
and/or literal phrases, plus vetoes that drop a match in the wrong context. A ``RuleSet``
compiles its rules on first use (the project pipeline, a ``Matcher`` on LEMMA/LOWER and
friends, a ``PhraseMatcher`` on LOWER), then returns every match that survives its vetoes.
Choosing among the matches is the caller's policy; ``first_match`` and ``first_per_kind``
are the two the callers use.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from coach.nlp.notation import WordLists, compile_pattern
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


@dataclass(frozen=True)
class _Compiled:
    nlp: Language
    matcher: Matcher
    phrase_matcher: PhraseMatcher
    rules_by_name: dict[str, Rule]


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
        matcher = Matcher(nlp.vocab, validate=True)
        phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for rule in self.rules:
            if rule.patterns:
                matcher.add(rule.name, [p for spec in rule.patterns for p in compile_pattern(spec, self.word_lists)])
            if rule.phrases:
                phrase_matcher.add(rule.name, [nlp.make_doc(phrase) for phrase in rule.phrases])
        return _Compiled(nlp, matcher, phrase_matcher, {rule.name: rule for rule in self.rules})

    def compile(self) -> None:
        """Load the pipeline and build the matchers now (they are otherwise built on first use)."""
        _ = self._compiled

    @property
    def nlp(self) -> Language:
        """The project pipeline the rules are compiled for; run the text through it first."""
        return self._compiled.nlp

    def _found(self, doc: Doc) -> Iterator[Match]:
        """Every match before vetoes: patterns first, then phrases, in the matchers' order."""
        compiled = self._compiled
        found = [*(compiled.matcher(doc) if len(compiled.matcher) else ()),
                 *(compiled.phrase_matcher(doc) if len(compiled.phrase_matcher) else ())]
        for match_id, start, end in found:
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

    Ties go to the match found first (pattern matches before phrase matches).
    """
    return min(matches, key=lambda match: (priority[match[0].kind], match[1].start, -match[1].end), default=None)


def first_per_kind(matches: Sequence[Match]) -> dict[str, Span]:
    """For each kind, its earliest span once overlapping spans keep only the longest."""
    spans_by_kind: dict[str, list[Span]] = {}
    for rule, span in matches:
        spans_by_kind.setdefault(rule.kind, []).append(span)
    return {kind: min(filter_spans(spans), key=lambda span: span.start) for kind, spans in spans_by_kind.items()}
