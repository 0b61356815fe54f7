from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, insert, select, update

from api.chat_sessions import ChatSession
from api.tracker_store import events
from knowledge.safety import safety_messages
from tests.app.conftest import FakeRasa


def start(client: TestClient, message: str = "hallo") -> str:
    response = client.post("/api/chat", json={"message": message})
    assert response.status_code == 200, response.text
    session_id: str = response.json()["session_id"]
    return session_id


def add_events(engine: Engine, sender_id: str, rows: list[tuple[str, dict[str, object]]]) -> None:
    with engine.begin() as connection:
        for type_name, data in rows:
            connection.execute(
                insert(events).values(
                    sender_id=sender_id, type_name=type_name, timestamp=time.time(), data=json.dumps(data)
                )
            )


def test_new_conversation_gets_an_unguessable_id_and_the_bot_replies(client: TestClient, fake_rasa: FakeRasa) -> None:
    fake_rasa.replies = [
        {"recipient_id": "x", "text": "Hallo!"},
        {"recipient_id": "x", "text": "Waarover gaat het?", "buttons": [{"title": "Kinderopvang", "payload": "/x"}]},
    ]
    response = client.post("/api/chat", json={"message": "  hallo  "})
    assert response.status_code == 200
    body = response.json()
    assert len(body["session_id"]) >= 22  # at least 128 bits in URL-safe base64
    assert body["messages"] == [
        {"text": "Hallo!", "buttons": [], "links": []},
        {"text": "Waarover gaat het?", "buttons": [{"title": "Kinderopvang", "payload": "/x"}], "links": []},
    ]
    assert fake_rasa.received == [{"sender": body["session_id"], "message": "hallo"}]


def test_each_conversation_gets_its_own_id(client: TestClient) -> None:
    assert len({start(client) for _ in range(5)}) == 5


def test_an_issued_id_continues_the_conversation(client: TestClient, fake_rasa: FakeRasa) -> None:
    session_id = start(client)
    response = client.post("/api/chat", json={"message": "kinderopvang", "session_id": session_id})
    assert response.status_code == 200
    assert response.json()["session_id"] == session_id
    assert fake_rasa.received[-1] == {"sender": session_id, "message": "kinderopvang"}


def test_an_id_the_server_did_not_issue_is_refused(client: TestClient, fake_rasa: FakeRasa) -> None:
    response = client.post("/api/chat", json={"message": "hallo", "session_id": "made-up-id"})
    assert response.status_code == 404
    assert fake_rasa.received == []


@pytest.mark.parametrize("message", ["", "   ", "\n\t"])
def test_empty_messages_are_422_with_a_readable_reason(client: TestClient, message: str) -> None:
    response = client.post("/api/chat", json={"message": message})
    assert response.status_code == 422
    assert "leeg" in response.json()["detail"]


def test_a_missing_message_field_is_422(client: TestClient) -> None:
    response = client.post("/api/chat", json={"text": "hallo"})
    assert response.status_code == 422
    assert "message" in response.json()["detail"]


def test_validation_errors_do_not_echo_what_was_sent(client: TestClient) -> None:
    response = client.post("/api/chat", json={"message": "Jan Peeters", "session_id": 12345})
    assert response.status_code == 422
    assert "Jan Peeters" not in response.text and "12345" not in response.text


def test_messages_over_2000_characters_are_413(client: TestClient, fake_rasa: FakeRasa) -> None:
    assert client.post("/api/chat", json={"message": "a" * 2000}).status_code == 200
    response = client.post("/api/chat", json={"message": "a" * 2001})
    assert response.status_code == 413
    assert "2000" in response.json()["detail"]
    assert len(fake_rasa.received) == 1


@pytest.mark.parametrize(
    "failure",
    [httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), None],
    ids=["down", "timeout", "server-error"],
)
def test_when_rasa_fails_the_safety_text_is_sent(
    client: TestClient, fake_rasa: FakeRasa, failure: Exception | None
) -> None:
    if failure is None:
        fake_rasa.replies = "not a list"  # type: ignore[assignment]
    else:
        fake_rasa.failure = failure
    response = client.post("/api/chat", json={"message": "help"})
    assert response.status_code == 200
    [message] = response.json()["messages"]
    assert message["text"] == safety_messages().text("unavailable")
    for number in ("112", "101", "1813", "078 150 100"):
        assert number in message["text"]


