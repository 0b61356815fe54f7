"""Scripted multi-turn conversations through POST /api/chat on the running stack.

Every reply comes from the real NLU, dialogue, action server and routing API. The stack's clock
is set to 3 at night (tests/e2e/conftest.py), so "is it open now?" is the night-time answer.
"""

from __future__ import annotations

import httpx
import pytest

from knowledge.safety import safety_messages
from tests.e2e.conftest import Stack, response_text

pytestmark = pytest.mark.stack

NEXT_STEPS = ["Nog een vraag", "Andere mogelijkheden", "Contactgegevens opnieuw", "Opnieuw beginnen"]


class Conversation:
    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self.session_id: str | None = None
        self.buttons: list[dict[str, str]] = []
        self.ended = False

    def say(self, message: str) -> list[str]:
        data = self.stack.send(message, self.session_id)
        self.session_id = data["session_id"]
        self.buttons = [b for m in data["messages"] for b in m["buttons"]]
        self.ended = data["ended"]
        return [m["text"] for m in data["messages"]]

    def click(self, title: str) -> list[str]:
        payload = next(b["payload"] for b in self.buttons if b["title"] == title)
        return self.say(payload)

    def button_titles(self) -> list[str]:
        return [b["title"] for b in self.buttons]


def recommendation(replies: list[str], actor: str) -> str:
    found = [r for r in replies if r.split("\n")[0].endswith(f". {actor}")]
    assert found, f"{actor!r} not recommended in {replies}"
    return found[0]


def test_acute_danger_in_the_middle_of_child_care_gets_112_first_and_no_more_questions(stack: Stack) -> None:
    talk = Conversation(stack)
    assert talk.say("ik zoek kinderopvang") == [response_text("utter_ask_place")]
    replies = talk.say("help mijn zoontje ademt niet meer")
    # The safety answer first; then no question, only the offer to go on later.
    assert replies == [safety_messages().text("acute_danger"), response_text("utter_offer_resume_triage")]
    assert "112" in replies[0]
    assert talk.button_titles() == ["Ja, verder met mijn vraag", "Nee"]


def test_after_a_safety_answer_in_the_middle_yes_goes_on_with_what_was_told(stack: Stack) -> None:
    # A harmless message can sound alarming; the person goes on without retyping their question.
    talk = Conversation(stack)
    assert talk.say("ik zoek opvang voor mijn zoontje van 1 jaar") == [response_text("utter_ask_place")]
    replies = talk.say("ik wil niet meer leven")
    assert replies[0] == safety_messages().text("suicidal_thoughts")
    assert talk.click("Ja, verder met mijn vraag") == [response_text("utter_ask_place")]
    recommendation(talk.say("Gent"), "Lokaal loket kinderopvang Gent")


def test_after_a_safety_answer_in_the_middle_no_ends_kindly(stack: Stack) -> None:
    talk = Conversation(stack)
    talk.say("ik zoek kinderopvang")
    talk.say("mijn vriend slaat mij en de kinderen")
    assert talk.click("Nee") == [response_text("utter_goodbye")]


def test_a_crisis_with_a_brussels_postcode_gets_crisis_bxl(stack: Stack) -> None:
    replies = Conversation(stack).say("er is een crisis met mijn zoon, we wonen in 1030")
    assert replies[0] == safety_messages().text("minor_crisis")
    assert replies[1] == "Hier kun je terecht voor Schaarbeek:"
    crisis = recommendation(replies, "Crisis-BXL")
    assert "Bel 02 209 16 36." in crisis
    assert "Dag en nacht bereikbaar." in crisis


def test_a_crisis_in_a_flemish_municipality_gets_the_crisis_point_of_its_province(stack: Stack) -> None:
    talk = Conversation(stack)
    replies = talk.say("onze dochter van 15 is weggelopen en neemt niet op")
    assert replies[0] == safety_messages().text("minor_crisis")
    assert replies[-1] == response_text("utter_ask_place")
    replies = talk.say("Mechelen")
    assert replies[0] == "Hier kun je terecht voor Mechelen:"
    assert "Bel 03 609 57 57." in recommendation(replies, "Crisismeldpunt minderjarigen Antwerpen")


def test_a_night_time_crisis_where_the_crisis_number_is_unknown_still_gets_a_line_open_now(stack: Stack) -> None:
    talk = Conversation(stack)
    talk.say("er is een crisis met mijn zoon van 16")
    replies = talk.say("Hasselt")
    limburg = recommendation(replies, "Crisismeldpunt minderjarigen Limburg")
    assert "Hun contactgegevens heb ik niet." in limburg  # unknown stays unknown
    tele_onthaal = recommendation(replies, "Tele-Onthaal (106)")
    assert "Bel 106." in tele_onthaal
    assert "Dag en nacht bereikbaar." in tele_onthaal


