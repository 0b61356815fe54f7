"""`/api/faq`: questions and answers from the collection, each with its source.

- `GET /api/faq/search?q=...` ranks the entries for the lookup page (BM25 over the whole
  collection; the same on SQLite and PostgreSQL).
- `POST /api/faq/answer` decides what the bot answers: the action server sends the question and
  the ResponseSelector's ranking; the answer is an entry, or none ("weet ik niet").
- `GET /api/faq/{key}` returns one entry.

The question is only used to compute the answer; it is neither stored nor logged.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, status
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from api.deps import get_db
from api.knowledge_state import KnowledgeCache, get_knowledge_cache
from knowledge.faq import render_answer
from knowledge.models import FaqEntry
from knowledge.queries import faq_entries
from knowledge.source_labels import source_line

router = APIRouter(prefix="/api/faq", tags=["faq"])


class FaqEntryOut(BaseModel):
    key: str
    audience: str
    question: str
    answer: str
    source_line: str
    sources: list[str]
    route: str | None

    @classmethod
    def of(cls, row: FaqEntry) -> FaqEntryOut:
        return cls(
            key=row.key,
            audience=row.audience,
            question=row.question,
            answer=row.answer,
            source_line=source_line(row.sources),
            sources=row.sources,
            route=row.route,
        )


class SearchResult(FaqEntryOut):
    score: float
    coverage: float = Field(description="Share of the question's information found in this entry (0-1).")


class SearchResponse(BaseModel):
    query: str
    results: list[SearchResult]


class SelectorChoice(BaseModel):
    key: str = Field(max_length=64)
    confidence: float = Field(ge=0, le=1)


class AnswerRequest(BaseModel):
    question: str = Field(min_length=1, max_length=1000)
    selector: list[SelectorChoice] = Field(default_factory=list, max_length=20)


class RelatedQuestion(BaseModel):
    key: str
    question: str


class AnswerResponse(BaseModel):
    answered: bool
    key: str | None
    via: str = Field(description="selector, search or none")
    text: str | None = Field(description="The answer followed by its source line, as the bot says it.")
    route: str | None
    related: list[RelatedQuestion]


@router.get("/search", response_model=SearchResponse)
def search(
    db: Annotated[Session, Depends(get_db)],
    cache: Annotated[KnowledgeCache, Depends(get_knowledge_cache)],
    q: Annotated[str, Query(min_length=1, max_length=200, description="Free text")],
    limit: Annotated[int, Query(ge=1, le=20)] = 5,
) -> SearchResponse:
    hits = cache.get_faq_index(db).search(q, limit=limit)
    rows = faq_entries(db, [h.key for h in hits])
    results = [
        SearchResult(**FaqEntryOut.of(rows[h.key]).model_dump(), score=h.score, coverage=h.coverage)
        for h in hits
        if h.key in rows
    ]
    return SearchResponse(query=q, results=results)


@router.post("/answer", response_model=AnswerResponse)
def answer(
    body: AnswerRequest,
    db: Annotated[Session, Depends(get_db)],
    cache: Annotated[KnowledgeCache, Depends(get_knowledge_cache)],
) -> AnswerResponse:
    decision = cache.get_faq_index(db).decide(body.question, [(c.key, c.confidence) for c in body.selector])
    rows = faq_entries(db, decision.shown)
    related = [RelatedQuestion(key=k, question=rows[k].question) for k in decision.related if k in rows]
    chosen = rows.get(decision.key) if decision.key else None
    if chosen is None:
        return AnswerResponse(answered=False, key=None, via="none", text=None, route=None, related=related)
    return AnswerResponse(
        answered=True,
        key=chosen.key,
        via=decision.via,
        text=render_answer(chosen.answer, chosen.sources),
        route=chosen.route,
        related=related,
    )


@router.get("/{key}", response_model=FaqEntryOut, responses={404: {}})
def one_entry(key: str, db: Annotated[Session, Depends(get_db)]) -> FaqEntryOut:
    row = db.get(FaqEntry, key)
    if row is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Die vraag staat niet in de kennisbank.")
    return FaqEntryOut.of(row)
