"""The progress chart: a PNG of the person's check-ins over the last 30 or 90 days.

Registered as the ``progress_chart`` attachment renderer (see ``coach.attachments``); the
front end calls it when the ``action_show_progress`` action asks for it. Drawn with
matplotlib's Agg canvas directly (no pyplot, so no global state and no display), at a
fixed size of ``CHART_SIZE_PX``. It shows each day's score, a trend line when there are
two check-ins or more, and the current streak; the caption is the one-line summary.
A window without check-ins gives a friendly empty chart (the action answers in text
instead when the person has never checked in).
"""

from __future__ import annotations

import io
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, DateFormatter
from matplotlib.figure import Figure

from coach.attachments import Attachment, renderer
from coach.checkins.stats import current_streak, days_phrase, fit_trend, summary_line
from coach.checkins.store import MAX_SCORE, MIN_SCORE, DayScore, checkin_days, checkins_between, local_day
from coach.storage.db import Database

DEFAULT_DAYS = 30
MIN_DAYS, MAX_DAYS = 7, 366
DPI = 100
CHART_SIZE_PX = (1000, 560)  # width, height
SCORE_LABELS = {1: "1 hard", 2: "2", 3: "3", 4: "4", 5: "5 safe, close"}
POINT_COLOUR = "#2f6f73"
TREND_COLOUR = "#d08c3a"


def window_days(args: dict[str, Any]) -> int:
    """The number of days to show, from the action's ``args`` (clamped to a sane range)."""
    try:
        days = int(args.get("days", DEFAULT_DAYS))
    except (TypeError, ValueError):
        return DEFAULT_DAYS
    return min(max(days, MIN_DAYS), MAX_DAYS)


def draw_chart(points: list[DayScore], first: date, last: date, streak: int) -> bytes:
    """The chart as PNG bytes of exactly ``CHART_SIZE_PX`` pixels."""
    figure = Figure(figsize=(CHART_SIZE_PX[0] / DPI, CHART_SIZE_PX[1] / DPI), dpi=DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    days_shown = (last - first).days + 1
    axes.set_title(f"How safe and connected you felt: last {days_shown} days", loc="left", fontsize=13)
    half_day = timedelta(hours=12)
    axes.set_xlim(datetime.combine(first, time()) - half_day, datetime.combine(last, time()) + half_day)
    axes.set_ylim(MIN_SCORE - 0.5, MAX_SCORE + 0.5)
    axes.set_yticks(list(SCORE_LABELS), labels=list(SCORE_LABELS.values()))
    axes.xaxis.set_major_locator(AutoDateLocator(minticks=4, maxticks=8))
    axes.xaxis.set_major_formatter(DateFormatter("%d %b"))
    axes.grid(axis="y", alpha=0.3)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)

    if points:
        days = [point.day for point in points]
        scores = [point.score for point in points]
        axes.plot(days, scores, color=POINT_COLOUR, alpha=0.35, linewidth=1.5)
        axes.scatter(days, scores, color=POINT_COLOUR, s=45, zorder=3, label="your check-ins")
        trend = fit_trend(points)
        if trend is not None:
            axes.plot(
                [first, last], [trend.score_on(first), trend.score_on(last)],
                color=TREND_COLOUR, linestyle="--", linewidth=2, label=f"trend ({trend.describe()})",
            )
        axes.legend(loc="upper right", bbox_to_anchor=(1.0, -0.08), ncol=2, frameon=False, fontsize=10)
    else:
        axes.text(
            0.5, 0.5, "No check-ins in these days yet.\nType /checkin to add today's.",
            transform=axes.transAxes, ha="center", va="center", fontsize=13, color="#555555",
        )
    streak_text = f"Current streak: {days_phrase(streak)}" if streak else "Start a streak today"
    axes.text(1.0, 1.02, streak_text, transform=axes.transAxes, ha="right", va="bottom", fontsize=11)
    figure.subplots_adjust(left=0.11, right=0.97, top=0.88, bottom=0.16)

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def progress_chart(db: Database, chat_id: int, days: int, today: date) -> Attachment:
    """The chart and its summary caption for the ``days`` days ending ``today``."""
    first = today - timedelta(days=days - 1)
    points = checkins_between(db, chat_id, first, today)
    streak = current_streak(checkin_days(db, chat_id, today), today)
    return Attachment(
        kind="photo",
        filename=f"progress-{days}-days.png",
        data=draw_chart(points, first, today, streak),
        caption=summary_line(points, streak, days),
    )


@renderer("progress_chart")
def render_progress_chart(db: Database, chat_id: int, args: dict[str, Any]) -> Attachment:
    """``{"days": 30}`` -> the chart of the person's last 30 local days."""
    today = local_day(db, chat_id, datetime.now(timezone.utc))
    return progress_chart(db, chat_id, window_days(args), today)
