"""Tests for the apology analyzer: must-pass examples, phrase offsets, and measured quality.

The quality test runs the analyzer over the labelled set in tests/data/apology_sentences.yml,
computes per-kind and overall precision/recall, writes them to results/apology_analyzer_measured.md
(gitignored; the "Measured" section of docs/APOLOGY_ANALYZER.md is a snapshot of it, updated
by hand), and then asserts the thresholds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from coach.apology.analyzer import KIND_TEXTS, STEPS, Flag, analyze, describe

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DATA_PATH = PROJECT_ROOT / "tests" / "data" / "apology_sentences.yml"
MEASURED_PATH = PROJECT_ROOT / "results" / "apology_analyzer_measured.md"
MEASURED_HEADING = "## Measured"
KINDS = tuple(KIND_TEXTS)


@dataclass(frozen=True)
class LabelledAnswer:
    text: str
    step: str
    kinds: frozenset[str]
    batch: str


def _load_labelled_set() -> list[LabelledAnswer]:
    raw = yaml.safe_load(DATA_PATH.read_text(encoding="utf-8"))
    return [
        LabelledAnswer(item["text"], item["step"], frozenset(item["flags"]), item.get("batch", "main"))
        for item in raw
    ]


LABELLED = _load_labelled_set()


# ---- the labelled set itself --------------------------------------------------------------
def test_labelled_set_is_big_and_balanced_enough():
    kind_counts = Counter(kind for item in LABELLED for kind in item.kinds)
    assert len(LABELLED) >= 80
    assert sum(1 for item in LABELLED if not item.kinds) >= 35
    assert {kind: kind_counts[kind] for kind in KINDS if kind_counts[kind] < 4} == {}


def test_labelled_set_uses_known_steps_and_kinds():
    assert {item.step for item in LABELLED} <= set(STEPS)
    assert set().union(*(item.kinds for item in LABELLED)) <= set(KINDS)
    assert len({(item.text, item.step) for item in LABELLED}) == len(LABELLED)


# ---- must-pass examples -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("I'm sorry I lied to you, there is no excuse for it", "ownership"),
        ("I was wrong to hide the messages from you", "ownership"),
        ("I will show you my phone whenever you ask and I've blocked her number", "change"),
        ("I know I hurt you deeply and you don't have to forgive me", "request"),
        ("I'm only asking that you let me keep showing up", "request"),
        ("I cheated on you and there's no 'but' here", "ownership"),
        ("It's not your fault in any way. I did this", "ownership"),
        ("you never did anything to deserve this and i lied to you anyway", "ownership"),
        ("you made me feel at home for six years and i repaid that by lying to you", "impact"),
        ("I don't expect you to move on from this quickly", "request"),
        ("i'm sorry if this is too much to ask, but could we try counselling?", "request"),
        ("I'd be grateful if you'd consider couples therapy with me", "request"),
    ],
)
def test_sincere_answer_gets_no_flags(text: str, step: str):
    assert analyze(text, step) == []


def test_a_quoted_but_is_not_a_but():
    assert [flag for flag in analyze("there's no 'but' here", "ownership") if flag.kind == "but"] == []


@pytest.mark.parametrize(
    ("text", "step", "kind", "phrase"),
    [
        ("Im sorry if I hurt you", "ownership", "conditional", "sorry if I hurt you"),
        ("I'm sorry you feel that way", "ownership", "non_apology", "sorry you feel that way"),
        ("I'm sorry but you have to understand", "ownership", "but", "but you have to understand"),
        ("I cheated because I was lonely", "what_happened", "excuse", "because I was lonely"),
        ("You made me do it", "ownership", "blame_shift", "You made me do it"),
        ("It's not a big deal, it was just a few texts", "what_happened", "minimizing", "not a big deal"),
        ("You have to forgive me by next week", "request", "demanding", "You have to forgive me by next week"),
        ("I'm sorry for what happened", "what_happened", "vague", "what happened"),
        ("It won't happen again", "change", "not_checkable", "happen again"),
        ("My bad", "ownership", "too_short", "My bad"),
    ],
)
def test_flag_quotes_the_users_own_words(text: str, step: str, kind: str, phrase: str):
    flags = [flag for flag in analyze(text, step) if flag.kind == kind]
    assert flags == [Flag(kind, phrase, KIND_TEXTS[kind].why)]


def test_phrase_keeps_offsets_when_lowercasing_changes_length():
    # "İ".lower() is two characters; offsets after it must still point at the original text.
    flags = analyze("İlknur, I'm Sorry If I Hurt You", "ownership")
    assert [(flag.kind, flag.phrase) for flag in flags] == [("conditional", "Sorry If I Hurt You")]


@pytest.mark.parametrize(
    ("text", "wrong_step", "kind"),
    [
        ("can we please just move on now and talk about it", "ownership", "demanding"),
        ("i'm sorry for what happened to you that night", "impact", "vague"),
        ("it won't happen again, i have learned that much", "ownership", "not_checkable"),
    ],
)
def test_step_specific_kinds_stay_in_their_step(text: str, wrong_step: str, kind: str):
    assert kind not in {flag.kind for flag in analyze(text, wrong_step)}


def test_request_may_be_shorter_than_other_answers():
    assert [flag.kind for flag in analyze("give me time", "request")] == []
    assert [flag.kind for flag in analyze("i lied again", "what_happened")] == ["too_short"]


def test_unknown_step_is_rejected():
    with pytest.raises(ValueError):
        analyze("I lied to you", "apology")


@pytest.mark.parametrize("item", LABELLED, ids=lambda item: item.text[:40])
def test_every_phrase_is_an_exact_span_of_the_answer(item: LabelledAnswer):
    for flag in analyze(item.text, item.step):
        assert flag.phrase and flag.phrase in item.text
        assert flag.why == KIND_TEXTS[flag.kind].why


def test_describe_quotes_the_phrase_explains_and_asks_for_a_revision():
    flag = analyze("Im sorry if I hurt you", "ownership")[0]
    message = describe(flag)
    assert f'"{flag.phrase}"' in message
    assert flag.why in message
    assert message.endswith("?")
    assert not set("*_`#[]") & set(message)


# ---- measured quality ---------------------------------------------------------------------
@dataclass(frozen=True)
class KindScore:
    kind: str
    labelled: int
    predicted: int
    true_positives: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.labelled if self.labelled else 1.0


@dataclass(frozen=True)
class Measurement:
    items: int
    sincere: int
    sincere_clean: int
    per_kind: list[KindScore]
    per_batch: dict[str, KindScore]
    errors: list[str]

    @property
    def overall(self) -> KindScore:
        return _sum_scores("overall", self.per_kind)

    @property
    def sincere_clean_rate(self) -> float:
        return self.sincere_clean / self.sincere


def _sum_scores(name: str, scores: list[KindScore]) -> KindScore:
    return KindScore(
        name,
        sum(score.labelled for score in scores),
        sum(score.predicted for score in scores),
        sum(score.true_positives for score in scores),
    )


def _measure(items: list[LabelledAnswer]) -> Measurement:
    labelled, predicted, hits = Counter(), Counter(), Counter()
    batch_scores: dict[str, list[KindScore]] = {}
    errors: list[str] = []
    sincere_clean = 0
    for item in items:
        flags = analyze(item.text, item.step)
        found = {flag.kind for flag in flags}
        labelled.update(item.kinds)
        predicted.update(found)
        hits.update(found & item.kinds)
        batch_scores.setdefault(item.batch, []).append(
            KindScore(item.batch, len(item.kinds), len(found), len(found & item.kinds))
        )
        sincere_clean += not item.kinds and not found
        if found != item.kinds:
            got = ", ".join(f'{flag.kind} ("{flag.phrase}")' for flag in flags) or "nothing"
            expected = ", ".join(sorted(item.kinds)) or "nothing"
            errors.append(f'{item.step}: "{item.text}" (expected {expected}; got {got})')
    per_kind = [KindScore(kind, labelled[kind], predicted[kind], hits[kind]) for kind in KINDS]
    per_batch = {batch: _sum_scores(batch, scores) for batch, scores in batch_scores.items()}
    sincere = sum(1 for item in items if not item.kinds)
    return Measurement(len(items), sincere, sincere_clean, per_kind, per_batch, errors)


def _score_row(score: KindScore) -> str:
    return (
        f"| {score.kind} | {score.labelled} | {score.predicted} | {score.true_positives} "
        f"| {score.precision:.2f} | {score.recall:.2f} |"
    )


def _table_header(first_column: str) -> list[str]:
    return [f"| {first_column} | labelled | flagged | correct | precision | recall |", "|---|---:|---:|---:|---:|---:|"]


def _measured_section(measurement: Measurement) -> str:
    overall = measurement.overall
    lines = [
        MEASURED_HEADING,
        "",
        "Written by `tests/test_apology_analyzer.py` on every run; do not edit by hand.",
        "",
        f"Labelled set: {measurement.items} answers, {measurement.sincere} of them sincere.",
        f"Overall: precision {overall.precision:.3f}, recall {overall.recall:.3f} "
        f"({overall.true_positives} of {overall.labelled} labelled flags found, "
        f"{overall.predicted - overall.true_positives} wrong flags).",
        f"Sincere answers with no flag: {measurement.sincere_clean} of {measurement.sincere} "
        f"({measurement.sincere_clean_rate:.1%}).",
        "",
        "Per kind:",
        "",
        *_table_header("kind"),
        *(_score_row(score) for score in measurement.per_kind),
        _score_row(overall),
        "",
        "Per batch (see the approach section for what each batch is):",
        "",
        *_table_header("batch"),
        *(_score_row(score) for score in measurement.per_batch.values()),
        "",
        f"Errors ({len(measurement.errors)}):",
        "",
        *(f"- {error}" for error in measurement.errors),
    ]
    return "\n".join(lines) + "\n"


def _write_measured_section(section: str) -> None:
    MEASURED_PATH.parent.mkdir(exist_ok=True)
    MEASURED_PATH.write_text(section, encoding="utf-8")


def test_quality_on_the_labelled_set_is_recorded_and_good_enough():
    measurement = _measure(LABELLED)
    _write_measured_section(_measured_section(measurement))

    assert measurement.overall.precision >= 0.9
    assert measurement.overall.recall >= 0.85
    assert measurement.sincere_clean_rate >= 0.95
