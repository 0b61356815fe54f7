"""The question-and-answer collection (knowledge/data/faq/*.yml): its format, loading and sources.

Each entry has one canonical question, at least three paraphrases, an answer of at most 120
words in our own words, its audience and its sources (a seed section or a fact-sheet URL). An
entry may name a routing concern: the bot then offers to look the answer up for the person's
own municipality. The collection is loaded into the database by `python -m knowledge load`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import select
from sqlalchemy.orm import Session

from knowledge.faq_dev import DEV_EDITIONS
from knowledge.faq_examples import example_questions
from knowledge.models import FaqEntry
from knowledge.places import Changes
from knowledge.records import LoadError, parse_records
from knowledge.source_labels import SEED_DOCUMENTS, source_line
from knowledge.sources import SourceError, check_source

FAQ_DIR = Path(__file__).resolve().parent / "data" / "faq"
MAX_ANSWER_WORDS = 120
# The concerns of the routing engine that a question may hand over to (see routing_rules.yml).
ROUTE_CONCERNS = (
    "young_child",
    "child_care",
    "urgent_child_care",
    "young_person",
    "basic_needs",
    "youth_care_access",
    "minor_crisis",
)


Audience = Literal["parent", "professional", "both"]


class FaqEntryIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str = Field(pattern=r"^[a-z0-9_]{2,60}$")
    audience: Audience
    question: str = Field(min_length=5)
    paraphrases: list[str] = Field(min_length=3)
    answer: str = Field(min_length=10)
    sources: list[str] = Field(min_length=1)
    route: str | None = None

    @field_validator("answer")
    @classmethod
    def _short_enough(cls, answer: str) -> str:
        words = len(answer.split())
        if words > MAX_ANSWER_WORDS:
            raise ValueError(f"the answer has {words} words; keep it to {MAX_ANSWER_WORDS}")
        return answer

    @field_validator("sources")
    @classmethod
    def _sources_exist(cls, sources: list[str]) -> list[str]:
        for source in sources:
            try:
                check_source(source)
            except SourceError as error:
                raise ValueError(str(error)) from error
        return sources

    @field_validator("route")
    @classmethod
    def _known_concern(cls, route: str | None) -> str | None:
        if route is not None and route not in ROUTE_CONCERNS:
            raise ValueError(f"route must be one of {', '.join(ROUTE_CONCERNS)}")
        return route

    def dated_seed_years(self) -> set[str]:
        return {SEED_DOCUMENTS[name].year for name in seed_names(self.sources) if name in SEED_DOCUMENTS}


class FaqFile(BaseModel):
    entries: list[FaqEntryIn]


def seed_names(sources: list[str]) -> list[str]:
    return [m.group(1) for s in sources if (m := re.match(r"seed:([\w.-]+\.txt)", s))]


def parse_faq_file(path: Path) -> list[FaqEntryIn]:
    parsed, lines = parse_records(path, "entries", FaqFile.model_validate)
    for entry, line in zip(parsed.entries, lines, strict=True):
        for year in entry.dated_seed_years():
            if year not in entry.answer:
                raise LoadError(path, line, f"{entry.key}: the source speaks for {year}; the answer must say so")
    return parsed.entries


def _entries_by_file(directory: Path) -> list[tuple[Path, FaqEntryIn]]:
    """Every entry with its file, in file order; a key used twice is an error."""
    found: list[tuple[Path, FaqEntryIn]] = []
    seen: dict[str, Path] = {}
    for path in sorted(directory.glob("*.yml")):
        for entry in parse_faq_file(path):
            if entry.key in seen:
                raise LoadError(path, None, f"key {entry.key!r} is also used in {seen[entry.key].name}")
            seen[entry.key] = path
            found.append((path, entry))
    return found


def load_collection(directory: Path = FAQ_DIR) -> list[FaqEntryIn]:
    return [entry for _, entry in _entries_by_file(directory)]


def render_answer(answer: str, sources: list[str]) -> str:
    """The text the bot sends: the answer, then the source line."""
    return f"{answer.strip()}\n\n{source_line(sources)}"


def sync_faq(session: Session, directory: Path = FAQ_DIR, example_files: Sequence[Path] = DEV_EDITIONS) -> Changes:
    """Make the faq_entry table equal to the collection and its example questions (all validated
    first)."""
    wanted: dict[str, dict[str, Any]] = {}
    found = _entries_by_file(directory)
    examples = example_questions({entry.key for _, entry in found}, example_files)
    for path, entry in found:
        values = entry.model_dump()
        values["examples"] = examples[entry.key]
        values["origin"] = f"faq/{path.name}"
        values["content_hash"] = hashlib.sha256(
            json.dumps(values, sort_keys=True, ensure_ascii=False).encode()
        ).hexdigest()
        wanted[entry.key] = values
    changes = Changes()
    existing = {row.key: row for row in session.scalars(select(FaqEntry))}
    for key, values in wanted.items():
        row = existing.get(key)
        if row is None:
            session.add(FaqEntry(**values))
            changes.added += 1
        elif row.content_hash != values["content_hash"]:
            for name, value in values.items():
                setattr(row, name, value)
            changes.updated += 1
        else:
            changes.unchanged += 1
    for key, row in existing.items():
        if key not in wanted:
            session.delete(row)
            changes.removed += 1
    return changes
