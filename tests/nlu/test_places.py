"""Place entities: the entity ruler of the built spaCy pipeline plus the context rules."""

from __future__ import annotations

from typing import Any

import pytest

from nlu_components.places import CERTAIN, UNCERTAIN, filter_places, judge


def judged_places(nlp: Any, text: str) -> list[tuple[str, float]]:
    doc = nlp(text)
    entities = [
        {"entity": e.label_, "start": e.start_char, "end": e.end_char, "value": e.text}
        for e in doc.ents
        if e.label_ == "place"
    ]
    return [(text[e["start"] : e["end"]], e["confidence_entity"]) for e in filter_places(text, entities)]


def places(nlp: Any, text: str) -> list[str]:
    return [place for place, _ in judged_places(nlp, text)]


# Ordinary words that are also municipality names, and years that are also postcodes.
NOT_PLACES = [
    "ik moet de kinderen nog halen aan school",
    "om de kinderen op tijd af te halen",
    "mijn dochter draagt graag geel",
    "geel is haar lievelingskleur",
    "hij klom in de boom en viel",
    "we eten een peer als vieruurtje",
    "er zit een mol in de tuin",
    "de as van de kachel is nog warm",
    "ze heeft een lint in haar haar",
    "door de vorst kon de school niet open",
    "het was zo koud, de vorst zat op de ramen",
    "mijn zoon heet Peer en hij is 6",
    "Brecht is mijn oudste zoon",
    "mijn broer Brecht helpt mee",
    "in 2018 is mijn zoon geboren",
    "hij is geboren in 2020",
    "sinds 2000 woon ik hier",
    "ik heb 3000 euro schulden",
    "we betalen 2000 euro huur per kwartaal",
    "ik eet graag ham op mijn boterham",
    "hij speelt met de bal op het plein",
    "mijn man werkt in de haven van landen ver weg",
    "de kinderen landen morgen in Zaventem",
    "ik wil mijn kinderen beter leren kennen",
    "de ouders menen dat het beter gaat",
    "de bever bouwt een dam",
    "hij draagt een lier mee naar de muziekles",
    "we hebben balen vol kleren gekregen",
    "ik ben het beu, ik ga het huis uit",
    "er staat een duffel in de gang",
    "de schoten in de film maakten mijn zoon bang",
    "zijn oude bree broek past niet meer",
    "hij heeft een tekening gemaakt in geel en blauw",
    "het was 1990 toen ik zelf jong was",
    "onze pc is van 2015 en valt altijd uit",
    # Localities that are everyday words (stop 33; never_places and common_words)
    "ik heb al in meer dan vijf crèches gevraagd",
    "wat is het doel van dat gesprek bij het lokaal team",
    "ze heeft al dagen last van jeuk",
    "de kinderen slapen op zolder sinds de verbouwing",
    "mijn dochter wil haar haren blauw verven",
    "ik wil iets melden over de opvang",
    "ik ga terug werken na mijn bevallingsverlof",
    "het water kookt in de kessel",
    # A sports club named after its town (stop 34)
    "wanneer speelt Club Brugge nog eens thuis",
    "mijn zoon is supporter van Racing Genk",
    "we hebben tickets voor KV Mechelen tegen AA Gent",
]

PLACES = [
    ("ik woon in Geel", ["Geel"]),
    ("ik woon in geel", ["geel"]),
    ("wij wonen te Boom", ["Boom"]),
    ("Halen", ["Halen"]),
    ("in Mol", ["Mol"]),
    ("kinderopvang in Lint", ["Lint"]),
    ("wij wonen in Peer", ["Peer"]),
    ("postcode 2000", ["2000"]),
    ("mijn postnummer is 2800", ["2800"]),
    ("onze postcode is 2018", ["2018"]),
    ("ik woon in 2018", ["2018"]),
    ("9000 Gent", ["9000 Gent"]),
    ("ik zoek een creche in Gent", ["Gent"]),
    ("consultatiebureau in Sint-Niklaas", ["Sint-Niklaas"]),
    ("in 3500", ["3500"]),
    ("Schaerbeek", ["Schaerbeek"]),
    ("is er opvang in Sint-Jans-Molenbeek of in Jette", ["Sint-Jans-Molenbeek", "Jette"]),
    # Localities (knowledge/data/localities.yml, stop 33)
    ("ik woon in Wilrijk", ["Wilrijk"]),
    ("we zoeken een crèche in Kessel-Lo", ["Kessel-Lo"]),
    ("Gentbrugge", ["Gentbrugge"]),
    ("wij wonen in Zolder", ["Zolder"]),
    ("2321 Meer", ["2321 Meer"]),
]


def test_the_false_positive_set_is_large_enough() -> None:
    assert len(NOT_PLACES) >= 30


@pytest.mark.parametrize("text", NOT_PLACES)
def test_ordinary_words_and_years_never_become_certain_places(spacy_pipeline: Any, text: str) -> None:
    found = judged_places(spacy_pipeline, text)
    # "Zaventem" in the airport sentence is a real place; only the ambiguous word must go.
    assert [(p, c) for p, c in found if p != "Zaventem" and c >= CERTAIN] == []


def test_few_ordinary_words_even_become_uncertain_places(spacy_pipeline: Any) -> None:
    # "in geel en blauw" reads like "in Geel": the dialogue confirms such a place before use.
    uncertain = [
        (text, place) for text in NOT_PLACES for place, _ in judged_places(spacy_pipeline, text) if place != "Zaventem"
    ]
    assert uncertain == [("hij heeft een tekening gemaakt in geel en blauw", "geel")]


@pytest.mark.parametrize(("text", "expected"), PLACES)
def test_places_in_context_are_kept(spacy_pipeline: Any, text: str, expected: list[str]) -> None:
    assert places(spacy_pipeline, text) == expected


def test_an_ambiguous_name_kept_by_context_alone_is_uncertain() -> None:
    text = "ik woon in geel"
    assert judge(text, text.index("geel"), len(text)) == UNCERTAIN
    capitalised = "ik woon in Geel"
    assert judge(capitalised, capitalised.index("Geel"), len(capitalised)) == CERTAIN


def test_the_entity_ruler_knows_every_municipality_spelling_case_insensitively(spacy_pipeline: Any) -> None:
    doc = spacy_pipeline("we wonen in HEIST-OP-DEN-BERG")
    assert [(e.text, e.label_) for e in doc.ents] == [("HEIST-OP-DEN-BERG", "place")]
