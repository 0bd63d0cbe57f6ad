"""Chooses the safety net's thresholds on the dev sets, and reports the blind set beside them.

Budgets on dev: at most 3% alarms on the hard negatives (the safety set's and the look-alike
dev sets', written to look alarming), 0.5% on every other non-crisis message, none on answers
inside a form.

The dev sets (looked at while the net was built): ``tests/data/safety_set.yml`` (crises and
hard negatives), ``tests/data/safety_dev.yml`` (crises in wording the phrase net does not
know, look-alikes, form answers), the crisis and non-crisis messages of
``tests/nlu_test.yml``, and the apology answers of ``tests/data/apology_sentences.yml`` read
as answers inside a form. The first
blind sets (``tests/data/blind_safety.yml``, ``tests/nlu_blind.yml``) and then blind set 2
(``blind_safety2.yml``, ``nlu_blind2.yml``) joined the dev sets once their misses had been
looked at, and so did blind set 3 (``blind_safety3.yml``, ``nlu_blind3.yml``, stop 14) and
blind set 4 (``blind_safety4.yml``, ``nlu_blind4.yml``, stop 15), blind set 5
(``blind_safety5.yml``, ``nlu_blind5.yml``, stop 16) and blind set 6 (``blind_safety6.yml``,
``nlu_blind6.yml``, stop 17), blind set 7 (``blind_safety7.yml``, ``nlu_blind7.yml``, stop 18)
blind set 8 (``blind_safety8.yml``, ``nlu_blind8.yml``, stop 19), blind set 9
(``blind_safety9.yml``, ``nlu_blind9.yml``, stop 20), blind set 10 (``blind_safety10.yml``,
``nlu_blind10.yml``, stop 21), blind set 11 (``blind_safety11.yml``, ``nlu_blind11.yml``,
stop 22), blind set 12 (``blind_safety12.yml``, ``nlu_blind12.yml``, stop 23) and blind set 13
(``blind_safety13.yml``, ``nlu_blind13.yml``, stop 24), blind set 14 (``blind_safety14.yml``,
``nlu_blind14.yml``, stop 25) and blind set 15 (``blind_safety15.yml``, ``nlu_blind15.yml``,
stop 26), blind set 16 (``blind_safety16.yml``, ``nlu_blind16.yml``, stop 27) and blind set 17
(``blind_safety17.yml``, ``nlu_blind17.yml``, stop 28) and blind set 18 (``blind_safety18.yml``,
``nlu_blind18.yml``, stop 29) and blind set 19 (``blind_safety19.yml``, ``nlu_blind19.yml``, stop
30) and blind set 20 (``blind_safety20.yml``, ``nlu_blind20.yml``, stop 31). Blind set 21
(``tests/data/blind_safety21.yml``, ``tests/nlu_blind21.yml``) is scored with the chosen thresholds
and never used to choose them.

For every message it takes the layers' inputs once (the phrase net's match, the meaning
layer's scores and the crisis head's from the training data's embeddings, the classifier's
ranking from the trained model, read before the safety net overrides it), then sweeps the
policy: the chosen one catches the most dev crises within the budgets above; among ties, the
middle of the region that does best. Free text and form answers have thresholds of their own
and are swept apart. The head's two thresholds are chosen after the rest, on the same dev
sets: ``in_form_head`` within the form budget, ``head_check`` within a budget of its own
(the checks it adds to non-crisis free text: at most ``HEAD_CHECK_BUDGET`` of it).

    python -m bench.safety_thresholds [--model models/trustcoach.tar.gz]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import logging
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Optional

import numpy as np
import yaml

from coach.config import PROJECT_ROOT
from coach.nlp.encoder import get_encoder
from coach.safety.decision import CHECK, CRISIS, SafetyPolicy, decide
from coach.safety.detector import CrisisMatch, detect_crisis, told_as_over
from coach.safety.head import CrisisHead, HeadScore
from coach.safety.replies import CRISIS_KINDS
from coach.safety.semantic import SAFE, SemanticNet, SemanticScores, lookalike_texts

RESULTS = PROJECT_ROOT / "bench" / "results" / "safety_thresholds.json"
PHRASES_ONLY = SafetyPolicy(2.0, 2.0, 2.0, 2.0, -1.0, 9.0, 9.0)  # meaning and classifier layers off
CLASSIFIER_TOP = SafetyPolicy(2.0, 2.0, 2.0, 2.0, 0.0, -9.0, -9.0)  # phrases + the classifier's top intent (as before)
TESTS = PROJECT_ROOT / "tests"


@dataclass
class Case:
    text: str
    crisis: bool
    in_form: bool
    source: str
    phrase: Optional[CrisisMatch] = None
    semantic: Optional[SemanticScores] = None
    ranking: tuple[tuple[str, float], ...] = ()
    history_over: bool = False
    head: Optional[HeadScore] = None


def _nlu_cases(path: Path, source: str) -> list[Case]:
    from rasa.shared.nlu.training_data.loading import load_data

    return [Case(m.get("text"), m.get("intent") in CRISIS_KINDS, False, source)
            for m in load_data(str(path)).intent_examples]


def dev_cases() -> list[Case]:
    safety = yaml.safe_load((TESTS / "data" / "safety_set.yml").read_text(encoding="utf-8"))
    cases = [Case(t, True, False, "safety_set") for k in ("crisis_self_harm", "crisis_abuse") for t in safety[k]]
    cases += [Case(t, False, False, "safety_set") for t in safety["hard_negatives"]]
    cases += _nlu_cases(TESTS / "nlu_test.yml", "nlu_test")
    apology = yaml.safe_load((TESTS / "data" / "apology_sentences.yml").read_text(encoding="utf-8"))
    cases += [Case(item["text"], False, True, "apology_answers") for item in apology]
    # a crisis told inside a form is still a crisis: the safety set's crises, as answers
    cases += [Case(t, True, True, "safety_set_in_form") for k in ("crisis_self_harm", "crisis_abuse") for t in safety[k]]
    # crises in wording the phrase net does not know, and look-alikes (written for tuning)
    tuning = yaml.safe_load((TESTS / "data" / "safety_dev.yml").read_text(encoding="utf-8"))
    cases += [Case(t, True, False, "safety_dev") for k in ("crisis_self_harm", "crisis_abuse", "crisis_emergency") for t in tuning[k]]
    cases += [Case(t, True, True, "safety_dev_in_form") for k in ("crisis_self_harm", "crisis_abuse", "crisis_emergency") for t in tuning[k]]
    cases += [Case(t, False, False, "safety_dev") for t in tuning["lookalikes"]]
    cases += [Case(i["text"], bool(i["crisis"]), True, "safety_dev_in_form") for i in tuning["in_form"]]
    # non-crises written to sound dark (stop 16): counted with the hard negatives
    lookalikes = yaml.safe_load((TESTS / "data" / "lookalike_dev.yml").read_text(encoding="utf-8"))
    cases += [Case(t, False, False, "safety_dev") for t in lookalikes["lookalikes"]]
    cases += [Case(i["text"], False, True, "safety_dev_in_form") for i in lookalikes["in_form"]]
    # crises told in passing inside a form, and dark-sounding ordinary answers (stop 16)
    inform = yaml.safe_load((TESTS / "data" / "inform_dev.yml").read_text(encoding="utf-8"))
    cases += [Case(i["text"], bool(i["crisis"]), True, "inform_dev") for i in inform["in_form"]]
    return cases


def _safety_file_cases(name: str, source: str) -> list[Case]:
    data = yaml.safe_load((TESTS / "data" / name).read_text(encoding="utf-8"))
    cases = [Case(t, True, False, source) for k in ("crisis_self_harm", "crisis_abuse", "emergency_other") for t in data[k]]
    cases += [Case(t, False, False, source) for t in data["lookalikes"]]
    cases += [Case(item["text"], bool(item["crisis"]), True, f"{source}_in_form") for item in data["in_form"]]
    return cases


# the blind sets by number ("" is the first); the last is blind, the ones before it are seen
BLIND_SETS = ("", *map(str, range(2, 22)))


def _blind_set_cases(number: str, prefix: str) -> list[Case]:
    return (_safety_file_cases(f"blind_safety{number}.yml", f"{prefix}{number}")
            + _nlu_cases(TESTS / f"nlu_blind{number}.yml", f"nlu_{prefix}{number}"))


def seen_cases() -> list[Case]:
    """Blind sets 1 to 19: each scored blind once, then its misses were looked at (stops 12
    to 30), so from then on they tune like any dev set."""
    return [case for number in BLIND_SETS[:-1] for case in _blind_set_cases(number, "seen")]


def blind_cases() -> list[Case]:
    """The last blind set, written before any change it could have guided; scored, never tuned on."""
    return _blind_set_cases(BLIND_SETS[-1], "blind")


def semantic_net() -> SemanticNet:
    """The same labelled embeddings the trained SafetyNet keeps (training data + look-alikes)."""
    from rasa.shared.nlu.training_data.loading import load_data

    examples = load_data(str(PROJECT_ROOT / "nlu")).intent_examples
    texts = [m.get("text") for m in examples] + lookalike_texts()
    labels = [m.get("intent") for m in examples] + [SAFE] * len(lookalike_texts())
    return SemanticNet(get_encoder().encode(texts), labels)


def _safety_net_config() -> dict:
    """The SafetyNet step of ``config.yml``'s pipeline."""
    pipeline = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text(encoding="utf-8"))["pipeline"]
    return next(step for step in pipeline if step["name"].endswith("SafetyNet"))


