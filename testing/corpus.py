"""The messages every benchmark sends: the held-out NLU set, as people would type them.

``tests/nlu_test.yml`` holds realistic messages the model never saw in training, across
every intent (struggles, greetings, crisis wording, reminders, apology steps). They are
shuffled with a fixed seed and cut into short conversations, so every run, and both
assistants in a run, get exactly the same messages in the same order.
"""

from __future__ import annotations

import random
import re
from itertools import cycle, islice

import yaml

from coach.config import PROJECT_ROOT

HELD_OUT = PROJECT_ROOT / "tests" / "nlu_test.yml"
ENTITY_MARKUP = re.compile(r"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\{[^}]*\}")
SEED = 8


def held_out_messages() -> list[str]:
    """Every example text of the held-out set, entity markup removed, in a fixed shuffle."""
    data = yaml.safe_load(HELD_OUT.read_text(encoding="utf-8"))
    texts = []
    for block in data.get("nlu", []):
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if line.startswith("- "):
                texts.append(ENTITY_MARKUP.sub(lambda m: m.group(1) or m.group(2), line[2:]).strip())
    random.Random(SEED).shuffle(texts)
    return texts


def messages(count: int) -> list[str]:
    """``count`` messages, repeating the held-out set if more are asked for."""
    return list(islice(cycle(held_out_messages()), count))


def conversations(users: int, per_user: int) -> list[list[str]]:
    """``users`` scripts of ``per_user`` messages each, dealt from the same fixed sequence."""
    pool = messages(users * per_user)
    return [pool[user * per_user:(user + 1) * per_user] for user in range(users)]
