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
    # the passive and the denied are the hurt side's words (stop 31: "i was cheated on" read as the writer cheating)
    ("i was cheated on 😢", "hurt"),
    ("me? i got lied to for months", "hurt"),
    ("he hurt me by cheating", "hurt"),
    ("jess did the lying, i never strayed", None),  # a name is not a partner word: ask
    ("wasnt me who strayed. im the one picking up the pieces", None),
    ("sam hooked up with a girl from his office behind my back", "hurt"),
    ("i caught my husband texting his ex", "hurt"),
    ("my husband caught me texting my ex", "broke_trust"),
    ("it was me who went behind his back", "broke_trust"),
    ("the lies were mine, not hers", "broke_trust"),
    ("i was the one who strayed", "broke_trust"),
    ("she caught me crying in the car", None),  # caught at nothing of the betrayal
])
def test_role_from_text(text: str, role: str | None) -> None:
    assert role_from_text(text) == role
