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

Exits 1 when anything is listed, so that the drafts are rewritten until it prints nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from nlu_components.nlu_files import (
    PROJECT_ROOT,
    SAFETY_MODEL_DIR,
    SAFETY_MODEL_KEEP_OUT_DIRS,
    TRAINING_DIR,
    Message,
    Shape,
    copies,
    messages,
)

EVALUATION_ROOT = PROJECT_ROOT / "tests" / "nlu"


def other_sets(new_set: Path, root: Path = EVALUATION_ROOT) -> list[Path]:
    """Every folder of NLU messages under `root` but the new one (cues_heldout/ has none)."""
    return sorted(folder for folder in root.iterdir() if folder.is_dir() and folder.resolve() != new_set.resolve())


def _shaped(folders: Iterable[Path], label: str = "{}/") -> list[tuple[Message, Shape, str]]:
    """Each message of the folders with its shape and where it comes from (`label` gets the folder name)."""
    return [(m, Shape.of(m.text), label.format(folder.name)) for folder in folders for m in messages(folder)]


def problems(
    new_set: Path, training_dirs: Sequence[Path], evaluation_dirs: Sequence[Path], keep_out_dirs: Sequence[Path]
) -> list[str]:
    new = _shaped([new_set])
    training = _shaped(training_dirs, "training data ({}/)")
    evaluation = _shaped(evaluation_dirs)
    kept_out = _shaped(keep_out_dirs, "{}/ (kept out of the safety model's training)")

    found = []
    for message, shape, _ in new:
        for other, other_shape, origin in [*training, *evaluation]:
            if copies(other_shape, shape):
                found.append(f"{message.text!r} is a near copy of {other.text!r} in {origin}")
        # A short message inside a longer new one ("ik ben 16") only matters where the safety
        # model would later drop the new one for it.
        for other, other_shape, origin in kept_out:
            if copies(shape, other_shape) and not copies(other_shape, shape):
                found.append(f"{other.text!r} in {origin} is a near copy of new message {message.text!r}")
    for index, (message, shape, _) in enumerate(new):
        for other, other_shape, _ in new[index + 1 :]:
            if copies(shape, other_shape) or copies(other_shape, shape):
                found.append(f"{message.text!r} and {other.text!r} are near copies of each other")
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="the new set's folder, for example tests/nlu/safety_probe_16")
    args = parser.parse_args(argv)
    folder: Path = args.folder
    if not folder.is_dir():
        print(f"no such folder: {folder}", file=sys.stderr)
        return 2
    count = sum(1 for _ in messages(folder))
    if count == 0:
        print(f"{folder} holds no NLU messages (expected Rasa NLU YAML files with examples)", file=sys.stderr)
        return 2
    keep_out = [kept for kept in SAFETY_MODEL_KEEP_OUT_DIRS if kept.resolve() != folder.resolve()]
    found = problems(folder, (TRAINING_DIR, SAFETY_MODEL_DIR), other_sets(folder), keep_out)
    for line in found:
        print(line)
    print(f"{count} messages in {folder.name}/, {len(found)} near copies", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
