"""Apology storage: the 0003_apology migration, answers in progress, versioned drafts, deletion."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from coach.privacy import forget_user
from coach.apology import store as storage
from coach.storage.db import Database


@pytest.fixture
def db(tmp_path) -> Database:
    database = Database(f"sqlite:///{tmp_path / 'apology.db'}")
    database.migrate()
    yield database
    database.dispose()


def test_migration_creates_both_tables_with_the_agreed_columns(db: Database) -> None:
    inspector = sa.inspect(db.engine)
    drafts = {column["name"] for column in inspector.get_columns("apology_drafts")}
    assert {"chat_id", "version", "text", "change", "created_at"} <= drafts
    assert any(index["column_names"] == ["chat_id"] for index in inspector.get_indexes("apology_drafts"))
    progress = {column["name"] for column in inspector.get_columns("apology_progress")}
    assert {"chat_id", *storage.ANSWER_COLUMNS, "updated_at"} <= progress


def test_answers_in_progress_are_kept_per_chat_and_can_be_cleared(db: Database) -> None:
    storage.save_answer(db, 1, "what_happened", "I lied to you about the money")
    storage.save_answer(db, 1, "impact", "You felt foolish")
    storage.save_answer(db, 1, "impact", "You felt foolish and alone")  # a revision replaces it
    storage.save_answer(db, 2, "regret", "Lying to you")

    assert storage.load_answers(db, 1) == {"what_happened": "I lied to you about the money", "impact": "You felt foolish and alone"}
    storage.clear_answers(db, 1)
    assert storage.load_answers(db, 1) == {}
    assert storage.load_answers(db, 2) == {"regret": "Lying to you"}


def test_unknown_step_is_refused(db: Database) -> None:
    with pytest.raises(ValueError):
        storage.save_answer(db, 1, "excuses", "none")


def test_drafts_are_versioned_and_an_unchanged_draft_is_not_saved_twice(db: Database) -> None:
    first, created_first = storage.save_draft(db, 7, "Draft one", "I'll show you my phone.")
    again, created_again = storage.save_draft(db, 7, "Draft one", "I'll show you my phone.")
    second, created_second = storage.save_draft(db, 7, "Draft two", "I've blocked her number.")
    other, _ = storage.save_draft(db, 8, "Someone else's", "Weekly talks.")

    assert (first.version, created_first) == (1, True)
    assert (again.version, created_again) == (1, False)
    assert (second.version, created_second) == (2, True)
    assert other.version == 1
    latest = storage.latest_draft(db, 7)
    assert (latest.version, latest.text, latest.change) == (2, "Draft two", "I've blocked her number.")
    assert latest.created_at is not None
    assert storage.latest_draft(db, 9) is None


def test_deleting_removes_every_version_and_the_answers_of_that_chat_only(db: Database) -> None:
    storage.save_draft(db, 7, "Draft one", "c1")
    storage.save_draft(db, 7, "Draft two", "c2")
    storage.save_answer(db, 7, "regret", "Lying")
    storage.save_draft(db, 8, "Other", "c3")

    assert storage.delete_drafts(db, 7) == 2
    assert storage.latest_draft(db, 7) is None and storage.load_answers(db, 7) == {}
    assert storage.latest_draft(db, 8).text == "Other"
    assert storage.delete_drafts(db, 7) == 0


def test_forget_finds_the_apology_tables_through_chat_id(db: Database) -> None:
    storage.save_draft(db, 5, "Draft", "c")
    storage.save_answer(db, 5, "impact", "You felt alone")

    deleted = forget_user(db, 5)

    assert deleted.get("apology_drafts") == 1 and deleted.get("apology_progress") == 1
    assert storage.latest_draft(db, 5) is None and storage.load_answers(db, 5) == {}
