"""Short, fixed replies ("thx", "nee bedankt", "wis alles") recognised from a reviewed list.

Pure functions, no Rasa: `short_reply(text)` returns the intent of a message that is, as a whole,
one of the replies in short_replies.yml, or None. See that file for why and how.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from nlu_components.cues import fold

REPLIES_FILE = Path(__file__).resolve().parent / "short_replies.yml"
# Longer messages carry more than a fixed reply; DIET reads those.
MAX_WORDS = 8


@dataclass(frozen=True)
class ShortReplies:
    fillers: frozenset[str]
    patterns: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]

    def normalise(self, text: str) -> str:
        letters = re.sub(r"[^a-z0-9 ]+", " ", fold(text).replace("'", ""))
        letters = re.sub(r"([a-z])\1{2,}", r"\1\1", letters)
        words = letters.split()
        kept = [word for word in words if word not in self.fillers]
        return " ".join(kept or words)

    def intent_of(self, text: str) -> str | None:
        reply = self.normalise(text)
        if not reply or len(reply.split()) > MAX_WORDS:
            return None
        for intent, patterns in self.patterns:
            if any(pattern.fullmatch(reply) for pattern in patterns):
                return intent
        return None


@lru_cache(maxsize=2)
def load_replies(path: Path = REPLIES_FILE) -> ShortReplies:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return ShortReplies(
        fillers=frozenset(str(word) for word in raw["fillers"]),
        patterns=tuple(
            (str(intent), tuple(re.compile(str(p)) for p in patterns)) for intent, patterns in raw["intents"].items()
        ),
    )


def short_reply(text: str) -> str | None:
    return load_replies().intent_of(text)
