"""Clickable phone numbers and addresses in bot messages (api/text_links.py) and on the API."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.text_links import channel_href, find_links
from tests.app.conftest import FakeRasa

SHORT = frozenset({"112", "101", "1813", "1712", "106", "116000"})


def pairs(text: str) -> list[tuple[str, str]]:
    return [(link.text, link.href) for link in find_links(text, SHORT)]


def test_landline_and_free_numbers_get_an_international_tel_link() -> None:
    assert pairs("Crisis-BXL: 02 209 16 36. Of 0800 13 500.") == [
        ("02 209 16 36", "tel:+3222091636"),
        ("0800 13 500", "tel:+3280013500"),
    ]


def test_short_numbers_are_links_only_when_the_directory_has_them() -> None:
    assert pairs("Bel 112 of 101, of 116 000.") == [("112", "tel:112"), ("101", "tel:101"), ("116 000", "tel:116000")]
    # 100 is a valid Belgian short number, but not one the knowledge base lists.
    assert pairs("Bel 100.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Hallepoortlaan 27, 1060 Brussel",  # a Brussels postcode looks like a short number
        "volgens de stand van 2018",
        "mijn zoon is 16 jaar",
        "een tweeling van 3 maand",
        "er zijn 24 Huizen van het Kind",
    ],
)
def test_postcodes_years_and_ages_stay_text(text: str) -> None:
    assert pairs(text) == []


def test_web_and_mail_addresses_win_over_the_digits_inside_them() -> None:
    assert pairs("Zie zelfmoord1813.be of mail info@voorbeeld.be.") == [
        ("zelfmoord1813.be", "https://zelfmoord1813.be"),
        ("info@voorbeeld.be", "mailto:info@voorbeeld.be"),
    ]
    # The sentence's full stop is not part of the address.
    assert pairs("Kijk op www.jac.be/chat.") == [("www.jac.be/chat", "https://www.jac.be/chat")]


def test_channel_links() -> None:
    assert channel_href("phone", "078 150 100") == "tel:+3278150100"
    assert channel_href("phone", "1813") == "tel:1813"
    assert channel_href("email", "klachtendienst@kindengezin.be") == "mailto:klachtendienst@kindengezin.be"
    assert channel_href("chat", "clbchat.be") == "https://clbchat.be"
    assert channel_href("walk_in", "Hallepoortlaan 27, 1060 Brussel") is None
    assert channel_href("phone", None) is None
    assert channel_href("phone", "geen nummer") is None


def test_chat_replies_carry_their_links(client: TestClient, fake_rasa: FakeRasa) -> None:
    fake_rasa.replies = [{"text": "Bel de Kind en Gezin-lijn: 078 150 100."}]
    message = client.post("/api/chat", json={"message": "hallo"}).json()["messages"][0]
    assert message["links"] == [{"text": "078 150 100", "href": "tel:+3278150100"}]


def test_a_button_title_goes_to_rasa_as_metadata(client: TestClient, fake_rasa: FakeRasa) -> None:
    client.post("/api/chat", json={"message": "/affirm", "button_title": "Ja"})
    assert fake_rasa.received[-1]["metadata"] == {"button_title": "Ja"}
    client.post("/api/chat", json={"message": "ja hoor"})
    assert "metadata" not in fake_rasa.received[-1]


def test_directory_phone_channels_get_links(kb_client: TestClient) -> None:
    actors = kb_client.get("/api/actors", params={"q": "zelfmoordlijn"}).json()["actors"]
    phones = [c for a in actors for c in a["channels"] if c["kind"] == "phone" and c["value"] == "1813"]
    assert phones and all(c["href"] == "tel:1813" for c in phones)