def test_child_care_in_a_named_municipality(stack: Stack) -> None:
    talk = Conversation(stack)
    replies = talk.say("ik zoek opvang voor mijn zoontje van 1 in Gent")
    assert replies[0] == "Hier kun je terecht voor Gent:"
    counter = recommendation(replies, "Lokaal loket kinderopvang Gent")
    assert "Bron: https://vvsg.be/kennisitem/vvsg/faq-lokaal-loket-kinderopvang" in counter
    assert talk.button_titles() == NEXT_STEPS


def test_child_care_in_a_merged_municipality(stack: Stack) -> None:
    talk = Conversation(stack)
    assert talk.say("ik zoek kinderopvang") == [response_text("utter_ask_place")]
    replies = talk.say("Melle")
    assert replies[0] == "Hier kun je terecht voor Merelbeke-Melle:"
    recommendation(replies, "Lokaal loket kinderopvang Merelbeke-Melle")


def test_child_care_in_a_locality_goes_to_its_municipality(stack: Stack) -> None:
    # "Wilrijk" is part of Antwerpen (knowledge/data/localities.yml, by its postcode)
    talk = Conversation(stack)
    replies = talk.say("we zoeken een crèche voor ons dochtertje, we wonen in Wilrijk")
    assert replies[0] == "Hier kun je terecht voor Antwerpen:"
    recommendation(replies, "Lokaal loket kinderopvang Antwerpen")


def test_a_locality_name_of_two_municipalities_offers_both(stack: Stack) -> None:
    talk = Conversation(stack)
    assert talk.say("ik zoek kinderopvang") == [response_text("utter_ask_place")]
    talk.say("Deurne")
    assert sorted(talk.button_titles()) == ["Antwerpen", "Diest"]
    replies = talk.click("Diest")
    assert replies[0] == "Hier kun je terecht voor Diest:"


def test_hospital_with_maatschappelijke_noodzaak_goes_to_the_mandated_services(stack: Stack) -> None:
    replies = Conversation(stack).say(
        "ik ben sociaal assistente in het ziekenhuis, de maatschappelijke noodzaak is duidelijk, "
        "het gezin woont in Brugge"
    )
    recommendation(replies, "Vertrouwenscentrum Kindermishandeling West-Vlaanderen")
    recommendation(replies, "Ondersteuningscentrum Jeugdzorg (OCJ)")


def test_hospital_without_maatschappelijke_noodzaak_goes_to_the_local_team(stack: Stack) -> None:
    talk = Conversation(stack)
    assert talk.say("ik werk op de materniteit") == [response_text("utter_ask_necessity_clear")]
    assert talk.button_titles() == ["Ja", "Nee", "Weet ik niet"]
    assert talk.say("nee") == [response_text("utter_ask_placement_considered")]
    assert talk.say("ja") == [response_text("utter_ask_local_team_unreachable")]
    replies = talk.say("nee")
    assert replies == ["In welke gemeente woont het gezin? Je mag ook de postcode geven."]
    replies = talk.say("Leuven")
    first = replies[1]
    assert first.startswith("1. Lokale teams Kind en Gezin in de provincie Vlaams-Brabant\n")
    assert "Bel 078 150 100." in first


def test_two_misunderstandings_give_the_line_and_a_third_does_not_repeat_it(stack: Stack) -> None:
    talk = Conversation(stack)
    assert talk.say("asdf") == [response_text("utter_default")]
    second = talk.say("qwerty")
    assert second == [response_text("utter_handoff")]
    assert "078 150 100" in second[0]
    third = talk.say("hjkl")
    assert third == [response_text("utter_still_not_understood")]
    assert "Kinderopvang" in talk.button_titles()


def test_an_uncertain_place_is_confirmed_before_it_is_used(stack: Stack) -> None:
    talk = Conversation(stack)
    talk.say("ik zoek kinderopvang")
    assert talk.say("we wonen in geel") == ["Bedoel je Geel, de gemeente?"]
    assert talk.button_titles() == ["Ja", "Nee"]
    replies = talk.click("Ja")
    recommendation(replies, "Lokaal loket kinderopvang Geel")


def test_a_shared_postcode_offers_the_municipalities(stack: Stack) -> None:
    talk = Conversation(stack)
    talk.say("ik zoek kinderopvang")
    assert talk.say("1050") == [response_text("utter_place_which"), response_text("utter_ask_place")]
    assert talk.button_titles() == ["Brussel", "Elsene"]
    replies = talk.click("Elsene")
    recommendation(replies, "Lokaal loket kinderopvang Elsene")


def test_quick_exit_in_the_middle_deletes_the_conversation(stack: Stack) -> None:
    talk = Conversation(stack)
    talk.say("ik zoek kinderopvang")
    assert talk.say("wis alles") == [response_text("utter_quick_exit")]
    assert talk.ended
    history = httpx.get(f"{stack.base_url}/api/chat/{talk.session_id}/history", timeout=10)
    assert history.status_code == 404


