from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GENERATED_CONFIG = ROOT / "var" / "build" / "config.yml"


@pytest.fixture(scope="session")
def spacy_pipeline() -> Any:
    """The Dutch spaCy pipeline that `make build` made (the one Rasa loads)."""
    import spacy

    if not GENERATED_CONFIG.exists():
        pytest.fail("var/build/config.yml is missing: run `make build` first")
    config = yaml.safe_load(GENERATED_CONFIG.read_text(encoding="utf-8"))
    model = next(c["model"] for c in config["pipeline"] if c["name"] == "SpacyNLP")
    return spacy.load(ROOT / model)
