"""numpy vs onnxruntime for the sentence encoder: single-message time, equality, memory.

Timing runs every variant in one process, interleaved text by text (the order rotated
each round), so other load on the machine hits all variants alike; each call is timed in
wall time and in process CPU time (which includes BLAS / ORT pool threads spinning).
Memory is measured in fresh processes (``--rss VARIANT``): RSS after imports, then after
load + 100 encodes.

    python -m bench.encoder_ort [--rounds 5]
    python -m bench.encoder_ort --handling [--rounds 3]   # parse and one-user handling, bot path

Results: ``bench/results/encoder_ort.json``. "numpy" is the reference forward pass as the
pipeline ran it before onnxruntime (OpenBLAS's default threads); "onnx" is the pipeline's
encoder now (coach/nlp/bert_onnx.py: one thread).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import time
from typing import Any, Callable, Dict, List

import numpy as np

from coach.nlp.encoder import ONNX_FILE, PROJECT_ROOT, SentenceEncoder

DIRECTORY = PROJECT_ROOT / "build" / "encoder"
BUCKETS = ((8, 15), (16, 25), (26, 40))
RESULTS = PROJECT_ROOT / "bench" / "results" / "encoder_ort.json"
HANDLING_RESULTS = PROJECT_ROOT / "bench" / "results" / "encoder_ort_handling.json"
REFERENCE = ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]


def texts() -> List[str]:
    """The NLU examples (nlu/*.yml, tests/nlu_test.yml), entity markup removed, deduplicated."""
    found: List[str] = []
    for path in sorted((PROJECT_ROOT / "nlu").glob("*.yml")) + [PROJECT_ROOT / "tests" / "nlu_test.yml"]:
        for line in path.read_text(encoding="utf-8").splitlines():
            match = re.match(r"^\s+- (.+)$", line)
            if match and not line.lstrip().startswith("- intent"):
                text = re.sub(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\{[^}]*\}", r"\1\2", match.group(1))
                found.append(text.strip().strip('"'))
    return list(dict.fromkeys(found))


def ort_encoder(threads: int, spinning: bool = True, prepack: bool = True):
    """The encoder on a session with other options than the pipeline's (coach/nlp/bert_onnx.py)."""
    import onnxruntime as ort

    from coach.nlp.bert_onnx import OnnxBert

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "1" if spinning else "0")
    if not prepack:  # Gemm then reads the weights from the mapped file instead of a packed copy
        options.add_session_config_entry("session.disable_prepacking", "1")
    session = ort.InferenceSession(str(DIRECTORY / ONNX_FILE), options, providers=["CPUExecutionProvider"])
    tokenizer = SentenceEncoder.load(DIRECTORY, backend="numpy", verify=False)._tokenizer
    return SentenceEncoder(tokenizer, OnnxBert(session)).encode


def make(variant: str) -> Callable[[List[str]], np.ndarray]:
    """numpy: the reference as the bot ran it before (OpenBLAS's default, one thread per core);
    numpy1: BLAS held to one thread; onnx: the pipeline's encoder (one thread, no spinning);
    ort2 / ort2nospin / ort1noprepack: other session options."""
    if variant == "numpy":
        return SentenceEncoder.load(DIRECTORY, backend="numpy").encode
    if variant == "numpy1":
        from threadpoolctl import threadpool_limits

        encode = SentenceEncoder.load(DIRECTORY, backend="numpy").encode

        def one_thread(batch: List[str]) -> np.ndarray:
            with threadpool_limits(1, user_api="blas"):
                return encode(batch)

        return one_thread
    if variant == "onnx":
        return SentenceEncoder.load(DIRECTORY).encode
    threads = int(variant[3])
    return ort_encoder(threads, spinning="nospin" not in variant, prepack="noprepack" not in variant)


def idle_cpu(variants: List[str]) -> Dict[str, float]:
    """Process CPU ms used in the 300 ms after one encode, while idle (pool threads spinning)."""
    out = {}
    for v in variants:
        encode = make(v)
        encode(["warm up the pools"])
        encode(["I lied to her about where I was last weekend"])
        c0 = time.process_time()
        time.sleep(0.3)
        out[v] = round((time.process_time() - c0) * 1e3, 1)
    return out


def summary(values: List[float]) -> Dict[str, float]:
    values = sorted(values)
    return {"p50": round(statistics.median(values) * 1e3, 3),
            "p95": round(values[int(0.95 * (len(values) - 1))] * 1e3, 3)}


def timing(variants: List[str], rounds: int) -> dict:
    encoders = {v: make(v) for v in variants}
    tokenizer = SentenceEncoder.load(DIRECTORY, backend="numpy")._tokenizer
    length = {t: len(tokenizer.encode(t).ids) for t in texts()}
    rng = random.Random(0)
    sample: List[str] = []
    for low, high in BUCKETS:  # as many short as long messages (8-40 tokens, [CLS] [SEP] included)
        bucket = [t for t, n in length.items() if low <= n <= high]
        sample += rng.sample(bucket, min(50, len(bucket)))
    for fn in encoders.values():  # warm up
        for text in sample[:20]:
            fn([text])
    wall: Dict[str, List[float]] = {v: [] for v in variants}
    cpu: Dict[str, List[float]] = {v: [] for v in variants}
    for r in range(rounds):
        order = variants[r % len(variants):] + variants[: r % len(variants)]
        for text in sample:  # same text order every round: lengths line up with the timings
            for v in order:
                w0, c0 = time.perf_counter(), time.process_time()
                encoders[v]([text])
                wall[v].append(time.perf_counter() - w0)
                cpu[v].append(time.process_time() - c0)
            order = order[1:] + order[:1]
    lengths = [length[t] for t in sample] * rounds
    out = {"texts": len(sample), "rounds": rounds, "tokens_median": statistics.median(lengths)}
    for v in variants:
        out[v] = {"wall_ms": summary(wall[v]), "cpu_ms": summary(cpu[v])}
        out[v]["cpu_over_wall_mean"] = round(sum(cpu[v]) / sum(wall[v]), 2)
        for low, high in BUCKETS:
            chosen = [w for w, n in zip(wall[v], lengths) if low <= n <= high]
            out[v][f"wall_ms_{low}_{high}_tokens"] = summary(chosen)
    for v in variants[1:]:
        out[v]["speedup_p50"] = round(out["numpy"]["wall_ms"]["p50"] / out[v]["wall_ms"]["p50"], 2)
        out[v]["speedup_p95"] = round(out["numpy"]["wall_ms"]["p95"] / out[v]["wall_ms"]["p95"], 2)
    return out


def equality() -> dict:
    numpy_encode = make("numpy")
    ort_encode = make("onnx")
    corpus = texts()
    rng = random.Random(1)
    sample = rng.sample(corpus, min(480, len(corpus)))
    sample += ["", "a", "ok", "!!!", "😀 emoji only 😀", "word " * 300, "Ünïcödé çafé naïve"] * 3
    a, b = numpy_encode(sample), ort_encode(sample)
    ref = ort_encode(REFERENCE)
    cos = ref @ ref.T
    return {"texts": len(sample), "max_abs_diff": float(np.abs(a - b).max()),
            "reference_cosines_ort": [round(float(cos[0, 1]), 4), round(float(cos[0, 2]), 4), round(float(cos[1, 2]), 4)]}


def rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def rss_child(variant: str) -> None:
    """Runs in a fresh process: prints RSS before and after load + 100 encodes."""
    import scipy.special  # noqa: F401  (imported by the bot anyway: not part of the delta)
    import tokenizers  # noqa: F401  (both paths need it: not part of the delta)

    before = rss_mib()
    started = time.perf_counter()
    encode = make(variant)
    load_s = time.perf_counter() - started
    sample = texts()[:100]
    for text in sample:
        encode([text])
    after = rss_mib()
    print(json.dumps({"variant": variant, "before": round(before, 1), "after": round(after, 1),
                      "delta": round(after - before, 1), "load_s": round(load_s, 3)}))


class _Backend:
    """A bridge whose messages are encoded by one backend (the process's encoder is switched per call)."""

    def __init__(self, bridge: Any, switch: Callable[[], None]) -> None:
        self._bridge, self._switch = bridge, switch
        self.agent = self

    async def handle(self, *args: Any, **kwargs: Any) -> Any:
        self._switch()
        return await self._bridge.handle(*args, **kwargs)

    async def parse_message(self, *args: Any, **kwargs: Any) -> Any:
        self._switch()
        return await self._bridge.agent.parse_message(*args, **kwargs)


async def handling(rounds: int) -> dict:
    """NLU parse and one-user handling through RasaBridge (bench.inprocess), numpy vs onnx by round.

    One model (models/trustcoach.tar.gz), one action server; the pipeline's shared encoder
    runs the numpy reference or onnxruntime depending on which side is being measured.
    """
    import tempfile

    from bench import inprocess
    from bench.assistants import loaded
    from coach.config import Settings
    from coach.nlp.bert_numpy import NumpyBert
    from coach.nlp.encoder import DEFAULT_DIR, WEIGHTS_FILE, get_encoder
    from coach.storage.db import Database
    from testing.harness import TEST_TOKEN, free_port

    encoder = get_encoder(DEFAULT_DIR)  # the instance the pipeline's featurizer gets
    config = json.loads((DIRECTORY / "config.json").read_text(encoding="utf-8"))
    forwards = {"onnx": encoder._forward, "numpy": NumpyBert.load(DIRECTORY / WEIGHTS_FILE, config)}
    current = {"name": "onnx"}
    encoder._forward = lambda *batch: forwards[current["name"]](*batch)  # type: ignore[method-assign]

    def switch_to(name: str) -> Callable[[], None]:
        return lambda: current.update(name=name)

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/latency.db"
        database = Database(url)
        database.migrate()
        database.dispose()
        model = PROJECT_ROOT / "models" / "trustcoach.tar.gz"
        settings = Settings(telegram_token=TEST_TOKEN, database_url=url, model_path=model,
                            action_server_port=free_port(), log_level="WARNING")
        async with loaded(settings, {"model": model}) as (bridges, _):
            sides = {name: _Backend(bridges["model"], switch_to(name)) for name in ("numpy", "onnx")}
            result = await inprocess.measure(sides, rounds, 6, 10, 6)  # type: ignore[arg-type]
    return {name: {kind: result[name][kind] for kind in ("parse", "handle_1_user")} for name in sides}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--rss", help=argparse.SUPPRESS)
    parser.add_argument("--variants", default="numpy,numpy1,onnx,ort1noprepack,ort2,ort2nospin")
    parser.add_argument("--handling", action="store_true", help="only the bot-path comparison")
    args = parser.parse_args()
    if args.rss:
        rss_child(args.rss)
        return
    if args.handling:
        import asyncio

        import bench.assistants  # noqa: F401  (imports Rasa/Sanic, which set the event loop policy, before the loop exists)
        from bot.logging_setup import configure_logging

        configure_logging("WARNING", None)
        measured = asyncio.run(handling(args.rounds))
        HANDLING_RESULTS.write_text(json.dumps(measured, indent=1) + "\n", encoding="utf-8")
        print(json.dumps(measured, indent=1))
        return
    variants = args.variants.split(",")
    result: dict = {"equality": equality(), "rss_mib": {}}
    for v in ["numpy", "onnx", "ort2", "ort1noprepack"] * 3:
        line = subprocess.run([sys.executable, "-m", "bench.encoder_ort", "--rss", v], cwd=PROJECT_ROOT,
                              check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        result["rss_mib"].setdefault(v, []).append(json.loads(line))
    result["idle_cpu_ms_in_300ms"] = idle_cpu(["numpy", "onnx", "ort2", "ort2nospin"])
    result["timing"] = timing(variants, args.rounds)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
