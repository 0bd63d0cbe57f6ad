"""Role inference from the person's own words."""

import pytest

from coach.content.role import role_from_text


@pytest.mark.parametrize("text, role", [
    ("I cheated on my wife and I hate myself", "broke_trust"),
    ("i lied to him about the money", "broke_trust"),
    ("I've been hiding texts from her", "broke_trust"),
    ("my husband cheated on me", "hurt"),
    ("she lied to me for months", "hurt"),
    ("he had an affair with a coworker", "hurt"),
    ("my affair ended last month", "broke_trust"),
    ("i messed up badly", "broke_trust"),
    ("we keep fighting", None),
    ("I cheated and then she cheated on me", None),
])
def test_role_from_text(text: str, role: str | None) -> None:
    assert role_from_text(text) == role
