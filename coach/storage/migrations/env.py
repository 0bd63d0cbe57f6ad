"""Alembic environment: runs migrations on the connection handed over by ``Database.migrate``.

From the command line (the repo root's ``alembic.ini``: ``.venv/bin/alembic upgrade head``,
``.venv/bin/alembic revision --autogenerate --rev-id 0007_name -m "..."``) it connects to
``DATABASE_URL`` (or the default SQLite file under ``data/``, via ``coach.config.Settings``).

``target_metadata`` is ``Base.metadata`` after importing ``coach.tables``, which
imports every table module. Autogenerate only looks at the app's own tables: Rasa's
``events`` table (and anything else not in the metadata) lives in the same database but
is not ours to migrate.
"""

from logging.config import fileConfig

from alembic import context

from coach.tables import Base

target_metadata = Base.metadata


def include_name(name, type_, parent_names) -> bool:
    """Leave tables that are not the app's (Rasa's ``events``) out of autogenerate."""
    if type_ == "table":
        return name in target_metadata.tables
    return True


def _configure(**kwargs) -> None:
    context.configure(
        target_metadata=target_metadata,
        include_name=include_name,
        compare_type=True,
        compare_server_default=True,
        **kwargs,
    )


def _database_url() -> str:
    from coach.config import Settings

    return Settings.from_env().database_url


def run_migrations() -> None:
    config = context.config
    if config.config_file_name is not None and config.file_config.has_section("loggers"):
        fileConfig(config.config_file_name, disable_existing_loggers=False)

    if context.is_offline_mode():  # alembic upgrade head --sql
        _configure(url=_database_url(), literal_binds=True, dialect_opts={"paramstyle": "named"})
        with context.begin_transaction():
            context.run_migrations()
        return

    connection = config.attributes.get("connection")
    if connection is None:
        from coach.storage.db import create_engine

        engine = create_engine(_database_url())
        try:
            with engine.begin() as own_connection:
                _configure(connection=own_connection, render_as_batch=own_connection.dialect.name == "sqlite")
                with context.begin_transaction():
                    context.run_migrations()
        finally:
            engine.dispose()
        return
    _configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
