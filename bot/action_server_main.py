"""The action server child's entry point: ``python -m bot.action_server_main --actions actions``.

The same as ``python -m rasa_sdk``, minus ~360 MB: spaCy's ``thinc`` imports every
machine-learning back end it finds installed, and Rasa installs TensorFlow and JAX, which
no action uses (the apology analyzer's spaCy pipeline has no neural parts). Marking them
unavailable before anything is imported keeps them out of the process (see
docs/BENCHMARKS.md, Memory). ``rasa run actions`` and ``make actions`` still work, heavier.
"""

from __future__ import annotations

import sys

UNUSED_BACKENDS = ("tensorflow", "jax")


def block_unused_backends() -> None:
    """Make ``import tensorflow`` / ``import jax`` fail fast with ImportError in this process."""
    for name in UNUSED_BACKENDS:
        if name not in sys.modules:
            sys.modules[name] = None  # type: ignore[assignment]


if __name__ == "__main__":
    block_unused_backends()
    from rasa_sdk.__main__ import main

    main()