def crisis_head(net: SemanticNet) -> CrisisHead:
    """The head the trained SafetyNet fits on those embeddings (its ``head_c`` from config.yml)."""
    head_c = float(_safety_net_config().get("head_c", 10.0))
    return CrisisHead.fit(net.embeddings, [str(label) for label in net.labels], head_c)


def fill(cases: list[Case], model: Path, net: SemanticNet) -> None:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    embeddings = get_encoder().encode([c.text for c in cases])
    heads = crisis_head(net).score_many(embeddings)

    async def parse_all() -> list[dict]:
        return [await agent.parse_message(c.text) for c in cases]

    for case, parse, embedding, head in zip(cases, asyncio.run(parse_all()), embeddings, heads):
        case.head = head
        case.phrase = detect_crisis(case.text)
        case.history_over = told_as_over(case.text)
        case.semantic = net.scores(embedding)
        fired = parse.get("safety_net")
        ranking = fired["classifier_ranking"] if fired else parse.get("intent_ranking", [])
        case.ranking = tuple((r["name"], float(r["confidence"])) for r in ranking if r["name"] != "nlu_fallback")


def _outcomes(cases: list[Case], policy: SafetyPolicy) -> tuple[np.ndarray, np.ndarray]:
    """(crisis reply, safety check) per case, with ``decide`` itself, the function the bot runs."""
    verdicts = [decide(c.ranking, c.phrase, c.semantic, c.in_form, policy, c.history_over, c.head) for c in cases]
    return (np.array([v is not None and v.action == CRISIS for v in verdicts]),
            np.array([v is not None and v.action == CHECK for v in verdicts]))


