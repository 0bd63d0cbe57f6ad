"""Checks the coach's written content against its schema and content rules.

Covers coach/content/guidance.yml (guidance flows and nudges) and the domain.yml
responses that carry a source (the FAQ answers, the retaliation check-back answers, the
hard-day check-in line): structure, required flows and offers, source references to the
seed articles, citations (each quoted in the article it names), length limits, forbidden
markup and noise, and that no text copies a long run of words from an article. Roles and
safety lines: tests/test_content_roles.py.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from coach.content.citations import ARTICLE_LABELS, MAX_QUOTE_WORDS, articles_in, quote_found, word_count
from coach.content.guidance import GENERAL, STEP_ROLES

REPO_ROOT = Path(__file__).resolve().parents[1]
GUIDANCE_PATH = REPO_ROOT / "coach" / "content" / "guidance.yml"
DOMAIN_PATH = REPO_ROOT / "domain.yml"
FAQ_PREFIX = "utter_faq_"

FLOW_INTENTS = {
    "retaliation": "struggle_retaliation",
    "dwelling": "struggle_dwelling",
    "apology": "struggle_apology",
    "forgiveness": "struggle_forgiveness",
    "secrecy": "struggle_secrecy",
    "not_believed": "struggle_not_believed",
    "communication": "struggle_communication",
    "worth_it": "struggle_worth_it",
    "anxiety": "struggle_anxiety",
    "money": "struggle_money",
    "disconnection": "struggle_disconnection",
}
FAQ_KEYS = {"how_long", "what_is_trust", "why_hard", "therapy", "both_partners", "progress_signs"}
ALLOWED_OFFERS = {"wait_20_minutes", "apology_walkthrough", "reminder", "checkin", "safety_resources"}
ALLOWED_ROLES = set(STEP_ROLES)
MAX_FLOW_STEPS = 8

MAX_TITLE_CHARS = 28
MAX_STEP_CHARS = 700
MAX_NUDGE_CHARS = 200
MAX_FAQ_CHARS = 700
MIN_GENERAL_NUDGES = 6
MIN_TOPIC_NUDGES = 3
COPY_RUN_WORDS = 12

MARKUP_CHARACTERS = set("*_<>`[]#|~")
URL_PATTERN = re.compile(r"https?://|www\.|\b[\w-]+\.(?:com|org|net|dk|io|co)\b", re.IGNORECASE)
PHONE_PATTERN = re.compile(r"\+?\d[\d\s().-]{6,}\d")
FORBIDDEN_PHRASES = (
    "emergency",
    "active directory",
    "domain controller",
    "frederiksberg",
    "copenhagen",
    "sondermind",
    "well beings",
    "you must",
)
QUOTED_SPAN = re.compile(r"“[^”]*”|\"[^\"]*\"")
ATTRIBUTION_CUES = ("saying", "says", "said", "puts", "quotes", "in the words of", "wrote", "writes", "therapist")
ATTRIBUTION_WINDOW_CHARS = 120


def seeds_dir() -> Path:
    """The seed articles: shared/seeds beside the repo, else $TRUSTCOACH_SEEDS_DIR; the
    tests that read them are skipped when neither is there."""
    beside_repo = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if beside_repo.is_dir():
        return beside_repo
    from_env = os.environ.get("TRUSTCOACH_SEEDS_DIR")
    if from_env and Path(from_env).is_dir():
        return Path(from_env)
    pytest.skip(f"the seed articles are not here ({beside_repo}, or set TRUSTCOACH_SEEDS_DIR): citations not checked")


ARTICLE_NAMES = tuple(ARTICLE_LABELS)  # the five articles, by file name


@dataclass(frozen=True)
class ContentText:
    """One user-facing text with where it lives, its source field and its length limit."""

    label: str
    text: str
    source: object
    max_chars: int
    quote: object = None
    cited: bool = True  # carries a quote for each article it names (not the apology walkthrough's own texts)

    @property
    def sources(self) -> list[str]:
        return self.source if isinstance(self.source, list) else [self.source]

    @property
    def quotes(self) -> list[str]:
        if self.quote is None:
            return []
        return self.quote if isinstance(self.quote, list) else [self.quote]


def load_yaml(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


GUIDANCE = load_yaml(GUIDANCE_PATH)
DOMAIN = load_yaml(DOMAIN_PATH)
FAQ_RESPONSES = {key: value for key, value in DOMAIN["responses"].items() if key.startswith(FAQ_PREFIX)}
SOURCED_RESPONSES = {key: value for key, value in DOMAIN["responses"].items()
                     if (value[0].get("metadata") or {}).get("source")}


def all_content_texts() -> list[ContentText]:
    texts = []
    for flow_key, flow in GUIDANCE["flows"].items():
        for step in flow["steps"]:
            texts.append(ContentText(f"flow {flow_key}/{step.get('id')}", step.get("text", ""), step.get("source"),
                                     MAX_STEP_CHARS, step.get("quote")))
    for topic, nudges in GUIDANCE["nudges"].items():
        for index, nudge in enumerate(nudges):
            texts.append(ContentText(f"nudge {topic}[{index}]", nudge.get("text", ""), nudge.get("source"),
                                     MAX_NUDGE_CHARS, nudge.get("quote")))
    for step, question in GUIDANCE["apology_questions"].items():
        for field in ("text", "why"):
            texts.append(ContentText(f"apology question {step}/{field}", question.get(field, ""), question.get("source"),
                                     MAX_NUDGE_CHARS, question.get("quote"), cited="quote" in question))
    for index, tip in enumerate(GUIDANCE["apology_tips"]):
        texts.append(ContentText(f"apology tip [{index}]", tip.get("text", ""), tip.get("source"), MAX_NUDGE_CHARS,
                                 tip.get("quote"), cited="quote" in tip))
    for response_key, variations in sorted({**FAQ_RESPONSES, **SOURCED_RESPONSES}.items()):
        for index, variation in enumerate(variations):
            metadata = variation.get("metadata") or {}
            texts.append(ContentText(f"{response_key}[{index}]", variation.get("text", ""), metadata.get("source"),
                                     MAX_FAQ_CHARS, metadata.get("quote")))
    return texts


CONTENT_TEXTS = all_content_texts()
TITLES = [flow["title"] for flow in GUIDANCE["flows"].values()]


def normalized_words(text: str) -> list[str]:
    """Lowercase words with punctuation stripped; apostrophes dropped so don't == don’t."""
    without_apostrophes = re.sub(r"['’‘]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", " ", without_apostrophes).split()


