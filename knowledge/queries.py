"""Query functions the API uses: actors serving a place, one actor, and search."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from knowledge.faq_search import FaqIndex, index_of
from knowledge.models import Actor, ActorArea, FaqEntry, Municipality, Province
from knowledge.search import BM25Index, Hit

# More specific areas first: a municipality's own service before a provincial or regional one.
_SPECIFICITY = {"municipality": 0, "province": 1, "region": 2}


def area_keys(session: Session, refnis: str | None = None, province_code: str | None = None) -> list[tuple[str, str]]:
    """The (kind, code) area keys that cover a municipality or a province."""
    keys: list[tuple[str, str]] = []
    if refnis is not None:
        municipality = session.get(Municipality, refnis)
        if municipality is None:
            raise LookupError(f"unknown municipality {refnis!r}")
        keys.append(("municipality", refnis))
        province_code = municipality.province_code
    if province_code is not None:
        province = session.get(Province, province_code)
        if province is None:
            raise LookupError(f"unknown province {province_code!r}")
        keys += [("province", province_code), ("region", province.region)]
    return keys


def actors_serving(
    session: Session, actor_type: str | None = None, refnis: str | None = None, province_code: str | None = None
) -> list[Actor]:
    """Actors (of a type) whose area covers the place; every actor of the type when no place is given."""
    query = select(Actor).options(selectinload(Actor.channels), selectinload(Actor.areas))
    if actor_type is not None:
        query = query.where(Actor.type == actor_type)
    keys = area_keys(session, refnis, province_code)
    if keys:
        covering = select(ActorArea.actor_id).where(
            or_(*[(ActorArea.kind == kind) & (ActorArea.code == code) for kind, code in keys])
        )
        query = query.where(Actor.id.in_(covering))
    actors = list(session.scalars(query.order_by(Actor.id)))
    return order_by_locality(actors, keys) if keys else actors


def order_by_locality(actors: list[Actor], keys: list[tuple[str, str]]) -> list[Actor]:
    """Most local first: a municipality's own service, then the province's, then the region's."""
    wanted = set(keys)

    def specificity(actor: Actor) -> int:
        return min(_SPECIFICITY[a.kind] for a in actor.areas if (a.kind, a.code) in wanted)

    # Ties: an actor covering fewer areas (CAW Brussel) is more local than a wider one (the general CAW).
    return sorted(actors, key=lambda a: (specificity(a), len(a.areas), a.id))


def get_actor(session: Session, actor_id: str) -> Actor | None:
    query = select(Actor).where(Actor.id == actor_id).options(selectinload(Actor.channels), selectinload(Actor.areas))
    return session.scalars(query).first()


def build_actor_index(session: Session) -> BM25Index:
    """A search index over actor names and descriptions. The generated per-municipality records
    are left out: they would drown every query in 304 near-identical hits."""
    documents = [
        (actor.id, f"{actor.name} {actor.name} {actor.description}")
        for actor in session.scalars(select(Actor).where(Actor.origin != "generated:municipal_services"))
    ]
    return BM25Index(documents)


def search_actors(index: BM25Index, query: str, limit: int = 10) -> list[Hit]:
    return index.search(query, limit)


def build_faq_index(session: Session) -> FaqIndex:
    """The question-and-answer search over every entry in the database."""
    rows = list(session.scalars(select(FaqEntry).order_by(FaqEntry.key)))
    return index_of(rows, {row.key: row.examples for row in rows})


def faq_entries(session: Session, keys: list[str]) -> dict[str, FaqEntry]:
    if not keys:
        return {}
    return {row.key: row for row in session.scalars(select(FaqEntry).where(FaqEntry.key.in_(keys)))}