def test_history_restores_user_and_bot_turns_in_order(client: TestClient, tracker_engine: Engine) -> None:
    session_id = start(client)
    add_events(
        tracker_engine,
        session_id,
        [
            ("action", {"event": "action", "name": "action_listen"}),
            ("user", {"event": "user", "text": "hallo"}),
            ("bot", {"event": "bot", "text": "Dag!", "data": {"buttons": [{"title": "Ja", "payload": "/affirm"}]}}),
            ("user", {"event": "user", "text": "/affirm", "metadata": {"button_title": "Ja"}}),
        ],
    )
    add_events(tracker_engine, "someone-else", [("user", {"event": "user", "text": "niet van jou"})])
    response = client.get(f"/api/chat/{session_id}/history")
    assert response.status_code == 200
    assert response.json()["turns"] == [
        {"sender": "user", "text": "hallo", "buttons": [], "links": []},
        {"sender": "bot", "text": "Dag!", "buttons": [{"title": "Ja", "payload": "/affirm"}], "links": []},
        {"sender": "user", "text": "Ja", "buttons": [], "links": []},
    ]


def test_history_of_an_unknown_id_is_404(client: TestClient) -> None:
    assert client.get("/api/chat/nope/history").status_code == 404


def test_delete_forgets_the_conversation_and_its_id(client: TestClient, tracker_engine: Engine) -> None:
    session_id = start(client)
    add_events(tracker_engine, session_id, [("user", {"event": "user", "text": "mijn adres is ..."})])
    add_events(tracker_engine, "other", [("user", {"event": "user", "text": "blijft"})])

    assert client.delete(f"/api/chat/{session_id}").status_code == 204

    with tracker_engine.connect() as connection:
        remaining = connection.execute(select(events.c.sender_id)).scalars().all()
    assert remaining == ["other"]
    assert client.get(f"/api/chat/{session_id}/history").status_code == 404
    assert client.post("/api/chat", json={"message": "hallo", "session_id": session_id}).status_code == 404
    assert client.delete(f"/api/chat/{session_id}").status_code == 404


def test_conversations_past_retention_are_purged_when_a_new_one_starts(
    client: TestClient, tracker_engine: Engine
) -> None:
    old = start(client)
    add_events(tracker_engine, old, [("user", {"event": "user", "text": "oud"})])
    engine = client.app.state.engine  # type: ignore[attr-defined]
    with engine.begin() as connection:
        connection.execute(
            update(ChatSession).where(ChatSession.id == old).values(last_seen_at=datetime.now(UTC) - timedelta(days=2))
        )
    start(client)
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).where(ChatSession.id == old)).scalar() == 0
    with tracker_engine.connect() as connection:
        assert connection.execute(select(func.count()).where(events.c.sender_id == old)).scalar() == 0


def test_quick_exit_reply_deletes_the_conversation_after_the_turn(
    client: TestClient, fake_rasa: FakeRasa, tracker_engine: Engine
) -> None:
    session_id = start(client)
    add_events(tracker_engine, session_id, [("user", {"event": "user", "text": "we wonen in de Kerkstraat"})])
    fake_rasa.replies = [
        {"recipient_id": session_id, "text": "Je gesprek is gewist."},
        {"recipient_id": session_id, "custom": {"end_conversation": True}},
    ]
    response = client.post("/api/chat", json={"message": "wis alles", "session_id": session_id})
    assert response.status_code == 200
    body = response.json()
    assert body["ended"] is True
    assert body["messages"] == [{"text": "Je gesprek is gewist.", "buttons": [], "links": []}]
    with tracker_engine.connect() as connection:
        left = connection.execute(select(func.count()).select_from(events).where(events.c.sender_id == session_id))
        assert left.scalar_one() == 0
    assert client.get(f"/api/chat/{session_id}/history").status_code == 404


def test_an_ordinary_reply_does_not_end_the_conversation(client: TestClient, fake_rasa: FakeRasa) -> None:
    session_id = start(client)
    fake_rasa.replies = [{"recipient_id": session_id, "text": "In welke gemeente woon je?"}]
    body = client.post("/api/chat", json={"message": "opvang", "session_id": session_id}).json()
    assert body["ended"] is False
    assert client.get(f"/api/chat/{session_id}/history").status_code == 200
