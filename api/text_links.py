"""Find phone numbers, e-mail addresses and web addresses in a bot message, for clickable links.

Done on the server so the browser needs no copy of these rules and the rules have tests. A short
number (112, 1813, 116 000) only becomes a link when the knowledge base lists it as a phone number:
otherwise every Brussels postcode in an address ("1060 Brussel") would turn into a call button.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from pydantic import BaseModel

from knowledge.models import Actor
from knowledge.phone import digits, is_valid_belgian

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_WEB = re.compile(
    r"(?<![\w@.])(?:https?://)?(?:[a-z0-9-]+\.)+(?:be|eu|com|org|net|info|vlaanderen|brussels)\b(?:/[^\s,;)]*)?",
    re.IGNORECASE,
)
# Digits with single spaces, dots or slashes between groups: "02 209 16 36", "0800 13 500", "1813".
_NUMBER = re.compile(r"(?<![\w+])(?:\+32 ?)?\d+(?:[ ./]\d+)*(?![\w])")


class Link(BaseModel):
    text: str
    href: str


def phone_href(number: str) -> str:
    only = digits(number)
    # Long numbers in international form, so they also work from a foreign phone.
    return f"tel:+32{only[1:]}" if only.startswith("0") else f"tel:{only}"


def web_href(address: str) -> str:
    return address if re.match(r"https?://", address, re.IGNORECASE) else f"https://{address}"


def channel_href(kind: str, value: str | None) -> str | None:
    """The link a person can use for one contact channel, or None (an address, an unknown value)."""
    if not value:
        return None
    if kind in {"phone", "sms", "whatsapp"} and is_valid_belgian(value):
        return phone_href(value)
    if kind == "email" and _EMAIL.fullmatch(value):
        return f"mailto:{value}"
    if kind in {"web", "chat"} and _WEB.fullmatch(value):
        return web_href(value)
    return None


def known_short_numbers(actors: Iterable[Actor]) -> frozenset[str]:
    """The short phone numbers (at most 6 digits) in the directory, as digits."""
    numbers = set()
    for actor in actors:
        for channel in actor.channels:
            if channel.kind == "phone" and channel.value and len(digits(channel.value)) <= 6:
                numbers.add(digits(channel.value))
    return frozenset(numbers)


def find_links(text: str, short_numbers: Collection[str]) -> list[Link]:
    """Links in the order they occur; e-mail wins over web address, and both over a number."""
    spans: list[tuple[int, int, str]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e, _ in spans)

    for match in _EMAIL.finditer(text):
        spans.append((match.start(), match.end(), f"mailto:{match.group()}"))
    for match in _WEB.finditer(text):
        address = match.group().rstrip(".")
        if free(match.start(), match.start() + len(address)):
            spans.append((match.start(), match.start() + len(address), web_href(address)))
    for match in _NUMBER.finditer(text):
        number = match.group().rstrip("./ ")
        only = digits(number)
        is_phone = is_valid_belgian(number) and (len(only) >= 9 or only in short_numbers)
        if is_phone and free(match.start(), match.start() + len(number)):
            spans.append((match.start(), match.start() + len(number), phone_href(number)))
    return [Link(text=text[start:end], href=href) for start, end, href in sorted(spans)]
