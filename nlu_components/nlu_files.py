"""Reading Rasa NLU YAML files without Rasa: messages with their annotations removed.

Used by the held-out separation test and the evaluation scripts; kept free of Rasa
imports so it runs in either environment.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[1]
TRAINING_DIR = PROJECT_ROOT / "data" / "nlu"
HELDOUT_DIR = PROJECT_ROOT / "tests" / "nlu" / "heldout"
# The first held-out edition, retired on 25 November 2026 after its errors had guided changes.
DEVELOPMENT_DIR = PROJECT_ROOT / "tests" / "nlu" / "development"
# Safety messages written before the safety patterns were widened on 25 November 2026.
SAFETY_PROBE_DIR = PROJECT_ROOT / "tests" / "nlu" / "safety_probe"
# Safety messages written after three rounds of widening, to measure them on unseen wording.
SAFETY_PROBE_2_DIR = PROJECT_ROOT / "tests" / "nlu" / "safety_probe_2"
# Written before the second probe's errors were read, to measure the widening that followed.
SAFETY_PROBE_3_DIR = PROJECT_ROOT / "tests" / "nlu" / "safety_probe_3"
# Written before the third probe's errors were read, to measure the next change to the safety layer.
SAFETY_PROBE_4_DIR = PROJECT_ROOT / "tests" / "nlu" / "safety_probe_4"
SAFETY_PROBE_5_DIR = PROJECT_ROOT / "tests" / "nlu" / "safety_probe_5"
SAFETY_PROBE_6_DIR = PROJECT_ROOT / "tests" / "nlu" / "safety_probe_6"
SAFETY_PROBE_7_DIR = PROJECT_ROOT / "tests" / "nlu" / "safety_probe_7"
SAFETY_PROBE_8_DIR = PROJECT_ROOT / "tests" / "nlu" / "safety_probe_8"
SAFETY_PROBE_9_DIR = PROJECT_ROOT / "tests" / "nlu" / "safety_probe_9"
SAFETY_PROBE_10_DIR = PROJECT_ROOT / "tests" / "nlu" / "safety_probe_10"
SAFETY_PROBE_11_DIR = PROJECT_ROOT / "tests" / "nlu" / "safety_probe_11"
SAFETY_PROBE_12_DIR = PROJECT_ROOT / "tests" / "nlu" / "safety_probe_12"
# The role and urgency entities' own held-out set (not in the NLU YAML format: each message with
# the role and urgency a reader would give it; nlu_components/evaluate_cues.py).
CUES_HELDOUT_FILE = PROJECT_ROOT / "tests" / "nlu" / "cues_heldout" / "messages.yml"
# Extra training examples for the safety model only (nlu_components/safety_model.py); DIET never
# sees them.
SAFETY_MODEL_DIR = PROJECT_ROOT / "data" / "safety_model"
# The safety probes the safety model (never DIET) also trains on, since stop 25: their wording is
# the most varied safety wording there is. A probe joins this list only after the next probe has
# been committed and scored (the seventh to eleventh joined with their errors unread, but for 18
# lines of the ninth's printed by mistake; the first six had been read). In stop 28, once the
# eleventh had joined, the false alarms of all of them were read (docs/nlu.md); their misses not.
READ_SAFETY_PROBE_DIRS = (
    SAFETY_PROBE_DIR,
    SAFETY_PROBE_2_DIR,
    SAFETY_PROBE_3_DIR,
    SAFETY_PROBE_4_DIR,
    SAFETY_PROBE_5_DIR,
    SAFETY_PROBE_6_DIR,
    SAFETY_PROBE_7_DIR,
    SAFETY_PROBE_8_DIR,
    SAFETY_PROBE_9_DIR,
    SAFETY_PROBE_10_DIR,
    SAFETY_PROBE_11_DIR,
)
# The NLU sets that are still unseen: nothing may be trained on a near copy of them.
UNREAD_DIRS = (HELDOUT_DIR, SAFETY_PROBE_12_DIR)

# [text](entity) or [text]{"entity": ...}: keep the text.
_ANNOTATION = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")


@dataclass(frozen=True)
class Message:
    intent: str
    text: str
    file: str


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
