"""The fact-kind check: does an answer hold the kind of fact a question asks for?"""

from __future__ import annotations

import pytest

from knowledge.faq_fact_kind import asked_kinds, fact_gap, says_unknown
from knowledge.faq_search import FaqDocument, FaqIndex

TEAMS = "Er zijn 57 lokale teams in Vlaanderen en Brussel. Antwerpen heeft er 17."
HELPLINE = "Awel is de gratis hulplijn voor kinderen en jongeren. Het nummer is 102."


def test_a_question_without_a_kind_of_fact_has_no_gap() -> None:
    assert asked_kinds("Wat doet een lokaal team?") == {}
    assert fact_gap("Wat doet een lokaal team?", "Het helpt gezinnen.") == 0.0


def test_a_count_needs_a_number_next_to_what_is_counted() -> None:
    assert fact_gap("Hoeveel lokale teams zijn er?", TEAMS) == 0.0
    # The entry has numbers, but none of them counts foster families.
    assert fact_gap("Hoeveel pleeggezinnen zijn er in Antwerpen?", TEAMS) == 1.0
    # A phone number is no count of calls.
    assert fact_gap("Hoeveel oproepen krijgt Awel per jaar?", HELPLINE) == 1.0


def test_a_compound_in_the_answer_counts_for_its_last_part() -> None:
    answer = "Vlaanderen financiert 100 dringende opvangplaatsen."
    assert fact_gap("Hoeveel plaatsen voor dringende opvang zijn er?", answer) == 0.0


def test_a_year_is_not_a_count() -> None:
    assert fact_gap("Hoeveel teams zijn er?", "Volgens de stand van 2021 werken de teams samen.") == 1.0


def test_durations_and_money() -> None:
    assert fact_gap("Hoe lang duurt een chat?", "Een chat duurt hoogstens 45 minuten.") == 0.0
    assert fact_gap("Hoe lang duurt een chat?", "Je chat anoniem met iemand van het CLB.") == 1.0
    assert asked_kinds("Hoeveel geld ging naar de teams?") == {"money": []}
    assert fact_gap("Hoeveel geld ging naar de teams?", "De overheid gaf 43,64 miljoen euro uit.") == 0.0
    assert fact_gap("Hoeveel kost het lokaal team?", "De hulp is gratis.") == 0.0
    assert fact_gap("Hoeveel verdient een onthaalouder?", "Een onthaalouder vangt kinderen op.") == 1.0
    # A wage asked without "hoeveel", and the size of a budget.
    assert fact_gap("Wat verdient een pleegouder per maand?", "Pleegzorg is een vorm van hulp.") == 1.0
    assert fact_gap("Wat is het budget van de crisismeldpunten?", "Ze zijn dag en nacht bereikbaar.") == 1.0
    assert fact_gap("Wat is het budget van de lokale teams?", "Dat was 43,64 miljoen euro in 2019.") == 0.0


def test_a_word_that_merely_contains_hoeveel_is_read_without_failing() -> None:
    # Stop 27 first found the count with a pattern ("hoeveel" as a word) other than the one that
    # cut the question after it ("hoeveel" anywhere): "hoeveelheid" then crashed the search.
    assert asked_kinds("welke hoeveelheid melk krijgt een baby") == {"count": ["heid"]}
    assert fact_gap("welke hoeveelheid melk krijgt een baby", "Er zijn 57 lokale teams.") == 1.0


def test_aantal_asks_for_a_count_like_hoeveel() -> None:
    assert asked_kinds("aantal crisisplaatsen in Oost-Vlaanderen") == {"count": ["crisisplaatsen"]}
    assert fact_gap("aantal lokale teams in Limburg", TEAMS) == 0.0
    assert fact_gap("aantal pleeggezinnen in Limburg", TEAMS) == 1.0


@pytest.mark.parametrize(
    ("question", "answer", "gap"),
    [
        ("Wat zijn de openingsuren van het JAC?", "Het JAC helpt jongeren van 12 tot 25.", 1.0),
        # Saying plainly that the hours were not found answers the question honestly: no gap.
        ("Wat zijn de openingsuren van het JAC?", "Het JAC helpt jongeren. De uren vonden we niet.", 0.0),
        ("Is Tele-Onthaal 's nachts open?", "Bel gratis naar 106, dag en nacht.", 0.0),
        ("Wie is de voorzitter van het IROJ?", "Het IROJ is het overleg van de jeugdhulp in de regio.", 1.0),
        ("Wie is de directeur van Opgroeien?", "Opgroeien valt onder Kind en Gezin.", 1.0),
        ("Wat is het adres van het OCMW van Aalst?", "Het OCMW helpt met leefloon en schulden.", 1.0),
        ("Wat is het adres van Opgroeien?", "Opgroeien zit in de Hallepoortlaan 27, 1060 Brussel.", 0.0),
        # A role at the end of a compound, a role after "welke", and who chairs something.
        ("Wie is vandaag kinderrechtencommissaris?", "Minderjarigen kunnen er zelf bellen.", 1.0),
        ("Welke jeugdrechter is bevoegd voor Mechelen?", "Hoogdringende maatregelen vallen ook hieronder.", 1.0),
        ("Wie zit het IROJ van Antwerpen voor?", "Het IROJ is een adviserend orgaan.", 1.0),
        ("Hoe heet de coordinator van Limburg?", "Limburg: Rudi Gerrits (CKG Molenberg).", 0.0),
        # Asking who does something is no question about a person's name.
        ("Wie zit er in het projectteam voor de zorggarantie?", "De vijf coordinatoren zitten erin.", 0.0),
        ("Wat is het e-mailadres van het JAC?", "Je kan binnenlopen, bellen, chatten of mailen.", 1.0),
        ("Wat is het mailadres van de klachtendienst?", "Mail naar klachtendienst@kindengezin.be.", 0.0),
        ("Welk rekeningnummer heeft Kind en Gezin?", "Bel de Kind en Gezin-lijn.", 1.0),
    ],
)
def test_hours_names_and_addresses(question: str, answer: str, gap: float) -> None:
    assert fact_gap(question, answer) == gap


def test_the_search_marks_each_hit_with_its_gap() -> None:
    index = FaqIndex([FaqDocument("lt_count", ["Hoeveel lokale teams zijn er?"], TEAMS)])
    assert [h.fact_gap for h in index.search("Hoeveel lokale teams heeft Antwerpen?")] == [0.0]
    assert [h.fact_gap for h in index.search("Hoeveel pleeggezinnen heeft Antwerpen?")] == [1.0]


@pytest.mark.parametrize(
    ("kind", "answer", "said"),
    [
        ("hours", "Je kan ook chatten. De openingsuren vonden we niet in onze bronnen.", True),
        ("hours", "De chaturen zijn niet zeker, dus kijk op de website.", True),
        ("money", "Voor andere diensten vonden we geen prijzen.", True),
        ("count", "Cijfers over hoe vaak dat gebeurt, had Opgroeien niet.", True),
        ("person", "Voor Brussel noemt de FAQ geen coordinator.", True),
        # Not found, but another fact: the hours are still missing.
        ("hours", "Telefoonnummers per provincie vonden we niet.", False),
        # The kind named, but nothing said to be missing.
        ("hours", "De uren staan op de website.", False),
    ],
)
def test_an_answer_can_say_that_a_fact_was_not_found(kind: str, answer: str, said: bool) -> None:
    assert says_unknown(kind, answer) is said
