"""Checks a step's quoted words against the article it cites.

A quote counts as found when it occurs in the article after both are normalised: case,
whitespace, and curly quotes and apostrophes made plain. Used by the content tests; the
articles themselves live outside the repository (``../shared/seeds``).
"""

from __future__ import annotations

import re
from pathlib import Path

MAX_QUOTE_WORDS = 12
_PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def normalise(text: str) -> str:
    return " ".join(text.translate(_PLAIN).lower().split())


def quote_found(quote: str, article_text: str) -> bool:
    return normalise(quote) in normalise(article_text)


def word_count(quote: str) -> int:
    return len(re.findall(r"[\w'’-]+", quote))


def articles_in(folder: Path) -> dict[str, str]:
    """Every seed article in ``folder``, by file name."""
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))}