def test_abuse_in_the_middle_comes_first_and_the_question_can_go_on_after(stack: Stack) -> None:
    talk = Conversation(stack)
    talk.say("ik zoek kinderopvang")
    replies = talk.say("mijn vriend slaat mij en de kinderen")
    assert replies == [safety_messages().text("abuse"), response_text("utter_offer_resume_triage")]
    replies = talk.say("Gent")
    recommendation(replies, "Lokaal loket kinderopvang Gent")


def test_after_an_answer_the_buttons_give_contacts_and_other_options(stack: Stack) -> None:
    talk = Conversation(stack)
    talk.say("er is een crisis met mijn zoon van 16")
    talk.say("Hasselt")
    contacts = talk.click("Contactgegevens opnieuw")
    assert contacts[0] == "De contactgegevens nog eens:"
    assert "2. Tele-Onthaal (106)\nBel 106.\nChatten kan via tele-onthaal.be." in contacts
    other = talk.click("Andere mogelijkheden")
    assert other[0].startswith("Andere diensten heb ik niet voor deze vraag.")
    assert talk.button_titles() == NEXT_STEPS
    again = talk.click("Nog een vraag")
    assert again == [response_text("utter_ask_concern")]


def test_a_young_person_is_pointed_to_awel(stack: Stack) -> None:
    replies = Conversation(stack).say("ik ben 15 en ik word gepest op school")
    assert "Bel 102." in recommendation(replies, "Awel (102)")


def test_without_a_place_the_answer_says_so_and_still_helps(stack: Stack) -> None:
    talk = Conversation(stack)
    assert talk.say("we hebben geen geld meer voor eten") == [response_text("utter_ask_place")]
    replies = talk.say("weet ik niet")
    assert replies[0] == "Zonder gemeente kan ik de dienst in je buurt niet zoeken. Hier kun je wel terecht:"
    recommendation(replies, "Sociaal Huis van je gemeente")


def test_a_person_asked_for_in_the_middle_then_the_question_again(stack: Stack) -> None:
    talk = Conversation(stack)
    talk.say("ik zoek kinderopvang")
    replies = talk.say("ik wil met een mens praten")
    assert replies == [response_text("utter_handoff"), response_text("utter_ask_place")]


def test_start_over_forgets_the_question(stack: Stack) -> None:
    talk = Conversation(stack)
    talk.say("ik zoek kinderopvang")
    assert talk.say("opnieuw beginnen") == [response_text("utter_restart")]
    assert talk.say("Gent") == [response_text("utter_ask_concern")]


def test_a_question_from_the_collection_is_answered_with_its_source(stack: Stack) -> None:
    talk = Conversation(stack)
    replies = talk.say("Hoe bereik ik de Kind en Gezin-lijn?")
    assert "078 150 100" in replies[0]
    assert replies[0].splitlines()[-1].startswith("Bron: ")


def test_a_professional_question_names_the_date_of_its_source(stack: Stack) -> None:
    replies = Conversation(stack).say("Binnen welke termijn betaalt de toegangspoort?")
    assert "binnen de maand" in replies[0] and "2018" in replies[0]
    assert "Bron: FAQ zorggarantie jonge kinderen (werf 2), versie 26 maart 2018, vraag 4.11." in replies[0]


def test_an_answer_that_depends_on_the_place_offers_the_route(stack: Stack) -> None:
    talk = Conversation(stack)
    replies = talk.say("Hoe kom ik in contact met het lokaal loket kinderopvang in mijn gemeente?")
    assert replies[0].splitlines()[-1].startswith("Bron: ")
    assert "Zoek dit voor mijn gemeente" in talk.button_titles()
    assert talk.click("Zoek dit voor mijn gemeente") == [response_text("utter_ask_place")]


def test_a_question_taken_for_a_concern_is_answered_before_the_triage_asks(stack: Stack) -> None:
    # DIET reads this as access to youth care, not as a question for the collection; the NLU marks
    # it as a question, so the collection answers it first and the triage goes on after. (Until
    # stop 32 "wat doet een OCJ?" served here; with more training data DIET takes it for `faq`.)
    replies = Conversation(stack).say("onze zoon heeft een leefgroep nodig, wie keurt dat goed")
    assert "intersectorale toegangspoort" in replies[0]
    # Without buttons the channel sends each paragraph on its own: the source line comes right after.
    source = next(i for i, reply in enumerate(replies) if reply.startswith("Bron: "))
    assert replies[source + 1 :] == [response_text("utter_faq_then_triage"), response_text("utter_ask_place")]


def test_a_situation_told_with_a_concern_goes_straight_to_the_triage(stack: Stack) -> None:
    replies = Conversation(stack).say("ik zoek kinderopvang")
    assert replies == [response_text("utter_ask_place")]
