"""Check a freshly written evaluation set (a safety probe or a held-out edition) before it is committed.

    python -m nlu_components.check_new_set tests/nlu/safety_probe_16

A new set is only worth something if it is new wording. This lists, with the one near-copy rule
of `nlu_files.copies`:
- its messages that are near copies of a training example (DIET's or the safety model's): the
  separation test would fail on them;
- its messages that are near copies of a message of any other evaluation set under tests/nlu/: the
  same wording would be measured twice, and a read probe's message like that would silently drop
  out of the safety model's training data (`safety_model.read_probe_examples`), so that the new set
  would change what it is meant to measure;
- messages of the sets the safety model keeps out (`nlu_files.SAFETY_MODEL_KEEP_OUT_DIRS`) that are
  near copies of one of its messages: when this set is a probe and later joins the safety model's
  training data, that message of it would drop out there;
- pairs of its own messages that are near copies of each other (they count the same wording twice).

With `--training`, the folder holds drafts of new training examples instead: it lists each draft
that would make the separation test fail, because some evaluation message (the role and urgency
held-out set's included) is a near copy of it.

A message of a set that is still unseen (`nlu_files.UNREAD_DIRS`) is never printed, only the
name of its set, so that checking a draft does not read the set.

Exits 1 when anything is listed, so that the drafts are rewritten until it prints nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from nlu_components.nlu_files import (
    CUES_HELDOUT_FILE,
    PROJECT_ROOT,
    SAFETY_MODEL_DIR,
    SAFETY_MODEL_KEEP_OUT_DIRS,
    TRAINING_DIR,
    UNREAD_DIRS,
    Message,
    Shape,
    copies,
    cue_messages,
    messages,
    shown,
)

EVALUATION_ROOT = PROJECT_ROOT / "tests" / "nlu"


def other_sets(new_set: Path, root: Path = EVALUATION_ROOT) -> list[Path]:
    """Every folder of NLU messages under `root` but the new one (cues_heldout/ has none)."""
    return sorted(folder for folder in root.iterdir() if folder.is_dir() and folder.resolve() != new_set.resolve())


def _shaped(
    folders: Iterable[Path], label: str = "{}/", unread_dirs: Sequence[Path] = ()
) -> list[tuple[str, Shape, str]]:
    """Each message of the folders as it may be printed, with its shape and where it comes from
    (`label` gets the folder name). A message of an unread set is printed as 'a message'."""
    return [
        (shown(m.text, folder, unread_dirs), Shape.of(m.text), label.format(folder.name))
        for folder in folders
        for m in messages(folder)
    ]


def problems(
    new_set: Path,
    training_dirs: Sequence[Path],
    evaluation_dirs: Sequence[Path],
    keep_out_dirs: Sequence[Path],
    unread_dirs: Sequence[Path] = (),
) -> list[str]:
    new = _shaped([new_set])
    training = _shaped(training_dirs, "training data ({}/)")
    evaluation = _shaped(evaluation_dirs, unread_dirs=unread_dirs)
    kept_out = _shaped(keep_out_dirs, "{}/ (kept out of the safety model's training)", unread_dirs)

    found = []
    for text, shape, _ in new:
        for other, other_shape, origin in [*training, *evaluation]:
            if copies(other_shape, shape):
                found.append(f"{text} is a near copy of {other} in {origin}")
        # A short message inside a longer new one ("ik ben 16") only matters where the safety
        # model would later drop the new one for it.
        for other, other_shape, origin in kept_out:
            if copies(shape, other_shape) and not copies(other_shape, shape):
                found.append(f"{other} in {origin} is a near copy of new message {text}")
    for index, (text, shape, _) in enumerate(new):
        for other, other_shape, _ in new[index + 1 :]:
            if copies(shape, other_shape) or copies(other_shape, shape):
                found.append(f"{text} and {other} are near copies of each other")
    return found


def training_problems(
    drafts: Path,
    evaluation_dirs: Sequence[Path],
    unread_dirs: Sequence[Path] = (),
    cue_messages: Iterable[Message] = (),
) -> list[str]:
    """Drafts of training examples that an evaluation message is a near copy of, in the direction
    the separation test checks (tests/nlu/test_heldout_separation.py). `cue_messages` are the role
    and urgency held-out set's, which is not in the NLU format; they are never printed."""
    evaluation = _shaped(evaluation_dirs, unread_dirs=unread_dirs)
    evaluation += [("a message", Shape.of(m.text), CUES_HELDOUT_FILE.parent.name + "/") for m in cue_messages]
    found = []
    for text, shape, _ in _shaped([drafts]):
        for other, other_shape, origin in evaluation:
            if copies(shape, other_shape):
                found.append(f"training draft {text} holds {other} of {origin}")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the new set's folder, for example tests/nlu/safety_probe_16")
    parser.add_argument(
        "--training", action="store_true", help="the folder holds drafts of training examples, not an evaluation set"
    )
    args = parser.parse_args(argv)
    folder: Path = args.folder
    if not folder.is_dir():
        print(f"no such folder: {folder}", file=sys.stderr)
        return 2
    count = sum(1 for _ in messages(folder))
    if count == 0:
        print(f"{folder} holds no NLU messages (expected Rasa NLU YAML files with examples)", file=sys.stderr)
        return 2
    if args.training:
        found = training_problems(folder, other_sets(folder), UNREAD_DIRS, cue_messages())
    else:
        keep_out = [kept for kept in SAFETY_MODEL_KEEP_OUT_DIRS if kept.resolve() != folder.resolve()]
        found = problems(folder, (TRAINING_DIR, SAFETY_MODEL_DIR), other_sets(folder), keep_out, UNREAD_DIRS)
    for line in found:
        print(line)
    print(f"{count} messages in {folder.name}/, {len(found)} near copies", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
