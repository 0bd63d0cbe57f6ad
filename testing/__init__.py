"""What tests and benchmarks share: the fake Telegram Bot API server, ports, dialogue and reminder helpers."""
