"""Chat ids issued by the API. Only the id and its timestamps are kept here, never a message.

An id is accepted on `/api/chat` only if this table holds it, so nobody can write into (or read)
a conversation by guessing or inventing an id.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import DateTime, String, delete, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from knowledge.db import Base

# 32 random bytes = 256 bits, well above the 128 the contract requires.
_ID_BYTES = 32


def _now() -> datetime:
    return datetime.now(UTC)


class ChatSession(Base):
    __tablename__ = "chat_session"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)


def issue_session(db: Session) -> str:
    session_id = secrets.token_urlsafe(_ID_BYTES)
    db.add(ChatSession(id=session_id))
    db.commit()
    return session_id


def touch_session(db: Session, session_id: str) -> bool:
    """Mark an issued id as used now; False when the server never issued it (or forgot it)."""
    chat = db.get(ChatSession, session_id)
    if chat is None:
        return False
    chat.last_seen_at = _now()
    db.commit()
    return True


def session_exists(db: Session, session_id: str) -> bool:
    return db.get(ChatSession, session_id) is not None


def forget_session(db: Session, session_id: str) -> bool:
    result = db.execute(delete(ChatSession).where(ChatSession.id == session_id))
    db.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def expired_session_ids(db: Session, retention: timedelta) -> list[str]:
    cutoff = _now() - retention
    return list(db.scalars(select(ChatSession.id).where(ChatSession.last_seen_at < cutoff)))
