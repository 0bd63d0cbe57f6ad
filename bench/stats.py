"""Latency summaries: percentiles in milliseconds, and ratios between two runs."""

from __future__ import annotations

import math
from typing import Iterable


def percentile(values: list[float], share: float) -> float:
    """The ``share`` (0..1) percentile by linear interpolation; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * share
    below, above = math.floor(position), math.ceil(position)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def summarize(seconds: Iterable[float]) -> dict[str, float]:
    """Count, p50/p95/p99, mean and max of durations given in seconds, as milliseconds."""
    values = list(seconds)
    milliseconds = [value * 1000 for value in values]
    return {
        "n": len(values),
        "p50_ms": round(percentile(milliseconds, 0.50), 1),
        "p95_ms": round(percentile(milliseconds, 0.95), 1),
        "p99_ms": round(percentile(milliseconds, 0.99), 1),
        "mean_ms": round(sum(milliseconds) / len(milliseconds), 1) if milliseconds else math.nan,
        "max_ms": round(max(milliseconds), 1) if milliseconds else math.nan,
    }


def ratio(ours: float, theirs: float) -> float | None:
    """ours / theirs, rounded; None when either side is missing or zero."""
    if not ours or not theirs or math.isnan(ours) or math.isnan(theirs):
        return None
    return round(ours / theirs, 2)
