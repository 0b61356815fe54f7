"""`POST /api/route`: the routing engine over HTTP."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, status
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from api.deps import get_settings
from api.knowledge_state import warm_routing_caches
from api.routers.actors import ActorOut, actor_out
from api.routers.places import Place
from api.settings import Settings
from knowledge.opening import BRUSSELS, Status, local_time
from knowledge.routing import Concern, Flag, Role, Situation, Urgency, route
from knowledge.source_labels import SourceRef, describe_sources

router = APIRouter(prefix="/api", tags=["route"])


class RouteRequest(BaseModel):
    concern: Concern
    role: Role | None = None
    age_months: int | None = Field(default=None, ge=0, le=25 * 12, description="The child's age in months")
    pregnant: bool = False
    place: str | None = Field(default=None, max_length=200, description="Municipality name or postcode")
    urgency: Urgency | None = None
    flags: list[Flag] = Field(default_factory=list)
    now: datetime | None = Field(default=None, description="Moment of the question; Europe/Brussels if naive")


class RecommendationOut(BaseModel):
    actor: ActorOut
    reachable_now: Status
    reason: str
    say: str | None
    added_because: str
    rule_id: str
    sources: list[str]
    source_refs: list[SourceRef] = Field(description="the same sources, with the label the pages show")


class RouteResponse(BaseModel):
    rule_id: str
    moment: datetime
    place: Place | None
    place_status: str | None
    place_candidates: list[Place]
    recommendations: list[RecommendationOut]
    questions: list[str]
    notes: list[str]


@router.post("/route", response_model=RouteResponse)
async def route_endpoint(
    body: RouteRequest, request: Request, settings: Annotated[Settings, Depends(get_settings)]
) -> RouteResponse:
    # Runs on the event loop: once the caches exist, routing touches no database and no thread.
    if request.app.state.knowledge.directory is None:
        gazetteer, directory = await run_in_threadpool(warm_routing_caches, request)
    else:
        gazetteer, directory = warm_routing_caches(request)
    given = body.now or settings.route_clock
    moment = local_time(given) if given else datetime.now(BRUSSELS)
    place, place_status, candidates = None, None, []
    notes: list[str] = []
    if body.place:
        resolution = gazetteer.resolve(body.place)
        place_status = resolution.status
        candidates = [Place.of(c) for c in resolution.candidates]
        if resolution.place is not None:
            place = Place.of(resolution.place)
        elif resolution.message:
            notes.append(resolution.message)
    situation = Situation(
        concern=body.concern,
        moment=moment,
        role=body.role,
        age_months=body.age_months,
        pregnant=body.pregnant,
        refnis=place.refnis if place else None,
        urgency=body.urgency,
        flags=frozenset(body.flags),
    )
    try:
        result = route(directory, situation)
    except LookupError as error:
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE, f"De kennisbank is niet volledig geladen: {error}"
        ) from error
    return RouteResponse(
        rule_id=result.rule_id,
        moment=moment,
        place=place,
        place_status=place_status,
        place_candidates=candidates if place is None else [],
        recommendations=[
            RecommendationOut(
                actor=actor_out(r.actor, moment),
                reachable_now=r.reachable_now,
                reason=r.reason,
                say=r.say,
                added_because=r.added_because,
                rule_id=r.rule_id,
                sources=r.sources,
                source_refs=describe_sources(r.sources),
            )
            for r in result.recommendations
        ],
        questions=result.questions,
        notes=notes + result.notes,
    )
