"""The routing engine: the rules file, safety-first guarantees, and the scenario suite."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from api.main import create_app
from api.settings import Settings
from knowledge.db import make_engine
from knowledge.directory import ActorDirectory, DatabaseActors
from knowledge.places import Gazetteer
from knowledge.queries import get_actor
from knowledge.routing import Concern, Role, Situation, load_rules, route

SCENARIOS = yaml.safe_load((Path(__file__).parents[1] / "routing" / "scenarios.yml").read_text(encoding="utf-8"))[
    "scenarios"
]
NIGHT = datetime(2026, 11, 25, 3, 0)


def test_there_are_enough_scenarios_over_every_concern_and_role() -> None:
    assert len(SCENARIOS) >= 120
    assert {s["concern"] for s in SCENARIOS} == set(get_args(Concern))
    assert {s["role"] for s in SCENARIOS} == set(get_args(Role))


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_scenario(kb_client: TestClient, scenario: dict[str, Any]) -> None:
    keys = ("concern", "role", "place", "urgency", "flags", "now", "age_months")
    request = {k: scenario[k] for k in keys if k in scenario}
    response = kb_client.post("/api/route", json=request)
    assert response.status_code == 200, response.text
    body = response.json()
    ids = [r["actor"]["id"] for r in body["recommendations"]]
    assert ids, "never a dead end: at least one recommendation"
    assert ids[0] == scenario["first"], ids
    for actor_id in scenario.get("includes", []):
        assert actor_id in ids
    for actor_id in scenario.get("excludes", []):
        assert actor_id not in ids
    assert body["questions"] == scenario.get("questions", [])
    for recommendation in body["recommendations"]:
        assert recommendation["reason"] and recommendation["sources"]


def test_every_rule_names_actors_that_exist(kb: Session) -> None:
    for rule in load_rules().rules:
        for actor_id in [s.actor for s in rule.steps if s.actor] + [f.actor for f in rule.if_unreachable_now]:
            assert get_actor(kb, actor_id) is not None, (rule.id, actor_id)


def test_every_concern_has_a_rule_for_anyone() -> None:
    for concern in get_args(Concern):
        assert any(
            r.concern == concern and r.roles is None and r.urgency is None and not r.flags for r in load_rules().rules
        )


@pytest.mark.parametrize("role", [None, *get_args(Role)])
@pytest.mark.parametrize("urgency", [None, "now", "today", "this_week", "no_hurry"])
def test_acute_danger_always_starts_with_112_then_101(kb: Session, role: Role | None, urgency: Any) -> None:
    result = route(DatabaseActors(kb), Situation(concern="acute_danger", moment=NIGHT, role=role, urgency=urgency))
    assert [r.actor.id for r in result.recommendations][:2] == ["noodnummer-112", "politie-101"]


def test_urgent_answers_always_contain_a_line_that_is_open_now(kb: Session) -> None:
    for concern in get_args(Concern):
        for role in get_args(Role):
            situation = Situation(concern=concern, moment=NIGHT, role=role, urgency="now")
            result = route(DatabaseActors(kb), situation)
            statuses = [r.reachable_now for r in result.recommendations]
            if concern in {"acute_danger", "suicidal_thoughts", "minor_crisis", "abuse"}:
                assert "open" in statuses, (concern, role, [r.actor.id for r in result.recommendations])


def test_the_engine_is_deterministic(kb: Session) -> None:
    situation = Situation(concern="minor_crisis", moment=NIGHT, role="parent", urgency="today")
    first = [(r.actor.id, r.reachable_now, r.reason) for r in route(DatabaseActors(kb), situation).recommendations]
    assert all(
        first == [(r.actor.id, r.reachable_now, r.reason) for r in route(DatabaseActors(kb), situation).recommendations]
        for _ in range(3)
    )


def test_route_rejects_bad_input_with_422(kb_client: TestClient) -> None:
    for body in (
        {},
        {"concern": "astrology"},
        {"concern": "child_care", "flags": ["x"]},
        {"concern": "child_care", "age_months": -1},
    ):
        response = kb_client.post("/api/route", json=body)
        assert response.status_code == 422, body
        assert response.json()["detail"].startswith("Ongeldige aanvraag")


def test_route_with_an_unknown_place_says_so_and_still_answers(kb_client: TestClient) -> None:
    body = kb_client.post("/api/route", json={"concern": "child_care", "place": "Atlantis"}).json()
    assert body["place"] is None and body["place_status"] == "not_found"
    assert any("ken ik niet" in note for note in body["notes"])
    assert body["questions"] == ["place"]
    assert body["recommendations"]


def test_the_in_memory_directory_routes_exactly_like_the_database(kb_url: str) -> None:
    engine = make_engine(kb_url)
    with Session(engine) as session, Session(engine) as other:
        database = DatabaseActors(session)
        gazetteer = Gazetteer(session)
        directory = ActorDirectory(other)
        for scenario in SCENARIOS:
            place = gazetteer.resolve(scenario["place"]).place if "place" in scenario else None
            situation = Situation(
                concern=scenario["concern"],
                role=scenario["role"],
                moment=datetime.fromisoformat(scenario["now"]),
                refnis=place.refnis if place else None,
                urgency=scenario.get("urgency"),
                flags=frozenset(scenario.get("flags", [])),
                age_months=scenario.get("age_months"),
            )
            via_db = [(r.actor.id, r.reachable_now) for r in route(database, situation).recommendations]
            in_memory = [(r.actor.id, r.reachable_now) for r in route(directory, situation).recommendations]
            assert via_db == in_memory, scenario["name"]
    engine.dispose()


def test_a_configured_clock_answers_as_if_it_were_that_moment(sqlite_kb_url: str, tmp_path: Path) -> None:
    """ROUTE_CLOCK (demos, end-to-end tests): a crisis in Limburg at night adds a line open now."""
    settings = Settings(
        database_url=sqlite_kb_url,
        tracker_store_url=f"sqlite:///{tmp_path / 'conversations.db'}",
        route_clock=datetime(2026, 11, 25, 3, 0),
    )
    with TestClient(create_app(settings)) as client:
        body = client.post("/api/route", json={"concern": "minor_crisis", "place": "Hasselt"}).json()
        asked = client.post(
            "/api/route", json={"concern": "minor_crisis", "place": "Hasselt", "now": "2026-11-25T14:00:00"}
        ).json()
    assert body["moment"].startswith("2026-11-25T03:00:00")
    assert [r["actor"]["id"] for r in body["recommendations"] if r["added_because"] == "reachable_now"]
    # A moment in the request still wins over the configured clock.
    assert asked["moment"].startswith("2026-11-25T14:00:00")


def test_every_source_of_a_route_comes_with_the_label_the_pages_show(kb_client: TestClient) -> None:
    body = kb_client.post(
        "/api/route",
        json={"concern": "young_child", "role": "hospital", "flags": ["necessity_clear"], "place": "Brugge"},
    ).json()
    step_refs = [ref for r in body["recommendations"] for ref in r["source_refs"]]
    assert [ref["source"] for ref in step_refs] == [s for r in body["recommendations"] for s in r["sources"]]
    werf2 = [ref for ref in step_refs if ref["source"].startswith("seed:004_")]
    assert werf2 and all(ref["label"].startswith("FAQ zorggarantie jonge kinderen (werf 2)") for ref in werf2)
    assert all(ref["url"] is None for ref in werf2)
    contact_refs = [ref for r in body["recommendations"] for ref in r["actor"]["provenance"]["source_refs"]]
    web = [ref for ref in contact_refs if ref["source"].startswith("https://")]
    assert web and all(ref["url"] == ref["source"] and "/" not in ref["label"] for ref in web)
