"""Schema of the curated data files in knowledge/data/ (validated on every load)."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from knowledge.sources import check_source


def _checked_source(source: str) -> str:
    check_source(source)
    return source


# A fact-sheet URL, a seed section or a known package, checked on every load (knowledge/sources.py).
SourceRef = Annotated[str, AfterValidator(_checked_source)]

ActorType = Literal[
    "emergency_line",
    "helpline",
    "crisis_point",
    "vk",  # Vertrouwenscentrum Kindermishandeling
    "ocj",  # Ondersteuningscentrum Jeugdzorg
    "itp",  # Intersectorale toegangspoort
    "caw",
    "jac",
    "local_team",  # lokaal team Kind en Gezin (Opgroeien)
    "huis_van_het_kind",
    "child_care_counter",  # lokaal loket kinderopvang
    "ocmw",
    "sociaal_huis",
    "clb",
    "agency",  # Opgroeien and its services
    "zorggarantie_coordinator",
]
ACTOR_TYPES: tuple[str, ...] = ActorType.__args__  # type: ignore[attr-defined]
Audience = Literal["citizens", "young_people", "professionals"]
Verification = Literal["verified", "unverified", "conflicting", "outdated"]
ChannelKind = Literal["phone", "chat", "email", "web", "walk_in", "whatsapp", "sms", "address"]
Day = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
Region = Literal["Vlaanderen", "Brussel"]
ProvinceName = Literal["Antwerpen", "Vlaams-Brabant", "West-Vlaanderen", "Oost-Vlaanderen", "Limburg", "Brussel"]

_HHMM = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$")
_SLUG = r"^[a-z0-9][a-z0-9-]*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class HoursSpan(Strict):
    days: list[Day] = Field(min_length=1)
    opens: str
    closes: str

    @model_validator(mode="after")
    def valid_times(self) -> HoursSpan:
        for value in (self.opens, self.closes):
            if not _HHMM.match(value):
                raise ValueError(f"time {value!r} is not HH:MM")
        if self.opens >= self.closes:
            raise ValueError(f"opens {self.opens} is not before closes {self.closes}")
        return self


class Provenance(Strict):
    sources: list[SourceRef] = Field(min_length=1)
    seen_on: date
    verification: Verification


class ChannelIn(Strict):
    kind: ChannelKind
    # None: this way of contact exists but the detail is unknown (never guessed).
    value: str | None = None
    always_open: bool = False
    hours: list[HoursSpan] | None = None
    hours_note: str | None = None
    # Defaults to the actor's provenance when left out.
    provenance: Provenance | None = None

    @model_validator(mode="after")
    def hours_or_always(self) -> ChannelIn:
        if self.always_open and self.hours:
            raise ValueError("a channel is either always open or has hours, not both")
        return self


class AreaIn(Strict):
    national: bool = False
    regions: list[Region] = Field(default_factory=list)
    provinces: list[ProvinceName] = Field(default_factory=list)
    # Municipality names as in the REFNIS list (Dutch), resolved to codes when loading.
    municipalities: list[str] = Field(default_factory=list)

    @property
    def kind(self) -> str:
        if self.national:
            return "national"
        if self.regions:
            return "region"
        if self.provinces:
            return "province"
        return "municipalities"

    @property
    def is_empty(self) -> bool:
        return not (self.national or self.regions or self.provinces or self.municipalities)


class ActorIn(Strict):
    id: str = Field(pattern=_SLUG, max_length=80)
    name: str = Field(min_length=2, max_length=200)
    type: ActorType
    description: str = Field(min_length=10)
    audience: list[Audience] = Field(min_length=1)
    audience_note: str | None = None
    area: AreaIn
    channels: list[ChannelIn] = Field(default_factory=list)
    provenance: Provenance
    dated_as_of: date | None = None
    may_be_outdated: bool = False
    dated_record: str | None = None

    @model_validator(mode="after")
    def area_not_empty(self) -> ActorIn:
        if self.area.is_empty:
            raise ValueError("the area is empty: say which region, province or municipalities it serves")
        if self.dated_record and not self.dated_as_of:
            raise ValueError("a dated_record needs dated_as_of")
        return self


class ActorFile(Strict):
    actors: list[ActorIn]


class AliasIn(Strict):
    alias: str = Field(min_length=2)
    municipality: str
    kind: Literal["merged_2019", "merged_2025", "spelling"]
    note: str
    source: SourceRef


class AliasFile(Strict):
    aliases: list[AliasIn]
