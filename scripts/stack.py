"""Start the action server, the Rasa server and the API under honcho, from the Procfile.

Used by `make run` and by the end-to-end tests (with other ports and databases). Honcho stops
every process as soon as one of them exits, and on Ctrl-C.
"""

from __future__ import annotations

import logging
import os
import secrets
import sys
from pathlib import Path

from honcho.environ import parse_procfile
from honcho.manager import Manager

from api.settings import PROJECT_ROOT, get_settings

MODEL_PATH = PROJECT_ROOT / "var" / "models" / "bot.tar.gz"
# Rasa logs every user message at DEBUG level: never let it run more verbosely than INFO.
_QUIET_ENOUGH = {"INFO", "WARNING", "ERROR", "CRITICAL"}


def stack_environment() -> dict[str, str]:
    settings = get_settings()
    env = dict(os.environ)
    rasa_level = settings.log_level.upper() if settings.log_level.upper() in _QUIET_ENOUGH else "INFO"
    env.update(
        {
            "RASA_TELEMETRY_ENABLED": "false",
            "RASA_TOKEN": settings.rasa_token or secrets.token_urlsafe(32),
            "RASA_PORT": str(settings.rasa_port),
            "RASA_MODEL": os.environ.get("RASA_MODEL", str(MODEL_PATH)),
            "RASA_LOG_LEVEL": rasa_level,
            "ACTION_SERVER_PORT": str(settings.action_server_port),
            "ACTION_SERVER_WEBHOOK": f"{settings.action_server_url}/webhook",
            "TRACKER_STORE_URL": settings.tracker_store_url,
            "DATABASE_URL": settings.database_url,
            "API_PORT": str(settings.api_port),
            "SANIC_HOST": "127.0.0.1",
            "PYTHONUNBUFFERED": "1",
            # Rasa's dependencies print pages of deprecation warnings at every start.
            "PYTHONWARNINGS": "ignore::DeprecationWarning",
        }
    )
    return env


def main() -> int:
    model = Path(os.environ.get("RASA_MODEL", str(MODEL_PATH)))
    if not model.exists():
        print(f"error: no trained model at {model}. Run `make run` (it trains when needed).", file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.WARNING)
    env = stack_environment()
    procfile = parse_procfile((PROJECT_ROOT / "Procfile").read_text(encoding="utf-8"))
    manager = Manager()
    for name, command in procfile.processes.items():
        manager.add_process(name, command, env=env, cwd=str(PROJECT_ROOT))
    manager.loop()
    return int(manager.returncode or 0)


if __name__ == "__main__":
    sys.exit(main())
