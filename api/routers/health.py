"""`/api/health`: one line per component; 200 only when every component is up."""

from __future__ import annotations

import asyncio
from typing import Annotated

import httpx
from fastapi import APIRouter, Depends, Request, Response, status
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

from api.deps import get_db, get_rasa, get_settings
from api.knowledge_state import warm_faq_index
from api.rasa_client import RasaClient, RasaUnavailable
from api.schemas import ComponentStatus, HealthResponse
from api.settings import Settings

router = APIRouter(prefix="/api", tags=["health"])


def check_database(db: Session) -> ComponentStatus:
    try:
        db.execute(text("SELECT 1"))
        if not inspect(db.get_bind()).has_table("alembic_version"):
            return ComponentStatus(up=False, detail="schema missing: run `make migrate`")
    except Exception as error:  # noqa: BLE001 - any driver error means "down"
        return ComponentStatus(up=False, detail=f"unreachable ({type(error).__name__})")
    return ComponentStatus(up=True, detail="ok")


async def check_rasa(request: Request, rasa: RasaClient) -> ComponentStatus:
    try:
        model = (await rasa.status()).get("model_file")
        if not model:
            return ComponentStatus(up=False, detail="no model loaded")
        # A model counts as ready once it has answered one parse: the first one is slow.
        if not getattr(request.app.state, "rasa_warmed", False):
            await rasa.parse("hallo")
            request.app.state.rasa_warmed = True
    except RasaUnavailable as error:
        return ComponentStatus(up=False, detail=f"unreachable ({error})")
    return ComponentStatus(up=True, detail=f"model {model} loaded")


async def check_action_server(request: Request, settings: Settings) -> ComponentStatus:
    http: httpx.AsyncClient = request.app.state.http
    try:
        response = await http.get(f"{settings.action_server_url}/health", timeout=3)
        response.raise_for_status()
    except httpx.HTTPError as error:
        return ComponentStatus(up=False, detail=f"unreachable ({type(error).__name__})")
    return ComponentStatus(up=True, detail="ok")


@router.get("/health", response_model=HealthResponse, responses={503: {"model": HealthResponse}})
async def health(
    request: Request,
    response: Response,
    db: Annotated[Session, Depends(get_db)],
    rasa: Annotated[RasaClient, Depends(get_rasa)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> HealthResponse:
    rasa_status, actions_status = await asyncio.gather(
        check_rasa(request, rasa), check_action_server(request, settings)
    )
    components = {"database": check_database(db), "rasa": rasa_status, "action_server": actions_status}
    if components["database"].up:
        # Like the model's first parse, the FAQ index is built before anyone waits for it.
        await run_in_threadpool(warm_faq_index, request)
    all_up = all(c.up for c in components.values())
    if not all_up:
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    return HealthResponse(status="ok" if all_up else "degraded", components=components)
