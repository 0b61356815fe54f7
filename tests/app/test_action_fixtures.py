"""The action server's test fixtures (tests/actions/fixtures/route_*.json) stand in for /api/route
answers; they must keep the shape the API really returns, or the action tests test nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from api.routers.route import RouteResponse

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "actions" / "fixtures").glob("route_*.json"))


def test_there_are_route_fixtures() -> None:
    assert FIXTURES


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_a_route_fixture_is_a_valid_api_answer(path: Path) -> None:
    RouteResponse.model_validate(json.loads(path.read_text(encoding="utf-8")))
