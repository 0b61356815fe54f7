"""`python -m actions`: the action server, bound to loopback only (rasa-sdk binds 0.0.0.0)."""

from __future__ import annotations

import logging
import os

from rasa_sdk.endpoint import create_app


def main() -> None:
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO").upper())
    port = int(os.environ.get("ACTION_SERVER_PORT", "5055"))
    app = create_app("actions")
    app.run(host="127.0.0.1", port=port, workers=1, access_log=False)


if __name__ == "__main__":
    main()
