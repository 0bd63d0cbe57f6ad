"""Safety layer: deterministic crisis detection, crisis replies and the Rasa component that wires them in."""
