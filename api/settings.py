"""Application settings, read from environment variables (and an optional `.env`)."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]
VAR_DIR = PROJECT_ROOT / "var"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=PROJECT_ROOT / ".env", extra="ignore")

    # The knowledge base (and the list of issued chat ids). Embedded SQLite by default.
    database_url: str = f"sqlite:///{VAR_DIR / 'knowledge.db'}"
    # Rasa's conversation store: a separate database so the two never lock each other.
    tracker_store_url: str = f"sqlite:///{VAR_DIR / 'conversations.db'}"
    rasa_url: str = "http://127.0.0.1:5005"
    # Token for Rasa's HTTP API (status, parse). `make run` generates one per start.
    rasa_token: str = ""
    rasa_timeout_seconds: float = Field(default=15.0, gt=0)
    action_server_port: int = 5055
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    log_level: str = "INFO"
    # Conversations (and their ids) older than this are deleted.
    chat_retention_hours: int = Field(default=24, ge=1)
    max_message_chars: int = 2000
    # Pretend it is this moment when answering "is it open now?" in /api/route (demos and the
    # end-to-end tests, e.g. a night-time crisis). Unset: the real time in Brussels.
    route_clock: datetime | None = None

    @property
    def action_server_url(self) -> str:
        return f"http://127.0.0.1:{self.action_server_port}"

    @property
    def rasa_port(self) -> int:
        return urlsplit(self.rasa_url).port or 5005


@lru_cache
def get_settings() -> Settings:
    return Settings()
