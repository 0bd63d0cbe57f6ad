"""docs/CONTENT.md is what coach.content.review renders from the content files now, and it
shows every step with who sees it, its sources and its quotes. Never rewrites the file."""

from __future__ import annotations

from coach.content.guidance import load_guidance
from coach.content.review import REVIEW_FILE, render


def test_the_committed_review_file_is_current() -> None:
    assert REVIEW_FILE.read_text(encoding="utf-8") == render(), (
        "docs/CONTENT.md is out of date: run `python -m coach.content.review` and commit it")


def test_every_step_appears_with_its_sources_and_quotes() -> None:
    review = render()
    for flow in load_guidance().flows.values():
        section = review[review.index(f"(`{flow.key}`, intent `{flow.intent}`)"):]
        for step in flow.steps:
            assert f"`{step.id}`" in section
            body = section[section.index(f"`{step.id}`: for"):]
            body = body[: body.index("\n### ") if "\n### " in body else len(body)]
            assert step.text.splitlines()[0] in body
            for source in step.articles:
                assert f"`{source}`" in body
            for quote in step.quotes:
                assert f"\u201c{quote}\u201d" in body
            assert ("**general**" in body) == step.general


def test_each_flow_lists_who_sees_which_steps() -> None:
    review = render()
    dwelling = review[review.index("(`dwelling`"):]
    ids = [step.id for step in load_guidance().flows["dwelling"].steps_for("broke_trust")]
    assert "- the partner who broke trust: " + " → ".join(ids) in dwelling
