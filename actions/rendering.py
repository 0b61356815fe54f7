"""From the slots to a /api/route request, and from its answer to chat messages.

Nothing here knows which actor fits which situation: that is the routing engine's job. This
module only turns its answer (actor, reason, how to reach, open now, source) into short Dutch text.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions.texts import phrase
from actions.triage_form import UNKNOWN, YES, effective_concern

FLAGS = ("placement_considered", "necessity_clear", "local_team_unreachable")
# Shown in the first answer; the rest come with "Andere mogelijkheden".
SHOWN_FIRST = 3
CONTACT_KINDS = ("phone", "chat", "web", "email", "whatsapp", "sms", "walk_in", "address")


def known(value: Any) -> Any:
    return None if value in (None, "", UNKNOWN) else value


def route_request(tracker: Tracker) -> dict[str, Any] | None:
    """The body for POST /api/route, or None when there is no question yet."""
    concern = effective_concern(tracker.slots)
    if not concern:
        return None
    request: dict[str, Any] = {"concern": concern}
    for name in ("role", "place", "urgency"):
        if (value := known(tracker.get_slot(name))) is not None:
            request[name] = value
    age = known(tracker.get_slot("age"))
    if age == "pregnant":
        request["pregnant"] = True
    elif isinstance(age, str) and age.isdigit():
        request["age_months"] = min(int(age), 25 * 12)
    flags = [flag for flag in FLAGS if tracker.get_slot(flag) == YES]
    if flags:
        request["flags"] = flags
    return request


def source_text(refs: list[dict[str, Any]]) -> str:
    """A source as the chat names it: the web address (the chat turns it into a link), else the
    label the API gives (knowledge/source_labels.py, the same as the lookup page's)."""
    first = refs[0]
    return str(first.get("url") or first.get("label") or first.get("source"))


def contact_lines(actor: dict[str, Any]) -> list[str]:
    lines = []
    channels = sorted(
        (c for c in actor.get("channels") or [] if c.get("kind") in CONTACT_KINDS),
        key=lambda c: CONTACT_KINDS.index(c["kind"]),
    )
    if not any(c.get("value") for c in channels):
        return [phrase("no_contact")]
    for channel in channels:
        value = channel.get("value")
        if value:
            lines.append(phrase(channel["kind"], value=value))
        elif channel["kind"] == "phone":
            lines.append(phrase("phone_unknown"))
    return lines


def status_line(actor: dict[str, Any], status: str) -> str:
    if status == "open" and any(c.get("always_open") for c in actor.get("channels") or []):
        return phrase("always_open")
    return {"open": phrase("open_now"), "closed": phrase("closed_now")}.get(status, phrase("status_unknown"))


def recommendation_text(number: int, recommendation: dict[str, Any]) -> str:
    actor = recommendation["actor"]
    lines = [f"{number}. {actor['name']}", recommendation["reason"]]
    lines += contact_lines(actor)
    lines.append(status_line(actor, str(recommendation.get("reachable_now"))))
    if recommendation.get("say"):
        lines.append(phrase("say", say=recommendation["say"]))
    if actor.get("may_be_outdated") and actor.get("dated_as_of"):
        lines.append(phrase("outdated", year=str(actor["dated_as_of"])[:4]))
    refs = (actor.get("provenance") or {}).get("source_refs") or recommendation.get("source_refs") or []
    if refs:
        lines.append(phrase("source", source=source_text(refs)))
    return "\n".join(lines)


def contacts_text(number: int, recommendation: dict[str, Any]) -> str:
    actor = recommendation["actor"]
    return "\n".join([f"{number}. {actor['name']}", *contact_lines(actor)])


def intro(route: dict[str, Any]) -> str:
    place = route.get("place") or {}
    if place.get("name"):
        return phrase("intro_with_place", place=place["name"])
    if "place" in (route.get("questions") or []):
        return phrase("intro_place_missing")
    return phrase("intro")
