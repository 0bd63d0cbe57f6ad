"""The sincere-apology walkthrough's six steps, in the order the coach asks them."""

from __future__ import annotations

STEPS = ("what_happened", "impact", "ownership", "regret", "change", "request")
ALL_STEPS = frozenset(STEPS)
VAGUE_STEPS = frozenset({"what_happened", "regret", "change"})
"""The steps whose answer should name the act itself (so general words are flagged)."""
