from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from api.settings import PROJECT_ROOT
from knowledge.safety import CONCERNS, SAFETY_FILE, load_safety_messages, render_domain_responses
from scripts.build_bot import SAFETY_DOMAIN

CHECKER = PROJECT_ROOT.parent / "shared" / "tools" / "check_phone_numbers.py"


@pytest.mark.parametrize(
    ("key", "numbers"),
    [
        ("acute_danger", ["112", "101"]),
        ("suicidal_thoughts", ["1813", "112"]),
        ("abuse", ["1712", "101", "112"]),
        ("minor_crisis", ["02 209 16 36", "112", "101"]),
        ("safety_check", ["112", "101", "1813", "1712"]),
        # A French or English message about suicide or abuse gets this answer too, whatever the
        # concern (the safeguard's patterns are Dutch), so it names 1813 and 1712 as well (stop 40).
        ("other_language_fr", ["112", "101", "1813", "1712"]),
        ("other_language_en", ["112", "101", "1813", "1712"]),
        ("other_language_fr_brussels", ["112", "101", "02 209 16 36", "1813", "1712"]),
        ("other_language_en_brussels", ["112", "101", "02 209 16 36", "1813", "1712"]),
        ("unavailable", ["112", "101", "1813", "078 150 100"]),
    ],
)
def test_each_safety_text_gives_its_numbers(key: str, numbers: list[str]) -> None:
    text = load_safety_messages().text(key)
    for number in numbers:
        assert number in text


@pytest.mark.parametrize("concern", CONCERNS)
def test_an_answer_for_the_wrong_concern_still_names_the_right_number(concern: str) -> None:
    # On new wording the NLU gives about one safety message in nine another concern's answer.
    text = load_safety_messages().text(concern)
    for number in ("112", "1813", "1712", "02 209 16 36"):
        assert number in text, f"{concern}: {number} missing"
    # Its own subject comes first, the other concerns' lines follow; no blank line, which Rasa's
    # channels would turn into a second message.
    own, intro, *others = text.split("\n")
    assert own == load_safety_messages().messages[concern].text
    assert intro == "Gaat het om iets anders?"
    assert len(others) == (3 if concern == "acute_danger" else 2)  # acute danger has no line: 112 is everywhere
    assert "\n\n" not in text


def test_other_concerns_must_be_safety_concerns(tmp_path: Path) -> None:
    data = yaml.safe_load(SAFETY_FILE.read_text(encoding="utf-8"))
    data["other_concerns"]["greet"] = data["other_concerns"]["abuse"]
    broken = tmp_path / "safety.yml"
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ValueError, match="greet"):
        load_safety_messages(broken)


def test_an_answer_language_without_its_helplines_fails_loading(tmp_path: Path) -> None:
    data = yaml.safe_load(SAFETY_FILE.read_text(encoding="utf-8"))
    del data["other_language_helplines"]["fr"]
    broken = tmp_path / "safety.yml"
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ValueError, match="lacks: fr"):
        load_safety_messages(broken)


def test_the_bot_domain_is_generated_from_the_shared_file() -> None:
    assert SAFETY_DOMAIN.read_text(encoding="utf-8") == render_domain_responses(load_safety_messages()), (
        "bot/domain/safety.yml is stale: run `make build`"
    )


def test_a_missing_safety_message_fails_loading(tmp_path: Path) -> None:
    broken = tmp_path / "safety.yml"
    broken.write_text(
        "messages:\n  abuse:\n    text: x\n    sources: [https://www.1712.be/nl/over-1712]\n"
        "other_concerns_intro: x\nother_concerns: {}\n"
    )
    with pytest.raises(ValueError, match="acute_danger"):
        load_safety_messages(broken)


def test_no_phone_number_in_the_project_lacks_a_source() -> None:
    if not CHECKER.exists():
        pytest.skip(f"shared phone-number checker not found at {CHECKER}")
    result = subprocess.run([sys.executable, str(CHECKER), str(PROJECT_ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, "numbers without a source:\n" + result.stdout
