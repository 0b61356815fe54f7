"""FastAPI dependencies: settings, database sessions and clients live on `app.state`."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from api.rasa_client import RasaClient
from api.settings import Settings


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_db(request: Request) -> Iterator[Session]:
    with request.app.state.sessionmaker() as session:
        yield session


def get_tracker_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.tracker_engine
    return engine


def get_rasa(request: Request) -> RasaClient:
    client: RasaClient = request.app.state.rasa
    return client
