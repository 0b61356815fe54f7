"""Every file scripts/build_bot.py generates is what the sources say now (never edited by hand)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts.build_bot import FAQ_DOMAIN, FAQ_NLU, ROOT, generated_files


@pytest.mark.parametrize("path", sorted(generated_files()), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_generated_file_is_current(path: Path) -> None:
    expected = generated_files()[path]
    assert path.read_text(encoding="utf-8") == expected, f"{path.relative_to(ROOT)} is stale: run `make build`"


def test_every_entry_becomes_a_retrieval_intent_and_a_response() -> None:
    nlu = yaml.safe_load(FAQ_NLU.read_text(encoding="utf-8"))["nlu"]
    responses = yaml.safe_load(FAQ_DOMAIN.read_text(encoding="utf-8"))["responses"]
    intents = {block["intent"].removeprefix("faq/") for block in nlu}
    assert intents == {name.removeprefix("utter_faq/") for name in responses}
    assert all(len(block["examples"].splitlines()) >= 4 for block in nlu)
    assert all(r[0]["text"].splitlines()[-1].startswith("Bron: ") for r in responses.values())
