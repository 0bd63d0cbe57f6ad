"""The Telegram front end (python-telegram-bot): handlers, rendering, delivery guarantees."""
