"""`python -m api`: serve the API with uvicorn and the redacting log configuration."""

from __future__ import annotations

import uvicorn

from api.logging_setup import logging_config
from api.settings import get_settings


def main() -> None:
    settings = get_settings()
    uvicorn.run(
        "api.main:create_app",
        factory=True,
        host=settings.api_host,
        port=settings.api_port,
        log_config=logging_config(settings.log_level),
        proxy_headers=False,
    )


if __name__ == "__main__":
    main()
