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


class KnowledgeApi:
    def __init__(self, settings: ActionSettings) -> None:
        self.base_url = settings.api_url
        self.timeout = aiohttp.ClientTimeout(total=settings.api_timeout_seconds)

    async def _get(self, path: str, params: dict[str, str]) -> dict[str, Any]:
        try:
            async with (
                aiohttp.ClientSession(timeout=self.timeout) as session,
                session.get(f"{self.base_url}{path}", params=params) as response,
            ):
                if response.status != 200:
                    raise KnowledgeApiError(f"GET {path}: HTTP {response.status}")
                body = await response.json()
        except (aiohttp.ClientError, TimeoutError) as error:
            raise KnowledgeApiError(f"GET {path}: {type(error).__name__}") from error
        if not isinstance(body, dict):
            raise KnowledgeApiError(f"GET {path}: unexpected body")
        return body

    async def resolve_place(self, name: str) -> list[PlaceMatch]:
        """The municipalities a place name or postcode can mean (none when unknown)."""
        body = await self._get("/api/places", {"q": name})
        return [
            PlaceMatch(refnis=str(c["refnis"]), name=str(c["name"]), region=str(c["region"]))
            for c in body.get("candidates", [])
        ]
