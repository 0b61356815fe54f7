"""Application factory. Nothing is created at import time: `create_app()` builds it all."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import swagger_ui_bundle
from fastapi import FastAPI, Request, Response, status
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from api.knowledge_state import KnowledgeCache
from api.rasa_client import RasaClient
from api.routers import actors, chat, faq, health, pages, places, route
from api.security_headers import SecurityHeaders
from api.settings import PROJECT_ROOT, Settings, get_settings
from knowledge.db import make_engine, make_sessionmaker

WEB_DIR = PROJECT_ROOT / "web"


def _readable_validation_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "body") or "body"
        problems.append(f"{where}: {error.get('msg', 'invalid')}")
    # The submitted values are deliberately not echoed back: they may be personal.
    return JSONResponse(
        status_code=status.HTTP_422_UNPROCESSABLE_CONTENT,
        content={"detail": "Ongeldige aanvraag. " + "; ".join(problems)},
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.database_url)
        tracker_engine = make_engine(settings.tracker_store_url)
        async with httpx.AsyncClient() as http:
            app.state.settings = settings
            app.state.engine = engine
            app.state.sessionmaker = make_sessionmaker(engine)
            app.state.tracker_engine = tracker_engine
            app.state.http = http
            app.state.rasa = RasaClient(http, settings.rasa_url, settings.rasa_token, settings.rasa_timeout_seconds)
            app.state.rasa_warmed = False
            app.state.knowledge = KnowledgeCache()
            yield
        engine.dispose()
        tracker_engine.dispose()

    app = FastAPI(
        title="Brede instap jeugdhulp - assistent",
        description="Chat relay, health and knowledge endpoints of the youth-care entry assistant.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.add_exception_handler(RequestValidationError, _readable_validation_error)

    app.add_middleware(SecurityHeaders, embed_origins=settings.widget_origins)
    app.state.templates = Jinja2Templates(directory=WEB_DIR / "templates")

    app.include_router(chat.router)
    app.include_router(health.router)
    app.include_router(places.router)
    app.include_router(actors.router)
    app.include_router(route.router)
    app.include_router(faq.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
    app.mount("/vendor/swagger", StaticFiles(directory=Path(swagger_ui_bundle.swagger_ui_path)), name="swagger")

    @app.get("/docs", include_in_schema=False)
    def docs_page() -> HTMLResponse:
        return HTMLResponse((WEB_DIR / "docs.html").read_text(encoding="utf-8"))

    return app
