from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_places_resolves_and_suggests(kb_client: TestClient) -> None:
    body = kb_client.get("/api/places", params={"q": "Borsbeek"}).json()
    assert body["status"] == "resolved"
    assert body["candidates"][0]["name"] == "Antwerpen" and body["candidates"][0]["match"] == "alias"
    assert body["suggestions"][0]["name"] == "Antwerpen"


def test_places_returns_both_candidates_of_a_shared_postcode(kb_client: TestClient) -> None:
    body = kb_client.get("/api/places", params={"q": "1804"}).json()
    assert body["status"] == "ambiguous" and len(body["candidates"]) == 2


def test_places_autocompletes_a_partial_name(kb_client: TestClient) -> None:
    body = kb_client.get("/api/places", params={"q": "Oostk"}).json()
    assert body["status"] in {"resolved", "not_found"}
    assert "Oostkamp" in [p["name"] for p in body["suggestions"]]


@pytest.mark.parametrize("query", ["", "x" * 150, "'; DROP TABLE actor; --"])
def test_places_bad_input_is_a_clear_answer(kb_client: TestClient, query: str) -> None:
    response = kb_client.get("/api/places", params={"q": query})
    assert response.status_code == 200
    assert response.json()["status"] in {"invalid", "not_found"} and response.json()["message"]


def test_places_over_200_characters_is_422(kb_client: TestClient) -> None:
    assert kb_client.get("/api/places", params={"q": "x" * 201}).status_code == 422


def test_actors_by_type_and_place_with_provenance_and_open_now(kb_client: TestClient) -> None:
    body = kb_client.get("/api/actors", params={"type": "crisis_point", "place": "1000"}).json()
    [actor] = body["actors"]
    assert actor["id"] == "crisis-bxl"
    assert actor["reachable_now"] == "open"
    assert actor["channels"][0]["value"] == "02 209 16 36"
    assert actor["provenance"]["sources"] and actor["provenance"]["verification"]


def test_actors_say_unknown_when_the_number_is_unknown(kb_client: TestClient) -> None:
    body = kb_client.get("/api/actors", params={"type": "crisis_point", "place": "Leuven"}).json()
    [actor] = body["actors"]
    assert actor["channels"][0]["value"] is None
    assert actor["reachable_now"] == "unknown"


def test_actors_search(kb_client: TestClient) -> None:
    body = kb_client.get("/api/actors", params={"q": "zelfmoord"}).json()
    assert body["actors"][0]["id"] == "zelfmoordlijn-1813"


@pytest.mark.parametrize(
    ("params", "needle"),
    [({"type": "nonsense"}, "Onbekend type"), ({"place": "1050"}, "Elsene"), ({"place": "Atlantis"}, "ken ik niet")],
)
def test_actors_bad_filters_are_422_with_a_reason(kb_client: TestClient, params: dict[str, str], needle: str) -> None:
    response = kb_client.get("/api/actors", params=params)
    assert response.status_code == 422
    assert needle in response.json()["detail"]


def test_one_actor_and_an_unknown_one(kb_client: TestClient) -> None:
    body = kb_client.get("/api/actors/zorggarantie-coordinator-limburg").json()
    assert body["may_be_outdated"] is True and body["dated_as_of"] == "2018-03-26"
    assert kb_client.get("/api/actors/does-not-exist").status_code == 404
