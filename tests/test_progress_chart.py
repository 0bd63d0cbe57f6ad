"""The progress chart is a real PNG of the promised size, for no data, one point and 90 days."""

from __future__ import annotations

import io
import random
import struct
from datetime import date, datetime, timedelta, timezone

import pytest
from matplotlib.image import imread

from coach.attachments import render_attachment
from coach.checkins.chart import CHART_SIZE_PX, draw_chart, progress_chart, window_days
from coach.checkins.store import DayScore, save_checkin
from coach.storage.db import Database

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TODAY = date(2025, 3, 10)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk (which must come first)."""
    assert data[:8] == PNG_SIGNATURE
    length, chunk_type = struct.unpack(">I4s", data[8:16])
    assert chunk_type == b"IHDR" and length == 13
    return struct.unpack(">II", data[16:24])


def assert_is_chart(data: bytes) -> None:
    assert png_size(data) == CHART_SIZE_PX
    pixels = imread(io.BytesIO(data), format="png")  # decodes the whole image
    assert pixels.shape[:2] == (CHART_SIZE_PX[1], CHART_SIZE_PX[0])
    assert pixels.std() > 0.01  # something is drawn, not a blank canvas


def ninety_days() -> list[DayScore]:
    rng = random.Random(7)
    return [DayScore(TODAY - timedelta(days=offset), rng.randint(1, 5)) for offset in range(89, -1, -1)]


@pytest.mark.parametrize(
    ("points", "days"),
    [([], 30), ([DayScore(TODAY, 4)], 30), (ninety_days(), 90)],
    ids=["empty", "one point", "90 days"],
)
def test_chart_is_a_png_of_the_expected_size(points: list[DayScore], days: int) -> None:
    assert_is_chart(draw_chart(points, TODAY - timedelta(days=days - 1), TODAY, streak=len(points)))


def test_trend_line_changes_the_picture() -> None:
    first = TODAY - timedelta(days=29)
    one = draw_chart([DayScore(TODAY - timedelta(days=3), 2)], first, TODAY, 0)
    two = draw_chart([DayScore(TODAY - timedelta(days=3), 2), DayScore(TODAY, 4)], first, TODAY, 1)
    assert imread(io.BytesIO(one), format="png").shape == imread(io.BytesIO(two), format="png").shape
    assert one != two


def test_chart_from_the_database_with_its_caption(fresh_db: Database) -> None:
    for offset, score in enumerate([4, 3, 3, 2]):
        save_checkin(fresh_db, 42, TODAY - timedelta(days=offset), score, None)
    save_checkin(fresh_db, 42, TODAY - timedelta(days=60), 1, None)  # only in the 90-day view

    month = progress_chart(fresh_db, 42, 30, TODAY)
    quarter = progress_chart(fresh_db, 42, 90, TODAY)

    assert month.kind == "photo" and month.filename.endswith(".png")
    assert_is_chart(month.data)
    assert month.caption == "Last 30 days: 4 check-ins, average 3.0 of 5, trending up. Streak: 4 days in a row."
    assert quarter.caption.startswith("Last 90 days: 5 check-ins, average 2.6 of 5")


def test_registered_renderer_answers_the_actions_instruction(fresh_db: Database) -> None:
    save_checkin(fresh_db, 42, datetime.now(timezone.utc).date(), 5, None)
    attachment = render_attachment(
        fresh_db, 42, {"type": "photo", "renderer": "progress_chart", "args": {"days": 90}}
    )
    assert attachment is not None and attachment.caption.startswith("Last 90 days: 1 check-in (5 of 5)")
    assert_is_chart(attachment.data)
    empty = render_attachment(fresh_db, 43, {"renderer": "progress_chart", "args": {"days": 30}})
    assert empty.caption.startswith("No check-ins in the last 30 days yet")
    assert_is_chart(empty.data)


@pytest.mark.parametrize(("args", "days"), [({}, 30), ({"days": 90}, 90), ({"days": "x"}, 30), ({"days": 5000}, 366)])
def test_window_days_is_clamped(args: dict, days: int) -> None:
    assert window_days(args) == days
