"""Guidance content (the flows drawn from the articles) and the person's role."""