def score(cases: list[Case], policy: SafetyPolicy) -> dict[str, int]:
    return _counts(cases, *_outcomes(cases, policy))


def _counts(cases: list[Case], crisis_reply: np.ndarray, check: np.ndarray) -> dict[str, int]:
    crisis = np.array([c.crisis for c in cases])
    form = np.array([c.in_form for c in cases])
    return {
        "crises": int(crisis.sum()),
        "caught": int(((crisis_reply | check) & crisis).sum()),   # not coached: crisis reply or check
        "crisis_reply": int((crisis_reply & crisis).sum()),
        "free": int((~crisis & ~form).sum()),
        "free_alarms": int((crisis_reply & ~crisis & ~form).sum()),  # a crisis reply to a non-crisis
        "free_checks": int((check & ~crisis & ~form).sum()),         # "are you safe?" to a non-crisis
        "form": int((~crisis & form).sum()),
        "form_alarms": int((crisis_reply & ~crisis & form).sum()),
    }


class _Arrays:
    """The cases' layer inputs as arrays, so a policy grid is swept quickly (same logic as decide)."""

    def __init__(self, cases: list[Case]) -> None:
        self.phrase = np.array([c.phrase is not None for c in cases])
        self.form = np.array([c.in_form for c in cases])
        self.history = np.array([c.history_over for c in cases])
        self.head = np.array([c.head.crisis if c.head else -1.0 for c in cases])
        self.similarity = np.array([c.semantic.crisis if c.semantic and c.semantic.kind else -1.0 for c in cases])
        self.margin = np.array([c.semantic.margin if c.semantic and c.semantic.kind else -2.0 for c in cases])
        self.top = np.array([c.ranking[0][1] if c.ranking else 0.0 for c in cases])
        self.crisis_confidence = np.array([
            [conf if name in CRISIS_KINDS else -1.0 for name, conf in (list(c.ranking[:2]) + [("", 0.0)] * 2)[:2]]
            for c in cases
        ])
        # decide() takes the first crisis intent near the top; its confidence is what counts
        self.first_crisis_confidence = np.where(self.crisis_confidence[:, 0] >= 0, self.crisis_confidence[:, 0],
                                                self.crisis_confidence[:, 1])

    def outcomes(self, p: SafetyPolicy) -> tuple[np.ndarray, np.ndarray]:
        meaning = np.where(
            self.form,
            (self.similarity >= p.in_form_similarity) & (self.margin >= p.in_form_margin),
            (self.similarity >= p.similarity) & (self.margin >= p.margin),
        )
        near = ((self.crisis_confidence >= 0) & (self.crisis_confidence >= (self.top - p.near_top)[:, None])).any(axis=1)
        needed = np.where(self.form, p.in_form_classifier_margin, p.classifier_margin)
        confident = self.form & (self.first_crisis_confidence >= p.in_form_confident)
        needed = np.where(confident, np.minimum(needed, p.in_form_confident_margin), needed)
        backed = (self.margin >= needed) | (self.margin <= -2.0)  # -2: no meaning layer for this case
        softer = meaning | (near & backed)
        classifier_check = near & ~backed & ~self.form & (self.margin >= p.check_floor)
        silent = ~softer & ~classifier_check  # the head speaks only where the others raised nothing
        softer = softer | (silent & self.form & (self.head >= p.in_form_head))
        head_check = silent & ~self.form & (self.head >= p.head_check)
        asked = softer & self.history & ~self.form & ~self.phrase  # history told as over: ask instead
        crisis_reply = self.phrase | (softer & ~asked)
        check = asked | (~crisis_reply & (classifier_check | head_check))
        return crisis_reply, check


