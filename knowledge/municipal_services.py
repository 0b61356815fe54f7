"""Services every municipality has, as records linked to it even without contact details.

Every municipality has an OCMW and must have a lokaal loket kinderopvang (decree of 20 April 2012,
art. 13). Their contact details are not in the sources yet: the records exist so that staff can
fill them in, and so that the routing can name the right service and say honestly that its
contact details are not known. A loket that serves several municipalities can replace the
generated records with one curated record in knowledge/data/actors/.
"""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from knowledge.models import Municipality
from knowledge.places import fold
from knowledge.schema import ActorIn, AreaIn, Provenance

SEEN_ON = date(2026, 11, 24)
LLKO_SOURCES = (
    "https://vvsg.be/kennisitem/vvsg/faq-lokaal-loket-kinderopvang",
    "https://www.opgroeien.be/aanbod/kinderopvang/beleid/lokaal-beleid/lokaal-loket-kinderopvang",
)
OCMW_SOURCES = ("https://www.lebbeke.be/ocmw", "https://gpedia.groeipakket.be/nl/lexicon/openbaar-centrum-voor")


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def municipal_service_records(session: Session) -> list[ActorIn]:
    records = []
    for municipality in session.scalars(select(Municipality).order_by(Municipality.name_nl)):
        name = municipality.name_nl
        area = AreaIn(municipalities=[name])
        records.append(
            ActorIn(
                id=f"lokaal-loket-kinderopvang-{slug(name)}",
                name=f"Lokaal loket kinderopvang {name}",
                type="child_care_counter",
                description=(
                    f"Het neutrale infopunt voor ouders die kinderopvang zoeken in {name}. Het helpt je zoeken, "
                    "ook bij dringende opvang, en kan je attest inkomenstarief aanvragen. Vaak zit het in het "
                    "Sociaal Huis of het Huis van het Kind. De contactgegevens staan nog niet in deze kennisbank: "
                    "vraag ze aan je gemeente, het Sociaal Huis of het Huis van het Kind."
                ),
                audience=["citizens", "professionals"],
                area=area,
                provenance=Provenance(sources=list(LLKO_SOURCES), seen_on=SEEN_ON, verification="verified"),
            )
        )
        records.append(
            ActorIn(
                id=f"ocmw-{slug(name)}",
                name=f"OCMW {name}",
                type="ocmw",
                description=(
                    f"Het OCMW van {name} helpt wie het moeilijk heeft om menswaardig te leven: met een leefloon, "
                    "financiële of andere sociale hulp. De contactgegevens staan nog niet in deze kennisbank: "
                    "vraag ze aan je gemeente of het Sociaal Huis."
                ),
                audience=["citizens", "professionals"],
                area=area,
                provenance=Provenance(sources=list(OCMW_SOURCES), seen_on=SEEN_ON, verification="verified"),
            )
        )
    return records
