"""Tests for the shared rule engine (coach/nlp/): the notation, the rule set, the generic vetoes.

The engine's behaviour on real messages is covered by tests/test_safety.py and
tests/test_apology_analyzer.py; these pin the notation itself and check that both rule
sets (crisis rules, apology rules) compile and only name word lists they define.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from spacy.matcher import Matcher

from coach.apology import analyzer
from coach.nlp.notation import compile_pattern, token_variants
from coach.nlp.rules import Rule, RuleSet, anchor_words, first_match, first_per_kind
from coach.nlp.vetoes import (
    anywhere,
    containing,
    followed_by,
    followed_within,
    preceded_by,
    preceded_within,
    unless,
    unless_boundary_after,
)
from coach.safety import detector

WORDS = {"PET": ["dog", "cat"]}


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("dog", [{"LOWER": {"IN": ["dog"]}}]),
        ("~run", [{"LEMMA": {"IN": ["run"]}}]),
        ("b|a|a", [{"LOWER": {"IN": ["a", "b"]}}]),
        ("$PET|cow", [{"LOWER": {"IN": ["cat", "cow", "dog"]}}]),
        ("~$PET?", [{"LEMMA": {"IN": ["cat", "dog"]}, "OP": "?"}]),
        ("run|~walk", [{"LEMMA": {"IN": ["walk"]}}, {"LOWER": {"IN": ["run"]}}]),
        ("_", [{}]),
        ("_*", [{"OP": "*"}]),
        ("%word?", [{"IS_PUNCT": False, "OP": "?"}]),
        ("%alpha", [{"IS_ALPHA": True}]),
        ("@BETRAYAL", [{"ENT_TYPE": "BETRAYAL"}]),
        ("/ing$/", [{"LOWER": {"REGEX": "ing$"}}]),
        ("/a|b/+", [{"LOWER": {"REGEX": "a|b"}, "OP": "+"}]),
        ("?", [{"LOWER": {"IN": ["?"]}}]),
    ],
)
def test_each_notation_token_becomes_its_matcher_tokens(token: str, expected: list[dict]) -> None:
    assert token_variants(token, WORDS) == expected


def test_mixed_alternatives_stand_for_every_combination() -> None:
    assert compile_pattern("~be|is $PET", WORDS) == [
        [{"LEMMA": {"IN": ["be"]}}, {"LOWER": {"IN": ["cat", "dog"]}}],
        [{"LOWER": {"IN": ["is"]}}, {"LOWER": {"IN": ["cat", "dog"]}}],
    ]


@pytest.mark.parametrize("spec", ["~a|b*", "%words", "$MISSING"])
def test_bad_notation_is_refused(spec: str) -> None:
    with pytest.raises((ValueError, KeyError)):
        compile_pattern(spec, WORDS)


def test_rule_names_must_be_unique() -> None:
    with pytest.raises(ValueError, match="unique"):
        RuleSet([Rule("a", "x", phrases=("hi",)), Rule("a", "y", phrases=("yo",))], WORDS)


@pytest.mark.parametrize("ruleset", [detector.RULESET, analyzer.RULESET], ids=["safety", "apology"])
def test_every_rule_compiles_and_names_only_known_word_lists(ruleset: RuleSet) -> None:
    named = {name for rule in ruleset.rules for spec in rule.patterns for name in re.findall(r"\$([A-Z_]+)", spec)}
    assert named <= set(ruleset.word_lists)
    assert all(rule.patterns or rule.phrases for rule in ruleset.rules)
    ruleset.compile()
    assert len(ruleset._compiled.matchers) == sum(1 for rule in ruleset.rules if rule.patterns)


def test_a_patterns_anchor_is_its_rarest_required_token() -> None:
    i, want, die = ({"LOWER": {"IN": ["i"]}}, {"LEMMA": {"IN": ["want"]}, "OP": "?"},
                    {"LOWER": {"IN": ["die", "perish"]}})
    assert anchor_words([i, want, die]) == (("LOWER", "die"), ("LOWER", "perish"))
    assert anchor_words([i, {"LEMMA": {"IN": ["want"]}}]) == (("LEMMA", "want"),)  # a stop word costs more
    assert anchor_words([i, {"LOWER": {"IN": ["x", "y"]}, "OP": "+"}]) == (("LOWER", "x"), ("LOWER", "y"))  # "+" is required
    assert anchor_words([want, {"LOWER": {"REGEX": "ing$"}}, {}]) == ()  # nothing it must hold: tried always


def _texts(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        yield from _texts(node.get("text", "")) if "text" in node else (t for v in node.values() for t in _texts(v))
    elif isinstance(node, list):
        for item in node:
            yield from _texts(item)


@pytest.mark.parametrize(("ruleset", "files"), [
    (detector.RULESET, ["safety_dev", "lookalike_dev", "inform_dev", "safety_set", "blind_safety2", "blind_safety3"]),
    (analyzer.RULESET, ["apology_sentences"]),
], ids=["safety", "apology"])
def test_anchored_matchers_find_what_every_pattern_finds(ruleset: RuleSet, files: list[str]) -> None:
    """Running only the rules whose anchor words a message holds loses no match: the same
    (rule, start, end) as one Matcher holding every pattern, on a few thousand real messages."""
    ruleset.compile()
    every = Matcher(ruleset.nlp.vocab)
    for rule in ruleset.rules:
        if rule.patterns:
            every.add(rule.name, [p for spec in rule.patterns for p in compile_pattern(spec, ruleset.word_lists)])
    data = Path(__file__).parent / "data"
    texts = {t.lower() for name in files for t in _texts(yaml.safe_load((data / f"{name}.yml").read_text(encoding="utf-8")))}
    assert len(texts) > 250
    phrases = ruleset._compiled.phrase_matcher
    matched = 0
    for text in sorted(texts):
        doc = ruleset.nlp(text)
        expected = sorted((ruleset.nlp.vocab.strings[key], start, end) for key, start, end in [*every(doc), *phrases(doc)])
        assert sorted((rule.name, span.start, span.end) for rule, span, _ in ruleset.raw_matches(doc)) == expected, text
        matched += bool(expected)
    assert matched > len(texts) // 10  # the comparison saw many matches, not only empty lists


def _ruleset(*rules: Rule) -> RuleSet:
    return RuleSet(rules, WORDS)


def test_matches_apply_vetoes_contexts_and_expansions() -> None:
    rules = _ruleset(
        Rule("pet", "animal", patterns=("my $PET",), vetoes=(followed_by("food"),)),
        Rule("walk", "activity", patterns=("~walk",), only_in=frozenset({"outside"})),
        Rule("hello", "greeting", phrases=("hello there",), expand=lambda span: span.doc[span.start:]),
    )
    doc = rules.nlp("hello there , my dog walked my cat food")
    found = [(rule.name, span.text) for rule, span in rules.matches(doc)]
    assert found == [("pet", "my dog"), ("hello", "hello there , my dog walked my cat food")]
    assert ("walk", "walked") in [(rule.name, span.text) for rule, span in rules.matches(doc, context="outside")]
    vetoed = [(rule.name, span.text) for rule, span, dropped in rules.raw_matches(doc) if dropped]
    assert vetoed == [("pet", "my cat")]


def test_selection_by_priority_then_position_and_first_span_per_kind() -> None:
    rules = _ruleset(
        Rule("late_urgent", "urgent", phrases=("fire",)),
        Rule("early_mild", "mild", phrases=("smoke", "smoke alarm")),
    )
    doc = rules.nlp("smoke alarm then fire")
    rule, span = first_match(rules.matches(doc), {"urgent": 0, "mild": 1})
    assert (rule.name, span.text) == ("late_urgent", "fire")
    rule, span = first_match(rules.matches(doc), {"urgent": 1, "mild": 1})
    assert (rule.name, span.text) == ("early_mild", "smoke alarm")
    assert {kind: span.text for kind, span in first_per_kind(rules.matches(doc)).items()} == {
        "mild": "smoke alarm", "urgent": "fire",
    }
    assert first_match([], {}) is None


def test_generic_vetoes() -> None:
    doc = _ruleset().nlp("oh he hit me with it . so")
    span = doc[2:4]  # "hit me"
    assert followed_by("with it")(span) and not followed_by("with him")(span)
    assert preceded_by("he")(span) and not preceded_by("oh")(span)
    assert preceded_within(2, "oh")(span) and not preceded_within(1, "oh")(span)
    assert containing("me")(span) and not containing("with")(span)
    assert unless_boundary_after(frozenset({"with"}))(span) is False
    assert unless_boundary_after(frozenset())(span) is True
    assert unless_boundary_after(frozenset())(doc[2:6]) is False  # followed by "."
    assert unless(lambda span: span.text == "hit me")(span) is False
    assert followed_within(3, "it")(span) and not followed_within(1, "it")(span)
    assert anywhere("oh he", "so")(span) and not anywhere("he oh")(span)
