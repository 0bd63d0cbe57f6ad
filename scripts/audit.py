"""``make audit``: pip-audit over requirements.lock, judged against the accepted findings.

Runs pip-audit (from its own venv, see requirements-audit.txt) on the pinned lock without
installing anything (``--no-deps --disable-pip``), then judges its JSON report:

- a finding not in ``security-accepted-findings.yml`` fails the audit (exit 1);
- a report in which no package could be looked up also fails (exit 2): an audit that saw
  nothing must not read as "no known vulnerabilities" (pip-audit's own wording for it);
- otherwise it passes, and says how many packages were looked up.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
ACCEPTED = ROOT / "security-accepted-findings.yml"


def judge(report: dict[str, Any], accepted: set[str]) -> tuple[int, list[str]]:
    """The exit code and the lines to print for one pip-audit JSON report."""
    packages = report.get("dependencies", [])
    skipped = [p for p in packages if p.get("skip_reason")]
    findings = [(p["name"], p.get("version", "?"), v["id"], v.get("fix_versions") or [])
                for p in packages for v in p.get("vulns", [])]
    new = [f for f in findings if f[2] not in accepted]
    lines = [f"{name} {version}: {vuln} (fixed in {', '.join(fixes) or 'no release'})" for name, version, vuln, fixes in new]
    if packages and len(skipped) == len(packages):
        return 2, [f"audit saw nothing: none of the {len(packages)} pinned packages could be looked up "
                   f"(first reason: {skipped[0]['skip_reason']}). Run it where PyPI's advisory data is reachable."]
    if new:
        return 1, [f"{len(new)} finding(s) not accepted in {ACCEPTED.name}:", *lines]
    looked_up = len(packages) - len(skipped)
    return 0, [f"audit passed: {looked_up} of {len(packages)} packages looked up, "
               f"{len(findings)} accepted finding(s), {len(skipped)} not found on the index."]


def main() -> int:
    tool = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "audit-venv" / "bin" / "pip-audit"
    run = subprocess.run(
        [str(tool), "--no-deps", "--disable-pip", "--progress-spinner", "off", "-f", "json",
         "-r", str(ROOT / "requirements.lock")],
        capture_output=True, text=True, check=False,
    )
    try:
        report = json.loads(run.stdout)
    except json.JSONDecodeError:
        print(f"pip-audit gave no report (exit {run.returncode}): {run.stderr.strip().splitlines()[-1:]}")
        return 2
    accepted = {entry["id"] for entry in (yaml.safe_load(ACCEPTED.read_text()) or {}).get("accepted") or []}
    code, lines = judge(report, accepted)
    print("\n".join(lines))
    return code


if __name__ == "__main__":
    sys.exit(main())
