"""Checks over the loaded knowledge base (`python -m knowledge validate`)."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from knowledge.models import Actor, Municipality, PlaceAlias
from knowledge.phone import is_valid_belgian
from knowledge.sources import PROJECT_ROOT, SHARED, SourceError, check_source, shared_available

PHONE_CHECKER = SHARED / "tools" / "check_phone_numbers.py"


def _source_problems(where: str, sources: list[str]) -> list[str]:
    if not sources:
        return [f"{where}: no source"]
    problems = []
    for source in sources:
        try:
            check_source(source)
        except SourceError as error:
            problems.append(f"{where}: {error}")
    return problems


def warnings() -> list[str]:
    """What validate cannot check on this machine (printed, but not counted as problems)."""
    found = []
    if not shared_available():
        found.append(f"cannot check that sources exist: {SHARED} (seeds and fact sheet) is not beside the project")
    if not PHONE_CHECKER.exists():
        found.append(f"cannot check phone numbers against the sources: {PHONE_CHECKER} not found")
    return found


def validate(session: Session) -> list[str]:
    problems: list[str] = []
    actors = session.scalars(select(Actor).options(selectinload(Actor.channels), selectinload(Actor.areas))).all()
    if not actors:
        problems.append("the knowledge base is empty: run `python -m knowledge load`")
    for actor in actors:
        problems += _source_problems(f"actor {actor.id}", actor.sources)
        if not actor.areas:
            problems.append(f"actor {actor.id}: the area is empty")
        for channel in actor.channels:
            where = f"actor {actor.id}, {channel.kind} channel {channel.position}"
            problems += _source_problems(where, channel.sources)
            if channel.kind == "phone" and channel.value is not None and not is_valid_belgian(channel.value):
                problems.append(f"{where}: {channel.value!r} is not a valid Belgian phone number")
    for alias in session.scalars(select(PlaceAlias)):
        problems += _source_problems(f"alias {alias.alias}", [alias.source])
    for municipality in session.scalars(select(Municipality)):
        if not municipality.source:
            problems.append(f"municipality {municipality.name_nl}: no source")
    problems += _unsourced_numbers_in_tree()
    return problems


def _unsourced_numbers_in_tree() -> list[str]:
    if not PHONE_CHECKER.exists():
        return []
    result = subprocess.run(  # noqa: S603 - our interpreter running the shared checker
        [sys.executable, str(PHONE_CHECKER), str(PROJECT_ROOT)], capture_output=True, text=True, check=False
    )
    return [f"phone number in no source: {line}" for line in result.stdout.splitlines() if line.strip()]