def word_runs(words: list[str], length: int) -> set[tuple[str, ...]]:
    return {tuple(words[start : start + length]) for start in range(len(words) - length + 1)}


def unquoted_segments(text: str) -> list[str]:
    """The parts of a text outside double quotes; quoted spans are attributed quotations."""
    return QUOTED_SPAN.split(text)


def copied_runs(text: str, article_runs: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    found = set()
    for segment in unquoted_segments(text):
        found |= word_runs(normalized_words(segment), COPY_RUN_WORDS) & article_runs
    return found


@pytest.fixture(scope="module")
def articles() -> dict[str, str]:
    found = articles_in(seeds_dir())
    assert set(found) == set(ARTICLE_NAMES), "the seed articles are not the five the content cites"
    return found


@pytest.fixture(scope="module")
def article_runs(articles: dict[str, str]) -> set[tuple[str, ...]]:
    runs: set[tuple[str, ...]] = set()
    for text in articles.values():
        runs |= word_runs(normalized_words(text), COPY_RUN_WORDS)
    return runs


def test_guidance_top_level_sections() -> None:
    assert GUIDANCE["version"] == 1
    assert GUIDANCE["faq_sources"] == {}
    assert isinstance(GUIDANCE["flows"], dict)
    assert isinstance(GUIDANCE["nudges"], dict)


@pytest.mark.parametrize("flow_key, intent", sorted(FLOW_INTENTS.items()))
def test_flow_exists_with_its_intent_and_a_short_title(flow_key: str, intent: str) -> None:
    flow = GUIDANCE["flows"][flow_key]
    assert flow["intent"] == intent
    assert 0 < len(flow["title"]) <= MAX_TITLE_CHARS


@pytest.mark.parametrize("flow_key", sorted(FLOW_INTENTS))
def test_flow_steps_follow_the_schema(flow_key: str) -> None:
    steps = GUIDANCE["flows"][flow_key]["steps"]
    assert 2 <= len(steps) <= MAX_FLOW_STEPS
    step_ids = [step["id"] for step in steps]
    assert len(step_ids) == len(set(step_ids)), f"duplicate step ids in {flow_key}"
    for step in steps:
        assert step.get("role", "any") in ALLOWED_ROLES, step["id"]
        if "offer" in step:
            assert step["offer"] in ALLOWED_OFFERS, step["id"]


@pytest.mark.parametrize(
    "flow_key, offer",
    [("retaliation", "wait_20_minutes"), ("apology", "apology_walkthrough")],
)
def test_flow_carries_its_required_offer(flow_key: str, offer: str) -> None:
    offers = [step.get("offer") for step in GUIDANCE["flows"][flow_key]["steps"]]
    assert offer in offers


def test_apology_flow_has_a_step_for_the_hurt_partner() -> None:
    roles = [step.get("role") for step in GUIDANCE["flows"]["apology"]["steps"]]
    assert "hurt" in roles


@pytest.mark.parametrize("flow_key", sorted(FLOW_INTENTS))
def test_related_flows_exist(flow_key: str) -> None:
    related = GUIDANCE["flows"][flow_key]["related"]
    assert 1 <= len(related) <= 3
    for related_key in related:
        assert related_key in GUIDANCE["flows"], related_key
        assert related_key != flow_key


def test_nudges_cover_every_topic() -> None:
    nudges = GUIDANCE["nudges"]
    assert len(nudges["general"]) >= MIN_GENERAL_NUDGES
    for flow_key in FLOW_INTENTS:
        assert len(nudges.get(flow_key, [])) >= MIN_TOPIC_NUDGES, flow_key


def test_apology_nudges_include_keeping_commitments() -> None:
    apology_texts = " ".join(nudge["text"].lower() for nudge in GUIDANCE["nudges"]["apology"])
    assert "commitment" in apology_texts or "promise" in apology_texts


def test_apology_walkthrough_has_its_eight_questions_and_delivery_tips() -> None:
    questions = GUIDANCE["apology_questions"]
    assert list(questions) == [
        "what_happened", "impact", "ownership", "regret", "amends", "change", "honesty", "request",
    ]
    assert all(question["title"] and len(question["title"]) <= MAX_TITLE_CHARS for question in questions.values())
    tips = " ".join(" ".join(tip["text"].lower().split()) for tip in GUIDANCE["apology_tips"])
    for idea in ("face to face", "look at them", "listen", "forgiveness", "actions", "silent", "say no", "either way"):
        assert idea in tips, idea


def test_apology_questions_and_tips_quote_their_one_article() -> None:
    """Each names one article and a few words (at most 12) found in it, as a citation."""
    entries = [*GUIDANCE["apology_questions"].items(), *enumerate(GUIDANCE["apology_tips"])]
    for key, entry in entries:
        assert isinstance(entry["source"], str), f"{key}: one article"
        quote = entry["quote"]
        assert 1 <= len(quote.split()) <= 12, f"{key}: quote too long"
        assert quote in (seeds_dir() / entry["source"]).read_text(encoding="utf-8"), f"{key}: {quote!r}"


def test_faq_has_exactly_the_expected_answers_one_variation_each() -> None:
    responses = FAQ_RESPONSES
    assert set(responses) == {f"{FAQ_PREFIX}{key}" for key in FAQ_KEYS}
    assert set(DOMAIN["intents"]) >= {f"faq_{key}" for key in FAQ_KEYS}
    for key, variations in responses.items():
        assert len(variations) == 1, key


@pytest.mark.parametrize("content", CONTENT_TEXTS, ids=lambda content: content.label)
def test_text_names_its_sources(content: ContentText) -> None:
    """One or two articles, and/or ``general`` for good practice that is not in them."""
    articles = [source for source in content.sources if source != GENERAL]
    assert content.sources and len(articles) <= 2, f"{content.label}: source must name one or two articles, or general"
    assert len(set(content.sources)) == len(content.sources), f"{content.label}: a source named twice"
    for source in articles:
        assert source in ARTICLE_NAMES, f"{content.label}: unknown source {source!r}"


CITED_TEXTS = [content for content in CONTENT_TEXTS if content.cited]


@pytest.mark.parametrize("content", CITED_TEXTS, ids=lambda content: content.label)
def test_a_text_without_a_quote_is_general_and_never_attributed(content: ContentText) -> None:
    if content.quotes:
        assert [source for source in content.sources if source != GENERAL], f"{content.label}: a quote needs an article"
        return
    assert content.sources == [GENERAL], f"{content.label}: cites {content.sources} without quoting them"
    lowered = content.text.lower()
    for cue in ("article", "therapist says", "research", "studies", "experts", "according to"):
        assert cue not in lowered, f"{content.label}: general advice attributed ({cue!r})"


@pytest.mark.parametrize("content", [c for c in CITED_TEXTS if c.quotes], ids=lambda content: content.label)
def test_quotes_are_short_and_found_in_the_articles_they_cite(content: ContentText, articles: dict[str, str]) -> None:
    cited = [source for source in content.sources if source != GENERAL]
    for quote in content.quotes:
        assert word_count(quote) <= MAX_QUOTE_WORDS, f"{content.label}: quote longer than {MAX_QUOTE_WORDS} words: {quote}"
        assert any(quote_found(quote, articles[name]) for name in cited), f"{content.label}: not in {cited}: {quote!r}"
    for name in cited:
        assert any(quote_found(quote, articles[name]) for quote in content.quotes), f"{content.label}: nothing quoted from {name}"


def test_the_quote_check_fails_on_words_the_article_does_not_have(articles: dict[str, str]) -> None:
    retaliation = articles["000_0f441e7abe72d048.txt"]
    assert quote_found("Forgiveness is an action.  It is NOT a feeling.", retaliation)  # spacing and case
    assert quote_found("I forgive you. I will never use it against you in the future.", retaliation)  # curly marks
    assert not quote_found("wait 20 minutes before you act", retaliation)
    assert not quote_found("worry window", articles["003_a8e1d9b8275b4182.txt"])


@pytest.mark.parametrize("content", CONTENT_TEXTS, ids=lambda content: content.label)
def test_text_is_within_its_length_limit(content: ContentText) -> None:
    assert content.text.strip(), f"{content.label} is empty"
    assert len(content.text) <= content.max_chars, f"{content.label}: {len(content.text)} chars"


@pytest.mark.parametrize("text", [content.text for content in CONTENT_TEXTS] + TITLES)
def test_text_has_no_markup_links_phone_numbers_or_noise(text: str) -> None:
    assert not MARKUP_CHARACTERS & set(text), f"markup in: {text[:60]}"
    assert not URL_PATTERN.search(text), f"link in: {text[:60]}"
    assert not PHONE_PATTERN.search(text), f"phone number in: {text[:60]}"
    lowered = text.lower()
    for phrase in FORBIDDEN_PHRASES:
        assert phrase not in lowered, f"{phrase!r} in: {text[:60]}"


@pytest.mark.parametrize("content", CONTENT_TEXTS, ids=lambda content: content.label)
def test_text_does_not_copy_a_long_run_from_an_article(content: ContentText, article_runs: set) -> None:
    copied = copied_runs(content.text, article_runs)
    assert not copied, f"{content.label} copies: {' '.join(next(iter(copied)))}"


@pytest.mark.parametrize("content", CONTENT_TEXTS, ids=lambda content: content.label)
def test_quotations_are_attributed(content: ContentText) -> None:
    for quote in QUOTED_SPAN.finditer(content.text):
        before = content.text[max(0, quote.start() - ATTRIBUTION_WINDOW_CHARS) : quote.start()].lower()
        after = content.text[quote.end() : quote.end() + ATTRIBUTION_WINDOW_CHARS].lower()
        assert any(cue in before or cue in after for cue in ATTRIBUTION_CUES), f"{content.label}: unattributed {quote.group()[:40]}"


def test_copy_check_catches_a_copied_sentence_but_not_a_quotation(article_runs: set) -> None:
    copied_sentence = "Forgiveness cannot be earned or received, but can only be given. On the other hand, trust must be earned over time."
    assert copied_runs(copied_sentence, article_runs)
    assert not copied_runs(f"As one therapist says, “{copied_sentence}”", article_runs)
