"""The routing engine: from a situation to an ordered list of recommendations.

Pure and deterministic: the rules are data (knowledge/data/routing_rules.yml), the actors come
from the knowledge base, and the moment of the question is an input. The first rule whose
conditions hold decides the steps; then two guarantees are applied:

- never a dead end: when the first step cannot be reached at that moment and the question is
  urgent, lines that are reachable now are added;
- a missing place is said out loud: steps that depend on the place are left out, and the answer
  says which question would make it precise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from knowledge.directory import ActorSource
from knowledge.models import Actor
from knowledge.opening import Status, local_time, reachable_status
from knowledge.schema import ActorType
from knowledge.sources import check_source

RULES_FILE = Path(__file__).resolve().parent / "data" / "routing_rules.yml"

Role = Literal["parent", "young_person", "professional", "hospital", "line_staff"]
Concern = Literal[
    "acute_danger",
    "suicidal_thoughts",
    "minor_crisis",
    "abuse",
    "child_care",
    "young_child",
    "young_person",
    "basic_needs",
    "youth_care_access",
]
Urgency = Literal["now", "today", "this_week", "no_hurry"]
Flag = Literal["placement_considered", "necessity_clear", "local_team_unreachable"]
URGENT: frozenset[str] = frozenset({"now", "today"})


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Step(_Strict):
    actor: str | None = None
    type: ActorType | None = None
    reason: str = Field(min_length=5)
    say: str | None = None
    # A step can be limited to some roles (e.g. a chat for young people) and to an age range in
    # years (e.g. the JAC, for 12 to 25). With the age unknown, the step is kept.
    roles: list[Role] | None = None
    min_age_years: int | None = None
    max_age_years: int | None = None

    def fits_age(self, age_months: int | None) -> bool:
        if age_months is None:
            return True
        years = age_months // 12
        too_young = self.min_age_years is not None and years < self.min_age_years
        too_old = self.max_age_years is not None and years > self.max_age_years
        return not (too_young or too_old)

    @model_validator(mode="after")
    def one_target(self) -> Step:
        if (self.actor is None) == (self.type is None):
            raise ValueError("a step names either an actor or a type")
        return self


class Fallback(_Strict):
    actor: str
    reason: str = Field(min_length=5)


class Rule(_Strict):
    id: str
    concern: Concern
    roles: list[Role] | None = None
    urgency: list[Urgency] | None = None
    flags: list[Flag] = Field(default_factory=list)
    steps: list[Step] = Field(min_length=1)
    if_unreachable_now: list[Fallback] = Field(default_factory=list)
    sources: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def sources_exist(self) -> Rule:
        for source in self.sources:
            check_source(source)
        return self


class RuleBook(_Strict):
    rules: list[Rule]


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_FILE) -> RuleBook:
    return RuleBook.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Situation:
    concern: Concern
    moment: datetime
    role: Role | None = None
    age_months: int | None = None
    pregnant: bool = False
    refnis: str | None = None
    province_code: str | None = None
    urgency: Urgency | None = None
    flags: frozenset[Flag] = frozenset()


@dataclass(frozen=True)
class Recommendation:
    actor: Actor
    reachable_now: Status
    reason: str
    say: str | None
    rule_id: str
    sources: list[str]
    added_because: Literal["rule", "reachable_now"] = "rule"


@dataclass
class Route:
    rule_id: str
    recommendations: list[Recommendation] = field(default_factory=list)
    # Questions that would make the answer more precise (e.g. the place).
    questions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def matches(rule: Rule, situation: Situation) -> bool:
    if rule.concern != situation.concern:
        return False
    if rule.roles is not None and situation.role not in rule.roles:
        return False
    if rule.urgency is not None and situation.urgency not in rule.urgency:
        return False
    return all(flag in situation.flags for flag in rule.flags)


def choose_rule(book: RuleBook, situation: Situation) -> Rule:
    for rule in book.rules:
        if matches(rule, situation):
            return rule
    raise LookupError(f"no routing rule for concern {situation.concern!r}")


def route(actors: ActorSource, situation: Situation, book: RuleBook | None = None) -> Route:
    book = book or load_rules()
    rule = choose_rule(book, situation)
    result = Route(rule_id=rule.id)
    place_known = situation.refnis is not None or situation.province_code is not None
    moment = local_time(situation.moment)
    seen: set[str] = set()

    def add(actor: Actor, reason: str, say: str | None, why: Literal["rule", "reachable_now"]) -> None:
        if actor.id in seen:
            return
        seen.add(actor.id)
        status = reachable_status(actor.channels, moment)
        result.recommendations.append(Recommendation(actor, status, reason, say, rule.id, list(rule.sources), why))

    for step in rule.steps:
        if step.roles is not None and situation.role not in step.roles:
            continue
        if not step.fits_age(situation.age_months):
            continue
        if step.actor is not None:
            actor = actors.get(step.actor)
            if actor is None:
                raise LookupError(f"rule {rule.id}: actor {step.actor!r} is not in the knowledge base")
            add(actor, step.reason, step.say, "rule")
        elif place_known:
            for actor in _most_specific(actors.serving(step.type, situation.refnis, situation.province_code)):
                add(actor, step.reason, step.say, "rule")
        elif "place" not in result.questions:
            result.questions.append("place")
            result.notes.append(
                "In welke gemeente woon je, of wat is je postcode? Dan zoek ik de juiste dienst in je buurt."
            )

    first = result.recommendations[0] if result.recommendations else None
    urgent = situation.urgency in URGENT or situation.concern in {"acute_danger", "minor_crisis"}
    if urgent and (first is None or first.reachable_now != "open"):
        for fallback in rule.if_unreachable_now:
            actor = actors.get(fallback.actor)
            if actor is None:
                raise LookupError(f"rule {rule.id}: actor {fallback.actor!r} is not in the knowledge base")
            if reachable_status(actor.channels, moment) == "open":
                add(actor, fallback.reason, None, "reachable_now")
    return result


def _most_specific(actors: list[Actor]) -> list[Actor]:
    """Of the actors of one type serving a place, keep the most local level (they come sorted)."""
    if not actors:
        return []
    return actors[:1]
