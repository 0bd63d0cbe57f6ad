"""The sincere-apology walkthrough: its rules and analyzer, the draft, its content and its store."""
