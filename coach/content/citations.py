"""Checks a step's quoted words against the article it cites.

A quote counts as found when it occurs in the article after both are normalised: case,
whitespace, and curly quotes and apostrophes made plain. Used by the content tests; the
articles themselves live outside the repository (``../shared/seeds``).
"""

from __future__ import annotations

import re
from pathlib import Path

MAX_QUOTE_WORDS = 12
# What to call each article when the coach or a reviewer names it (shared/seeds/README.md).
ARTICLE_LABELS = {
    "000_0f441e7abe72d048.txt": "a Danish couples therapist's article on rebuilding trust",
    "001_870217714e943689.txt": "an article answering common questions about rebuilding trust",
    "002_c5eb9642af3c9284.txt": "an article on both partners' part in rebuilding trust",
    "003_a8e1d9b8275b4182.txt": "a collection of advice on rebuilding trust",
    "004_bee3f993daa6b8b9.txt": "a counselling practice's article on rebuilding trust",
}
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
