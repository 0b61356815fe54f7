"""Fixtures for API tests: fresh migrated SQLite databases and a scripted fake Rasa server."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from api.main import create_app
from api.rasa_client import RasaClient
from api.settings import Settings
from api.tracker_store import events
from knowledge.db import make_engine, migrate

Handler = Callable[[httpx.Request], httpx.Response]


@dataclass
class FakeRasa:
    """Answers the Rasa and action-server URLs the API calls; records what it was sent."""

    replies: list[dict[str, Any]] = field(default_factory=lambda: [{"text": "Hallo! Ik ben een chatbot."}])
    failure: Exception | None = None
    model_file: str = "bot.tar.gz"
    action_server_up: bool = True
    received: list[dict[str, Any]] = field(default_factory=list)
    parses: int = 0

    def handle(self, request: httpx.Request) -> httpx.Response:
        if self.failure is not None:
            raise self.failure
        path = request.url.path
        if path == "/webhooks/rest/webhook":
            self.received.append(json.loads(request.content))
            return httpx.Response(200, json=self.replies)
        if path == "/status":
            return httpx.Response(200, json={"model_file": self.model_file})
        if path == "/model/parse":
            self.parses += 1
            return httpx.Response(200, json={"intent": {"name": "greet"}})
        if path == "/health":
            return httpx.Response(200 if self.action_server_up else 503, json={"status": "ok"})
        return httpx.Response(404)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    database_url = f"sqlite:///{tmp_path / 'knowledge.db'}"
    migrate(database_url)
    return Settings(
        database_url=database_url,
        tracker_store_url=f"sqlite:///{tmp_path / 'conversations.db'}",
        rasa_url="http://rasa.test:5005",
        rasa_token="test-token",
        action_server_port=5055,
    )


@pytest.fixture
def fake_rasa() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
def client(settings: Settings, fake_rasa: FakeRasa) -> Iterator[TestClient]:
    app = create_app(settings)
    with TestClient(app) as test_client:
        http = httpx.AsyncClient(transport=httpx.MockTransport(fake_rasa.handle))
        app.state.http = http
        app.state.rasa = RasaClient(http, settings.rasa_url, settings.rasa_token, timeout=2)
        yield test_client


@pytest.fixture
def tracker_engine(settings: Settings) -> Iterator[Engine]:
    """The tracker-store database, with the `events` table Rasa would create."""
    engine = make_engine(settings.tracker_store_url)
    events.metadata.create_all(engine)
    yield engine
    engine.dispose()


# --- the knowledge base, loaded once per backend ------------------------------------------------


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    from tests.app.databases import PostgresUnavailable, temporary_postgres

    # Not under pytest's tmp_path: its parents are private to root, and PostgreSQL runs as `postgres`.
    workdir = Path(tempfile.mkdtemp(prefix="kb-postgres-"))
    try:
        with temporary_postgres(workdir) as url:
            yield url
    except PostgresUnavailable as error:
        pytest.skip(f"PostgreSQL could not start: {error}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def migrate_and_load(url: str) -> str:
    from knowledge.loader import load_all

    migrate(url)
    engine = make_engine(url)
    with Session(engine) as session:
        load_all(session, progress=lambda _line: None)
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def sqlite_kb_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    return migrate_and_load(f"sqlite:///{tmp_path_factory.mktemp('kb') / 'knowledge.db'}")


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def kb_url(request: pytest.FixtureRequest) -> str:
    """A migrated and loaded knowledge base on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        url: str = request.getfixturevalue("sqlite_kb_url")
        return url
    return migrate_and_load(request.getfixturevalue("postgres_url"))


@pytest.fixture
def kb_client(sqlite_kb_url: str, tmp_path: Path, fake_rasa: FakeRasa) -> Iterator[TestClient]:
    """The API on a loaded knowledge base (SQLite), with the fake Rasa."""
    settings = Settings(
        database_url=sqlite_kb_url,
        tracker_store_url=f"sqlite:///{tmp_path / 'conversations.db'}",
        rasa_url="http://rasa.test:5005",
        rasa_token="test-token",
    )
    app = create_app(settings)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def kb(kb_url: str) -> Iterator[Session]:
    engine = make_engine(kb_url)
    with Session(engine) as session:
        yield session
    engine.dispose()
