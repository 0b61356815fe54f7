"""Client for the application's knowledge API (/api/places, ...), used by the actions.

Every call has a timeout and turns network and HTTP errors into `KnowledgeApiError`, so an
action can fall back to an answer that does not need the API.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import aiohttp

from actions.settings import ActionSettings

logger = logging.getLogger(__name__)


class KnowledgeApiError(Exception):
    """The knowledge API could not be reached or gave an unusable answer."""


@dataclass(frozen=True)
class PlaceMatch:
    refnis: str
    name: str
    region: str


@dataclass(frozen=True)
class FaqAnswer:
    key: str | None  # None: the collection has no good answer
    route: str | None
    related: list[tuple[str, str]]  # (key, canonical question)


class KnowledgeApi:
    def __init__(self, settings: ActionSettings) -> None:
        self.base_url = settings.api_url
        self.timeout = aiohttp.ClientTimeout(total=settings.api_timeout_seconds)

    async def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            async with (
                aiohttp.ClientSession(timeout=self.timeout) as session,
                session.request(method, f"{self.base_url}{path}", **kwargs) as response,
            ):
                if response.status != 200:
                    raise KnowledgeApiError(f"{method} {path}: HTTP {response.status}")
                body = await response.json()
        except (aiohttp.ClientError, TimeoutError, ValueError) as error:
            raise KnowledgeApiError(f"{method} {path}: {type(error).__name__}") from error
        if not isinstance(body, dict):
            raise KnowledgeApiError(f"{method} {path}: unexpected body")
        return body

    async def _get(self, path: str, params: dict[str, str]) -> dict[str, Any]:
        return await self._call("GET", path, params=params)

    async def resolve_place(self, name: str) -> list[PlaceMatch]:
        """The municipalities a place name or postcode can mean (none when unknown)."""
        body = await self._get("/api/places", {"q": name})
        try:
            return [
                PlaceMatch(refnis=str(c["refnis"]), name=str(c["name"]), region=str(c["region"]))
                for c in body.get("candidates", [])
            ]
        except (KeyError, TypeError) as error:
            raise KnowledgeApiError(f"GET /api/places: unexpected body ({error})") from error

    async def route(self, request: dict[str, Any]) -> dict[str, Any]:
        """The answer of the routing engine (`POST /api/route`) for a situation."""
        body = await self._call("POST", "/api/route", json=request)
        if not isinstance(body.get("recommendations"), list):
            raise KnowledgeApiError("POST /api/route: no recommendations in the answer")
        return body

    async def answer_faq(self, question: str, selector: list[tuple[str, float]]) -> FaqAnswer:
        """Which entry of the collection answers `question` (`POST /api/faq/answer`)."""
        request = {"question": question[:1000], "selector": [{"key": k, "confidence": c} for k, c in selector[:20]]}
        body = await self._call("POST", "/api/faq/answer", json=request)
        try:
            related = [(str(r["key"]), str(r["question"])) for r in body.get("related", [])]
            key = body.get("key") if body.get("answered") else None
            return FaqAnswer(key=str(key) if key else None, route=body.get("route"), related=related)
        except (KeyError, TypeError) as error:
            raise KnowledgeApiError(f"POST /api/faq/answer: unexpected body ({error})") from error
