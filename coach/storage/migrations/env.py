"""Alembic environment: runs migrations on the connection handed over by ``Database.migrate``.

From the command line (``alembic -c alembic.ini upgrade head``) it connects to
``DATABASE_URL`` (or the default SQLite file) itself.
"""

from alembic import context

from coach.storage.models import Base

target_metadata = Base.metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        from coach.config import Settings
        from coach.storage.db import create_engine

        with create_engine(Settings.from_env().database_url).begin() as own_connection:
            context.configure(connection=own_connection, target_metadata=target_metadata)
            with context.begin_transaction():
                context.run_migrations()
        return
    context.configure(connection=connection, target_metadata=target_metadata)
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
