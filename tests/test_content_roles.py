"""Who each guidance step is for, and the safety lines the guidance must carry.

Every struggle has steps for the partner who was hurt, for the partner who broke the trust,
and for both / it's complicated / not said; the role question offers all four answers.
Safety: physical danger always comes with the helplines button and a safety-first line,
never advice to tell the partner; forgiveness and vulnerability say what they do not mean;
no commitment keeps contact with an affair partner going.
"""

from __future__ import annotations

import re

import pytest

from coach.content.guidance import ONE_SIDE, load_guidance
from coach.content.role import ROLE_BY_INTENT
from testing.texts import domain_responses

GUIDANCE = load_guidance()
FLOWS = sorted(GUIDANCE.flows)
VIEWS = ("hurt", "broke_trust", "both", "complicated", None)  # None: the role not said (Skip)
MIN_STEPS, MAX_STEPS = 2, 6
DANGER = re.compile(r"physically unsafe|don't feel safe|not safe|afraid of what|violen", re.IGNORECASE)
# Advice to announce leaving ("don't tell them ..." is the safety line itself).
TELL_THEM = re.compile(r"say so honestly|(?<!don't )tell (them|your partner) (you're|you are) (leaving|thinking of leaving)",
                       re.IGNORECASE)
NOT_STAYING = re.compile(r"doesn't mean staying", re.IGNORECASE)


def view(flow_key: str, role: str | None) -> tuple:
    flow = GUIDANCE.flows[flow_key]
    return flow.steps_for(role or ROLE_BY_INTENT.get(flow.intent))


@pytest.mark.parametrize("flow_key", FLOWS)
def test_every_struggle_has_steps_written_for_each_side(flow_key: str) -> None:
    roles = {step.role for step in GUIDANCE.flows[flow_key].steps}
    assert set(ONE_SIDE) <= roles, f"{flow_key}: no step for {set(ONE_SIDE) - roles}"


@pytest.mark.parametrize("role", VIEWS)
@pytest.mark.parametrize("flow_key", FLOWS)
def test_every_side_sees_a_short_whole_flow(flow_key: str, role: str | None) -> None:
    assert MIN_STEPS <= len(view(flow_key, role)) <= MAX_STEPS


@pytest.mark.parametrize("role", ("both", "complicated", None))
@pytest.mark.parametrize("flow_key", [key for key in FLOWS if GUIDANCE.flows[key].intent not in ROLE_BY_INTENT])
def test_both_and_unknown_never_get_a_step_written_for_one_side(flow_key: str, role: str | None) -> None:
    assert [step.id for step in view(flow_key, role) if step.role in ONE_SIDE] == []


def test_anxiety_with_the_role_unknown_is_not_written_for_the_hurt_partner_only() -> None:
    assert "struggle_anxiety" not in ROLE_BY_INTENT
    unknown = view("anxiety", None)
    assert unknown and all(step.role not in ONE_SIDE for step in unknown)


def test_the_partner_who_broke_trust_gets_never_enough_and_how_to_answer_a_trigger() -> None:
    assert "never_enough" in [step.id for step in view("worth_it", "broke_trust")]
    assert "when_triggered" in [step.id for step in view("dwelling", "broke_trust")]


@pytest.mark.parametrize("response", ["utter_flow_role_question", "utter_flow_role_again"])
def test_the_role_question_offers_both_of_us_and_its_complicated(response: str) -> None:
    [variant] = domain_responses()[response]
    assert [(b["title"], b["payload"]) for b in variant["buttons"]] == [
        ("I was hurt", "/role_hurt"), ("I broke the trust", "/role_broke_trust"),
        ("Both of us", "/role_both"), ("It's complicated", "/role_complicated"), ("Skip", "/flow_next")]


# -- safety ----------------------------------------------------------------------------------

ALL_STEPS = [(key, step) for key in FLOWS for step in GUIDANCE.flows[key].steps]


@pytest.mark.parametrize("flow_key, step", ALL_STEPS, ids=lambda item: getattr(item, "id", item))
def test_physical_danger_always_leads_to_the_helplines_and_never_to_telling_them(flow_key: str, step) -> None:
    assert not TELL_THEM.search(step.text), f"{flow_key}/{step.id}"
    if DANGER.search(step.text):
        assert step.offer == "safety_resources", f"{flow_key}/{step.id} mentions danger without the helplines"
        assert "safety comes first" in step.text


@pytest.mark.parametrize("role", VIEWS)
def test_whether_to_stay_is_never_weighed_without_the_safety_first_line(role: str | None) -> None:
    ids = [step.id for step in view("worth_it", role)]
    assert ids.index("safety_first") < ids.index("signs_to_go")


@pytest.mark.parametrize("role", VIEWS)
def test_forgiveness_says_it_is_not_staying_reconciling_or_accepting_mistreatment(role: str | None) -> None:
    said = [step for step in view("forgiveness", role) if NOT_STAYING.search(step.text)]
    assert said, f"the forgiveness flow as {role} never says what forgiving does not mean"
    assert all("treated badly" in step.text and "still leave" in step.text for step in said)


def test_vulnerability_never_means_accepting_mistreatment() -> None:
    let_them_in = next(step for step in GUIDANCE.flows["disconnection"].steps if step.id == "let_them_in")
    assert "never means accepting being hurt or treated badly" in let_them_in.text


def test_no_commitment_keeps_contact_with_an_affair_partner_going() -> None:
    texts = " ".join(step.text for _, step in ALL_STEPS).lower()
    assert "whenever that person gets in touch" not in texts
    assert "contact with the person involved is mentioned" not in texts
    be_specific = next(step for step in GUIDANCE.flows["apology"].steps if step.id == "be_specific")
    assert "ended all contact" in be_specific.text


def test_the_hard_day_check_in_line_points_to_support_and_help() -> None:
    [variant] = domain_responses()["utter_checkin_encouragement_1"]
    assert "/help" in variant["text"] and "counsellor" in variant["text"]


def test_the_retaliation_cool_off_is_in_the_first_message_with_its_button() -> None:
    for role in VIEWS:
        first = view("retaliation", role)[0]
        assert "20 minutes" in first.text and first.offer == "wait_20_minutes"
    assert any(step.id == "ongoing_punishment" and "silent treatment" in step.text for step in GUIDANCE.flows["retaliation"].steps)


def test_reflection_as_opposed_to_rumination_gets_a_next_step() -> None:
    step = next(step for step in GUIDANCE.flows["dwelling"].steps if step.id == "reflect_or_ruminate")
    assert "If it's reflection, give it somewhere to go" in step.text
