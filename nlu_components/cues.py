"""Who is writing, how urgent it is and the hospital questions, from the words of a message.

Pure functions, no Rasa: `find_cues(text)` returns at most one role and one urgency (the first
value with a match wins) and every hospital flag that is named (kind = the flag, value "yes"),
each with the span that showed it. The patterns live in cues.yml.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

CUES_FILE = Path(__file__).resolve().parent / "cues.yml"
KINDS = ("role", "urgency")
FLAGS = "flags"
YES = "yes"


@dataclass(frozen=True)
class Cue:
    kind: str
    value: str
    start: int
    end: int


def fold(text: str) -> str:
    """Lower case without accents, with the same length as the input (spans stay valid)."""
    folded = []
    for char in text.lower():
        base = unicodedata.normalize("NFD", char)[0]
        folded.append(base if len(base) == 1 else char)
    return "".join(folded)


Patterns = list[tuple[str, list[re.Pattern[str]]]]


@lru_cache(maxsize=2)
def load_cues(path: Path = CUES_FILE) -> dict[str, Patterns]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {
        kind: [(str(value), [re.compile(pattern) for pattern in patterns]) for value, patterns in raw[kind].items()]
        for kind in (*KINDS, FLAGS)
    }


def _first(folded: str, values: Patterns) -> tuple[str, re.Match[str]] | None:
    return next(((value, m) for value, patterns in values for p in patterns if (m := p.search(folded))), None)


def find_cues(text: str, path: Path = CUES_FILE) -> list[Cue]:
    folded = fold(text)
    cues = load_cues(path)
    found = []
    for kind in KINDS:
        if (match := _first(folded, cues[kind])) is not None:
            value, m = match
            span = "span" if "span" in m.re.groupindex and m.start("span") >= 0 else 0
            found.append(Cue(kind, value, m.start(span), m.end(span)))
    for flag, patterns in cues[FLAGS]:
        if (match := _first(folded, [(flag, patterns)])) is not None:
            found.append(Cue(flag, YES, match[1].start(), match[1].end()))
    return found
