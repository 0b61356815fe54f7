"""The web pages as the server renders them: labels, settings, the widget's frame policy."""

from __future__ import annotations

from typing import get_args

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from api.main import create_app
from api.routers.pages import LABELLED
from api.settings import Settings


def test_every_routing_value_has_a_dutch_label() -> None:
    for literal, labels in LABELLED:
        assert set(labels) == set(get_args(literal))


def test_lookup_page_offers_every_concern_and_hospital_situation(client: TestClient) -> None:
    page = client.get("/zoeken").text
    for literal, _labels in LABELLED[:2]:
        for value in get_args(literal):
            assert f'value="concern:{value}"' in page or f'value="flag:{value}"' in page, value
    assert 'id="place"' in page and 'list="place-suggestions"' in page


def test_chat_page_has_the_safety_strip_quick_exit_and_a_live_log(client: TestClient) -> None:
    page = client.get("/").text
    assert "In nood? Bel" in page and 'href="tel:112"' in page and 'href="tel:1813"' in page
    assert ">Snel weg</button>" in page and ">Nieuw gesprek</button>" in page
    assert 'role="log"' in page and 'aria-live="polite"' in page
    assert 'data-quick-exit-url="about:blank"' in page


def test_privacy_notice_states_the_configured_retention(settings: Settings) -> None:
    with TestClient(create_app(settings.model_copy(update={"chat_retention_hours": 6}))) as client:
        assert "gewist 6 uur nadat" in client.get("/privacy").text


def test_only_the_widget_may_be_framed_by_the_listed_sites(settings: Settings) -> None:
    origin = "https://www.voorbeeld-gemeente.be"
    with TestClient(create_app(settings.model_copy(update={"widget_origins": [origin]}))) as client:
        assert f"frame-ancestors 'self' {origin}" in client.get("/widget").headers["content-security-policy"]
        assert origin not in client.get("/").headers["content-security-policy"]


@pytest.mark.parametrize("origin", ["https://a.be; script-src *", "*", "https://a.be/pad", "javascript:x"])
def test_widget_origins_must_be_plain_origins(origin: str) -> None:
    with pytest.raises(ValidationError):
        Settings(widget_origins=[origin])


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "www.voorbeeld.be"])
def test_quick_exit_url_must_be_a_web_address(url: str) -> None:
    with pytest.raises(ValidationError):
        Settings(quick_exit_url=url)
