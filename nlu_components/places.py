"""Context rules for place entities: is "Geel" the municipality or the colour, is "2018" a postcode?

Pure functions over the message text and the entities that the spaCy entity ruler found; the
word lists are in place_context.yml. Also joins a postcode and a name written side by side
("9000 Gent") into one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

CONTEXT_FILE = Path(__file__).resolve().parent / "place_context.yml"
# Confidence given to a place that needed context to be kept; the dialogue confirms those.
UNCERTAIN = 0.6
CERTAIN = 1.0


@dataclass(frozen=True)
class PlaceContext:
    common_words: frozenset[str]
    never_places: frozenset[str]
    first_names: frozenset[str]
    locative_before: frozenset[str]
    team_before: frozenset[str]
    capital_only_before: frozenset[str]
    postcode_before: frozenset[str]
    postcode_link: frozenset[str]
    residence_before: frozenset[str]
    year_from: int
    year_to: int


@lru_cache(maxsize=2)
def load_context(path: Path = CONTEXT_FILE) -> PlaceContext:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))

    def lowered(key: str) -> frozenset[str]:
        return frozenset(str(word).lower() for word in raw[key])

    return PlaceContext(
        common_words=lowered("common_words"),
        never_places=lowered("never_places"),
        first_names=lowered("first_names"),
        locative_before=lowered("locative_before"),
        team_before=lowered("team_before"),
        capital_only_before=lowered("capital_only_before"),
        postcode_before=lowered("postcode_before"),
        postcode_link=lowered("postcode_link"),
        residence_before=lowered("residence_before"),
        year_from=int(raw["year_like"]["from"]),
        year_to=int(raw["year_like"]["to"]),
    )


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", text.lower())


def _alone(text: str, start: int, end: int) -> bool:
    """The message is only this name, maybe with 'in', a greeting-free filler or punctuation."""
    rest = _words(text[:start]) + _words(text[end:])
    return all(word in {"in", "te", "uit", "van", "gemeente", "postcode", "regio"} for word in rest)


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?\n"


def judge(text: str, start: int, end: int, context: PlaceContext | None = None) -> float | None:
    """Confidence that text[start:end] is meant as a place, or None when it is not one."""
    context = context or load_context()
    surface = text[start:end]
    key = surface.lower()
    if key in context.never_places:
        return None
    before = _words(text[:start])
    previous = before[-1] if before else ""
    # The word before `previous`, for two-word contexts ("postnummer is 2800", "woon in 2018").
    second_previous = before[-2] if len(before) >= 2 else ""
    if previous in context.team_before:
        return None
    alone = _alone(text, start, end)
    locative = previous in context.locative_before
    capitalised = surface[:1].isupper()
    if previous in context.capital_only_before and capitalised:
        locative = True

    if key.isdigit():
        linked = previous in context.postcode_link and second_previous in context.postcode_before
        if alone or previous in context.postcode_before or linked:
            return CERTAIN
        if context.year_from <= int(key) <= context.year_to:
            resides = previous == "in" and second_previous in context.residence_before
            return CERTAIN if resides else None
        return CERTAIN if locative else None
    if key in context.first_names:
        return UNCERTAIN if (locative or alone) else None
    if key in context.common_words:
        if alone or (capitalised and not _sentence_start(text, start)):
            return CERTAIN if capitalised else UNCERTAIN
        return UNCERTAIN if locative else None
    return CERTAIN


def filter_places(text: str, entities: list[dict[str, Any]], label: str = "place") -> list[dict[str, Any]]:
    """Drop place entities that context says are not places; join 'postcode name' pairs."""
    kept: list[dict[str, Any]] = []
    for entity in entities:
        if entity.get("entity") != label:
            kept.append(entity)
            continue
        start, end = int(entity["start"]), int(entity["end"])
        # A postcode directly next to a name is always a place, and the name too.
        neighbour = _adjacent_place(text, entity, entities, label)
        confidence = CERTAIN if neighbour else judge(text, start, end)
        if confidence is None:
            continue
        kept.append({**entity, "confidence_entity": confidence})
    return _join_postcode_pairs(text, kept, label)


def _postcode_and_name(text: str, first: dict[str, Any], second: dict[str, Any]) -> bool:
    """`first` ends where `second` starts (but for spaces or a comma), and one of them is a postcode."""
    gap = text[int(first["end"]) : int(second["start"])]
    one_is_postcode = str(first["value"]).isdigit() != str(second["value"]).isdigit()
    return one_is_postcode and re.fullmatch(r"[\s,]*", gap) is not None


def _adjacent_place(text: str, entity: dict[str, Any], entities: list[dict[str, Any]], label: str) -> bool:
    for other in entities:
        if other is entity or other.get("entity") != label:
            continue
        first, second = (entity, other) if entity["start"] < other["start"] else (other, entity)
        if _postcode_and_name(text, first, second):
            return True
    return False


def _join_postcode_pairs(text: str, entities: list[dict[str, Any]], label: str) -> list[dict[str, Any]]:
    ordered = sorted(entities, key=lambda e: int(e.get("start", 0)))
    joined: list[dict[str, Any]] = []
    for entity in ordered:
        last = joined[-1] if joined else None
        if (
            last is not None
            and entity.get("entity") == label
            and last.get("entity") == label
            and _postcode_and_name(text, last, entity)
        ):
            start, end = int(last["start"]), int(entity["end"])
            joined[-1] = {**last, "end": end, "value": text[start:end]}
            continue
        joined.append(entity)
    return joined
