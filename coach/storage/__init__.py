"""Storage: the app's own tables (SQLAlchemy models, Alembic migrations, sessions)."""
