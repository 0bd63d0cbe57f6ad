"""The crisis decision (coach/safety/decision.py) on its own: which layer wins, free text
against form answers, and the threshold sweep's vectorised copy agreeing with it."""

from __future__ import annotations

import random

import pytest

from bench.safety_thresholds import Case, _Arrays
from coach.safety.decision import ANSWER, CHECK, CRISIS, SafetyPolicy, decide
from coach.safety.detector import CrisisMatch
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


def test_the_sweeps_vectorised_copy_agrees_with_decide() -> None:
    rng = random.Random(7)
    names = ["crisis_self_harm", "crisis_abuse", "struggle_apology", "greet", "role_hurt"]
    cases = []
    for _ in range(400):
        first, second = rng.sample(names, 2)
        top = rng.uniform(0.3, 1.0)
        crisis = rng.uniform(0.2, 0.8)
        cases.append(Case(
            text="x", crisis=False, in_form=rng.random() < 0.5, source="synthetic",
            phrase=None,
            semantic=SemanticScores(rng.choice(["crisis_self_harm", "crisis_abuse"]), crisis, crisis - rng.uniform(-0.2, 0.2)),
            ranking=((first, top), (second, rng.uniform(0.0, top))),
        ))
    arrays = _Arrays(cases)
    for policy in (POLICY, SafetyPolicy(), SafetyPolicy(in_form_confident=0.6, in_form_confident_margin=-0.05)):
        crisis_reply, check = arrays.outcomes(policy)
        for case, reply, asked in zip(cases, crisis_reply, check):
            verdict = decide(case.ranking, case.phrase, case.semantic, case.in_form, policy)
            assert bool(reply) == (verdict is not None and verdict.action == CRISIS)
            assert bool(asked) == (verdict is not None and verdict.action == CHECK)
