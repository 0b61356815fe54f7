"""Settings of the action server, from environment variables (the Rasa side's settings module).

The Rasa environment pins pydantic 1, so this is a plain dataclass rather than pydantic-settings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class ActionSettings:
    api_url: str
    api_timeout_seconds: float
    port: int
    log_level: str

    @classmethod
    def from_env(cls) -> ActionSettings:
        api_port = os.environ.get("API_PORT", "8000")
        return cls(
            api_url=os.environ.get("API_URL", f"http://127.0.0.1:{api_port}").rstrip("/"),
            api_timeout_seconds=float(os.environ.get("API_TIMEOUT_SECONDS", "3")),
            port=int(os.environ.get("ACTION_SERVER_PORT", "5055")),
            log_level=os.environ.get("LOG_LEVEL", "INFO").upper(),
        )
