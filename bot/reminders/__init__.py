"""Reminder nudges: understanding schedules written in words and the user's time zone."""
