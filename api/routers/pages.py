"""The web pages: the chat for parents (`/`, and `/widget` inside other sites), the lookup page
for professionals (`/zoeken`) and the privacy notice. Rendered with Jinja2 on the server; the
little JavaScript they need lives in web/static (no inline script, see the CSP)."""

from __future__ import annotations

from typing import Annotated, get_args

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from api.deps import get_settings
from api.settings import Settings
from knowledge.routing import Concern, Flag, Role, Urgency

router = APIRouter(include_in_schema=False)

CONCERN_LABELS: dict[str, str] = {
    "acute_danger": "Acuut gevaar",
    "suicidal_thoughts": "Zelfmoordgedachten",
    "minor_crisis": "Crisis bij een minderjarige",
    "abuse": "Vermoeden van geweld, mishandeling of misbruik",
    "child_care": "Kinderopvang zoeken",
    "young_child": "Zwangerschap, baby, jong kind of opvoeding",
    "young_person": "Zorgen van een jongere",
    "basic_needs": "Basisnoden: geld, wonen, eten",
    "youth_care_access": "Toegang tot jeugdhulp",
}
# The hospital situations of seed 004 (sections 1.2, 1.3, 1.6): a newborn or young child who may
# not be able to go home safely. The routing engine knows them as flags on `young_child`.
FLAG_LABELS: dict[str, str] = {
    "placement_considered": "Ziekenhuis: uithuisplaatsing van een baby of jong kind wordt overwogen",
    "necessity_clear": "Ziekenhuis: de maatschappelijke noodzaak is duidelijk",
    "local_team_unreachable": "Ziekenhuis: het lokale team is niet bereikbaar",
}
ROLE_LABELS: dict[str, str] = {
    "professional": "Professional",
    "hospital": "Sociale dienst van een ziekenhuis of kraamafdeling",
    "line_staff": "Kind en Gezin-lijn",
    "parent": "Ouder of opvoeder",
    "young_person": "Jongere",
}
URGENCY_LABELS: dict[str, str] = {
    "now": "Nu, het kan niet wachten",
    "today": "Vandaag nog",
    "this_week": "Deze week",
    "no_hurry": "Geen haast",
}
# Every value the routing engine accepts has a label (a test checks this against the Literals).
LABELLED = ((Concern, CONCERN_LABELS), (Flag, FLAG_LABELS), (Role, ROLE_LABELS), (Urgency, URGENCY_LABELS))


def _templates(request: Request) -> Jinja2Templates:
    templates: Jinja2Templates = request.app.state.templates
    return templates


Templates = Annotated[Jinja2Templates, Depends(_templates)]
AppSettings = Annotated[Settings, Depends(get_settings)]


def _chat(request: Request, templates: Jinja2Templates, settings: Settings, embedded: bool) -> HTMLResponse:
    return templates.TemplateResponse(
        request,
        "chat.html",
        {"embedded": embedded, "quick_exit_url": settings.quick_exit_url},
    )


@router.get("/", response_class=HTMLResponse)
def chat_page(request: Request, templates: Templates, settings: AppSettings) -> HTMLResponse:
    return _chat(request, templates, settings, embedded=False)


@router.get("/widget", response_class=HTMLResponse)
def widget_page(request: Request, templates: Templates, settings: AppSettings) -> HTMLResponse:
    """The chat as the widget shows it, in a frame on another site (see EMBEDDABLE_PATHS)."""
    return _chat(request, templates, settings, embedded=True)


@router.get("/widget-demo", response_class=HTMLResponse)
def widget_demo(request: Request, templates: Templates) -> HTMLResponse:
    return templates.TemplateResponse(request, "widget_demo.html", {})


@router.get("/zoeken", response_class=HTMLResponse)
def lookup_page(request: Request, templates: Templates) -> HTMLResponse:
    return templates.TemplateResponse(
        request,
        "lookup.html",
        {
            "concerns": [(c, CONCERN_LABELS[c]) for c in get_args(Concern)],
            "flags": [(f, FLAG_LABELS[f]) for f in get_args(Flag)],
            "roles": [(r, ROLE_LABELS[r]) for r in ROLE_LABELS],
            "urgencies": [(u, URGENCY_LABELS[u]) for u in get_args(Urgency)],
        },
    )


@router.get("/privacy", response_class=HTMLResponse)
def privacy_page(request: Request, templates: Templates, settings: AppSettings) -> HTMLResponse:
    return templates.TemplateResponse(request, "privacy.html", {"retention_hours": settings.chat_retention_hours})
