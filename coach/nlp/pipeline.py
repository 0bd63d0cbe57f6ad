"""The project's own small spaCy pipeline: build it once at set-up, load it everywhere.

No pretrained model can be downloaded here, so the pipeline is assembled from parts
that ship inside PyPI packages: ``spacy.blank("en")`` (tokenizer), the lookup
lemmatizer with tables from ``spacy-lookups-data``, and an ``entity_ruler`` that tags
domain words (partner terms, betrayal terms). It is written with ``nlp.to_disk`` to
``build/spacy_trustcoach`` and loaded by path by Rasa's ``SpacyNLP`` (see
``config.yml``), by the safety net and by the apology analyzer.
"""

from __future__ import annotations

import functools
from pathlib import Path

import spacy
from spacy.language import Language

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PIPELINE_PATH = PROJECT_ROOT / "build" / "spacy_trustcoach"

PARTNER_TERMS = [
    "partner", "husband", "wife", "boyfriend", "girlfriend", "spouse", "fiance",
    "fiancee", "bf", "gf", "hubby", "wifey", "other half", "significant other",
]
BETRAYAL_TERMS = [
    "affair", "cheat", "lie", "betray", "betrayal", "infidelity", "unfaithful",
    "emotional affair", "sext", "secret", "hide",
]


def build_pipeline() -> Language:
    """Assemble the pipeline in memory (tokenizer, lookup lemmatizer, entity ruler)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads the lookup tables from spacy-lookups-data
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    patterns = [{"label": "PARTNER", "pattern": term} for term in PARTNER_TERMS]
    patterns += [
        {"label": "BETRAYAL", "pattern": [{"LEMMA": term}]} for term in BETRAYAL_TERMS if " " not in term
    ]
    patterns += [{"label": "BETRAYAL", "pattern": term} for term in BETRAYAL_TERMS if " " in term]
    ruler.add_patterns(patterns)
    return nlp


def build_to_disk(path: Path = DEFAULT_PIPELINE_PATH) -> Path:
    """Build the pipeline and save it where ``config.yml`` expects it."""
    nlp = build_pipeline()
    path.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(path)
    return path


@functools.lru_cache(maxsize=None)
def load_pipeline(path: str | None = None) -> Language:
    """Load the saved pipeline (built on the fly if set-up has not built it yet)."""
    target = Path(path) if path else DEFAULT_PIPELINE_PATH
    if not (target / "meta.json").exists():
        build_to_disk(target)
    return spacy.load(target)


if __name__ == "__main__":
    print(f"spaCy pipeline written to {build_to_disk()}")
