"""`make bench`: every benchmark of issue 8, ours beside stock Rasa, in one run.

Sections, in order (each one's failure is recorded and the run goes on):

1. ``training``: `rasa train` from clean for our config and the stock `rasa init` config
   (bench/stock/config.yml) on the same data; this also makes the stock model, and our
   fresh model is the one measured below (else the newest in models/).
2. ``agent_alone``: each model loaded in a fresh process: load time and peak memory.
3. ``in_process``: ``RasaBridge.handle`` (1 and 50 users) and NLU parse alone, p50/p95/p99,
   ours and stock interleaved, and handling for a person with a long history
   (bench/inprocess.py).
4. ``telegram``: the real Application against the fake Telegram server: 50 chats at once,
   pausing like people between messages and (``closed_loop_burst``) not at all, and
   replies per second stepped up until p95 passes 1 s (bench/telegram_e2e.py).
5. ``bot_process``: `python -m bot.cli run` started for real: time to its first getUpdates
   and peak memory of the bot and its action server, on an empty database and on one
   seeded with 10,000 people's conversations and 10,000 reminders (bench/bot_process.py).
6. ``reminders``: 10,000 due nudges through the fake server (bench/reminders_bench.py).

Results: bench/results/benchmarks.json and the table in docs/BENCHMARKS.md.
``--quick`` runs small sizes, skips training (stock only if its model already exists),
reuses the last reminders result, writes bench/results/benchmarks-quick.json and
prints the table instead of touching the document. ``--report-only`` rewrites the
document's table from the last full run without measuring anything.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TZ", "UTC")

from bench import inprocess, report, telegram_e2e, training  # noqa: E402
from testing import bot_process, seeding  # noqa: E402
from bench.agent_probe import run_probe  # noqa: E402
from bench.assistants import loaded  # noqa: E402
from bench.targets import evaluate  # noqa: E402
from coach.config import PROJECT_ROOT, Settings  # noqa: E402
from bot.logging_setup import configure_logging  # noqa: E402
from bot.rasa.bridge import find_model  # noqa: E402
from coach.storage.db import Database  # noqa: E402
from testing.harness import free_port  # noqa: E402

RESULTS_DIR = PROJECT_ROOT / "bench" / "results"
WORK_ROOT = PROJECT_ROOT / "build" / "bench"
REMINDERS_RESULT = RESULTS_DIR / "reminders.json"
TOKEN = "987654321:BENCH-run_abcdefghijklmnopqrstuvw"
BUSY_MARKERS = ("rasa train", "pytest", "bench.nlu_pipelines")


@dataclass(frozen=True)
class Sizes:
    rounds: int
    one_user_conversations: int
    concurrent_users: int
    messages_per_conversation: int
    e2e_chats: int
    e2e_messages_per_chat: int
    think_seconds: tuple[float, float]
    throughput_rates: tuple[float, ...]
    throughput_step_seconds: float
    process_load_rate: float
    process_load_seconds: float
    seeded_people: int
    probe_messages: int
    long_history_events: tuple[int, ...]


FULL = Sizes(
    rounds=2, one_user_conversations=15, concurrent_users=50, messages_per_conversation=6,
    e2e_chats=50, e2e_messages_per_chat=6, think_seconds=(5.0, 25.0),
    throughput_rates=(5, 10, 15, 20, 25, 30, 40), throughput_step_seconds=15,
    process_load_rate=10, process_load_seconds=20, seeded_people=10_000, probe_messages=100,
    long_history_events=(1_000, 5_000),
)
QUICK = Sizes(
    rounds=1, one_user_conversations=3, concurrent_users=50, messages_per_conversation=2,
    e2e_chats=50, e2e_messages_per_chat=2, think_seconds=(1.0, 3.0),
    throughput_rates=(5, 10), throughput_step_seconds=4,
    process_load_rate=5, process_load_seconds=5, seeded_people=1_000, probe_messages=20,
    long_history_events=(500,),
)


def other_heavy_jobs() -> list[str]:
    """Command lines of training/test/benchmark jobs running beside this one."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue
        if any(marker in command for marker in BUSY_MARKERS):
            found.append(command[:120])
    return found


def section(results: dict[str, Any], name: str, run: Callable[[], Any]) -> None:
    """Run one section; its result, or its error, goes into ``results[name]``."""
    started = time.monotonic()
    print(f"[bench] {name} ...", flush=True)
    try:
        results[name] = run()
    except Exception as error:  # one broken section must not cost the other numbers
        print(f"[bench] {name} failed:\n{traceback.format_exc()}", file=sys.stderr, flush=True)
        results[name] = {"error": f"{type(error).__name__}: {error}"}
    print(f"[bench] {name} done in {time.monotonic() - started:.0f} s", flush=True)


async def in_process_and_telegram(settings: Settings, models: dict[str, Path], sizes: Sizes) -> dict[str, Any]:
    db = Database(settings.database_url)
    db.migrate()
    try:
        async with loaded(settings, models) as (bridges, load_seconds):
            latency = await inprocess.measure(
                bridges, sizes.rounds, sizes.one_user_conversations, sizes.concurrent_users,
                sizes.messages_per_conversation,
            )
            latency["load_seconds_in_this_process"] = load_seconds
            latency["long_history"] = await inprocess.long_history(bridges, db, list(sizes.long_history_events))
            ours = bridges["ours"]
            telegram: dict[str, Any] = {}
            telegram["closed_loop"] = await telegram_e2e.closed_loop(
                settings, ours, db, TOKEN, sizes.e2e_chats, sizes.e2e_messages_per_chat, sizes.think_seconds)
            telegram["closed_loop_burst"] = await telegram_e2e.closed_loop(
                settings, ours, db, TOKEN, sizes.e2e_chats, sizes.e2e_messages_per_chat)
            telegram["throughput"] = await telegram_e2e.throughput(
                settings, ours, db, TOKEN, list(sizes.throughput_rates), sizes.throughput_step_seconds)
    finally:
        db.dispose()
    return {"in_process": latency, "telegram": telegram}


