"""Request and response models of the HTTP API."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, field_validator

from api.text_links import Link


class Button(BaseModel):
    title: str
    payload: str


class BotMessage(BaseModel):
    text: str
    buttons: list[Button] = Field(default_factory=list)
    links: list[Link] = Field(
        default_factory=list, description="Phone numbers, e-mail and web addresses in the text, in order, with a link"
    )


class ChatRequest(BaseModel):
    message: str = Field(description="What the person typed, or a button payload. At most 2,000 characters.")
    session_id: str | None = Field(
        default=None, description="An id issued earlier by this server. Leave out to start a conversation."
    )
    button_title: str | None = Field(
        default=None,
        max_length=200,
        description="When `message` is a button payload: the button's title, shown instead in the history.",
    )

    @field_validator("message")
    @classmethod
    def not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("het bericht is leeg")
        return value


class ChatResponse(BaseModel):
    session_id: str
    messages: list[BotMessage]
    ended: bool = Field(
        default=False,
        description="True after a quick exit: the conversation is deleted and the session id no longer works.",
    )


class Turn(BaseModel):
    sender: Literal["user", "bot"]
    text: str
    buttons: list[Button] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)


class HistoryResponse(BaseModel):
    session_id: str
    turns: list[Turn]


class ComponentStatus(BaseModel):
    up: bool
    detail: str


class HealthResponse(BaseModel):
    status: Literal["ok", "degraded"]
    components: dict[str, ComponentStatus]
