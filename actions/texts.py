"""The phrases of actions/texts.yml, loaded once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

TEXTS_FILE = Path(__file__).resolve().parent / "texts.yml"


@lru_cache(maxsize=1)
def texts() -> dict[str, str]:
    raw = yaml.safe_load(TEXTS_FILE.read_text(encoding="utf-8"))
    return {str(key): str(value) for key, value in raw.items()}


def phrase(key: str, **values: object) -> str:
    return texts()[key].format(**values)
