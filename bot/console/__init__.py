"""The console front end: chat in a terminal on the same brain and database."""
