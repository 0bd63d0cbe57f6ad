"""The crisis decision (coach/safety/decision.py) on its own: which layer wins, free text
against form answers. (The threshold sweep checks its vectorised copy against ``decide``
itself, in bench/safety_thresholds.py: tests and benchmarks never import each other.)"""

from __future__ import annotations

import pytest

from coach.safety.decision import ANSWER, CHECK, CRISIS, SafetyPolicy, decide
from coach.safety.detector import CrisisMatch
from coach.safety.head import HeadScore
from coach.safety.semantic import SemanticScores

POLICY = SafetyPolicy(similarity=0.6, margin=0.05, in_form_similarity=0.6, in_form_margin=0.05, near_top=0.1,
                      classifier_margin=0.0, in_form_classifier_margin=0.1, in_form_confident=0.7,
                      in_form_confident_margin=0.0)
UNCLEAR = SemanticScores("crisis_self_harm", crisis=0.45, safe=0.43)  # margin +0.02: backs nothing alone
NEARER_SAFE = SemanticScores("crisis_self_harm", crisis=0.40, safe=0.50)


def test_a_phrase_match_is_a_crisis_whatever_the_other_layers_say() -> None:
    phrase = CrisisMatch(kind="crisis_abuse", phrase="he hit me", rule="physical_harm")
    verdict = decide([("greet", 0.99)], phrase, NEARER_SAFE, in_form=True, policy=POLICY)
    assert (verdict.action, verdict.kind, verdict.layer) == (CRISIS, "crisis_abuse", "phrases")


def test_meaning_near_crisis_examples_is_a_crisis() -> None:
    near = SemanticScores("crisis_abuse", crisis=0.7, safe=0.5)
    verdict = decide([("struggle_anxiety", 0.8)], None, near, in_form=False, policy=POLICY)
    assert (verdict.action, verdict.kind, verdict.layer) == (CRISIS, "crisis_abuse", "meaning")


def test_a_crisis_intent_just_under_the_fallback_threshold_is_not_dropped() -> None:
    ranking = [("struggle_dwelling", 0.42), ("crisis_self_harm", 0.41)]
    verdict = decide(ranking, None, None, in_form=False, policy=POLICY)
    assert (verdict.action, verdict.kind) == (CRISIS, "crisis_self_harm")


def test_free_text_the_meaning_does_not_back_gets_a_safety_check() -> None:
    verdict = decide([("crisis_self_harm", 0.9)], None, NEARER_SAFE, in_form=False, policy=POLICY)
    assert verdict.action == CHECK


def test_a_crisis_intent_far_below_the_top_is_ignored() -> None:
    ranking = [("struggle_money", 0.8), ("crisis_self_harm", 0.1)]
    assert decide(ranking, None, UNCLEAR, in_form=False, policy=POLICY) is None


@pytest.mark.parametrize(("confidence", "action"), [(0.95, CRISIS), (0.7, CRISIS), (0.69, ANSWER), (0.5, ANSWER)])
def test_inside_a_form_a_sure_classifier_needs_less_from_the_meaning(confidence: float, action: str) -> None:
    ranking = [("crisis_self_harm", confidence), ("struggle_apology", 1 - confidence)]
    assert decide(ranking, None, UNCLEAR, in_form=True, policy=POLICY).action == action


def test_inside_a_form_a_sure_classifier_is_still_overruled_by_clearly_safe_meaning() -> None:
    ranking = [("crisis_self_harm", 0.99)]
    assert decide(ranking, None, NEARER_SAFE, in_form=True, policy=POLICY).action == ANSWER


def test_the_confident_rule_is_off_by_default_and_never_applies_to_free_text() -> None:
    ranking = [("crisis_self_harm", 0.99)]
    off = SafetyPolicy(in_form_classifier_margin=0.1)
    assert decide(ranking, None, UNCLEAR, in_form=True, policy=off).action == ANSWER
    free = SafetyPolicy(classifier_margin=0.1, in_form_confident=0.5, in_form_confident_margin=-1.0)
    assert decide(ranking, None, UNCLEAR, in_form=False, policy=free).action == CHECK


NEAR_CRISIS = SemanticScores("crisis_self_harm", crisis=0.7, safe=0.5)


