"""The phrase net's cost: anchored matchers (what runs) beside one Matcher holding every pattern.

    python -m bench.phrase_net_cost [--messages 600] [--rounds 3]

Both engines get the same messages, already through the project pipeline (the pipeline's own
cost is the same for both and is timed apart), in alternating rounds so machine noise hits both
alike. Reported per message, in ms (to 0.1 ms): the token-pattern matching alone by each engine
and their ratio (from the unrounded times), the pipeline, and ``detect_crisis`` as a whole
(pipeline, matching, vetoes); and whether both engines found the same matches. Writes
``bench/results/phrase_net_cost.json``.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable
from pathlib import Path

from spacy.matcher import Matcher
from spacy.tokens import Doc

from bench.stats import percentile, summarize
from coach.nlp.notation import compile_pattern
from coach.safety import detector
from rasa.shared.nlu.training_data.loading import load_data

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "phrase_net_cost.json"


def messages(count: int) -> list[str]:
    """A fixed sample of held-out messages (the same on every run)."""
    texts = sorted({m.get("text") for f in sorted((ROOT / "tests").glob("nlu_*.yml"))
                    for m in load_data(str(f)).intent_examples})
    random.Random(0).shuffle(texts)
    return texts[:count]


def every_pattern_matcher() -> Matcher:
    """The engine before stop 30: one Matcher holding every rule's token patterns."""
    ruleset = detector.RULESET
    matcher = Matcher(ruleset.nlp.vocab)
    for rule in ruleset.rules:
        if rule.patterns:
            matcher.add(rule.name, [p for spec in rule.patterns for p in compile_pattern(spec, ruleset.word_lists)])
    return matcher


def timed(step: Callable[[Doc], object], docs: list[Doc]) -> list[float]:
    out = []
    for doc in docs:
        start = time.perf_counter()
        step(doc)
        out.append(time.perf_counter() - start)
    return out


def _ratio(ours: list[float], theirs: list[float], share: float) -> float:
    return round(percentile(ours, share) / percentile(theirs, share), 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    ruleset = detector.RULESET
    ruleset.compile()
    every = every_pattern_matcher()
    texts = messages(args.messages)
    docs = [ruleset.nlp(detector.normalise(t)) for t in texts]
    def anchored_step(doc: Doc) -> list[tuple[int, int, int]]:
        return [m for name in ruleset.candidates(doc) for m in ruleset._compiled.matchers[name](doc)]

    same = all(sorted(anchored_step(d)) == sorted(every(d)) for d in docs)
    anchored: list[float] = []
    full: list[float] = []
    pipeline: list[float] = []
    for round_ in range(args.rounds):
        pair = [(anchored, anchored_step), (full, every)]
        for sink, step in pair if round_ % 2 == 0 else pair[::-1]:
            sink += timed(step, docs)
        pipeline += timed(lambda d: ruleset.nlp(d.text), docs)
    detect = []
    for text in texts:
        detector._detect.cache_clear()
        detector._doc.cache_clear()
        start = time.perf_counter()
        detector.detect_crisis(text)
        detect.append(time.perf_counter() - start)
    candidates = sorted(len(ruleset.candidates(d)) for d in docs)
    result = {
        "messages": len(docs), "rounds": args.rounds, "same_matches": same,
        "rules_with_patterns": len(ruleset._compiled.matchers),
        "candidate_rules_median": candidates[len(candidates) // 2],
        "candidate_rules_p95": candidates[int(len(candidates) * 0.95)],
        "token_matching_ms": {"anchored": summarize(anchored), "every_pattern": summarize(full)},
        "anchored_over_every_pattern_p50": _ratio(anchored, full, 0.50),
        "anchored_over_every_pattern_p95": _ratio(anchored, full, 0.95),
        "pipeline_ms": summarize(pipeline),
        "detect_crisis_ms": summarize(detect),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
