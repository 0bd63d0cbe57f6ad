"""Storage for the sincere-apology walkthrough: answers in progress and saved, versioned drafts.

``apology_progress`` holds one row per chat with the answers given so far, so a walkthrough
can be picked up again even if the conversation state was lost, and so an edit that is
stopped half-way can put the old answer back. ``apology_drafts`` keeps every saved draft as
a new version; ``change`` is the commitment the person made (the reminders feature reads it
for nudges). Both tables are keyed by ``chat_id``, so ``/forget`` finds them. Every answer
and draft is sealed (encrypted under the person's key: ``coach.storage.sealing``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from sqlalchemy.orm import Session

from coach.apology.steps import STEPS
from coach.people import sender_for_chat
from coach.storage import conversation_events
from coach.storage.base import Base, utcnow
from coach.storage.db import Database, wipe_freed_pages
from coach.storage.sealing import SealedText, mine

ANSWER_COLUMNS = STEPS  # one column per question (migrations 0003, 0009)


class ApologyProgress(Base):
    """The answers of a walkthrough that is under way (one row per chat)."""

    __tablename__ = "apology_progress"

    chat_id = sa.Column(sa.BigInteger, primary_key=True, autoincrement=False)
    what_happened = sa.Column(SealedText, nullable=True)
    impact = sa.Column(SealedText, nullable=True)
    ownership = sa.Column(SealedText, nullable=True)
    regret = sa.Column(SealedText, nullable=True)
    amends = sa.Column(SealedText, nullable=True)
    change = sa.Column(SealedText, nullable=True)
    honesty = sa.Column(SealedText, nullable=True)
    request = sa.Column(SealedText, nullable=True)
    updated_at = sa.Column(sa.DateTime, nullable=False, default=utcnow, onupdate=utcnow)


class ApologyDraft(Base):
    """One saved version of a person's apology."""

    __tablename__ = "apology_drafts"
    __table_args__ = (sa.UniqueConstraint("chat_id", "version", name="uq_apology_drafts_chat_version"),)

    id = sa.Column(sa.Integer, primary_key=True, autoincrement=True)
    chat_id = sa.Column(sa.BigInteger, nullable=False, index=True)
    version = sa.Column(sa.Integer, nullable=False)
    text = sa.Column(SealedText, nullable=False)
    change = sa.Column(SealedText, nullable=False)  # the commitment, for follow-up nudges
    created_at = sa.Column(sa.DateTime, nullable=False, default=utcnow)


@dataclass(frozen=True)
class SavedDraft:
    version: int
    text: str
    change: str
    created_at: datetime


def _as_saved(row: ApologyDraft) -> SavedDraft:
    return SavedDraft(version=row.version, text=row.text, change=row.change, created_at=row.created_at)


# -- answers in progress ------------------------------------------------------------------------


def save_answer(db: Database, chat_id: int, step: str, text: str | None) -> None:
    """Record (or with None, blank) one answer of the walkthrough under way."""
    if step not in ANSWER_COLUMNS:
        raise ValueError(f"unknown apology step {step!r}")
    with db.session() as session:
        row = session.get(ApologyProgress, chat_id)
        if row is None:
            row = ApologyProgress(chat_id=chat_id)
            session.add(row)
        setattr(row, step, mine(chat_id, text))
        row.updated_at = utcnow()


def load_answers(db: Database, chat_id: int) -> dict[str, str]:
    """The answers given so far (only the steps that have one)."""
    with db.session() as session:
        row = session.get(ApologyProgress, chat_id)
        if row is None:
            return {}
        return {step: value for step in ANSWER_COLUMNS if (value := getattr(row, step))}


def clear_answers(db: Database, chat_id: int) -> None:
    with db.session() as session:
        session.execute(sa.delete(ApologyProgress).where(ApologyProgress.chat_id == chat_id))


# -- saved drafts -------------------------------------------------------------------------------


def save_draft(db: Database, chat_id: int, text: str, change: str) -> tuple[SavedDraft, bool]:
    """Save ``text`` as the next version; ``(draft, False)`` if it equals the latest already."""
    with db.session() as session:
        latest = session.execute(
            sa.select(ApologyDraft).where(ApologyDraft.chat_id == chat_id).order_by(ApologyDraft.version.desc()).limit(1)
        ).scalar_one_or_none()
        if latest is not None and latest.text == text:
            return _as_saved(latest), False
        row = ApologyDraft(chat_id=chat_id, version=(latest.version if latest else 0) + 1,
                           text=mine(chat_id, text), change=mine(chat_id, change))
        session.add(row)
        session.flush()
        return _as_saved(row), True


def latest_draft(db: Database, chat_id: int) -> SavedDraft | None:
    with db.session() as session:
        row = session.execute(
            sa.select(ApologyDraft).where(ApologyDraft.chat_id == chat_id).order_by(ApologyDraft.version.desc()).limit(1)
        ).scalar_one_or_none()
        return _as_saved(row) if row else None


def _texts_of(session: Session, chat_id: int) -> set[str]:
    """Every text of the person's apology: each version, its commitment, each answer."""
    texts: set[str] = set()
    for text, change in session.execute(sa.select(ApologyDraft.text, ApologyDraft.change)
                                        .where(ApologyDraft.chat_id == chat_id)):
        texts.update((text, change))
    progress = session.get(ApologyProgress, chat_id)
    if progress is not None:
        texts.update(value for step in ANSWER_COLUMNS if (value := getattr(progress, step)))
    return texts


def delete_drafts(db: Database, chat_id: int) -> int:
    """Delete every saved version and any answers in progress, and scrub their texts from
    the person's stored conversation (so they leave /export too); returns the drafts deleted."""
    with db.session() as session:
        texts = _texts_of(session, chat_id)
        deleted = session.execute(sa.delete(ApologyDraft).where(ApologyDraft.chat_id == chat_id)).rowcount
        session.execute(sa.delete(ApologyProgress).where(ApologyProgress.chat_id == chat_id))
        conversation_events.scrub_texts(session.connection(), sender_for_chat(chat_id), texts)
    wipe_freed_pages(db)
    return deleted
