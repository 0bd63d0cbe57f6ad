"""The reminder actions, unit-tested with rasa_sdk Trackers and a RenderingDispatcher: the
form's questions and validation, saving, listing, cancelling, time zone, discreet mode and
the retaliation flow's 20-minute pause. The clock is pinned and each test has its own database."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker

import actions.reminder_common as reminder_common
from coach.content.guidance import load_guidance
from actions.check_back import CHECK_BACK_NOTE, ActionWait20Minutes
from actions.discreet_mode import ActionToggleDiscreet
from actions.flows import OFFER_BUTTONS, step_buttons
from actions.reminder_confirm import ActionAskReminderConfirmed, ActionSaveReminder
from actions.reminder_form import (
    REMINDER_SLOTS,
    ActionAskReminderWhen,
    ActionReminderStopped,
    ActionStartReminder,
    ValidateReminderForm,
    encode_schedule,
)
from actions.reminder_list import ActionCancelReminder, ActionListReminders
from actions.reminder_suggestions import suggest_reminder
from actions.timezone_form import (
    ActionAskReminderTimezone,
    ActionStartTimezone,
    ValidateTimezoneForm,
)
from coach.config import PROJECT_ROOT
from coach.reminders import preferences, repository
from coach.reminders.when_words import TOO_FREQUENT_MESSAGE, UNPARSEABLE_MESSAGE
from coach.reminders.timing import from_db
from coach.reminders.records import MISSED, Reminder
from testing.reminders import NOW, add, fresh_database, schedule, utc
from testing.texts import RenderingDispatcher, response_text

ANA, BEN = 801, 802
CAP_REACHED = response_text("utter_reminder_cap_reached", limit=repository.MAX_LIVE_REMINDERS)
DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def pinned_clock(monkeypatch):
    monkeypatch.setattr(reminder_common, "now_utc", lambda: NOW)


@pytest.fixture
def db(tmp_path, monkeypatch):
    database = fresh_database(tmp_path)
    monkeypatch.setattr(reminder_common, "database", lambda: database)
    yield database
    database.dispose()


@pytest.fixture
def in_copenhagen(db):
    preferences.save_timezone(db, ANA, "Europe/Copenhagen")
    return db


def tracker(text: str = "", intent: str = "set_reminder", slots: dict[str, Any] | None = None,
            just_set: dict[str, Any] | None = None, sender: int = ANA) -> Tracker:
    """A tracker as Rasa sends it; ``just_set`` are the slot candidates the form asks to validate."""
    just_set = just_set or {}
    events = [{"event": "user", "text": text}] + [
        {"event": "slot", "name": name, "value": value} for name, value in just_set.items()
    ]
    return Tracker(
        sender_id=str(sender),
        slots={**(slots or {}), **just_set},
        latest_message={"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []},
        events=events, paused=False, followup_action=None, active_loop={"name": "reminder_form"},
        latest_action_name="action_listen",
    )


async def run(action, t: Tracker) -> tuple[RenderingDispatcher, dict[str, Any]]:
    dispatcher = RenderingDispatcher()
    events = await action.run(dispatcher, t, DOMAIN)
    return dispatcher, {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def texts(dispatcher: RenderingDispatcher) -> list[str]:
    return [message["text"] for message in dispatcher.messages]


def payloads(dispatcher: RenderingDispatcher) -> list[str]:
    return [button["payload"] for message in dispatcher.messages for button in message.get("buttons") or []]


# -- starting the form -------------------------------------------------------------------------


async def test_start_takes_the_request_as_the_first_answer_and_forgets_earlier_attempts() -> None:
    stale = {"reminder_pending": "{}", "reminder_confirmed": "yes", "reminder_problem": "old"}
    _, slots = await run(ActionStartReminder(), tracker("remind me every evening at 9 to call Sam", slots=stale))
    assert slots["reminder_when"] == slots["reminder_request"] == "remind me every evening at 9 to call Sam"
    assert slots["reminder_pending"] is slots["reminder_confirmed"] is slots["reminder_problem"] is None

    _, from_button = await run(ActionStartReminder(), tracker("/set_reminder"))
    assert from_button["reminder_when"] is None and from_button["reminder_request"] is None


async def test_a_remind_me_button_right_after_its_offer_starts_with_the_suggested_time() -> None:
    offered = suggest_reminder("every evening at 9 to do my daily check-in", "checkin")
    events = [
        {"event": "user", "text": "4"},
        *offered,  # the bot's turn that showed "Remind me to check in daily"
        {"event": "user", "text": "/set_reminder"},
    ]
    pressed = Tracker(
        sender_id=str(ANA), slots={"reminder_suggestion": "every evening at 9 to do my daily check-in",
                                   "reminder_topic": "checkin"},
        latest_message={"text": "/set_reminder", "intent": {"name": "set_reminder"}, "entities": []},
        events=events, paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen",
    )
    _, slots = await run(ActionStartReminder(), pressed)
    assert slots["reminder_when"] == slots["reminder_request"] == "every evening at 9 to do my daily check-in"
    assert slots["reminder_topic"] == "checkin" and slots["reminder_suggestion"] is None

    # The same button pressed a turn later (a stale one) asks the plain question instead.
    later = Tracker(
        sender_id=str(ANA), slots=pressed.slots,
        latest_message=pressed.latest_message,
        events=events[:-1] + [{"event": "user", "text": "thanks"}, {"event": "user", "text": "/set_reminder"}],
        paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen",
    )
    _, stale = await run(ActionStartReminder(), later)
    assert stale["reminder_when"] is None and stale["reminder_topic"] is None


# -- validation --------------------------------------------------------------------------------


async def test_a_clear_request_is_understood_in_the_persons_zone_and_goes_to_confirmation(in_copenhagen) -> None:
    request = "remind me every evening at 9 to call Sam"
    _, slots = await run(ValidateReminderForm(), tracker(request, slots={"reminder_request": request},
                                                         just_set={"reminder_when": request}))
    pending = json.loads(slots["reminder_pending"])
    assert (pending["rrule"], pending["tz_name"], pending["note"]) == (
        "FREQ=DAILY;BYHOUR=21;BYMINUTE=0", "Europe/Copenhagen", "call Sam")
    assert slots["requested_slot"] == "reminder_confirmed"  # the time zone is known: not asked


async def test_the_first_reminder_asks_for_the_zone_then_reads_the_request_in_it(db) -> None:
    request = "nudge me tomorrow at 8am to apologise"
    dispatcher, first = await run(ValidateReminderForm(), tracker(request, slots={"reminder_request": request},
                                                                  just_set={"reminder_when": request}))
    assert first["reminder_when"] == request and "reminder_pending" not in first
    assert "requested_slot" not in first  # Rasa asks the domain's first slot: the time zone
    assert dispatcher.messages == []

    dispatcher, second = await run(ValidateReminderForm(), tracker(
        "Copenhagen", intent="out_of_scope", slots={"reminder_request": request, "reminder_when": request},
        just_set={"reminder_timezone": "Copenhagen"}))
    assert texts(dispatcher) == ["Got it: Copenhagen (Europe/Copenhagen), currently UTC+01:00."]
    assert preferences.timezone_of(db, ANA) == "Europe/Copenhagen"
    assert json.loads(second["reminder_pending"])["first_fire_at"] == "2026-11-24T07:00:00+00:00"
    assert second["requested_slot"] == "reminder_confirmed"


@pytest.mark.parametrize("answer", ["my time zone is UTC+2", "I'm in new york", "Europe/Berlin", "utc"])
async def test_time_zone_answers_in_words_or_offsets(db, answer: str) -> None:
    _, slots = await run(ValidateReminderForm(), tracker(answer, just_set={"reminder_timezone": answer}))
    assert slots["reminder_timezone"] is not None
    assert preferences.timezone_of(db, ANA) == slots["reminder_timezone"]


async def test_slots_just_cleared_are_no_answer_and_pass_silently(db) -> None:
    cleared = {"reminder_timezone": None, "reminder_when": None, "reminder_confirmed": None}
    for validator in (ValidateReminderForm(), ValidateTimezoneForm()):
        dispatcher, slots = await run(validator, tracker("/set_timezone", "set_timezone", just_set=cleared))
        assert dispatcher.messages == [] and slots.get("reminder_timezone") is None
    assert preferences.timezone_of(db, ANA) is None


async def test_an_unknown_place_is_asked_again_with_examples(db) -> None:
    dispatcher, slots = await run(ValidateReminderForm(), tracker("narnia", just_set={"reminder_timezone": "narnia"}))
    assert slots["reminder_timezone"] is None and texts(dispatcher) == [response_text("utter_timezone_unknown")]
    assert preferences.timezone_of(db, ANA) is None


async def test_a_request_without_a_time_keeps_its_note_for_the_answer(in_copenhagen) -> None:
    request = "remind me to call Sam"
    first_slots = {"reminder_request": request}
    _, first = await run(ValidateReminderForm(), tracker(request, slots=first_slots, just_set={"reminder_when": request}))
    assert first["reminder_when"] is None and first["reminder_problem"] is None  # just ask "when?"

    _, unclear = await run(ValidateReminderForm(), tracker("sometime", slots=first_slots,
                                                           just_set={"reminder_when": "sometime"}))
    assert unclear["reminder_problem"] == UNPARSEABLE_MESSAGE  # clarified with examples

    _, answered = await run(ValidateReminderForm(), tracker("every evening at 9", slots=first_slots,
                                                            just_set={"reminder_when": "every evening at 9"}))
    assert json.loads(answered["reminder_pending"])["note"] == "call Sam"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("yesterday at 5", "has already passed"),
        ("every 5 minutes", TOO_FREQUENT_MESSAGE),
        ("in 2 years", "more than a year away"),
    ],
)
async def test_past_too_frequent_and_too_far_times_are_questioned(in_copenhagen, answer: str, expected: str) -> None:
    _, slots = await run(ValidateReminderForm(), tracker(answer, slots={"reminder_request": "x"},
                                                         just_set={"reminder_when": answer}))
    assert slots["reminder_when"] is None and slots["reminder_pending"] is None
    assert expected in slots["reminder_problem"]


async def test_a_payload_instead_of_a_time_is_ignored_quietly(in_copenhagen) -> None:
    dispatcher, slots = await run(ValidateReminderForm(), tracker("/help", just_set={"reminder_when": "/help"}))
    assert slots["reminder_when"] is None and dispatcher.messages == []


async def test_at_the_cap_the_form_ends_at_once_and_saving_explains(in_copenhagen) -> None:
    for hour in range(repository.MAX_LIVE_REMINDERS):
        add(in_copenhagen, ANA, f"every day at {hour:02d}:00")
    _, slots = await run(ValidateReminderForm(), tracker("tomorrow at 9", just_set={"reminder_when": "tomorrow at 9"}))
    assert slots["requested_slot"] is None
    dispatcher, _ = await run(ActionSaveReminder(), tracker("tomorrow at 9"))
    assert texts(dispatcher) == [CAP_REACHED]
    assert repository.count_live(in_copenhagen, ANA) == repository.MAX_LIVE_REMINDERS


# -- confirming and saving ---------------------------------------------------------------------


def pending(text: str) -> str:
    return encode_schedule(schedule(text))


async def test_the_confirmation_shows_the_schedule_in_the_persons_zone_with_yes_and_no() -> None:
    dispatcher, _ = await run(ActionAskReminderConfirmed(),
                              tracker(slots={"reminder_pending": pending("every evening at 9 to call Sam")}))
    assert texts(dispatcher) == [
        "Every day at 21:00 (Europe/Copenhagen), first today (Mon 23 Nov): \"call Sam\". OK?"
    ]
    assert payloads(dispatcher) == ["/affirm", "/deny"]


async def test_the_confirmation_says_when_quiet_hours_move_the_first_nudge() -> None:
    late = encode_schedule(schedule("in 3 days", NOW.replace(hour=22, minute=30)))
    dispatcher, _ = await run(ActionAskReminderConfirmed(), tracker(slots={"reminder_pending": late}))
    assert "quiet hours (22:00-08:00), so the first nudge comes at 08:00" in texts(dispatcher)[0]


async def test_yes_no_or_a_different_time_at_the_confirmation(in_copenhagen) -> None:
    waiting = {"reminder_pending": pending("every evening at 9"), "reminder_request": "every evening at 9"}
    _, yes = await run(ValidateReminderForm(), tracker("/affirm", "affirm", waiting, {"reminder_confirmed": "yes"}))
    assert yes["reminder_confirmed"] == "yes"

    dispatcher, no = await run(ValidateReminderForm(), tracker("no", "deny", waiting, {"reminder_confirmed": "no"}))
    assert no["reminder_when"] is None and no["reminder_pending"] is None and no["reminder_confirmed"] is None
    assert texts(dispatcher) == ["No problem, let's fix it."]
    assert no["requested_slot"] == "reminder_when"

    _, other = await run(ValidateReminderForm(), tracker("make it 8pm instead", "set_reminder", waiting,
                                                         {"reminder_confirmed": "actually at 8pm"}))
    assert json.loads(other["reminder_pending"])["local_time"] == "20:00" and other["reminder_confirmed"] is None

    dispatcher, unclear = await run(ValidateReminderForm(), tracker("hmm", "out_of_scope", waiting,
                                                                    {"reminder_confirmed": "hmm"}))
    assert unclear["reminder_confirmed"] is None and "Tap Yes or No" in texts(dispatcher)[0]


async def test_saving_a_confirmed_schedule_stores_it_under_the_topic_and_clears_the_slots(in_copenhagen) -> None:
    slots = {"reminder_pending": pending("every evening at 9 to call Sam"), "reminder_confirmed": "yes",
             "flow": "dwelling"}
    dispatcher, events = await run(ActionSaveReminder(), tracker("/affirm", "affirm", slots))
    [saved] = repository.live_reminders(in_copenhagen, ANA)
    assert (saved.note, saved.topic, from_db(saved.next_fire_at)) == ("call Sam", "dwelling", utc("2026-11-23 20:00"))
    assert texts(dispatcher)[0].startswith("Saved.")
    assert payloads(dispatcher) == ["/flow_next"]  # back into the flow they came from
    assert all(events[name] is None for name in REMINDER_SLOTS)
    assert repository.live_reminders(in_copenhagen, BEN) == []


@pytest.mark.parametrize("topic", ["checkin", "weekly_reflection"])
async def test_a_suggested_reminder_is_saved_under_the_suggestions_topic(in_copenhagen, topic: str) -> None:
    slots = {"reminder_pending": pending("every Sunday at 7pm to look back on my week"), "reminder_confirmed": "yes",
             "flow": "dwelling", "reminder_topic": topic}
    await run(ActionSaveReminder(), tracker("/affirm", "affirm", slots))
    [saved] = repository.live_reminders(in_copenhagen, ANA)
    assert (saved.note, saved.topic) == ("look back on my week", topic)


async def test_a_one_off_that_passed_during_the_conversation_is_not_saved(in_copenhagen, monkeypatch) -> None:
    monkeypatch.setattr(reminder_common, "now_utc", lambda: NOW + timedelta(hours=2))
    slots = {"reminder_pending": pending("in 20 minutes"), "reminder_confirmed": "yes"}
    dispatcher, _ = await run(ActionSaveReminder(), tracker("yes", "affirm", slots))
    assert "passed while we were talking" in texts(dispatcher)[0]
    assert repository.count_live(in_copenhagen, ANA) == 0


async def test_the_when_question_offers_guided_choices_and_explains_a_problem() -> None:
    dispatcher, _ = await run(ActionAskReminderWhen(), tracker(slots={}))
    assert texts(dispatcher) == [response_text("utter_reminder_when_question")]
    assert payloads(dispatcher)[:5] == ["rem:when:20m", "rem:when:tonight", "rem:when:morning",
                                        "rem:when:evenings", "rem:when:weekdays"]
    assert payloads(dispatcher)[-1] == "/stop"

    dispatcher, slots = await run(ActionAskReminderWhen(), tracker(slots={"reminder_problem": TOO_FREQUENT_MESSAGE}))
    assert texts(dispatcher) == [f"{TOO_FREQUENT_MESSAGE} Or pick one:"]
    assert slots == {"reminder_problem": None}


async def test_the_zone_question_says_which_zone_is_set(db) -> None:
    dispatcher, _ = await run(ActionAskReminderTimezone(), tracker())
    assert texts(dispatcher) == [response_text("utter_timezone_question")]
    preferences.save_timezone(db, ANA, "America/New_York")
    dispatcher, _ = await run(ActionAskReminderTimezone(), tracker())
    assert texts(dispatcher)[0].startswith("Your time zone is New York (America/New_York), currently UTC-05:00.")


async def test_stop_clears_everything_and_saves_nothing(in_copenhagen) -> None:
    dispatcher, slots = await run(ActionReminderStopped(), tracker("stop", "stop", {"reminder_pending": pending("daily")}))
    assert slots["reminder_pending"] is None and "Nothing was changed" in texts(dispatcher)[0]
    assert repository.count_live(in_copenhagen, ANA) == 0


# -- /timezone ---------------------------------------------------------------------------------


async def test_timezone_form_takes_a_zone_from_the_request_and_moves_recurring_reminders(in_copenhagen) -> None:
    daily = add(in_copenhagen, ANA, "every day at 21:00")
    _, started = await run(ActionStartTimezone(), tracker("/set_timezone", "set_timezone"))
    assert started == {"reminder_timezone": None}
    _, started = await run(ActionStartTimezone(), tracker("my time zone is Berlin", "set_timezone"))
    assert started == {"reminder_timezone": "my time zone is Berlin"}

    dispatcher, slots = await run(ValidateTimezoneForm(), tracker(
        "change my timezone to new york", "set_timezone", just_set={"reminder_timezone": "change my timezone to new york"}))
    assert slots["reminder_timezone"] == "America/New_York"
    assert texts(dispatcher) == ["Got it: New York (America/New_York), currently UTC-05:00. "
                                 "Your regular reminders keep their local times in it."]
    assert from_db(repository.get_reminder(in_copenhagen, ANA, daily.id).next_fire_at) == utc("2026-11-24 02:00")


# -- list, cancel, discreet, wait --------------------------------------------------------------


async def test_list_shows_only_the_persons_own_reminders_with_buttons_and_reports_missed_once(in_copenhagen) -> None:
    daily = add(in_copenhagen, ANA, "every day at 21:00 to call Sam")
    missed = add(in_copenhagen, ANA, "in 20 minutes to drink water")
    add(in_copenhagen, BEN, "weekdays at 8 to text Alex")
    with in_copenhagen.session() as session:
        row = session.get(Reminder, missed.id)
        row.status, row.missed_count = MISSED, 1

    dispatcher, _ = await run(ActionListReminders(), tracker("what reminders do i have", "list_reminders"))
    [text] = texts(dispatcher)
    assert text.startswith("Your reminders:\n1. Every day at 21:00 (Europe/Copenhagen), next today (Mon 23 Nov): call Sam")
    assert "While I was offline I missed \"drink water\"" in text and "Alex" not in text
    assert payloads(dispatcher) == [f"rem:cancel:{daily.id}", "rem:pause"]

    dispatcher, _ = await run(ActionListReminders(), tracker("/list_reminders", "list_reminders"))
    assert "missed" not in texts(dispatcher)[0]


async def test_cancel_asks_which_one_and_says_so_when_there_are_none(in_copenhagen) -> None:
    dispatcher, _ = await run(ActionCancelReminder(), tracker("cancel my reminder", "cancel_reminder"))
    assert texts(dispatcher)[0].startswith("You have no reminders set.") and payloads(dispatcher) == []
    first, second = add(in_copenhagen, ANA, "tomorrow at 9"), add(in_copenhagen, ANA, "weekends at 10")
    dispatcher, _ = await run(ActionCancelReminder(), tracker("cancel my reminder", "cancel_reminder"))
    assert texts(dispatcher)[0].startswith("Which one should I cancel? Tap it below.\nYour reminders:")
    assert payloads(dispatcher) == [f"rem:cancel:{first.id}", f"rem:cancel:{second.id}", "rem:pause", "rem:cxall"]


async def test_discreet_toggles_on_and_off(db) -> None:
    dispatcher, _ = await run(ActionToggleDiscreet(), tracker("/toggle_discreet", "toggle_discreet"))
    assert preferences.is_discreet(db, ANA) and "Discreet mode is on" in texts(dispatcher)[0]
    dispatcher, _ = await run(ActionToggleDiscreet(), tracker("/toggle_discreet", "toggle_discreet"))
    assert not preferences.is_discreet(db, ANA) and "Discreet mode is off" in texts(dispatcher)[0]


async def test_waiting_20_minutes_sets_a_check_back_nudge_without_questions(in_copenhagen) -> None:
    dispatcher, slots = await run(ActionWait20Minutes(), tracker("/wait_20_minutes", "wait_20_minutes",
                                                                 {"flow": "retaliation"}))
    [reminder] = repository.live_reminders(in_copenhagen, ANA)
    assert (reminder.note, reminder.topic, reminder.kind) == (CHECK_BACK_NOTE, "retaliation_check", "once")
    assert slots == {"urge_check": True}  # the check-back's answer is expected
    assert from_db(reminder.next_fire_at) == NOW + timedelta(minutes=20)
    assert texts(dispatcher)[0].startswith("Okay. I'll check back with you in 20 minutes, at 11:20.")
    assert payloads(dispatcher) == ["/flow_next"]


async def test_waiting_works_before_a_time_zone_is_known_and_respects_the_cap(db) -> None:
    await run(ActionWait20Minutes(), tracker("/wait_20_minutes", "wait_20_minutes", sender=BEN))
    [reminder] = repository.live_reminders(db, BEN)
    assert reminder.tz_name == "UTC" and reminder.explicit_time
    for hour in range(repository.MAX_LIVE_REMINDERS - 1):
        add(db, BEN, f"every day at {hour:02d}:00")
    dispatcher, _ = await run(ActionWait20Minutes(), tracker("/wait_20_minutes", "wait_20_minutes", sender=BEN))
    assert texts(dispatcher) == [CAP_REACHED]


def test_flow_offers_become_buttons_with_valid_short_intent_payloads() -> None:
    intents = set(DOMAIN["intents"])
    for offer in ("wait_20_minutes", "reminder", "safety_resources"):
        payload = OFFER_BUTTONS[offer]["payload"]
        assert payload.lstrip("/") in intents and len(payload.encode()) <= 64
    pause = next(step for step in load_guidance().flows["retaliation"].steps if step.offer == "wait_20_minutes")
    assert step_buttons(pause, has_more=True)[0] == OFFER_BUTTONS["wait_20_minutes"]
