"""The coach's core: content, understanding, safety, apology, check-ins, reminders and storage. Imported by both processes; never imports telegram, rasa, rasa_sdk, bot or actions."""
