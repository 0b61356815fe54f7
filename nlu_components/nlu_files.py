"""Reading Rasa NLU YAML files without Rasa: messages with their annotations removed.

Used by the held-out separation test and the evaluation scripts; kept free of Rasa
imports so it runs in either environment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[1]
TRAINING_DIR = PROJECT_ROOT / "data" / "nlu"
# The held-out set is the newest edition; each earlier one was retired to a development set when
# the next was written (tests/nlu/README.md tells what each was for and what was read of it):
#   1  retired on 25 November 2026 after its errors had guided changes
#   2  retired on 5 December 2026 (stop 29) when the third replaced it
#   3  the held-out set in stops 29 and 30        4  in stops 30 and 31
#   5  in stops 31 to 34                          6  in stops 34 to 36
#   7  in stops 36 and 37                        8  in stops 37 and 38
#   9  the held-out set since stop 39, written before the eighth edition's errors were read
# To retire the held-out set: write the next edition, raise HELDOUT_EDITION by one.
HELDOUT_EDITION = 9


def development_dir(edition: int) -> Path:
    """The folder of a retired held-out edition: tests/nlu/development/ for the first,
    development_<n>/ after."""
    suffix = "" if edition == 1 else f"_{edition}"
    return PROJECT_ROOT / "tests" / "nlu" / f"development{suffix}"


HELDOUT_DIR = PROJECT_ROOT / "tests" / "nlu" / f"heldout_{HELDOUT_EDITION}"
# Every retired held-out edition, oldest first.
DEVELOPMENT_DIRS = tuple(development_dir(edition) for edition in range(1, HELDOUT_EDITION))


def safety_probe_dir(edition: int) -> Path:
    """The folder of a safety probe: tests/nlu/safety_probe/ for the first, safety_probe_<n>/ after.

    Each probe was written before the change to the safety layer it measures and committed before
    it was scored; tests/nlu/README.md tells what each one was for and what was read of it.
    """
    suffix = "" if edition == 1 else f"_{edition}"
    return PROJECT_ROOT / "tests" / "nlu" / f"safety_probe{suffix}"


# The newest safety probe; the ones after LAST_READ_SAFETY_PROBE stay unseen (below).
NEWEST_SAFETY_PROBE = 47
# The role and urgency entities' own held-out set (not in the NLU YAML format: each message with
# the role and urgency a reader would give it; nlu_components/evaluate_cues.py).
CUES_HELDOUT_FILE = PROJECT_ROOT / "tests" / "nlu" / "cues_heldout" / "messages.yml"
# Extra training examples for the safety model only (nlu_components/safety_model.py); DIET never
# sees them.
SAFETY_MODEL_DIR = PROJECT_ROOT / "data" / "safety_model"
# The safety probes the safety model (never DIET) also trains on, since stop 25: their wording is
# the most varied safety wording there is. A probe joins this list only after the next probe has
# been committed and scored (the seventh to twelfth joined with their errors unread, but for 18
# lines of the ninth's printed by mistake; the first six had been read). In stop 28, once the
# eleventh had joined, the false alarms of all of them were read (docs/nlu.md); their misses not.
# The thirteenth joined in stop 29 with all its errors read, the fourteenth to sixteenth in stop 30,
# the seventeenth to nineteenth in stop 31, the twentieth in stop 33, the twenty-first in stop 34,
# the twenty-second in stop 35, the twenty-third in stop 36, the twenty-fourth in stop 37 and the
# twenty-fifth and twenty-sixth in stop 38, the twenty-seventh in stop 39, the twenty-eighth in
# stop 40, the twenty-ninth and thirtieth in stop 41, the thirty-first in stop 42, the
# thirty-second and thirty-third in stop 43, the thirty-fourth to thirty-sixth in stop 44, the
# thirty-seventh to thirty-ninth in stop 45, the fortieth and forty-first in stop 46, the
# forty-second in stop 47, the forty-third to forty-fifth in stop 48 and the forty-sixth in stop
# 49 (their errors read).
LAST_READ_SAFETY_PROBE = 46
READ_SAFETY_PROBE_DIRS = tuple(safety_probe_dir(edition) for edition in range(1, LAST_READ_SAFETY_PROBE + 1))
# The NLU sets that are still unseen: nothing may be trained on a near copy of them.
UNREAD_DIRS = (
    HELDOUT_DIR,
    *(safety_probe_dir(edition) for edition in range(LAST_READ_SAFETY_PROBE + 1, NEWEST_SAFETY_PROBE + 1)),
)
# What the safety model's read-probe examples must not be near copies of: the unread sets, and the
# second to eighth development sets, which were kept out while they were the held-out set and stay
# out so that their safety rows judge a change to the safety model on wording it has not trained
# on. (The first development set was never kept out: 44 read-probe messages are near copies of its
# messages.)
SAFETY_MODEL_KEEP_OUT_DIRS = (*UNREAD_DIRS, *DEVELOPMENT_DIRS[1:])

# [text](entity) or [text]{"entity": ...}: keep the text.
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


@dataclass(frozen=True)
class Message:
    intent: str
    text: str
    file: str

    @property
    def diet_intent(self) -> str:
        """The intent DIET predicts for this example: a retrieval intent as a whole ("faq"); its
        sub-intents ("faq/kg_line") are the ResponseSelector's business."""
        return self.intent.split("/")[0]


