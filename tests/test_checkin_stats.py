"""Check-in numbers and storage without Rasa: streaks, trend, summary, one check-in per day,
the person's local day, and check-ins in /export and /forget."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from coach.checkins.stats import current_streak, fit_trend, summary_line
from coach.privacy import export_json, forget_user
from coach.checkins.store import (
    CheckIn,
    DayScore,
    checkin_days,
    checkins_between,
    has_checkins,
    local_day,
    save_checkin,
)
from coach.storage.db import Database
from coach.tables import UserSettings

TODAY = date(2025, 3, 10)


def days_back(*offsets: int) -> list[date]:
    return [TODAY - timedelta(days=offset) for offset in offsets]


@pytest.mark.parametrize(
    ("offsets", "expected"),
    [
        ((), 0),
        ((0,), 1),
        ((0, 1, 2, 3), 4),
        ((1, 2), 2),  # not yet today: the streak is alive until the day is over
        ((2, 3, 4), 0),  # yesterday missed: broken
        ((0, 1, 3, 4, 5), 2),  # a gap ends it
    ],
)
def test_current_streak(offsets: tuple[int, ...], expected: int) -> None:
    assert current_streak(days_back(*offsets), TODAY) == expected


def test_trend_is_the_least_squares_line() -> None:
    rising = [DayScore(TODAY - timedelta(days=6 - i), score) for i, score in enumerate([1, 2, 2, 3, 4, 4, 5])]
    trend = fit_trend(rising)
    assert trend.per_week == pytest.approx(7 * 9 / 14, rel=1e-6)  # slope 9/14 points a day
    assert trend.describe() == "trending up"
    assert fit_trend(rising[:1]) is None
    flat = [DayScore(TODAY - timedelta(days=i), 3) for i in range(5)]
    assert fit_trend(flat).describe() == "holding steady"
    assert fit_trend(list(reversed([DayScore(p.day, 6 - p.score) for p in rising]))).describe() == "trending down"


def test_summary_line_for_none_one_and_many() -> None:
    assert summary_line([], 0, 30) == "No check-ins in the last 30 days yet. Type /checkin to add today's."
    assert summary_line([DayScore(TODAY, 4)], 1, 30) == "Last 30 days: 1 check-in (4 of 5). Streak: 1 day in a row."
    many = [DayScore(TODAY - timedelta(days=i), score) for i, score in enumerate([5, 4, 3, 2])]
    assert summary_line(many, 4, 90) == (
        "Last 90 days: 4 check-ins, average 3.5 of 5, trending up. Streak: 4 days in a row."
    )


def test_one_checkin_per_day_a_second_replaces_it(fresh_db: Database) -> None:
    first = save_checkin(fresh_db, 42, TODAY, 2, "rough evening")
    second = save_checkin(fresh_db, 42, TODAY, 4, None)
    save_checkin(fresh_db, 42, TODAY - timedelta(days=1), 3, None)
    save_checkin(fresh_db, 43, TODAY, 5, "someone else")

    assert first.replaced is None
    assert second.replaced == DayScore(TODAY, 2, "rough evening")
    assert checkins_between(fresh_db, 42, TODAY - timedelta(days=7), TODAY) == [
        DayScore(TODAY - timedelta(days=1), 3), DayScore(TODAY, 4),
    ]
    assert checkin_days(fresh_db, 42, TODAY) == [TODAY, TODAY - timedelta(days=1)]
    assert has_checkins(fresh_db, 42) and not has_checkins(fresh_db, 44)


def test_the_table_itself_refuses_duplicates_and_bad_scores(fresh_db: Database) -> None:
    save_checkin(fresh_db, 42, TODAY, 3, None)
    with pytest.raises(sa.exc.IntegrityError), fresh_db.session() as session:
        session.add(CheckIn(chat_id=42, day=TODAY, score=4))
    with pytest.raises(sa.exc.IntegrityError), fresh_db.session() as session:
        session.add(CheckIn(chat_id=42, day=TODAY + timedelta(days=1), score=6))
    with pytest.raises(ValueError):
        save_checkin(fresh_db, 42, TODAY, 0, None)
    assert "chat_id" in {index["column_names"][0] for index in sa.inspect(fresh_db.engine).get_indexes("checkins")}


def test_local_day_follows_the_persons_time_zone(fresh_db: Database) -> None:
    late_evening_utc = datetime(2025, 1, 10, 22, 30, tzinfo=timezone.utc)
    with fresh_db.session() as session:
        session.add(UserSettings(chat_id=7, timezone="Pacific/Auckland", discreet=False, crisis_active=False))
        session.add(UserSettings(chat_id=8, timezone="Not/AZone", discreet=False, crisis_active=False))
    assert local_day(fresh_db, 7, late_evening_utc) == date(2025, 1, 11)  # already tomorrow in Auckland
    assert local_day(fresh_db, 8, late_evening_utc) == date(2025, 1, 10)  # unknown zone: UTC
    assert local_day(fresh_db, 9, late_evening_utc) == date(2025, 1, 10)  # no settings: UTC


def test_checkins_are_part_of_export_and_forget(fresh_db: Database) -> None:
    save_checkin(fresh_db, 42, TODAY, 3, "a quiet dinner")
    save_checkin(fresh_db, 43, TODAY, 5, None)
    exported = json.loads(export_json(fresh_db, 42))["tables"]["checkins"]
    assert [(row["day"], row["score"], row["note"]) for row in exported] == [(TODAY.isoformat(), 3, "a quiet dinner")]

    assert forget_user(fresh_db, 42)["checkins"] == 1
    assert not has_checkins(fresh_db, 42) and has_checkins(fresh_db, 43)
