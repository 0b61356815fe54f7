"""The evaluation sets must stay out of training: none of their messages may be a near copy of a training one."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from nlu_components.evaluate import EVALUATION_SETS, TRAINED_ON, ordinal_word, report_notes
from nlu_components.nlu_files import (
    HELDOUT_DIR,
    LAST_READ_SAFETY_PROBE,
    NEWEST_SAFETY_PROBE,
    PROJECT_ROOT,
    READ_SAFETY_PROBE_DIRS,
    SAFETY_MODEL_DIR,
    SAFETY_MODEL_KEEP_OUT_DIRS,
    TRAINING_DIR,
    UNREAD_DIRS,
    Message,
    Shape,
    copies,
    cue_messages,
    messages,
    safety_probe_dir,
    shown,
    without_near_copies,
)
from nlu_components.safety_model import read_probe_examples

# Every set `make eval` scores, so that a new one is checked without being listed here as well.
CHECKED = {evaluation.folder.name: evaluation.folder for evaluation in EVALUATION_SETS}
# The full sets (not the safety probes) must meet the size the issue asks of the held-out set.
FULL_SETS = {e.folder.name: e.folder for e in EVALUATION_SETS if not e.safety_only}


def near_copies(
    held_out: Iterable[Message], also_trained: Iterable[tuple[str, str]] = (), folder: Path | None = None
) -> list[str]:
    """What leaked. `folder` is where `held_out` comes from: a message of an unread set is not
    printed (only the training example), so that a failing run does not read the set."""
    # The safety model's extra examples are training data too, for that model.
    training = [*messages(TRAINING_DIR), *messages(SAFETY_MODEL_DIR)]
    training += [Message(label, text, "a read safety probe") for text, label in also_trained]
    shaped = [(example, Shape.of(example.text)) for example in training]
    problems = []
    for held in held_out:
        held_shape = Shape.of(held.text)
        printed = shown(held.text, folder) if folder else repr(held.text)
        for example, example_shape in shaped:
            if not copies(example_shape, held_shape):
                continue
            if example_shape.normalised == held_shape.normalised:
                problems.append(f"{held.file}: {printed} also appears in the training data ({example.file})")
            else:
                shared = len(held_shape.trigrams & example_shape.trigrams)
                problems.append(
                    f"{held.file}: {printed} shares {shared}/{len(held_shape.trigrams)} word trigrams "
                    f"with training example {example.text!r} ({example.file})"
                )
            break
    return problems


@pytest.mark.parametrize("folder", FULL_SETS.values(), ids=FULL_SETS.keys())
def test_evaluation_set_is_large_enough(folder: Path) -> None:
    held = list(messages(folder))
    alarming = [m for m in held if m.file == "alarming_but_safe.yml"]
    assert len(held) - len(alarming) >= 300
    assert len(alarming) >= 60


@pytest.mark.parametrize("folder", CHECKED.values(), ids=CHECKED.keys())
def test_no_evaluation_message_is_a_near_copy_of_training_data(folder: Path) -> None:
    problems = near_copies(messages(folder), folder=folder)
    assert not problems, f"messages of {folder.name}/ leaked into training:\n" + "\n".join(problems)


@pytest.mark.parametrize("folder", SAFETY_MODEL_KEEP_OUT_DIRS, ids=[f.name for f in SAFETY_MODEL_KEEP_OUT_DIRS])
def test_no_kept_out_message_is_a_near_copy_of_what_the_safety_model_trains_on(folder: Path) -> None:
    # The read safety probes are training data for the safety model; the held-out set, the
    # newest probe and the second development set must stay unseen by it too.
    problems = near_copies(messages(folder), also_trained=read_probe_examples(), folder=folder)
    assert not problems, f"messages of {folder.name}/ leaked into training:\n" + "\n".join(problems)


def test_a_read_probe_message_close_to_an_unread_one_is_not_trained_on() -> None:
    unread = [Message("abuse", "mijn stiefvader slaat mij elke avond met zijn riem", "heldout")]
    candidates = [
        Message("abuse", "mijn stiefvader slaat mij elke avond met de riem", "probe"),
        Message("abuse", "de buurman scheldt zijn kinderen de hele dag uit", "probe"),
    ]
    assert [m.text for m in without_near_copies(candidates, unread)] == [candidates[1].text]


def test_no_role_or_urgency_message_is_a_near_copy_of_training_data() -> None:
    problems = near_copies(cue_messages())
    assert not problems, "messages of cues_heldout/ leaked into training:\n" + "\n".join(problems)


def test_the_check_catches_a_near_copy() -> None:
    # The rule itself: 3 of the 4 trigrams of the held message occur in the training one.
    held = Shape.of("ik zoek een creche in Mechelen")
    assert len(held.trigrams & Shape.of("ik zoek een creche in de buurt").trigrams) == 3
    assert copies(Shape.of("ik zoek een creche in de buurt"), held)
    # The same words, however short (no trigram to compare), and nothing much in common.
    assert copies(Shape.of("Help!"), Shape.of("help"))
    assert not copies(Shape.of("waar vind ik een onthaalouder"), held)


def test_every_safety_probe_on_disk_is_evaluated_and_counted() -> None:
    # A probe that exists but is missing from EVALUATION_SETS or from NEWEST_SAFETY_PROBE would be
    # neither scored nor kept out of training.
    on_disk = sorted(path.name for path in (PROJECT_ROOT / "tests" / "nlu").glob("safety_probe*"))
    expected = [safety_probe_dir(edition).name for edition in range(1, NEWEST_SAFETY_PROBE + 1)]
    assert on_disk == sorted(expected)
    assert set(expected) <= set(CHECKED)
    assert LAST_READ_SAFETY_PROBE < NEWEST_SAFETY_PROBE, "the newest probe must stay unseen"


def test_each_probe_is_scored_once_under_its_edition_in_words() -> None:
    # The probes' and development sets' entries derive name, folder and title from the edition.
    probes = [e for e in EVALUATION_SETS if e.safety_only]
    assert [e.name for e in probes] == [safety_probe_dir(n).name for n in range(1, NEWEST_SAFETY_PROBE + 1)]
    assert probes[0].title == "Safety probe"
    assert probes[30].title == "Safety probe, thirty-first edition"
    titles = {e.name: e.title for e in EVALUATION_SETS}
    assert titles["development"] == "NLU evaluation on the development set"
    assert titles["development_2"] == "NLU evaluation on the second development set"
    assert [ordinal_word(n) for n in (2, 3, 12, 20, 21, 40, 59)] == [
        "second",
        "third",
        "twelfth",
        "twentieth",
        "twenty-first",
        "fortieth",
        "fifty-ninth",
    ]
    with pytest.raises(ValueError):
        ordinal_word(60)


def test_the_held_out_set_and_the_newest_probe_are_unread_and_kept_out() -> None:
    assert HELDOUT_DIR in UNREAD_DIRS and safety_probe_dir(NEWEST_SAFETY_PROBE) in UNREAD_DIRS
    assert set(UNREAD_DIRS) <= set(SAFETY_MODEL_KEEP_OUT_DIRS)
    # The bars of `make eval` apply to the held-out set and to nothing else: a new edition that
    # is kept out but not scored, or scored while an old edition still gates, would fail here.
    gating = [evaluation.folder for evaluation in EVALUATION_SETS if evaluation.gates]
    assert gating == [HELDOUT_DIR] and HELDOUT_DIR.is_dir()


def test_the_reports_say_which_probes_the_safety_model_trains_on() -> None:
    # Derived from READ_SAFETY_PROBE_DIRS, so a probe's report says so from the stop it joins.
    trained = {e.name for e in EVALUATION_SETS if TRAINED_ON in report_notes(e)}
    assert trained == {folder.name for folder in READ_SAFETY_PROBE_DIRS}
    assert not any(TRAINED_ON in e.notes for e in EVALUATION_SETS), "added by report_notes, not by hand"
