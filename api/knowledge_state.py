"""Per-process caches of the knowledge base (gazetteer, actor directory, search indexes), built on first use.

They are read-only views of the database; `python -m knowledge load` in another process does not
refresh them, so restart the API after a load (as `make run` does).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from fastapi import Request
from sqlalchemy.orm import Session

from api.text_links import known_short_numbers
from knowledge.directory import ActorDirectory
from knowledge.faq_search import FaqIndex
from knowledge.places import Gazetteer
from knowledge.queries import build_actor_index, build_faq_index
from knowledge.search import BM25Index


@dataclass
class KnowledgeCache:
    gazetteer: Gazetteer | None = None
    actor_index: BM25Index | None = None
    directory: ActorDirectory | None = None
    faq_index: FaqIndex | None = None
    short_numbers: frozenset[str] | None = None

    def __post_init__(self) -> None:
        self._lock = threading.Lock()

    def get_gazetteer(self, session: Session) -> Gazetteer:
        with self._lock:
            if self.gazetteer is None:
                self.gazetteer = Gazetteer(session)
            return self.gazetteer

    def get_directory(self, session: Session) -> ActorDirectory:
        with self._lock:
            if self.directory is None:
                self.directory = ActorDirectory(session)
            return self.directory

    def get_short_numbers(self, session: Session) -> frozenset[str]:
        directory = self.get_directory(session)
        with self._lock:
            if self.short_numbers is None:
                self.short_numbers = known_short_numbers(directory.by_id.values())
            return self.short_numbers

    def get_actor_index(self, session: Session) -> BM25Index:
        with self._lock:
            if self.actor_index is None:
                self.actor_index = build_actor_index(session)
            return self.actor_index

    def get_faq_index(self, session: Session) -> FaqIndex:
        with self._lock:
            if self.faq_index is None:
                self.faq_index = build_faq_index(session)
            return self.faq_index


def warm_routing_caches(request: Request) -> tuple[Gazetteer, ActorDirectory]:
    """The gazetteer and the actor directory, building them (once) with a short-lived session."""
    cache: KnowledgeCache = request.app.state.knowledge
    if cache.gazetteer is None or cache.directory is None:
        with request.app.state.sessionmaker() as session:
            return cache.get_gazetteer(session), cache.get_directory(session)
    return cache.gazetteer, cache.directory


def warm_faq_index(request: Request) -> None:
    """Build the FAQ index (about two seconds: it encodes every phrasing) before the first question
    needs it; called by the health check that `make run` waits for."""
    cache: KnowledgeCache = request.app.state.knowledge
    if cache.faq_index is None:
        with request.app.state.sessionmaker() as session:
            cache.get_faq_index(session)


def get_knowledge_cache(request: Request) -> KnowledgeCache:
    cache: KnowledgeCache = request.app.state.knowledge
    return cache
