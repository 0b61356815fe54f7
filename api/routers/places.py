"""`/api/places`: place resolution and autocomplete."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel
from sqlalchemy.orm import Session

from api.deps import get_db
from api.knowledge_state import KnowledgeCache, get_knowledge_cache
from knowledge.places import PlaceCandidate

router = APIRouter(prefix="/api/places", tags=["places"])


class Place(BaseModel):
    refnis: str
    name: str
    province_code: str
    province: str
    region: str
    match: str
    score: float
    note: str | None

    @classmethod
    def of(cls, candidate: PlaceCandidate) -> Place:
        return cls.model_validate(candidate, from_attributes=True)


class PlacesResponse(BaseModel):
    query: str
    status: Literal["resolved", "ambiguous", "not_found", "invalid"]
    message: str
    candidates: list[Place]
    suggestions: list[Place]


@router.get("", response_model=PlacesResponse)
def places(
    q: Annotated[str, Query(max_length=200, description="A municipality name or a postcode, or the start of one")],
    db: Annotated[Session, Depends(get_db)],
    cache: Annotated[KnowledgeCache, Depends(get_knowledge_cache)],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> PlacesResponse:
    gazetteer = cache.get_gazetteer(db)
    result = gazetteer.resolve(q)
    return PlacesResponse(
        query=result.query,
        status=result.status,
        message=result.message,
        candidates=[Place.of(c) for c in result.candidates],
        suggestions=[Place.of(c) for c in gazetteer.search_prefix(q, limit)],
    )
