"""Where the routing engine gets its actors: the database, or an in-memory snapshot of it.

The API builds one `ActorDirectory` per process (the knowledge base is read-only while it runs),
so a route costs no database round trip. Tests and scripts may use `DatabaseActors` directly.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from knowledge.models import Actor, Municipality, Province
from knowledge.queries import actors_serving, get_actor, order_by_locality


class ActorSource(Protocol):
    def get(self, actor_id: str) -> Actor | None: ...

    def serving(self, actor_type: str | None, refnis: str | None, province_code: str | None) -> list[Actor]: ...


class DatabaseActors:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, actor_id: str) -> Actor | None:
        return get_actor(self.session, actor_id)

    def serving(self, actor_type: str | None, refnis: str | None, province_code: str | None) -> list[Actor]:
        return actors_serving(self.session, actor_type, refnis, province_code)


class ActorDirectory:
    """Every actor with its areas and channels, held in memory (detached from the session)."""

    def __init__(self, session: Session) -> None:
        query = select(Actor).options(selectinload(Actor.channels), selectinload(Actor.areas))
        self.by_id = {actor.id: actor for actor in session.scalars(query)}
        self.by_area: dict[tuple[str, str], list[Actor]] = defaultdict(list)
        for actor in self.by_id.values():
            for area in actor.areas:
                self.by_area[(area.kind, area.code)].append(actor)
        self.province_of = {r: p for r, p in session.execute(select(Municipality.refnis, Municipality.province_code))}
        self.region_of = {code: region for code, region in session.execute(select(Province.code, Province.region))}
        # Detach the snapshot (areas and channels follow by cascade) without touching the caller's other objects.
        for actor in self.by_id.values():
            session.expunge(actor)

    def get(self, actor_id: str) -> Actor | None:
        return self.by_id.get(actor_id)

    def keys(self, refnis: str | None, province_code: str | None) -> list[tuple[str, str]]:
        keys: list[tuple[str, str]] = []
        if refnis is not None:
            if refnis not in self.province_of:
                raise LookupError(f"unknown municipality {refnis!r}")
            keys.append(("municipality", refnis))
            province_code = self.province_of[refnis]
        if province_code is not None:
            if province_code not in self.region_of:
                raise LookupError(f"unknown province {province_code!r}")
            keys += [("province", province_code), ("region", self.region_of[province_code])]
        return keys

    def serving(self, actor_type: str | None, refnis: str | None, province_code: str | None) -> list[Actor]:
        keys = self.keys(refnis, province_code)
        if not keys:
            return sorted((a for a in self.by_id.values() if actor_type in (None, a.type)), key=lambda a: a.id)
        found = {a.id: a for key in keys for a in self.by_area.get(key, []) if actor_type in (None, a.type)}
        return order_by_locality(list(found.values()), keys)
