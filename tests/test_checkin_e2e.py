"""End to end over real HTTP: a check-in with buttons, then /progress delivered as a photo
(sendPhoto, multipart upload of the PNG) by the real Application, Rasa agent and action server,
against the fake Telegram Bot API server."""

from __future__ import annotations

import struct
from datetime import datetime, timezone

import pytest

from coach.checkins.chart import CHART_SIZE_PX
from coach.checkins.store import DayScore, checkin_on
from testing.telegram import buttons_of, running_bot, wait_for_keyboard
from testing.texts import response_text

NOTE_QUESTION = response_text("utter_checkin_note_question")
PROGRESS_FOLLOW_UP = response_text("utter_checkin_progress_follow_up")
SCORE_QUESTION = response_text("utter_checkin_score_question")

pytestmark = pytest.mark.slow

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


async def test_check_in_with_buttons_then_the_progress_photo(session_settings, bridge, db, chat_id) -> None:
    async with running_bot(session_settings, bridge, db) as server:
        server.push_text(chat_id, "/checkin")
        [question] = await wait_for_keyboard(server, chat_id)
        assert question.params["text"] == SCORE_QUESTION
        assert ("4", "/checkin_score_four") in buttons_of(question)

        server.push_callback(chat_id, "/checkin_score_four", message_id=question.result["message_id"])
        note_question = (await wait_for_keyboard(server, chat_id, after=1))[-1]
        assert note_question.params["text"] == NOTE_QUESTION
        server.push_callback(chat_id, "/flow_next", message_id=note_question.result["message_id"])
        saved = (await wait_for_keyboard(server, chat_id, after=2))[-1]
        assert saved.params["text"].startswith("Saved: today is a 4 of 5.")
        today = datetime.now(timezone.utc).date()
        assert checkin_on(db, chat_id, today) == DayScore(today, 4, None)

        server.push_text(chat_id, "/progress")
        [photo] = await server.wait_for_calls("sendPhoto", 1, timeout=20, chat_id=chat_id)
        upload = photo.files["photo"]  # sent as a multipart file part, not a file_id or URL
        assert upload.data.startswith(PNG_SIGNATURE)
        assert struct.unpack(">II", upload.data[16:24]) == CHART_SIZE_PX
        assert upload.filename == "progress-30-days.png" and upload.content_type == "image/png"
        assert photo.params["caption"] == "Last 30 days: 1 check-in (4 of 5). Streak: 1 day in a row."

        follow_up = (await wait_for_keyboard(server, chat_id, after=3))[-1]
        assert follow_up.params["text"] == PROGRESS_FOLLOW_UP
        assert ("Last 90 days", "/show_progress_long") in buttons_of(follow_up)
        assert photo.at < follow_up.at  # the picture first, then what to do next
