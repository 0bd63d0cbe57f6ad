"""Daily check-ins: their store, statistics, the progress chart and the weekly reflection."""