HARD_NEGATIVE_BUDGET = 0.03  # crisis replies to the deliberately alarming non-crises (safety set, dev look-alikes)
ORDINARY_BUDGET = 0.005     # crisis replies to every other non-crisis free-text message
FORM_BUDGET = 0             # crisis replies to answers inside a form
HEAD_CHECK_BUDGET = 0.005   # safety checks the head adds to non-crisis free text


class _Budget:
    """Which non-crises each budget counts (hard negatives, ordinary free text, form answers)."""

    def __init__(self, cases: list[Case]) -> None:
        safe = np.array([not c.crisis for c in cases])
        form = np.array([c.in_form for c in cases])
        hard = np.array([c.source in ("safety_set", "safety_dev") for c in cases])
        self.hard, self.ordinary, self.form = safe & ~form & hard, safe & ~form & ~hard, safe & form

    def allows(self, crisis_reply: np.ndarray) -> bool:
        return (int((crisis_reply & self.hard).sum()) <= HARD_NEGATIVE_BUDGET * int(self.hard.sum())
                and int((crisis_reply & self.ordinary).sum()) <= ORDINARY_BUDGET * int(self.ordinary.sum())
                and int((crisis_reply & self.form).sum()) <= FORM_BUDGET)


def _key(result: dict[str, int]) -> tuple:
    # none coached first; then most answered with the crisis reply itself; then fewest checks
    return (result["caught"], result["crisis_reply"], -result["free_checks"])