def bot_process_section(work: Path, model: Path, template_db_url: str, sizes: Sizes) -> dict[str, Any]:
    def run(name: str, url: str) -> dict[str, Any]:
        return asyncio.run(bot_process.measure(url, model, TOKEN, work / f"bot-{name}.log",
                                               sizes.process_load_rate, sizes.process_load_seconds))

    results: dict[str, Any] = {"empty": run("empty", f"sqlite:///{work / 'bot-empty.db'}")}
    seeded_url = f"sqlite:///{work / 'bot-seeded.db'}"
    seeded = Database(seeded_url)
    seeded.migrate()
    try:
        template = seeding.template_events(template_db_url, "ours-r0-single-0")
        events = seeding.seed_conversations(seeded, template, sizes.seeded_people)
        reminders = len(seeding.seed_reminders(seeded, sizes.seeded_people))
    finally:
        seeded.dispose()
    results["seeded"] = {"people": sizes.seeded_people, "events": events, "reminders": reminders,
                         "database_mib": round(Path(work / "bot-seeded.db").stat().st_size / 2**20, 0),
                         **run("seeded", seeded_url)}
    return results


def reminders_section(full: bool, work: Path) -> dict[str, Any]:
    if full:
        with (work / "reminders-bench.log").open("wb") as log:
            subprocess.run([sys.executable, "-m", "bench.reminders_bench", "--count", "10000",
                            "--fake-server-count", "10000"], cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT,
                           check=True, timeout=1800)
        source = "this run"
    else:
        source = "an earlier run (--quick does not re-run it)"
    data = json.loads(REMINDERS_RESULT.read_text(encoding="utf-8"))
    return {"source": source, **data}


def write_results(results: dict[str, Any], file_name: str) -> None:
    """The run's numbers with the targets evaluated, as JSON under bench/results/."""
    results["targets"] = [row.__dict__ | {"ratio": row.ratio} for row in evaluate(results)]
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / file_name).write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, no training: checks the harness")
    parser.add_argument("--skip-training", action="store_true", help="reuse the stock model, don't time training")
    parser.add_argument("--note", default="", help="a remark stored with the results (e.g. machine was busy)")
    parser.add_argument("--report-only", action="store_true",
                        help="measure nothing: rewrite the table in docs/BENCHMARKS.md from the last full run")
    args = parser.parse_args(argv)
    if args.report_only:
        results = json.loads((RESULTS_DIR / "benchmarks.json").read_text(encoding="utf-8"))
        write_results(results, "benchmarks.json")
        report.write(results)
        return 0
    sizes = QUICK if args.quick else FULL
    work = WORK_ROOT / datetime.now().strftime("run-%Y%m%d-%H%M%S")
    work.mkdir(parents=True, exist_ok=True)
    log_stream = (work / "bench.log").open("a", encoding="utf-8")
    configure_logging("INFO", TOKEN, stream=log_stream)
    results_file = "benchmarks-quick.json" if args.quick else "benchmarks.json"
    busy = other_heavy_jobs()
    results: dict[str, Any] = {"run": {
        "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "mode": "quick" if args.quick else "full",
        "machine": f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        "load_average": round(os.getloadavg()[0], 2),
        "other_heavy_jobs_at_start": busy,
        "note": args.note or (f"{len(busy)} other heavy job(s) were running at the start" if busy else ""),
        "file": results_file,
        "sizes": sizes.__dict__,
    }}

    if not args.quick and not args.skip_training:
        section(results, "training", lambda: training.train_both(work))
    trained = (results.get("training") or {}).get("ours", {}).get("model")
    our_model = Path(trained) if trained else find_model(Settings.from_env().model_path)  # fresh from this tree
    models = {"ours": our_model}
    if training.STOCK_MODEL.exists():
        models["stock"] = training.STOCK_MODEL

    section(results, "agent_alone", lambda: {
        name: run_probe(model, sizes.probe_messages, work / f"probe-{name}.log") for name, model in models.items()
    })
    inproc_url = f"sqlite:///{work / 'inprocess.db'}"
    settings = Settings(telegram_token=TOKEN, database_url=inproc_url, model_path=our_model,
                        action_server_port=free_port(), log_level="INFO")
    section(results, "in_process_and_telegram", lambda: asyncio.run(in_process_and_telegram(settings, models, sizes)))
    combined = results.pop("in_process_and_telegram")
    if "error" in combined:
        combined = {"in_process": combined, "telegram": combined}
    results.update(combined)
    section(results, "bot_process", lambda: bot_process_section(work, our_model, inproc_url, sizes))
    section(results, "reminders", lambda: reminders_section(not args.quick, work))
    results["run"]["finished"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    write_results(results, results_file)
    if args.quick:
        print(report.summary_block(results))
    else:
        report.write(results)
    print(f"[bench] results: bench/results/{results_file}; logs and databases: {work}")
    log_stream.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
