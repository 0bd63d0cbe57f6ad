"""The rule notation: one string per token pattern, compiled to spaCy ``Matcher`` patterns.

Both rule sets (the safety net's crisis rules and the apology analyzer's rules) write their
patterns in this notation; ``coach.nlp.rules`` compiles them. Tokens are separated by spaces:

* ``word`` matches the lowercased token, ``~word`` its lemma;
* ``a|b|c`` are alternatives, ``$NAME`` expands a word list (``~$NAME``: as lemmas);
* ``_`` is any single token;
* ``%word`` is any token that is not punctuation, ``%alpha`` any alphabetic token;
* ``@LABEL`` is a token the entity ruler tagged ``LABEL`` (e.g. ``@BETRAYAL``);
* ``/regex/`` is a lowercased token the regular expression finds (e.g. ``/ing$/``);
* a trailing ``?``, ``*`` or ``+`` is the usual optional / any number / at least one.

One notation token usually becomes one ``Matcher`` token. Alternatives that mix lemmas and
lowercase words become one token per attribute, so the string stands for several patterns
(all combinations); a repeated token (``*``, ``+``) may not mix them.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import Any

TokenPattern = dict[str, Any]
Pattern = list[TokenPattern]
WordLists = Mapping[str, Sequence[str]]

OPERATORS = frozenset("?*+")
TOKEN_CLASSES: dict[str, TokenPattern] = {
    "%word": {"IS_PUNCT": False},
    "%alpha": {"IS_ALPHA": True},
}


def _split_operator(spec_token: str) -> tuple[str, str | None]:
    if len(spec_token) > 1 and spec_token[-1] in OPERATORS:
        return spec_token[:-1], spec_token[-1]
    return spec_token, None


def _word_alternatives(spec_token: str, word_lists: WordLists) -> list[TokenPattern]:
    """``a|~b|$LIST``: one token dict per attribute used (LEMMA for ``~``, LOWER otherwise)."""
    words_by_attr: dict[str, list[str]] = {"LEMMA": [], "LOWER": []}
    for alternative in spec_token.split("|"):
        attr = "LEMMA" if alternative.startswith("~") else "LOWER"
        alternative = alternative.lstrip("~")
        words = word_lists[alternative[1:]] if alternative.startswith("$") else [alternative]
        words_by_attr[attr].extend(words)
    return [{attr: {"IN": sorted(set(words))}} for attr, words in words_by_attr.items() if words]


def token_variants(spec_token: str, word_lists: WordLists) -> list[TokenPattern]:
    """Turn one notation token into the Matcher token dicts it stands for (usually one)."""
    spec_token, operator = _split_operator(spec_token)
    if spec_token == "_":
        variants: list[TokenPattern] = [{}]
    elif spec_token in TOKEN_CLASSES:
        variants = [dict(TOKEN_CLASSES[spec_token])]
    elif spec_token.startswith("%"):
        raise ValueError(f"unknown token class {spec_token!r}; known: {sorted(TOKEN_CLASSES)}")
    elif spec_token.startswith("@"):
        variants = [{"ENT_TYPE": spec_token[1:]}]
    elif len(spec_token) > 2 and spec_token.startswith("/") and spec_token.endswith("/"):
        variants = [{"LOWER": {"REGEX": spec_token[1:-1]}}]
    else:
        variants = _word_alternatives(spec_token, word_lists)
        if len(variants) > 1 and operator in {"*", "+"}:
            raise ValueError(f"repeated token mixes lemma and lowercase words: {spec_token!r}")
    if operator:
        variants = [{**variant, "OP": operator} for variant in variants]
    return variants


def compile_pattern(spec: str, word_lists: WordLists) -> list[Pattern]:
    """Expand one notation string into the Matcher patterns it stands for."""
    per_token = [token_variants(token, word_lists) for token in spec.split()]
    return [list(combination) for combination in itertools.product(*per_token)]