def cue_rows(path: Path = CUES_HELDOUT_FILE) -> list[dict[str, Any]]:
    """The role and urgency held-out set's rows (its own format, not NLU YAML): each a text with
    the role and urgency a reader gives it."""
    rows: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
    return rows


def cue_messages(path: Path = CUES_HELDOUT_FILE) -> list[Message]:
    """The role and urgency held-out set's texts, in the shape the near-copy check reads."""
    return [Message("", str(row["text"]), path.name) for row in cue_rows(path)]


def shown(text: str, folder: Path, unread_dirs: Iterable[Path] = UNREAD_DIRS) -> str:
    """A message as a tool or a failing test may print it: never the text of a set that is still
    unseen (only 'a message'; the caller names the set), so that printing it does not read it."""
    unread = {unseen.resolve() for unseen in unread_dirs}
    return "a message" if folder.resolve() in unread else repr(text)


def plain_text(annotated: str) -> str:
    return _ANNOTATION.sub(r"\1", annotated)


def messages(folder: Path) -> Iterator[Message]:
    for path in sorted(folder.rglob("*.yml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in document.get("nlu", []):
            if "intent" not in block:
                continue  # lookup tables, synonyms, regexes
            for line in str(block.get("examples", "")).splitlines():
                line = line.strip()
                if line.startswith("- "):
                    yield Message(block["intent"], plain_text(line[2:]).strip(), path.name)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def trigrams(text: str) -> set[tuple[str, ...]]:
    tokens = words(text)
    return {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)}


@dataclass(frozen=True)
class Shape:
    """A message as the near-copy rule compares it: its words, and its word trigrams."""

    normalised: str
    trigrams: frozenset[tuple[str, ...]]

    @classmethod
    def of(cls, text: str) -> Shape:
        return cls(" ".join(words(text)), frozenset(trigrams(text)))


def copies(example: Shape, held: Shape) -> bool:
    """The one near-copy rule: `example` has the same words as `held`, or more than half of
    `held`'s word trigrams. Used for the evaluation sets against the training data (the tests) and
    for the read probes against the unread sets (what the safety model may train on)."""
    if example.normalised == held.normalised:
        return True
    return bool(held.trigrams) and len(held.trigrams & example.trigrams) * 2 > len(held.trigrams)


def without_near_copies(candidates: list[Message], protected: Iterable[Message]) -> list[Message]:
    """The candidates that are no near copy of a protected (unread evaluation) message."""
    guarded = [Shape.of(message.text) for message in protected]
    kept = []
    for candidate in candidates:
        shape = Shape.of(candidate.text)
        if not any(copies(shape, held) for held in guarded):
            kept.append(candidate)
    return kept
