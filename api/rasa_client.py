"""Talking to the Rasa server: the REST channel for chat, the HTTP API for status and parse."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx


class RasaUnavailable(Exception):
    """Rasa could not be reached, timed out, or answered with an error."""


@dataclass
class RasaClient:
    http: httpx.AsyncClient
    base_url: str
    token: str
    timeout: float

    async def send_message(
        self, sender_id: str, text: str, metadata: dict[str, Any] | None = None
    ) -> list[dict[str, Any]]:
        payload: dict[str, Any] = {"sender": sender_id, "message": text}
        if metadata:
            payload["metadata"] = metadata
        try:
            response = await self.http.post(
                f"{self.base_url}/webhooks/rest/webhook", json=payload, timeout=self.timeout
            )
            response.raise_for_status()
            replies = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise RasaUnavailable(type(error).__name__) from error
        if not isinstance(replies, list):
            raise RasaUnavailable("unexpected reply shape")
        return replies

    async def status(self) -> dict[str, Any]:
        try:
            response = await self.http.get(f"{self.base_url}/status", params={"token": self.token}, timeout=3)
            response.raise_for_status()
            data = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise RasaUnavailable(type(error).__name__) from error
        return data if isinstance(data, dict) else {}

    async def parse(self, text: str) -> dict[str, Any]:
        try:
            response = await self.http.post(
                f"{self.base_url}/model/parse", params={"token": self.token}, json={"text": text}, timeout=self.timeout
            )
            response.raise_for_status()
            data = response.json()
        except (httpx.HTTPError, ValueError) as error:
            raise RasaUnavailable(type(error).__name__) from error
        return data if isinstance(data, dict) else {}
