"""`python -m actions`: the action server, bound to loopback only (rasa-sdk binds 0.0.0.0)."""

from __future__ import annotations

import logging

from rasa_sdk.endpoint import create_app

from actions.settings import ActionSettings


def main() -> None:
    settings = ActionSettings.from_env()
    logging.basicConfig(level=settings.log_level)
    app = create_app("actions")
    app.run(host="127.0.0.1", port=settings.port, workers=1, access_log=False)


if __name__ == "__main__":
    main()
