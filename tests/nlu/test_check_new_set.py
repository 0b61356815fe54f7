"""The check run on a freshly written evaluation set before it is committed."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlu_components.check_new_set import main, other_sets, problems, training_problems
from nlu_components.nlu_files import Message


def write_set(folder: Path, intent: str, *lines: str) -> Path:
    folder.mkdir(parents=True)
    examples = "".join(f"      - {line}\n" for line in lines)
    (folder / "messages.yml").write_text(
        f'version: "3.1"\nnlu:\n  - intent: {intent}\n    examples: |\n{examples}', encoding="utf-8"
    )
    return folder


def test_lists_copies_both_ways_and_within_the_new_set(tmp_path: Path) -> None:
    training = write_set(tmp_path / "training", "abuse", "mijn stiefvader slaat mij elke avond met zijn riem")
    kept_out = write_set(tmp_path / "heldout", "suicidal_thoughts", "ik wil niet meer leven")
    read_probe = write_set(tmp_path / "probe_read", "young_child", "ik ben 16")
    new = write_set(
        tmp_path / "probe_new",
        "abuse",
        "mijn stiefvader slaat mij elke avond met de riem",  # copies the training example
        "ze zegt ik wil niet meer leven, en ze meent het",  # a kept-out message is inside it
        "de buurman scheldt zijn kinderen de hele dag uit",
        "de buurman scheldt zijn kinderen de hele dag uit, elke dag",  # copies the line above
        "onze opa sloot de kleine op in de kelder",  # new wording
        "ik ben 16 en slaap buiten",  # a short message of a set the safety model may train on
    )

    found = problems(new, [training], [kept_out, read_probe], keep_out_dirs=[kept_out])

    assert len(found) == 3
    assert "near copy of 'mijn stiefvader slaat mij elke avond met zijn riem'" in found[0]
    assert found[1].startswith("'ik wil niet meer leven' in heldout/ (kept out")
    assert "is a near copy of new message" in found[1]
    assert "are near copies of each other" in found[2]
    assert not any("kelder" in line or "buiten" in line for line in found)


def test_the_new_set_is_not_compared_with_itself_as_another_set(tmp_path: Path) -> None:
    new = write_set(tmp_path / "probe_new", "abuse", "x")
    other = write_set(tmp_path / "development", "abuse", "y")
    assert other_sets(new, root=tmp_path) == [other]


def test_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "missing")]) == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main([str(empty)]) == 2
    assert "holds no NLU messages" in capsys.readouterr().err


def test_a_message_of_an_unread_set_is_never_printed(tmp_path: Path) -> None:
    unread = write_set(tmp_path / "heldout", "suicidal_thoughts", "ik zie het leven niet meer zitten", "ik ben 16")
    new = write_set(
        tmp_path / "probe_new", "suicidal_thoughts", "ik zie het leven niet meer zitten, help", "ik ben 16 en weg"
    )

    found = problems(new, [], [unread], keep_out_dirs=[unread], unread_dirs=[unread])

    assert found == [
        "'ik zie het leven niet meer zitten, help' is a near copy of a message in heldout/",
        "a message in heldout/ (kept out of the safety model's training) is a near copy of new message "
        "'ik ben 16 en weg'",
    ]


def test_training_drafts_are_checked_in_the_direction_of_the_separation_test(tmp_path: Path) -> None:
    unread = write_set(tmp_path / "heldout", "quick_exit", "wis alles snel")
    read = write_set(tmp_path / "development", "young_person", "ik ben 15 en mijn lief heeft het uitgemaakt")
    drafts = write_set(
        tmp_path / "drafts",
        "quick_exit",
        "wis alles snel, mijn man komt binnen",  # holds the whole unread message
        "ik ben 15",  # inside the read message, but the test only looks the other way
        "haal dit scherm weg",
    )

    found = training_problems(drafts, [unread, read], unread_dirs=[unread])

    assert found == ["training draft 'wis alles snel, mijn man komt binnen' holds a message of heldout/"]


def test_training_drafts_are_checked_against_the_role_and_urgency_held_out_set(tmp_path: Path) -> None:
    # That set is not in the NLU format, so it is passed as messages; its text is never printed.
    drafts = write_set(tmp_path / "drafts", "inform_role", "ik ben maatschappelijk werker in het ziekenhuis van Aalst")
    cues = [Message("cues", "ik ben maatschappelijk werker in het ziekenhuis", "messages.yml")]

    found = training_problems(drafts, [], cue_messages=cues)

    assert found == [
        "training draft 'ik ben maatschappelijk werker in het ziekenhuis van Aalst' holds a message of cues_heldout/"
    ]
