"""nlu_components/questions.py: a question for the collection, or a situation to route."""

from __future__ import annotations

import pytest

from nlu_components.questions import asks


@pytest.mark.parametrize(
    "text",
    [
        "Hoeveel kost kinderopvang?",
        "wat is een huis van het kind",
        "kost dat geld",
        "mag ik anoniem bellen",
        "is er een crisismeldpunt in Limburg",
        "geef me het nummer van de Kind en Gezin-lijn",
        "ik wil weten hoeveel lokale teams er zijn",
        "ik vraag me af of ik anoniem kan blijven",
        "info over KOALA",
        "we wonen in Aalst, wie kan ons helpen",
        "hallo, bestaat er hulp voor jonge ouders",
        "KOALA",
        "zijn er wachtlijsten bij de kinderopvang",
    ],
)
def test_questions_and_requests_ask(text: str) -> None:
    assert asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "ik zit zonder geld voor eten deze week",
        "mijn dochter van 3 bijt op school",
        "we hebben schulden en de huur is te hoog",
        "het gaat niet goed met ons gezin",
        "ik ben sociaal assistente in het ziekenhuis, de maatschappelijke noodzaak is duidelijk",
        "hallo, mijn zoon wil niet meer naar school",
        "kzit er helemaal door",
        "we zijn verhuisd en zoeken nu een onthaalmoeder",
    ],
)
def test_situations_tell(text: str) -> None:
    assert not asks(text)
