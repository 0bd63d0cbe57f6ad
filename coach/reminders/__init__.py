"""Reminder nudges: schedules in words, time zones, the person's reminder operations, delivery and buttons."""
