"""The Rasa components move the rule decisions in and out of Rasa messages correctly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu_components.components import (
    DutchEntityRules,
    LanguageGate,
    SafetyModelComponent,
    SafetySafeguard,
    ShortReplies,
)


def message(text: str, intent: str = "greet", confidence: float = 0.9, **extra: Any) -> Message:
    ranking = [{"name": intent, "confidence": confidence}, {"name": "out_of_scope", "confidence": 0.05}]
    return Message(
        data={"text": text, "intent": {"name": intent, "confidence": confidence}, "intent_ranking": ranking, **extra}
    )


def ranked(text: str, ranking: list[tuple[str, float]], **extra: Any) -> Message:
    """A message as DIET leaves it: the first of `ranking` is the intent."""
    name, confidence = ranking[0]
    found = message(text, intent=name, confidence=confidence, **extra)
    found.set("intent_ranking", [{"name": n, "confidence": c} for n, c in ranking])
    return found


# DIET's ranking lists ten intents; after faq at 0.9 none of these stands out.
FLAT_TAIL = [("faq", 0.9)] + [(name, 0.025) for name in ("out_of_scope", "greet", "young_child", "young_person")]


def spacy_place(text: str, word: str) -> dict[str, Any]:
    """A place entity for `word` as SpacyEntityExtractor would give it."""
    start = text.index(word)
    return {
        "entity": "place",
        "start": start,
        "end": start + len(word),
        "value": word,
        "extractor": "SpacyEntityExtractor",
    }


def make(cls: Any) -> Any:
    return cls({**cls.get_default_config()})


def test_entity_rules_drop_an_ambiguous_place_and_add_the_age() -> None:
    text = "ik ga mijn peuter halen"
    [result] = make(DutchEntityRules).process([message(text, entities=[spacy_place(text, "halen")])])
    assert [(e["entity"], e["value"]) for e in result.get("entities")] == [("role", "parent"), ("age", "24")]


def test_entity_rules_add_role_urgency_and_hospital_flags_with_spans() -> None:
    text = "ik werk op de materniteit, de baby kan niet veilig naar huis, het is dringend"
    [result] = make(DutchEntityRules).process([message(text)])
    found = {e["entity"]: e for e in result.get("entities")}
    assert found["role"]["value"] == "hospital"
    assert found["urgency"]["value"] == "today"
    assert found["placement_considered"]["value"] == "yes"
    assert text[found["urgency"]["start"] : found["urgency"]["end"]] == "dringend"


def test_entity_rules_keep_a_place_with_its_confidence() -> None:
    text = "ik woon in Geel"
    [result] = make(DutchEntityRules).process([message(text, entities=[spacy_place(text, "Geel")])])
    [place] = result.get("entities")
    assert place["value"] == "Geel" and place["confidence_entity"] == 1.0


def test_language_gate_answers_french_and_english_but_not_dutch() -> None:
    gate = make(LanguageGate)
    french, english, dutch = gate.process(
        [
            message("bonjour, je cherche une place dans une crèche", intent="child_care"),
            message("hello, where can I find help for my family", intent="young_child"),
            message("er is brand in ons huis", intent="acute_danger"),
        ]
    )
    assert french.get("intent")["name"] == "other_language"
    assert [e["value"] for e in french.get("entities") if e["entity"] == "language"] == ["fr"]
    assert [e["value"] for e in english.get("entities") if e["entity"] == "language"] == ["en"]
    assert dutch.get("intent")["name"] == "acute_danger"
    assert not dutch.get("detected_language")


def test_a_message_that_is_only_a_place_informs_the_place() -> None:
    rules = make(DutchEntityRules)
    alone, in_a_sentence = rules.process(
        [
            message("Hasselt.", intent="nlu_fallback", confidence=0.3, entities=[spacy_place("Hasselt.", "Hasselt")]),
            message(
                "we zoeken opvang in Hasselt",
                intent="child_care",
                entities=[spacy_place("we zoeken opvang in Hasselt", "Hasselt")],
            ),
        ]
    )
    assert alone.get("intent") == {"name": "inform_place", "confidence": 1.0}
    assert in_a_sentence.get("intent")["name"] == "child_care"


@pytest.mark.parametrize(
    ("text", "place", "informs"),
    [
        ("in Peer", "Peer", True),
        ("uit Kapellen!", "Kapellen", True),
        ("wij zitten in Bree", "Bree", True),
        ("ik woon vlak bij Lier.", "Lier", True),
        ("postnummer 8500", "8500", True),
        ("we gaan naar Gent", "Gent", False),
        ("we zoeken opvang in Gent", "Gent", False),
        ("in Gent, hij slaat de kinderen", "Gent", False),
    ],
)
def test_a_short_lead_before_the_only_place_still_informs_the_place(text: str, place: str, informs: bool) -> None:
    [result] = make(DutchEntityRules).process(
        [message(text, intent="nlu_fallback", confidence=0.3, entities=[spacy_place(text, place)])]
    )
    assert (result.get("intent")["name"] == "inform_place") is informs


def test_language_gate_does_not_call_gibberish_french() -> None:
    [gibberish] = make(LanguageGate).process([message("blablabla qwerty", intent="nlu_fallback")])
    assert gibberish.get("intent")["name"] == "nlu_fallback"
    assert not gibberish.get("detected_language")


def test_safeguard_overrides_diet_and_a_fallback() -> None:
    guard = make(SafetySafeguard)
    [overridden, fallback] = guard.process(
        [
            message("ik wil er een einde aan maken", intent="young_person", confidence=0.8),
            message("mijn zoon is weggelopen", intent="nlu_fallback", confidence=0.6),
        ]
    )
    assert overridden.get("intent") == {"name": "suicidal_thoughts", "confidence": 1.0}
    assert overridden.get("intent_ranking")[0]["name"] == "suicidal_thoughts"
    assert fallback.get("intent")["name"] == "minor_crisis"


def test_safeguard_uses_the_safety_models_opinion_only_when_configured() -> None:
    opinion = {"probability": 0.9, "concern": "acute_danger"}
    text = "ons kleintje is heel suf na het middagdutje"
    ignoring = make(SafetySafeguard)
    using = SafetySafeguard({**SafetySafeguard.get_default_config(), "min_model_probability": 0.8})
    [ignored] = ignoring.process([message(text, intent="young_child", safety_model=opinion)])
    [used] = using.process([message(text, intent="young_child", safety_model=opinion)])
    assert ignored.get("intent")["name"] == "young_child"
    assert used.get("intent")["name"] == "acute_danger"
    assert used.get("safeguard") == "model"


def test_safeguard_lets_the_models_concern_replace_diets_only_when_configured() -> None:
    # DIET sure of abuse, no pattern; the model names a crisis with 0.9 of its own (stop 42).
    opinion = {"probability": 0.95, "concern": "minor_crisis", "concern_probability": 0.9}
    text = "ons kleintje is heel suf na het middagdutje"
    using_the_model = {**SafetySafeguard.get_default_config(), "min_model_probability": 0.5}
    switching = SafetySafeguard({**using_the_model, "min_model_concern_probability": 0.8})
    [kept] = SafetySafeguard(using_the_model).process([message(text, "abuse", 0.99, safety_model=opinion)])
    [switched] = switching.process([message(text, "abuse", 0.99, safety_model=opinion)])
    assert (kept.get("intent")["name"], kept.get("safeguard")) == ("abuse", "unchanged")
    assert (switched.get("intent")["name"], switched.get("safeguard")) == ("minor_crisis", "model-concern")
    # What DIET said is kept beside the switch, for the tuner's replay (stop 43).
    assert switched.get("safeguard_before") == {"intent": "abuse", "diet": "abuse", "confidence": 0.99}
    # An opinion stored without the concern's own probability never switches.
    [older] = switching.process(
        [message(text, "abuse", 0.99, safety_model={"probability": 0.95, "concern": "minor_crisis"})]
    )
    assert older.get("intent")["name"] == "abuse"


def test_safeguard_applies_a_tie_break_to_diets_own_safety_guess() -> None:
    # No pattern matched, so DIET's guess stood ("unchanged"), but the tie-breaker chose the crisis.
    text = "onze pleegdochter van 15 is zo agressief dat we niet meer weten wat doen"
    [guarded] = make(SafetySafeguard).process([message(text, intent="acute_danger", confidence=0.9)])
    assert guarded.get("intent")["name"] == "minor_crisis"
    assert guarded.get("safeguard") == "unchanged"
    assert guarded.get("safeguard_tie_break") == "minor_crisis#0"


def test_safety_model_component_trains_persists_and_loads(tmp_path: Path) -> None:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("safety_model")
    config = SafetyModelComponent.get_default_config()
    # A few intents of the NLU data; the rest comes from the extra examples (data/safety_model).
    training = TrainingData(
        training_examples=[
            Message(data={"text": "ik zoek een crèche", "intent": "child_care"}),
            Message(data={"text": "wat is een lokaal team", "intent": "faq"}),
            Message(data={"text": "hij slaat ons nu met een stok", "intent": "acute_danger"}),
        ]
    )
    trained = SafetyModelComponent(config, storage, resource)
    trained.train(training)
    context = ExecutionContext(GraphSchema({}), "test")
    loaded = SafetyModelComponent.load(config, storage, resource, context)
    texts = ["ik zoek een crèche", "mijn dochter heeft bleekwater gedronken"]
    before = trained.process([Message(data={"text": t}) for t in texts])
    after = loaded.process([Message(data={"text": t}) for t in texts])
    for old, new in zip(before, after, strict=True):
        assert 0.0 <= new.get("safety_model")["probability"] <= 1.0
        assert new.get("safety_model") == old.get("safety_model")


def test_safety_model_component_refuses_to_run_untrained(tmp_path: Path) -> None:
    component = SafetyModelComponent(
        SafetyModelComponent.get_default_config(), LocalModelStorage(tmp_path), Resource("untrained")
    )
    with pytest.raises(RuntimeError, match="before it was trained"):
        component.process([Message(data={"text": "hallo"})])


def test_short_replies_decide_a_known_reply_and_leave_the_rest_to_diet() -> None:
    [thanks, exit_now, longer] = make(ShortReplies).process(
        [
            message("thx!", intent="nlu_fallback", confidence=0.35),
            message("wis mijn berichten", intent="abuse", confidence=0.66),
            message("nee, ik woon in Gent", intent="deny", confidence=0.7),
        ]
    )
    assert thanks.get("intent") == {"name": "thanks", "confidence": 1.0}
    assert exit_now.get("intent")["name"] == "quick_exit"
    # DIET's own ranking stays behind the chosen intent.
    assert [e["name"] for e in exit_now.get("intent_ranking")][:2] == ["quick_exit", "abuse"]
    assert longer.get("intent") == {"name": "deny", "confidence": 0.7}


def test_safeguard_leaves_other_languages_and_ordinary_messages_alone() -> None:
    guard = make(SafetySafeguard)
    french = message("j'ai perdu mon logement avec mes enfants", intent="other_language", detected_language="fr")
    ordinary = message("ik zoek een onthaalouder", intent="child_care")
    [french_out, ordinary_out] = guard.process([french, ordinary])
    assert french_out.get("intent")["name"] == "other_language"
    assert ordinary_out.get("intent")["name"] == "child_care"


def test_a_situation_told_in_the_first_person_is_not_a_question_for_the_collection() -> None:
    rules = make(DutchEntityRules)
    text = (
        "ik ben sociaal assistente in het ziekenhuis, de maatschappelijke noodzaak is duidelijk, "
        "het gezin woont in Brugge"
    )
    told = ranked(text, FLAT_TAIL, entities=[spacy_place(text, "Brugge")])
    situation, question = rules.process(
        [told, message("wat als de maatschappelijke noodzaak duidelijk is?", intent="faq")]
    )
    # The next intent (out_of_scope, a quarter of what is left) is too unsure: the certain role
    # cue decides.
    assert situation.get("intent") == {"name": "inform_role", "confidence": 1.0}
    assert "faq" not in [e["name"] for e in situation.get("intent_ranking")]
    # A plain question stays with the collection.
    assert question.get("intent")["name"] == "faq"


def test_a_told_case_takes_the_next_intent_that_stands_out_once_faq_is_ruled_out() -> None:
    text = "ik werk op de materniteit en het lokale team is niet bereikbaar"
    told = ranked(
        text, [("faq", 0.62), ("hospital_local_team_unreachable", 0.3), ("young_person", 0.05), ("basic_needs", 0.03)]
    )
    [result] = make(DutchEntityRules).process([told])
    # The cues give a role and the flag; given that it is not faq, DIET is 79% sure of the flag.
    assert result.get("intent") == {"name": "hospital_local_team_unreachable", "confidence": pytest.approx(0.3 / 0.38)}


def test_a_situation_gives_way_to_a_likely_next_intent() -> None:
    text = "mijn zoon van 2, ik zoek kinderopvang in Gent"
    asked = ranked(
        text, [("faq", 0.5), ("child_care", 0.4), ("young_child", 0.1)], entities=[spacy_place(text, "Gent")]
    )
    [result] = make(DutchEntityRules).process([asked])
    assert result.get("intent") == {"name": "child_care", "confidence": pytest.approx(0.8)}
    assert [e["name"] for e in result.get("intent_ranking")] == ["child_care", "young_child"]


def test_a_statement_gives_way_with_confidences_given_not_faq() -> None:
    text = "we zitten zonder geld voor de huur"
    told = ranked(text, [("faq", 0.8), ("basic_needs", 0.15), ("greet", 0.05)])
    [result] = make(DutchEntityRules).process([told])
    assert result.get("intent") == {"name": "basic_needs", "confidence": pytest.approx(0.75)}


def test_a_statement_is_not_a_question_for_the_collection() -> None:
    rules = make(DutchEntityRules)
    statement, question = rules.process(
        [
            message("we zitten zonder geld voor de huur", intent="faq", confidence=0.7),
            message("kost een crèche veel geld", intent="faq", confidence=0.7),
        ]
    )
    # The next one, with its confidence given that it is not faq (0.05 of the 0.05 left).
    assert statement.get("intent") == {"name": "out_of_scope", "confidence": 1.0}
    assert question.get("intent")["name"] == "faq"


def test_a_question_about_a_place_goes_to_the_routing_engine() -> None:
    text = "waar vind ik het loket kinderopvang in Lokeren"
    clear = ranked(text, [("faq", 0.5), ("child_care", 0.45)], entities=[spacy_place(text, "Lokeren")])
    unsure_text = "wat is er te doen in Lokeren"
    unsure = ranked(unsure_text, FLAT_TAIL, entities=[spacy_place(unsure_text, "Lokeren")])
    routed, asked_what = make(DutchEntityRules).process([clear, unsure])
    assert routed.get("intent") == {"name": "child_care", "confidence": pytest.approx(1.0)}
    # Too unsure of the next intent: the place is certain, the triage asks what it is about.
    assert asked_what.get("intent") == {"name": "inform_place", "confidence": 1.0}


def test_a_place_question_takes_diets_clear_second_choice_however_small() -> None:
    # DIET is nearly sure of faq; what is left still says clearly which concern the question is about.
    text = "welk ocmw helpt mensen in Lier"
    asked = ranked(
        text,
        [("faq", 0.997), ("basic_needs", 0.002), ("young_child", 0.0005), ("greet", 0.0005)],
        entities=[spacy_place(text, "Lier")],
    )
    [result] = make(DutchEntityRules).process([asked])
    assert result.get("intent") == {"name": "basic_needs", "confidence": pytest.approx(2 / 3)}


def test_the_rules_mark_which_messages_the_collection_may_answer_whatever_diet_chose() -> None:
    place_text = "hoeveel kost de opvang in Tielt"
    asked, told, placed, own_case = make(DutchEntityRules).process(
        [
            message("wat kost een onthaalouder per dag", intent="child_care"),
            message("ik heb geen opvang voor maandag", intent="child_care"),
            ranked(place_text, [("child_care", 0.8), ("faq", 0.2)], entities=[spacy_place(place_text, "Tielt")]),
            # A role and a hospital flag: the writer tells their own case and needs a route.
            message("ik werk op de materniteit, is het lokale team niet bereikbaar, wie dan?", intent="young_child"),
        ]
    )
    assert asked.get("collection_question") is True
    assert told.get("collection_question") is False
    # The answer depends on the place: the routing engine answers, not the collection.
    assert placed.get("collection_question") is False
    assert own_case.get("collection_question") is False
    # The flag does not change what DIET chose.
    assert asked.get("intent")["name"] == "child_care"


@pytest.mark.parametrize(
    ("text", "informs"),
    [
        ("peuter", True),
        ("hij is 13 sinds gisteren", True),
        ("onze zoon is al 13", True),
        ("ik ben 16", True),
        ("de jongste is net 2", True),
        ("ik ben zwanger", False),  # a pregnancy alone is a concern, not an answer
        ("mijn zoon van 13 slaat alles kapot", False),
        ("ik ben 16 en ik wil hier weg", False),
    ],
)
def test_a_message_that_is_only_an_age_informs_the_age(text: str, informs: bool) -> None:
    [result] = make(DutchEntityRules).process([message(text, intent="young_child", confidence=0.6)])
    assert (result.get("intent")["name"] == "inform_age") is informs
    assert bool(result.get("entity_only")) is informs


def test_the_safety_model_has_no_say_on_a_message_that_is_only_an_age_or_a_place() -> None:
    opinion = {"probability": 0.9, "concern": "minor_crisis"}
    guard = SafetySafeguard({**SafetySafeguard.get_default_config(), "min_model_probability": 0.5})
    [age_only, told] = guard.process(
        [
            message("onze zoon is al 13", intent="inform_age", safety_model=opinion, entity_only=True),
            message("onze zoon van 13 is de laatste tijd heel stil", intent="young_person", safety_model=opinion),
        ]
    )
    assert (age_only.get("intent")["name"], age_only.get("safeguard")) == ("inform_age", "entity-only")
    assert told.get("intent")["name"] == "minor_crisis"
