from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect

from api.settings import PROJECT_ROOT
from api.tracker_store import events
from knowledge.db import make_engine, migrate


def test_models_and_migrations_agree_and_rasa_tables_are_ignored(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    engine = make_engine(url)
    events.metadata.create_all(engine)  # as if Rasa's tracker store shared this database
    migrate(url)
    assert {"chat_session", "alembic_version", "events"} <= set(inspect(engine).get_table_names())
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.attributes["database_url"] = url
    command.check(config)  # raises when autogenerate would change anything
    engine.dispose()
