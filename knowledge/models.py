"""Tables of the knowledge base: places, actors, their areas and contact channels.

Every actor and channel carries its provenance: the sources it was taken from (URLs, or a seed
file and section), the date the fact was seen, and a verification status. Unknown facts are
stored as unknown (NULL), never filled in.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from knowledge.db import Base


class Province(Base):
    """A Flemish province, or the Brussels-Capital Region (which has no province)."""

    __tablename__ = "province"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)  # REFNIS code
    name: Mapped[str] = mapped_column(String(80))
    region: Mapped[str] = mapped_column(String(20))  # "Vlaanderen" or "Brussel"

    municipalities: Mapped[list[Municipality]] = relationship(back_populates="province")


class Municipality(Base):
    __tablename__ = "municipality"

    refnis: Mapped[str] = mapped_column(String(8), primary_key=True)
    name_nl: Mapped[str] = mapped_column(String(80), index=True)
    name_fr: Mapped[str] = mapped_column(String(80))
    province_code: Mapped[str] = mapped_column(ForeignKey("province.code"), index=True)
    source: Mapped[str] = mapped_column(Text)

    province: Mapped[Province] = relationship(back_populates="municipalities")
    postcodes: Mapped[list[PostalCode]] = relationship(back_populates="municipality", cascade="all, delete-orphan")


class PostalCode(Base):
    """One postcode-municipality pair: a few postcodes belong to two municipalities."""

    __tablename__ = "postal_code"

    code: Mapped[str] = mapped_column(String(4), primary_key=True)
    municipality_refnis: Mapped[str] = mapped_column(ForeignKey("municipality.refnis"), primary_key=True)

    municipality: Mapped[Municipality] = relationship(back_populates="postcodes")


class PlaceAlias(Base):
    """A name people still use for a municipality (a merged one, another spelling)."""

    __tablename__ = "place_alias"

    alias: Mapped[str] = mapped_column(String(80), primary_key=True)
    municipality_refnis: Mapped[str] = mapped_column(ForeignKey("municipality.refnis"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # merged_2019, merged_2025, spelling
    note: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)


class Actor(Base):
    __tablename__ = "actor"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(40), index=True)
    description: Mapped[str] = mapped_column(Text)
    # Who may contact it: any of "citizens", "young_people", "professionals".
    audience: Mapped[list[str]] = mapped_column(JSON)
    # Set where the sources disagree about who may contact it (both views are described).
    audience_note: Mapped[str | None] = mapped_column(Text)
    area_kind: Mapped[str] = mapped_column(String(20))  # national, region, province, municipalities
    sources: Mapped[list[str]] = mapped_column(JSON)
    seen_on: Mapped[date] = mapped_column(Date)
    verification: Mapped[str] = mapped_column(String(20))  # verified, unverified, conflicting, outdated
    # For records from a dated document (e.g. the 2018 zorggarantie FAQ): its date, and a warning.
    dated_as_of: Mapped[date | None] = mapped_column(Date)
    may_be_outdated: Mapped[bool] = mapped_column(Boolean, default=False)
    dated_record: Mapped[str | None] = mapped_column(Text)
    # Which data file (or generator) the record came from, so a reload can remove what was deleted.
    origin: Mapped[str] = mapped_column(String(120), index=True)
    # Hash of the validated source record: a reload rewrites the actor only when it changed.
    content_hash: Mapped[str] = mapped_column(String(64))

    areas: Mapped[list[ActorArea]] = relationship(back_populates="actor", cascade="all, delete-orphan")
    channels: Mapped[list[Channel]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", order_by="Channel.position"
    )


class ActorArea(Base):
    """One piece of the area an actor serves: a region, a province or a municipality."""

    __tablename__ = "actor_area"
    __table_args__ = (UniqueConstraint("actor_id", "kind", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # region, province, municipality
    code: Mapped[str] = mapped_column(String(20), index=True)  # "Vlaanderen"/"Brussel", or a REFNIS code

    actor: Mapped[Actor] = relationship(back_populates="areas")


class Channel(Base):
    """A way to reach an actor. `value` NULL means the detail is not known (yet)."""

    __tablename__ = "channel"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # phone, chat, email, web, walk_in, whatsapp
    value: Mapped[str | None] = mapped_column(String(300))
    always_open: Mapped[bool] = mapped_column(Boolean, default=False)
    # Machine-readable weekly hours: [{"days": ["mon", ...], "opens": "09:00", "closes": "17:00"}].
    # NULL means the hours are unknown (and then the channel's status is "unknown", never "open").
    hours: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    hours_note: Mapped[str | None] = mapped_column(Text)
    sources: Mapped[list[str]] = mapped_column(JSON)
    seen_on: Mapped[date] = mapped_column(Date)
    verification: Mapped[str] = mapped_column(String(20))

    actor: Mapped[Actor] = relationship(back_populates="channels")


class FaqEntry(Base):
    """One question-and-answer entry of knowledge/data/faq/ (see knowledge/faq.py)."""

    __tablename__ = "faq_entry"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    audience: Mapped[str] = mapped_column(String(16))
    question: Mapped[str] = mapped_column(Text)
    paraphrases: Mapped[list[str]] = mapped_column(JSON)
    # Questions as people asked them (knowledge/faq_examples.py); only the search uses them.
    examples: Mapped[list[str]] = mapped_column(JSON, default=list)
    answer: Mapped[str] = mapped_column(Text)
    sources: Mapped[list[str]] = mapped_column(JSON)
    route: Mapped[str | None] = mapped_column(String(32))
    origin: Mapped[str] = mapped_column(String(120))
    content_hash: Mapped[str] = mapped_column(String(64))