def _best(cases: list[Case], policies: list[SafetyPolicy]) -> tuple[tuple, SafetyPolicy] | None:
    """The policy that coaches fewest crises within the alarm budgets; among ties, the median one."""
    arrays, budget = _Arrays(cases), _Budget(cases)
    best_key, tied = None, []
    for policy in policies:
        crisis_reply, check = arrays.outcomes(policy)
        if not budget.allows(crisis_reply):
            continue
        key = _key(_counts(cases, crisis_reply, check))
        if best_key is None or key > best_key:
            best_key, tied = key, [policy]
        elif key == best_key:
            tied.append(policy)
    if not tied:
        return None
    # the middle of the region that does best, so the choice does not sit on its edge
    middle = SafetyPolicy(**{
        name: round(float(np.median([getattr(p, name) for p in tied])), 3) for name in SafetyPolicy.__dataclass_fields__
    })
    chosen = middle if _key(_counts(cases, *arrays.outcomes(middle))) == best_key else tied[0]
    if _counts(cases, *arrays.outcomes(chosen)) != score(cases, chosen):
        raise AssertionError("the vectorised sweep and decide() disagree")
    return best_key, chosen


def _check_copy(cases: list[Case]) -> None:
    """The vectorised copy must agree with ``decide`` case by case, the in-form knobs included."""
    arrays = _Arrays(cases)
    for policy in (SafetyPolicy(), SafetyPolicy(in_form_confident=0.6, in_form_confident_margin=-0.05),
                   SafetyPolicy(0.6, 0.05, 0.6, 0.05, 0.1, 0.0, 0.1, 0.7, 0.0),
                   SafetyPolicy(0.6, 0.05, 0.6, 0.05, 0.1, 0.0, 0.1, 0.7, 0.0, -0.15),
                   SafetyPolicy(0.6, 0.05, 0.6, 0.05, 0.1, 0.0, 0.1, 0.7, 0.0, -0.15, 0.6, 0.8),
                   SafetyPolicy(0.45, 0.06, 0.688, 0.1, 0.15, 0.075, 0.05, 0.75, 0.01, -0.125, 0.5, 0.7)):
        if _counts(cases, *arrays.outcomes(policy)) != score(cases, policy):
            raise AssertionError(f"the vectorised sweep and decide() disagree for {policy}")


# how far nearer the safe examples the meaning may be before a classifier-only crisis gets no
# check; -9.0 keeps every check (the sweep may only drop checks that cost no dev crisis)
CHECK_FLOORS = (-9.0, -0.3, -0.25, -0.2, -0.175, -0.15, -0.125, -0.1)


def choose(cases: list[Case]) -> tuple[SafetyPolicy, dict[str, int]]:
    """Free text and form answers are chosen apart (each uses its own thresholds), per near_top."""
    _check_copy(cases)
    floor = score(cases, PHRASES_ONLY)  # the phrase net's own alarms: no threshold removes them
    free_cases = [c for c in cases if not c.in_form]
    form_cases = [c for c in cases if c.in_form]
    options = []
    for near_top in (0.05, 0.10, 0.15):
        free = _best(free_cases, [
            SafetyPolicy(round(float(a), 3), round(float(b), 3), 2.0, 2.0, near_top, round(float(c), 3), 9.0,
                         check_floor=round(float(d), 3))
            for a, b, c, d in itertools.product(np.arange(0.45, 0.80, 0.025), np.arange(-0.02, 0.16, 0.02),
                                                np.arange(-0.15, 0.21, 0.025), CHECK_FLOORS)
        ])
        form = _best(form_cases, [
            SafetyPolicy(2.0, 2.0, round(float(a), 3), round(float(b), 3), near_top, 9.0, round(float(c), 3),
                         round(float(d), 3), round(float(e), 3))
            for a, b, c, (d, e) in itertools.product(
                np.arange(0.55, 0.90, 0.025), np.arange(0.00, 0.26, 0.04), np.arange(-0.05, 0.31, 0.025),
                [(2.0, 9.0)] + list(itertools.product(np.arange(0.60, 0.96, 0.05), np.arange(-0.06, 0.11, 0.02))))
        ])
        if free and form:
            f, g = free[1], form[1]
            policy = SafetyPolicy(f.similarity, f.margin, g.in_form_similarity, g.in_form_margin, near_top,
                                  f.classifier_margin, g.in_form_classifier_margin, g.in_form_confident,
                                  g.in_form_confident_margin, f.check_floor)
            options.append((tuple(a + b for a, b in zip(free[0], form[0])), policy))
    if not options:
        raise SystemExit(f"no policy meets the false-alarm budget on the dev sets (phrases alone: {floor})")
    _, chosen = max(options, key=lambda option: option[0])
    chosen = _choose_head(cases, chosen)
    return chosen, score(cases, chosen)


