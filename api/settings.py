"""Application settings, read from environment variables (and an optional `.env`)."""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[1]
VAR_DIR = PROJECT_ROOT / "var"
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d{1,5})?")


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
    # Where "Snel weg" (quick exit) sends a person. The chat page is replaced, so the back button
    # does not lead back to it. Set a neutral everyday site of your choice; the default, an empty
    # page, works without any request to another site.
    quick_exit_url: str = "about:blank"
    # Sites allowed to embed the chat widget, as scheme://host[:port] (JSON list in WIDGET_ORIGINS).
    # Empty: the widget works only on pages of this server.
    widget_origins: list[str] = Field(default_factory=list)

    @field_validator("widget_origins")
    @classmethod
    def plain_origins(cls, origins: list[str]) -> list[str]:
        # They go into the Content-Security-Policy header: nothing but an origin may get in.
        for origin in origins:
            if not _ORIGIN.fullmatch(origin):
                raise ValueError(f"not an origin (scheme://host[:port]): {origin!r}")
        return origins

    @field_validator("quick_exit_url")
    @classmethod
    def navigable_url(cls, url: str) -> str:
        if url != "about:blank" and not re.fullmatch(r"https?://\S+", url):
            raise ValueError("QUICK_EXIT_URL must be about:blank or an http(s) address")
        return url

    @property
    def action_server_url(self) -> str:
        return f"http://127.0.0.1:{self.action_server_port}"

    @property
    def rasa_port(self) -> int:
        return urlsplit(self.rasa_url).port or 5005


@lru_cache
def get_settings() -> Settings:
    return Settings()
