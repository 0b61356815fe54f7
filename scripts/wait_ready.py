"""Wait until /api/health reports every component up, then print where to go.

Runs as the `ready` process of the Procfile: exiting non-zero makes honcho stop the stack, so a
start that never becomes healthy ends with a clear message instead of hanging.
"""

from __future__ import annotations

import os
import signal
import sys
import time

import httpx

from api.settings import get_settings

DEFAULT_TIMEOUT_SECONDS = 300


def wait_until_healthy(base_url: str, timeout: float) -> dict[str, object]:
    start = time.monotonic()
    last_report = 0.0
    last_problem = "no answer yet"
    while time.monotonic() - start < timeout:
        try:
            response = httpx.get(f"{base_url}/api/health", timeout=30)
            body = response.json()
            if response.status_code == 200:
                return dict(body)
            down = [f"{name} ({c['detail']})" for name, c in body["components"].items() if not c["up"]]
            last_problem = "waiting for " + ", ".join(down)
        except (httpx.HTTPError, ValueError, KeyError):
            last_problem = "waiting for the API to start"
        elapsed = time.monotonic() - start
        if elapsed - last_report >= 10:
            print(f"... {elapsed:.0f} s: {last_problem}", flush=True)
            last_report = elapsed
        time.sleep(1)
    raise TimeoutError(f"not healthy after {timeout:.0f} s: {last_problem}")


def main() -> int:
    settings = get_settings()
    base_url = f"http://127.0.0.1:{settings.api_port}"
    timeout = float(os.environ.get("STACK_READY_TIMEOUT", DEFAULT_TIMEOUT_SECONDS))
    started = time.monotonic()
    try:
        wait_until_healthy(base_url, timeout)
    except TimeoutError as error:
        print(f"error: {error}. Stopping everything; see the log lines above.", file=sys.stderr, flush=True)
        return 1
    # A wildcard bind address is not something to type into a browser.
    host = "localhost" if settings.api_host in ("127.0.0.1", "0.0.0.0", "::") else settings.api_host  # noqa: S104
    print(
        f"\nAll components healthy after {time.monotonic() - started:.0f} s (Rasa model loaded and warmed).\n"
        f"  Web chat:       http://{host}:{settings.api_port}/\n"
        f"  Lookup page:    http://{host}:{settings.api_port}/zoeken\n"
        f"  API docs:       http://{host}:{settings.api_port}/docs\n"
        f"  Health:         http://{host}:{settings.api_port}/api/health\n"
        "Press Ctrl-C to stop.\n",
        flush=True,
    )
    signal.pause()  # stay alive: honcho stops the stack when any process exits
    return 0


if __name__ == "__main__":
    sys.exit(main())
