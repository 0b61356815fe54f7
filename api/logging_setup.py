"""Logging configuration with a filter that keeps what users type out of the logs.

People write names, addresses and worries into this chat. Nothing they type may reach a log
unfiltered: access-log lines lose their query strings and client addresses, and every
message is scrubbed of e-mail addresses, phone numbers and national register numbers.
Application code must not log message texts at all; `describe_text` gives a safe summary.
"""

from __future__ import annotations

import logging
import re
from typing import Any

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_PHONE = re.compile(r"(?<!\d)(?:\+32|0)[\d ./-]{7,14}\d(?!\d)")
_NATIONAL_NUMBER = re.compile(r"\b\d{2}[.\s]?\d{2}[.\s]?\d{2}[-\s]?\d{3}[.\s]?\d{2}\b")
_QUERY = re.compile(r"\?[^\s\"']*")
# Query strings of full URLs in any log line (they may carry a search text or an API token).
_URL_QUERY = re.compile(r"(https?://[^\s?\"']+)\?[^\s\"']*")


def redact(text: str) -> str:
    text = _URL_QUERY.sub(r"\1?[weggelaten]", text)
    text = _EMAIL.sub("[e-mail]", text)
    text = _NATIONAL_NUMBER.sub("[rijksregisternummer]", text)
    return _PHONE.sub("[telefoon]", text)


def strip_query(path: str) -> str:
    return _QUERY.sub("?[weggelaten]", path)


def describe_text(text: str) -> str:
    """What may be logged about a user message: its length, never its content."""
    return f"<{len(text)} tekens>"


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "uvicorn.access" and isinstance(record.args, tuple) and len(record.args) == 5:
            _client, method, path, version, status = record.args
            record.args = ("-", method, strip_query(str(path)), version, status)
        message = record.getMessage()
        cleaned = redact(strip_query(message)) if record.name == "uvicorn.access" else redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def logging_config(level: str) -> dict[str, Any]:
    """A dictConfig for the API process, uvicorn's loggers included."""
    handler = {
        "class": "logging.StreamHandler",
        "formatter": "plain",
        "filters": ["redact"],
        "stream": "ext://sys.stderr",
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"redact": {"()": RedactingFilter}},
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
        "handlers": {"default": handler},
        "root": {"handlers": ["default"], "level": level.upper()},
        "loggers": {
            "uvicorn": {"handlers": ["default"], "level": level.upper(), "propagate": False},
            "uvicorn.error": {"handlers": ["default"], "level": level.upper(), "propagate": False},
            "uvicorn.access": {"handlers": ["default"], "level": level.upper(), "propagate": False},
            # One line per outgoing request (health checks every second) is noise, not information.
            "httpx": {"level": "WARNING"},
            "httpcore": {"level": "WARNING"},
        },
    }