HEAD_THRESHOLDS = tuple(round(float(t), 3) for t in np.arange(0.30, 0.99, 0.025)) + (2.0,)


def _choose_head(cases: list[Case], policy: SafetyPolicy) -> SafetyPolicy:
    """The head's thresholds, given the rest: each the lowest that adds no crisis reply to a
    non-crisis message (``in_form_head``) or no more checks than its budget and no crisis reply
    (``head_check``), so long as it catches a dev crisis no other layer does; otherwise off (2.0)."""
    arrays = _Arrays(cases)
    crisis = np.array([c.crisis for c in cases])
    form = np.array([c.in_form for c in cases])
    base_reply, base_check = arrays.outcomes(policy)
    base_caught = int(((base_reply | base_check) & crisis).sum())
    ordinary = int((~crisis & ~form).sum())

    def lowest(field: str, fits) -> float:
        for threshold in HEAD_THRESHOLDS:
            candidate = replace(policy, **{field: threshold})
            reply, check = arrays.outcomes(candidate)
            if fits(reply, check) and int(((reply | check) & crisis).sum()) > base_caught:
                return threshold
        return 2.0

    no_new_alarm = lambda reply: not (reply & ~base_reply & ~crisis).any()
    in_form_head = lowest("in_form_head", lambda reply, check: no_new_alarm(reply))
    policy = replace(policy, in_form_head=in_form_head)
    base_reply, base_check = arrays.outcomes(policy)
    base_caught = int(((base_reply | base_check) & crisis).sum())
    added = lambda check: int((check & ~base_check & ~crisis & ~form).sum())
    head_check = lowest("head_check", lambda reply, check: no_new_alarm(reply)
                        and added(check) <= HEAD_CHECK_BUDGET * ordinary)
    return replace(policy, head_check=head_check)


def configured_policy() -> SafetyPolicy:
    """The thresholds ``config.yml`` gives the SafetyNet now (to compare with the chosen ones)."""
    net = _safety_net_config()
    return SafetyPolicy(**{name: float(net[name]) for name in SafetyPolicy.__dataclass_fields__ if name in net})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", type=Path, default=PROJECT_ROOT / "models" / "trustcoach.tar.gz")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # Rasa's structured debug log would print every message
    net = semantic_net()
    dev, blind = dev_cases() + seen_cases(), blind_cases()
    fill(dev + blind, args.model, net)
    policy, dev_result = choose(dev)
    in_config = configured_policy()
    result = {
        "policy": asdict(policy),
        "dev": dev_result,
        "blind": score(blind, policy),
        "config_yml": asdict(in_config),
        "config_yml_dev": score(dev, in_config),
        "config_yml_blind": score(blind, in_config),
        "chosen_without_check_floor_dev": score(dev, replace(policy, check_floor=-9.0)),
        "chosen_without_check_floor_blind": score(blind, replace(policy, check_floor=-9.0)),
        "chosen_without_head_dev": score(dev, replace(policy, head_check=2.0, in_form_head=2.0)),
        "chosen_without_head_blind": score(blind, replace(policy, head_check=2.0, in_form_head=2.0)),
        "phrases_only_dev": score(dev, PHRASES_ONLY),
        "classifier_top_dev": score(dev, CLASSIFIER_TOP),
        "classifier_top_blind": score(blind, CLASSIFIER_TOP),
        "phrases_only_blind": score(blind, PHRASES_ONLY),
    }
    dev_verdicts = [(c, decide(c.ranking, c.phrase, c.semantic, c.in_form, policy, c.history_over, c.head)) for c in dev]
    dev_alarms = [f"{c.source}: {c.text}" for c, v in dev_verdicts if not c.crisis and v and v.action == CRISIS]
    result["dev_false_alarms"] = dev_alarms  # dev only: the blind set's texts are never printed
    blind_verdicts = [(c, decide(c.ranking, c.phrase, c.semantic, c.in_form, policy, c.history_over, c.head)) for c in blind]
    misses = [c.text for c, v in blind_verdicts if c.crisis and (v is None or v.action not in (CRISIS, CHECK))]
    # (only the count is kept: the blind set's texts are never printed)
    result["blind_misses"] = len(misses)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
