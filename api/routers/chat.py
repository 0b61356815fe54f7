"""`/api/chat`: relay to the Rasa server, with issued session ids and a safe fallback."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Response, status
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from api import chat_sessions
from api.deps import get_db, get_rasa, get_settings, get_tracker_engine
from api.knowledge_state import KnowledgeCache, get_knowledge_cache
from api.rasa_client import RasaClient, RasaUnavailable
from api.schemas import BotMessage, Button, ChatRequest, ChatResponse, HistoryResponse, Turn
from api.settings import Settings
from api.text_links import find_links
from api.tracker_store import conversation_history, delete_conversation
from knowledge.safety import safety_messages

logger = logging.getLogger(__name__)
router = APIRouter(prefix="/api/chat", tags=["chat"])

UNKNOWN_SESSION = "Dit gesprek bestaat niet (meer). Begin een nieuw gesprek zonder session_id."

Db = Annotated[Session, Depends(get_db)]
TrackerEngine = Annotated[Engine, Depends(get_tracker_engine)]
Knowledge = Annotated[KnowledgeCache, Depends(get_knowledge_cache)]


def _asks_to_end(replies: list[dict[str, Any]]) -> bool:
    """The bot's quick-exit response carries `end_conversation` (bot/domain/basics.yml)."""
    return any(isinstance(r.get("custom"), dict) and r["custom"].get("end_conversation") for r in replies)


def _to_messages(replies: list[dict[str, Any]], short_numbers: frozenset[str]) -> list[BotMessage]:
    messages = []
    for reply in replies:
        buttons = [
            Button(title=str(b.get("title", "")), payload=str(b.get("payload", ""))) for b in reply.get("buttons") or []
        ]
        text = reply.get("text") or ""
        if text or buttons:
            messages.append(BotMessage(text=text, buttons=buttons, links=find_links(text, short_numbers)))
    return messages


def erase(db: Session, tracker_engine: Engine, session_id: str) -> None:
    """Delete a conversation (Rasa's events) and the id that gave access to it."""
    delete_conversation(tracker_engine, session_id)
    chat_sessions.forget_session(db, session_id)


def purge_expired(db: Session, tracker_engine: Engine, retention: timedelta) -> None:
    for session_id in chat_sessions.expired_session_ids(db, retention):
        erase(db, tracker_engine, session_id)


@router.post("", response_model=ChatResponse, responses={404: {"description": "Unknown session id"}, 413: {}})
async def chat(
    body: ChatRequest,
    db: Db,
    tracker_engine: TrackerEngine,
    rasa: Annotated[RasaClient, Depends(get_rasa)],
    settings: Annotated[Settings, Depends(get_settings)],
    knowledge: Knowledge,
) -> ChatResponse:
    if len(body.message) > settings.max_message_chars:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            f"Het bericht is te lang: maximaal {settings.max_message_chars} tekens.",
        )
    if body.session_id is None:
        purge_expired(db, tracker_engine, timedelta(hours=settings.chat_retention_hours))
        session_id = chat_sessions.issue_session(db)
    elif chat_sessions.touch_session(db, body.session_id):
        session_id = body.session_id
    else:
        raise HTTPException(status.HTTP_404_NOT_FOUND, UNKNOWN_SESSION)

    try:
        metadata = {"button_title": body.button_title} if body.button_title else None
        replies = await rasa.send_message(session_id, body.message.strip(), metadata)
    except RasaUnavailable as error:
        logger.warning("Rasa unavailable (%s); answered with the safety fallback", error)
        replies = [{"text": safety_messages().text("unavailable")}]
        return ChatResponse(session_id=session_id, messages=_to_messages(replies, knowledge.get_short_numbers(db)))
    messages = _to_messages(replies, knowledge.get_short_numbers(db))
    if _asks_to_end(replies):
        # After Rasa has stored the turn, so nothing is written back after the delete.
        erase(db, tracker_engine, session_id)
        return ChatResponse(session_id=session_id, messages=messages, ended=True)
    return ChatResponse(session_id=session_id, messages=messages)


@router.get("/{session_id}/history", response_model=HistoryResponse, responses={404: {}})
def history(session_id: str, db: Db, tracker_engine: TrackerEngine, knowledge: Knowledge) -> HistoryResponse:
    if not chat_sessions.session_exists(db, session_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND, UNKNOWN_SESSION)
    short_numbers = knowledge.get_short_numbers(db)
    turns = []
    for turn in conversation_history(tracker_engine, session_id):
        links = find_links(turn["text"], short_numbers) if turn["sender"] == "bot" else []
        turns.append(Turn.model_validate({**turn, "links": links}))
    return HistoryResponse(session_id=session_id, turns=turns)


@router.delete("/{session_id}", status_code=status.HTTP_204_NO_CONTENT, responses={404: {}})
def forget(session_id: str, db: Db, tracker_engine: TrackerEngine) -> Response:
    if not chat_sessions.session_exists(db, session_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND, UNKNOWN_SESSION)
    erase(db, tracker_engine, session_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
