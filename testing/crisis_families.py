"""Crisis families as the warning-sign tests write them: (rule, kind, caught, near misses).

``family_tests`` turns a module's families into its three tests: each family shows at least
three catches and two near misses; each catch is caught by that rule, as that kind; each near
miss is caught by nothing. A module binds them to ``test_*`` names so pytest collects them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from coach.safety.detector import detect_crisis

Family = tuple[str, str, list[str], list[str]]


def caught_by(text: str) -> tuple[str, str] | None:
    """The phrase net's (rule, kind) for ``text``, or None."""
    match = detect_crisis(text)
    return (match.rule, match.kind) if match else None


def family_tests(families: list[Family]) -> tuple[Callable[..., None], Callable[..., None], Callable[..., None]]:
    """The three tests of ``families``: well formed, each catch caught, each near miss left alone."""
    caught = [(rule, kind, text) for rule, kind, texts, _ in families for text in texts]
    near = [(rule, text) for rule, _, _, texts in families for text in texts]

    def each_family_has_catches_and_near_misses() -> None:
        assert all(len(texts) >= 3 and len(misses) >= 2 for _, _, texts, misses in families)

    @pytest.mark.parametrize("rule, kind, text", caught)
    def a_family_is_caught_by_its_rule(rule: str, kind: str, text: str) -> None:
        assert caught_by(text) == (rule, kind), text

    @pytest.mark.parametrize("rule, text", near)
    def a_near_miss_is_not_caught(rule: str, text: str) -> None:
        assert caught_by(text) is None, text

    return each_family_has_catches_and_near_misses, a_family_is_caught_by_its_rule, a_near_miss_is_not_caught