def test_free_text_told_as_history_that_is_over_gets_a_check_not_the_crisis_reply() -> None:
    verdict = decide([("crisis_self_harm", 0.9)], None, NEAR_CRISIS, in_form=False, policy=POLICY, history_over=True)
    assert (verdict.action, verdict.kind, verdict.layer) == (CHECK, "crisis_self_harm", "meaning")


def test_history_that_is_over_never_softens_the_phrase_net_or_a_form_answer() -> None:
    phrase = CrisisMatch(kind="crisis_self_harm", phrase="kill myself", rule="kill_myself")
    assert decide([("greet", 0.9)], phrase, None, in_form=False, policy=POLICY, history_over=True).action == CRISIS
    assert decide([("crisis_self_harm", 0.9)], None, NEAR_CRISIS, in_form=True, policy=POLICY,
                  history_over=True).action == CRISIS


def test_told_as_over_reads_the_whole_message() -> None:
    from coach.safety.detector import told_as_over

    assert told_as_over("took too many pills at 19, im 35 now and doing well")
    assert told_as_over("four years self harm free and proud")
    assert not told_as_over("i overdosed at 19 and ive got the pills out again tonight")
    assert not told_as_over("took too many pills, doing well they said at the hospital")
    assert not told_as_over("i hate him so much")


def test_the_check_floor_lets_clearly_safe_meaning_overrule_a_classifier_only_check() -> None:
    floored = SafetyPolicy(**{**POLICY.__dict__, "check_floor": -0.05})
    ranking = [("crisis_self_harm", 0.9)]
    # margin -0.10: answered as itself; the crisis intent must not stay on top (it would route to the crisis reply)
    assert decide(ranking, None, NEARER_SAFE, in_form=False, policy=floored).action == ANSWER
    assert decide(ranking, None, UNCLEAR, in_form=False, policy=floored).action == CRISIS  # backed
    assert decide(ranking, None, NEARER_SAFE, in_form=False, policy=POLICY).action == CHECK  # floor off
    assert decide(ranking, None, NEARER_SAFE, in_form=True, policy=floored).action == ANSWER  # forms unchanged


HEAD_POLICY = SafetyPolicy(**{**POLICY.__dict__, "head_check": 0.7, "in_form_head": 0.9})
HEAD_SURE = HeadScore("crisis_self_harm", crisis=0.95)
HEAD_UNSURE = HeadScore("crisis_abuse", crisis=0.6)


def test_the_head_is_off_by_default() -> None:
    assert decide([("struggle_dwelling", 0.9)], None, UNCLEAR, in_form=False, head=HEAD_SURE) is None
    assert decide([("struggle_dwelling", 0.9)], None, UNCLEAR, in_form=True, head=HEAD_SURE) is None


@pytest.mark.parametrize(("head", "in_form", "expected"), [
    (HEAD_SURE, False, (CHECK, "crisis_self_harm", "head")),     # free text: asked, never coached
    (HEAD_UNSURE, False, None),
    (HEAD_SURE, True, (CRISIS, "crisis_self_harm", "head")),    # a form answer: needs in_form_head
    (HeadScore("crisis_abuse", crisis=0.85), True, None),
])
def test_where_the_other_layers_are_silent_the_head_speaks_at_its_thresholds(head, in_form, expected) -> None:
    verdict = decide([("struggle_dwelling", 0.9)], None, UNCLEAR, in_form=in_form, policy=HEAD_POLICY, head=head)
    assert (None if verdict is None else (verdict.action, verdict.kind, verdict.layer)) == expected


def test_the_head_never_softens_what_another_layer_decided() -> None:
    near = SemanticScores("crisis_abuse", crisis=0.7, safe=0.5)
    verdict = decide([("struggle_anxiety", 0.8)], None, near, in_form=False, policy=HEAD_POLICY, head=HEAD_SURE)
    assert (verdict.action, verdict.kind, verdict.layer) == (CRISIS, "crisis_abuse", "meaning")


def test_the_head_can_still_ask_about_free_text_the_check_floor_would_answer() -> None:
    policy = SafetyPolicy(**{**HEAD_POLICY.__dict__, "check_floor": -0.05})
    ranking = [("crisis_self_harm", 0.9)]
    assert decide(ranking, None, NEARER_SAFE, in_form=False, policy=policy).action == ANSWER
    assert decide(ranking, None, NEARER_SAFE, in_form=False, policy=policy, head=HEAD_SURE).action == CHECK
