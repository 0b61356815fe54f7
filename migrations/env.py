"""Alembic environment: the application's metadata, the URL from the settings."""

from __future__ import annotations

from logging.config import fileConfig
from typing import Any

from alembic import context

import api.chat_sessions  # noqa: F401  (registers its table on Base.metadata)
import knowledge.models  # noqa: F401
from api.settings import get_settings
from knowledge.db import Base, make_engine

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)

target_metadata = Base.metadata


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    # Rasa's tracker store (`events`) may share a server with us: never manage tables we do not own.
    return not (type_ == "table" and reflected and name not in target_metadata.tables)


def run_migrations() -> None:
    url = config.attributes.get("database_url") or get_settings().database_url
    engine = make_engine(url)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            include_object=include_object,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations()
