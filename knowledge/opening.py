"""Is a channel open at a given moment (Europe/Brussels time)? Unknown hours stay unknown."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from zoneinfo import ZoneInfo

from knowledge.models import Channel

BRUSSELS = ZoneInfo("Europe/Brussels")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Status = Literal["open", "closed", "unknown"]


def local_time(moment: datetime) -> datetime:
    """Naive moments are taken as Brussels time; aware ones are converted to it."""
    return moment.replace(tzinfo=BRUSSELS) if moment.tzinfo is None else moment.astimezone(BRUSSELS)


def channel_status(channel: Channel, moment: datetime) -> Status:
    if channel.always_open:
        return "open"
    if channel.hours is None:
        return "unknown"
    local = local_time(moment)
    day, clock = DAYS[local.weekday()], local.strftime("%H:%M")
    for span in channel.hours:
        if day in span["days"] and span["opens"] <= clock < span["closes"]:
            return "open"
    return "closed"


def reachable_status(channels: list[Channel], moment: datetime) -> Status:
    """Whether the actor can be reached now through a channel whose contact detail is known.

    A channel without a known number or address cannot be used, so it never counts as open.
    Public holidays are not modelled: on a holiday an office may be closed though this says open.
    """
    usable = [c for c in channels if c.value is not None and c.kind not in ("address", "web")]
    statuses = {channel_status(c, moment) for c in usable}
    if "open" in statuses:
        return "open"
    if "unknown" in statuses or not usable:
        return "unknown"
    return "closed"
