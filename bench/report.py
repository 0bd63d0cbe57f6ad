"""Writes one run's summary into docs/BENCHMARKS.md, between two marker comments.

Only the block between ``<!-- bench:results:start -->`` and ``<!-- bench:results:end -->``
is replaced, so the hand-written sections of the document (method, profiling notes,
reliability) stay as they are. The block has the targets table and the detail tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.targets import Row, evaluate
from coach.config import PROJECT_ROOT

DOC = PROJECT_ROOT / "docs" / "BENCHMARKS.md"
START, END = "<!-- bench:results:start -->", "<!-- bench:results:end -->"


def _number(value: Any, unit: str = "") -> str:
    if value is None:
        return "-"
    if isinstance(value, float) and value.is_integer() and unit not in ("ms", "x"):
        value = int(value)
    text = f"{value:,}" if isinstance(value, int) else f"{value:g}"
    return f"{text} {unit}".strip()


def targets_table(rows: list[Row]) -> list[str]:
    lines = ["| Measure | Target | Ours | Stock Rasa | Ours / stock | Verdict |", "|---|---|---|---|---|---|"]
    for row in rows:
        stock = _number(row.stock, row.unit)
        ratio = f"{row.ratio:g}x" if row.ratio is not None else "-"
        lines.append(f"| {row.name} | {row.target} | {_number(row.ours, row.unit)} | {stock} | {ratio} | {row.verdict} |")
    return lines


def latency_table(inproc: dict[str, Any]) -> list[str]:
    kinds = [key for key in (inproc.get("ours") or {}) if isinstance(inproc["ours"][key], dict)]
    lines = ["| Path | Assistant | n | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|---|---|"]
    for kind in kinds:
        for name in ("ours", "stock"):
            summary = (inproc.get(name) or {}).get(kind)
            if summary:
                lines.append(f"| {kind} | {name} | {summary['n']} | {summary['p50_ms']} | {summary['p95_ms']} | {summary['p99_ms']} |")
    return lines


def long_history_table(history: dict[str, Any]) -> list[str]:
    lines = ["| Stored events for the person | Assistant | p50 ms | p95 ms |", "|---|---|---|---|"]
    for name in ("ours", "stock"):
        for events, summary in (history.get(name) or {}).items():
            lines.append(f"| {int(events):,} | {name} | {summary['p50_ms']} | {summary['p95_ms']} |")
    return lines


def telegram_table(telegram: dict[str, Any]) -> list[str]:
    lines = ["| Run | Updates | First reply p50 / p95 ms | Complete p95 ms | Lost | Answered updates/s |",
             "|---|---|---|---|---|---|"]
    for key, label in (("closed_loop", "50 chats, pausing like people between messages"),
                       ("closed_loop_burst", "50 chats, no pause (a burst)")):
        run = telegram.get(key)
        if run and "first_reply" in run:
            lines.append(f"| {label} | {run['updates']} | {run['first_reply']['p50_ms']} / {run['first_reply']['p95_ms']} | "
                         f"{run['complete']['p95_ms']} | {run['lost']} | {run['updates_per_second']} |")
    return lines


def process_table(results: dict[str, Any]) -> list[str]:
    lines = ["| Process | Start-up to first getUpdates s | First reply s | Idle RSS MiB | Peak RSS MiB |",
             "|---|---|---|---|---|"]
    for key, label in (("empty", "bot + action server, empty database"),
                       ("seeded", "bot + action server, 10k people + 10k reminders")):
        run = (results.get("bot_process") or {}).get(key)
        if run and "peak_rss_mib" in run:
            lines.append(f"| {label} | {run['startup_to_first_getupdates_s']} | {run['first_reply_after_start_s']} | "
                         f"{run['idle_rss_mib']:g} | {run['peak_rss_mib']:g} |")
    for name, run in (results.get("agent_alone") or {}).items():
        if isinstance(run, dict) and "peak_rss_mib" in run:
            lines.append(f"| {name} model alone (Agent.load + parsing) | load {run['load_seconds']} | - | - | {run['peak_rss_mib']:g} |")
    return lines


def throughput_table(telegram: dict[str, Any]) -> list[str]:
    lines = ["| Offered updates/s | Answered updates/s | Replies/s | First reply p95 ms | Complete p95 ms | Lost |",
             "|---|---|---|---|---|---|"]
    for step in (telegram.get("throughput") or {}).get("steps", []):
        lines.append(f"| {step['offered_per_second']} | {step['updates_per_second']} | {step['replies_per_second']} | "
                     f"{step['first_reply']['p95_ms']} | {step['complete']['p95_ms']} | {step['lost']} |")
    return lines


def summary_block(results: dict[str, Any]) -> str:
    meta = results.get("run", {})
    lines = [START, "", f"Run {meta.get('started', '?')} on {meta.get('machine', '?')}, "
             f"{meta.get('mode', '?')} mode, load average at start {meta.get('load_average', '?')}"
             f"{'; ' + meta['note'] if meta.get('note') else ''}. Raw numbers: `bench/results/{meta.get('file', '')}`.", ""]
    lines += targets_table(evaluate(results))
    if results.get("in_process"):
        lines += ["", "In-process latency (same messages, same action server and database):", ""]
        lines += latency_table(results["in_process"])
    if (results.get("telegram") or {}).get("closed_loop"):
        lines += ["", "End to end through the fake Telegram server (push of the update to its sendMessage):", ""]
        lines += telegram_table(results["telegram"])
    if results.get("bot_process") or results.get("agent_alone"):
        lines += ["", "The running bot (`python -m bot.cli run`), and each model alone in a fresh process:", ""]
        lines += process_table(results)
    if (results.get("in_process") or {}).get("long_history"):
        lines += ["", "Handling for one person with a long history in one session:", ""]
        lines += long_history_table(results["in_process"]["long_history"])
    if (results.get("telegram") or {}).get("throughput"):
        lines += ["", "Throughput steps through the fake Telegram server:", ""]
        lines += throughput_table(results["telegram"])
    errors = {name: section["error"] for name, section in results.items() if isinstance(section, dict) and "error" in section}
    if errors:
        lines += ["", "Sections that failed in this run: " + "; ".join(f"{k}: {v}" for k, v in errors.items())]
    lines += ["", END]
    return "\n".join(lines)


def write(results: dict[str, Any], doc: Path = DOC) -> None:
    """Replace the results block of ``doc`` (appended if the markers are missing)."""
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n"
    block = summary_block(results)
    if START in text and END in text:
        before, rest = text.split(START, 1)
        after = rest.split(END, 1)[1]
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    doc.write_text(text, encoding="utf-8")
