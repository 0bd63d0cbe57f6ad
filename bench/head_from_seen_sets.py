"""Would the crisis head catch more if it also learned from the seen sets' own texts?

Stop 28's question. The head (``coach.safety.head``) is fitted on the training data's
embeddings. The seen sets (dev sets and blind sets 1 to 17, whose misses have been read) hold
about 3,700 labelled crises and 10,000 non-crises in the words people really used. This
fits a head on the training data plus every seen set but one, scores the one left out, and
counts, under the thresholds in ``config.yml``, the crises that get neither the crisis reply
nor the safety check, beside the trained head, at each free-text ``head_check`` threshold (so
the two can be compared at the same number of checks). The blind set is never used.

Run: ``python -m bench.head_from_seen_sets`` (about 25 minutes: every seen message is parsed
through the trained model once). Writes ``bench/results/head_from_seen_sets.json``.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict

import numpy as np
from sklearn.linear_model import LogisticRegression

from bench import safety_thresholds as st
from coach.nlp.encoder import get_encoder
from coach.safety.decision import SafetyPolicy
from coach.safety.replies import CRISIS_KINDS

RESULTS = st.PROJECT_ROOT / "bench" / "results" / "head_from_seen_sets.json"


def _group(source: str) -> str:
    """The set a case comes from: a seen set's number, or "dev"."""
    return re.sub(r"^(nlu_)?seen|_in_form$", "", source) if "seen" in source else "dev"


def _counts(arrays: st._Arrays, policy: SafetyPolicy, crisis: np.ndarray, form: np.ndarray) -> dict[str, int]:
    reply, check = arrays.outcomes(policy)
    return {"coached": int((crisis & ~reply & ~check).sum()), "free_checks": int((check & ~crisis & ~form).sum()),
            "free_alarms": int((reply & ~crisis & ~form).sum()), "form_alarms": int((reply & ~crisis & form).sum())}


def main() -> None:
    logging.disable(logging.WARNING)
    net = st.semantic_net()
    cases = st.dev_cases() + st.seen_cases()
    st.fill(cases, st.PROJECT_ROOT / "models" / "trustcoach.tar.gz", net)
    embeddings = get_encoder().encode([case.text for case in cases])
    crisis = np.array([case.crisis for case in cases])
    form = np.array([case.in_form for case in cases])
    groups = np.array([_group(case.source) for case in cases])
    trained = np.array([label in CRISIS_KINDS for label in net.labels], dtype=int)
    head_c = float(st._safety_net_config().get("head_c", 10.0))
    left_out = np.zeros(len(cases))
    for group in sorted(set(groups)):
        out = groups == group
        features = np.vstack([net.embeddings, embeddings[~out]])
        labels = np.concatenate([trained, crisis[~out].astype(int)])
        model = LogisticRegression(C=head_c, max_iter=3000).fit(features, labels)
        left_out[out] = model.predict_proba(embeddings[out])[:, 1]
    policy = st.configured_policy()
    arrays = st._Arrays(cases)
    result = {"crises": int(crisis.sum()), "configured_head": _counts(arrays, policy, crisis, form), "with_seen_sets": {}}
    arrays.head = left_out
    for threshold in np.arange(0.3, 0.99, 0.05):
        chosen = SafetyPolicy(**{**asdict(policy), "head_check": round(float(threshold), 2)})
        result["with_seen_sets"][f"{threshold:.2f}"] = _counts(arrays, chosen, crisis, form)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
