"""`/api/actors`: the directory, with provenance and whether each channel is open now."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, status
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from api.deps import get_db
from api.knowledge_state import KnowledgeCache, get_knowledge_cache
from api.text_links import channel_href
from knowledge.models import Actor
from knowledge.opening import BRUSSELS, Status, channel_status, reachable_status
from knowledge.queries import actors_serving, get_actor
from knowledge.schema import ACTOR_TYPES
from knowledge.source_labels import SourceRef, describe_sources

router = APIRouter(prefix="/api/actors", tags=["actors"])


class Provenance(BaseModel):
    sources: list[str]
    source_refs: list[SourceRef] = Field(description="the same sources, with the label the pages show")
    seen_on: date
    verification: str


def provenance(sources: list[str], seen_on: date, verification: str) -> Provenance:
    return Provenance(
        sources=sources, source_refs=describe_sources(sources), seen_on=seen_on, verification=verification
    )


class ChannelOut(BaseModel):
    kind: str
    value: str | None
    href: str | None = Field(description="tel:, mailto: or web link for this channel; none for an address")
    always_open: bool
    hours: list[dict[str, Any]] | None
    hours_note: str | None
    status_now: Status
    provenance: Provenance


class AreaOut(BaseModel):
    kind: str
    code: str


class ActorOut(BaseModel):
    id: str
    name: str
    type: str
    description: str
    audience: list[str]
    audience_note: str | None
    area_kind: str
    areas: list[AreaOut]
    reachable_now: Status
    channels: list[ChannelOut]
    provenance: Provenance
    dated_as_of: date | None
    may_be_outdated: bool
    dated_record: str | None


class ActorList(BaseModel):
    place: str | None
    moment: datetime
    actors: list[ActorOut]


def actor_out(actor: Actor, moment: datetime) -> ActorOut:
    return ActorOut(
        id=actor.id,
        name=actor.name,
        type=actor.type,
        description=actor.description,
        audience=actor.audience,
        audience_note=actor.audience_note,
        area_kind=actor.area_kind,
        areas=[AreaOut(kind=a.kind, code=a.code) for a in actor.areas],
        reachable_now=reachable_status(actor.channels, moment),
        channels=[
            ChannelOut(
                kind=c.kind,
                value=c.value,
                href=channel_href(c.kind, c.value),
                always_open=c.always_open,
                hours=c.hours,
                hours_note=c.hours_note,
                status_now=channel_status(c, moment),
                provenance=provenance(c.sources, c.seen_on, c.verification),
            )
            for c in actor.channels
        ],
        provenance=provenance(actor.sources, actor.seen_on, actor.verification),
        dated_as_of=actor.dated_as_of,
        may_be_outdated=actor.may_be_outdated,
        dated_record=actor.dated_record,
    )


@router.get("", response_model=ActorList)
def list_actors(
    db: Annotated[Session, Depends(get_db)],
    cache: Annotated[KnowledgeCache, Depends(get_knowledge_cache)],
    type: Annotated[str | None, Query(description=f"One of: {', '.join(ACTOR_TYPES)}")] = None,
    place: Annotated[str | None, Query(max_length=200, description="Municipality name or postcode")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Free-text search over names and descriptions")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> ActorList:
    if type is not None and type not in ACTOR_TYPES:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, f"Onbekend type. Kies uit: {', '.join(ACTOR_TYPES)}."
        )
    moment = datetime.now(BRUSSELS)
    refnis = None
    if place:
        resolution = cache.get_gazetteer(db).resolve(place)
        if resolution.place is None:
            detail = resolution.message or "Die plaats is niet eenduidig."
            if resolution.candidates:
                detail += " Mogelijk: " + ", ".join(c.name for c in resolution.candidates) + "."
            raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, detail)
        refnis = resolution.place.refnis
    if q:
        hits = cache.get_actor_index(db).search(q, limit=limit)
        directory = cache.get_directory(db)
        found = [a for a in (directory.get(h.key) for h in hits) if a is not None]
        if type is not None:
            found = [a for a in found if a.type == type]
    else:
        found = actors_serving(db, type, refnis=refnis)[:limit]
    return ActorList(place=place, moment=moment, actors=[actor_out(a, moment) for a in found])


@router.get("/{actor_id}", response_model=ActorOut, responses={404: {}})
def one_actor(actor_id: str, db: Annotated[Session, Depends(get_db)]) -> ActorOut:
    actor = get_actor(db, actor_id)
    if actor is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Die organisatie staat niet in de kennisbank.")
    return actor_out(actor, datetime.now(BRUSSELS))
