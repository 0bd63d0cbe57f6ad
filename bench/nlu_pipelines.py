"""Chooses the NLU pipeline by measurement: candidates side by side on the same data.

For each candidate pipeline (``bench/pipelines/*.yml``) this trains an NLU model and
scores it on the two held-out sets: ``tests/nlu_test.yml`` (never trained on, but looked at
while the data was written) and the blind ``tests/nlu_blind.yml`` (written before the
encoder work and never looked at for tuning): macro-F1 with and without the fallback
threshold, how many crisis messages the classifier alone puts on a crisis intent, and the
p95 parse time. Unless ``--no-cv``, also 5-fold cross-validation on the training data
(``rasa test nlu --cross-validation``). Candidates are chosen on CV and ``nlu_test``; the
blind column is reported, not chosen on. Results go to ``bench/results/nlu_pipelines.json``
and the table in ``docs/NLU.md``.

    python -m bench.nlu_pipelines            # held-out + 5-fold CV (slow: ~10 trainings)
    python -m bench.nlu_pipelines --no-cv    # held-out only
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from coach.config import PROJECT_ROOT

PIPELINES_DIR = PROJECT_ROOT / "bench" / "pipelines"
RESULTS = PROJECT_ROOT / "bench" / "results" / "nlu_pipelines.json"
HELD_OUT = {"held_out": PROJECT_ROOT / "tests" / "nlu_test.yml", "blind": PROJECT_ROOT / "tests" / "nlu_blind.yml"}
CRISIS_INTENTS = {"crisis_self_harm", "crisis_abuse", "crisis_emergency"}
RASA = [sys.executable, "-m", "rasa"]


def train_nlu(config: Path, out: Path) -> tuple[Path, float]:
    started = time.perf_counter()
    subprocess.run(RASA + ["train", "nlu", "--config", str(config), "--nlu", "nlu", "--out", str(out),
                           "--fixed-model-name", "nlu", "--quiet"], check=True, cwd=PROJECT_ROOT)
    return out / "nlu.tar.gz", time.perf_counter() - started


def _predicted_label(parse: dict) -> str:
    return parse["intent"]["name"]


def held_out_scores(model: Path) -> dict[str, float]:
    import numpy as np
    from rasa.core.agent import Agent
    from rasa.shared.nlu.training_data.loading import load_data
    from sklearn.metrics import f1_score

    agent = Agent.load(str(model))
    scores: dict[str, float] = {}
    timings: list[float] = []
    for name, path in HELD_OUT.items():
        examples = load_data(str(path)).intent_examples
        labels = [m.get_full_intent() for m in examples]

        async def parse_all() -> list[dict]:
            parses = []
            for m in examples:
                started = time.perf_counter()
                parses.append(await agent.parse_message(m.get("text")))
                timings.append(time.perf_counter() - started)
            return parses

        parses = asyncio.run(parse_all())
        with_fallback = [_predicted_label(p) for p in parses]
        # What the classifier would have said without the fallback threshold.
        raw = []
        for parse, label in zip(parses, with_fallback):
            ranking = [r for r in parse.get("intent_ranking", []) if r["name"] != "nlu_fallback"]
            top = ranking[0]["name"] if ranking else label
            raw.append(top if label == "nlu_fallback" else label)
        intents = sorted(set(labels))
        crisis = [raw_label in CRISIS_INTENTS for raw_label, label in zip(raw, labels) if label in CRISIS_INTENTS]
        scores[f"{name}_macro_f1"] = f1_score(labels, with_fallback, average="macro", labels=intents, zero_division=0)
        scores[f"{name}_macro_f1_no_fallback"] = f1_score(labels, raw, average="macro", labels=intents, zero_division=0)
        scores[f"{name}_fallback_rate"] = sum(p == "nlu_fallback" for p in with_fallback) / len(labels)
        scores[f"{name}_crisis_recall"] = sum(crisis) / len(crisis) if crisis else float("nan")
    scores["parse_ms_p95"] = float(np.percentile(timings, 95) * 1000)
    return scores


def cross_validation(config: Path, folds: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(RASA + ["test", "nlu", "--nlu", "nlu", "--config", str(config), "--cross-validation",
                               "--folds", str(folds), "--out", out, "--quiet"], check=True, cwd=PROJECT_ROOT)
        report = json.loads((Path(out) / "intent_report.json").read_text())
    return {"cv_macro_f1": report["macro avg"]["f1-score"], "cv_accuracy": report["accuracy"]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-cv", action="store_true")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("candidates", nargs="*", help="names in bench/pipelines (default: all)")
    args = parser.parse_args()
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    names = args.candidates or sorted(p.stem for p in PIPELINES_DIR.glob("*.yml"))
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    for name in names:
        config = PIPELINES_DIR / f"{name}.yml"
        with tempfile.TemporaryDirectory() as out:
            model, seconds = train_nlu(config, Path(out))
            row = {"train_seconds": round(seconds, 1), **held_out_scores(model)}
        if not args.no_cv:
            row.update(cross_validation(config, args.folds))
        results[name] = {key: round(value, 4) if isinstance(value, float) else value for key, value in row.items()}
        print(name, results[name], flush=True)
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2) + "\n")  # after each: a long run can be cut
        write_docs(results)


def write_docs(results: dict[str, dict]) -> None:
    """The comparison table in docs/NLU.md (between its markers)."""
    doc = PROJECT_ROOT / "docs" / "NLU.md"
    columns = ["cv_macro_f1", "held_out_macro_f1", "held_out_fallback_rate", "held_out_crisis_recall",
               "blind_macro_f1", "blind_fallback_rate", "blind_crisis_recall", "parse_ms_p95", "train_seconds"]
    rows = ["| candidate | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for name, row in sorted(results.items()):
        rows.append(f"| {name} | " + " | ".join(str(row.get(column, "-")) for column in columns) + " |")
    table = "\n".join(rows)
    start, end = "<!-- results:start -->", "<!-- results:end -->"
    text = doc.read_text(encoding="utf-8")
    before, _, rest = text.partition(start)
    _, _, after = rest.partition(end)
    doc.write_text(f"{before}{start}\n{table}\n{end}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()
