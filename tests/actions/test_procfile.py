"""The Procfile's Rasa command line, parsed by Rasa's own argument parser (Rasa environment)."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import pytest
from rasa.__main__ import create_argument_parser

PROCFILE = Path(__file__).resolve().parents[2] / "Procfile"


def rasa_arguments() -> list[str]:
    """The arguments the shell hands to `rasa`, with the variables of this process's environment."""
    line = next(line for line in PROCFILE.read_text(encoding="utf-8").splitlines() if line.startswith("rasa:"))
    # Split first, then expand: a quoted variable stays one word, as in the shell.
    words = [os.path.expandvars(word) for word in shlex.split(line.split(":", 1)[1])]
    start = next(i for i, word in enumerate(words) if word.endswith("/rasa"))
    return words[start + 1 :]


@pytest.mark.parametrize("token", ["abc123", "-starts-with-a-dash", "_under-score"])
def test_any_auth_token_reaches_rasa_whole(token: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # A random token once started with "-" and `rasa run` refused to start (stop 25, a fresh CI run).
    environment = {"RASA_TOKEN": token, "RASA_MODEL": "m.tar.gz", "RASA_PORT": "5005", "RASA_LOG_LEVEL": "INFO"}
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    arguments = create_argument_parser().parse_args(rasa_arguments())
    assert arguments.auth_token == token
    assert arguments.port == 5005
