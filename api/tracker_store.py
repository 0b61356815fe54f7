"""Read and delete conversations in Rasa's SQL tracker store.

Rasa writes the `events` table (its own schema, SQLAlchemy 1.4 on the Rasa side); the API only
reads it to restore a chat after a page reload and deletes from it when a person asks to forget
the conversation. The table is declared here, not in the application's metadata, so Alembic
never touches it.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Column, Engine, Float, Integer, MetaData, String, Table, Text, delete, inspect, select

_metadata = MetaData()
events = Table(
    "events",
    _metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)


def _table_exists(engine: Engine) -> bool:
    return inspect(engine).has_table("events")


def conversation_history(engine: Engine, sender_id: str) -> list[dict[str, Any]]:
    """The user and bot turns of a conversation, in order, as `{sender, text, buttons}`."""
    if not _table_exists(engine):
        return []
    query = (
        select(events.c.type_name, events.c.data)
        .where(events.c.sender_id == sender_id, events.c.type_name.in_(("user", "bot")))
        .order_by(events.c.id)
    )
    turns: list[dict[str, Any]] = []
    with engine.connect() as connection:
        for type_name, raw in connection.execute(query):
            event = json.loads(raw or "{}")
            text = event.get("text") or ""
            buttons = (event.get("data") or {}).get("buttons") or []
            if type_name == "user" and text.startswith("/"):
                # A button press: show the button's title rather than its payload.
                text = (event.get("metadata") or {}).get("button_title") or text
            turns.append({"sender": type_name, "text": text, "buttons": buttons})
    return turns


def delete_conversation(engine: Engine, sender_id: str) -> int:
    if not _table_exists(engine):
        return 0
    with engine.begin() as connection:
        result = connection.execute(delete(events).where(events.c.sender_id == sender_id))
    return int(result.rowcount)
