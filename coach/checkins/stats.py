"""Numbers about check-ins: the current streak, the trend, and a one-line summary.

- Streak: consecutive days with a check-in, counted back from today; if today has none
  yet, from yesterday (the streak is still alive until the day is over).
- Trend: the slope of a least-squares line (``numpy.polyfit``, degree 1) through the
  scores by day, in points per week; it needs two check-ins or more. Within
  ``STEADY_PER_WEEK`` of zero it reads as holding steady.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterable, Sequence

import numpy as np

from coach.checkins.store import MAX_SCORE, DayScore

STEADY_PER_WEEK = 0.2


@dataclass(frozen=True)
class Trend:
    slope_per_day: float
    intercept: float  # score at day ordinal 0 (use ``score_on``)

    @property
    def per_week(self) -> float:
        return self.slope_per_day * 7

    def score_on(self, day: date) -> float:
        return self.intercept + self.slope_per_day * day.toordinal()

    def describe(self) -> str:
        if self.per_week >= STEADY_PER_WEEK:
            return "trending up"
        if self.per_week <= -STEADY_PER_WEEK:
            return "trending down"
        return "holding steady"


def current_streak(days_newest_first: Iterable[date], today: date) -> int:
    """How many days in a row the person has checked in, up to today or yesterday."""
    streak = 0
    expected: date | None = None
    for day in days_newest_first:
        if expected is None:
            if day < today - timedelta(days=1):
                return 0
            expected = day
        if day != expected:
            break
        streak += 1
        expected = day - timedelta(days=1)
    return streak


def fit_trend(points: Sequence[DayScore]) -> Trend | None:
    """The least-squares line through the scores; None with fewer than two check-ins."""
    if len(points) < 2:
        return None
    x = np.array([point.day.toordinal() for point in points], dtype=float)
    y = np.array([point.score for point in points], dtype=float)
    offset = x.min()  # fit near zero for numerical stability
    slope, intercept_at_offset = np.polyfit(x - offset, y, 1)
    return Trend(slope_per_day=float(slope), intercept=float(intercept_at_offset - slope * offset))


def average(points: Sequence[DayScore]) -> float | None:
    return sum(point.score for point in points) / len(points) if points else None


def days_phrase(count: int) -> str:
    return f"{count} day" if count == 1 else f"{count} days"


def summary_line(points: Sequence[DayScore], streak: int, window_days: int) -> str:
    """One line for the chart's caption, e.g. "Last 30 days: 12 check-ins, average 3.4 of 5,
    trending up. Streak: 4 days in a row."""
    if not points:
        return f"No check-ins in the last {window_days} days yet. Type /checkin to add today's."
    if len(points) == 1:
        body = f"1 check-in ({points[0].score} of {MAX_SCORE})"
    else:
        trend = fit_trend(points)
        body = f"{len(points)} check-ins, average {average(points):.1f} of {MAX_SCORE}, {trend.describe()}"
    streak_part = f" Streak: {days_phrase(streak)} in a row." if streak else ""
    return f"Last {window_days} days: {body}.{streak_part}"
