"""Start the action server, the Rasa server and the API under honcho, from the Procfile.

Used by `make run` and by the end-to-end tests (with other ports and databases). Honcho stops
every process as soon as one of them exits, and on Ctrl-C.
"""

from __future__ import annotations

import logging
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
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
            # Hex, so a generated token never starts with "-" (rasa's argument parser would take it for
            # an option); the Procfile passes it as --auth-token=..., which also keeps a set one safe.
            "RASA_TOKEN": settings.rasa_token or secrets.token_hex(32),
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


class StackError(RuntimeError):
    pass


@dataclass(frozen=True)
class RunningStack:
    api_url: str
    rasa_url: str
    log_file: Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def running_stack(
    workdir: Path, timeout: float = 300, extra_env: dict[str, str] | None = None
) -> Iterator[RunningStack]:
    """Start the whole stack on free loopback ports with its own databases in `workdir`.

    Yields where the API and Rasa listen, and the log file; stops everything on exit. Used by the end-to-end
    tests and the chat benchmark (once per run, not per test).
    """
    from knowledge.db import make_engine, make_sessionmaker, migrate
    from knowledge.loader import load_all

    database_url = f"sqlite:///{workdir / 'knowledge.db'}"
    migrate(database_url)
    # The actions look places up through the API, so the knowledge base must be there too.
    engine = make_engine(database_url)
    try:
        with make_sessionmaker(engine)() as session:
            load_all(session)
    finally:
        engine.dispose()
    api_port = free_port()
    rasa_url = f"http://127.0.0.1:{free_port()}"
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        TRACKER_STORE_URL=f"sqlite:///{workdir / 'conversations.db'}",
        API_PORT=str(api_port),
        RASA_URL=rasa_url,
        ACTION_SERVER_PORT=str(free_port()),
        STACK_READY_TIMEOUT=str(timeout),
        **(extra_env or {}),
    )
    env.pop("RASA_TOKEN", None)
    log_file = workdir / "stack.log"
    with log_file.open("w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "scripts.stack"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    started = time.monotonic()
    try:
        while "All components healthy" not in log_file.read_text(errors="replace"):
            if process.poll() is not None:
                raise StackError(f"the stack exited with {process.returncode}:\n{log_file.read_text()[-4000:]}")
            if time.monotonic() - started > timeout + 30:
                raise StackError(f"the stack did not become healthy:\n{log_file.read_text()[-4000:]}")
            time.sleep(1)
        yield RunningStack(f"http://127.0.0.1:{api_port}", rasa_url, log_file)
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


if __name__ == "__main__":
    sys.exit(main())
