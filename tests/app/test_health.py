from __future__ import annotations

from fastapi.testclient import TestClient

from tests.app.conftest import FakeRasa


def test_all_components_up_is_200_and_warms_the_model_once(client: TestClient, fake_rasa: FakeRasa) -> None:
    for _ in range(3):
        response = client.get("/api/health")
        assert response.status_code == 200
        body = response.json()
        assert body["status"] == "ok"
        assert set(body["components"]) == {"database", "rasa", "action_server"}
        assert all(component["up"] for component in body["components"].values())
    assert fake_rasa.parses == 1
    # The FAQ index is built by then too, so that the first question does not wait for it.
    assert client.app.state.knowledge.faq_index is not None  # type: ignore[attr-defined]


def test_rasa_without_a_model_is_503(client: TestClient, fake_rasa: FakeRasa) -> None:
    fake_rasa.model_file = ""
    response = client.get("/api/health")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded"
    assert body["components"]["rasa"] == {"up": False, "detail": "no model loaded"}
    assert body["components"]["database"]["up"] is True


def test_action_server_down_is_503(client: TestClient, fake_rasa: FakeRasa) -> None:
    fake_rasa.action_server_up = False
    response = client.get("/api/health")
    assert response.status_code == 503
    assert response.json()["components"]["action_server"]["up"] is False
    assert response.json()["components"]["rasa"]["up"] is True


def test_unmigrated_database_is_reported(client: TestClient) -> None:
    engine = client.app.state.engine  # type: ignore[attr-defined]
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE alembic_version")
    response = client.get("/api/health")
    assert response.status_code == 503
    assert "make migrate" in response.json()["components"]["database"]["detail"]
