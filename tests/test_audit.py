"""make audit's judgement of a pip-audit report (scripts/audit.py): a finding nobody accepted
fails, an accepted one passes, and an audit that could look nothing up never passes."""

from __future__ import annotations

import importlib.util

from coach.config import PROJECT_ROOT

_spec = importlib.util.spec_from_file_location("audit", PROJECT_ROOT / "scripts" / "audit.py")
audit = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(audit)


def _package(name: str, vulns: list[str] = (), skip: str | None = None) -> dict:
    entry = {"name": name, "version": "1.0", "vulns": [{"id": v, "fix_versions": ["1.1"]} for v in vulns]}
    return {"name": name, "skip_reason": skip} if skip else entry


def test_a_finding_nobody_accepted_fails_and_names_the_package_and_the_fix() -> None:
    code, lines = audit.judge({"dependencies": [_package("sanic", ["GHSA-x"]), _package("numpy")]}, set())
    assert code == 1 and any("sanic 1.0: GHSA-x (fixed in 1.1)" in line for line in lines)


def test_an_accepted_finding_passes_and_is_counted() -> None:
    code, lines = audit.judge({"dependencies": [_package("sanic", ["GHSA-x"]), _package("numpy")]}, {"GHSA-x"})
    assert code == 0 and "1 accepted finding(s)" in lines[0]


def test_an_audit_that_could_look_nothing_up_never_reads_as_clean() -> None:
    report = {"dependencies": [_package("absl-py", skip="not found"), _package("rasa", skip="not found")]}
    code, lines = audit.judge(report, set())
    assert code == 2 and "none of the 2" in lines[0]


def test_a_few_packages_missing_from_the_index_do_not_hide_the_rest() -> None:
    report = {"dependencies": [_package("our-wheel", skip="not found"), _package("numpy")]}
    assert audit.judge(report, set()) == (0, ["audit passed: 1 of 2 packages looked up, 0 accepted finding(s), 1 not found on the index."])


def test_the_accepted_list_is_valid_and_every_entry_gives_its_reason() -> None:
    import yaml

    entries = yaml.safe_load(audit.ACCEPTED.read_text())["accepted"] or []
    assert all({"id", "package", "why"} <= set(entry) for entry in entries)
