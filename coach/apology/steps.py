"""The sincere-apology walkthrough's eight steps, in the order the coach asks them."""

from __future__ import annotations

STEPS = ("what_happened", "impact", "ownership", "regret", "amends", "change", "honesty", "request")
ALL_STEPS = frozenset(STEPS)
VAGUE_STEPS = frozenset({"what_happened", "regret", "change"})
"""The steps whose answer should name the act itself (so general words are flagged)."""
CONCRETE_STEPS = frozenset({"amends", "change"})
"""The steps whose answer should name an action the partner could see (promises are flagged)."""
ADDRESSED_STEPS = frozenset({"impact", "request"})
"""The steps whose subject is the partner: written about them ("she felt"), they are turned to "you"."""
