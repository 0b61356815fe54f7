"""The Rasa components move the rule decisions in and out of Rasa messages correctly."""

from __future__ import annotations

from typing import Any

from rasa.shared.nlu.training_data.message import Message

from nlu_components.components import DutchEntityRules, LanguageGate, SafetySafeguard


def message(text: str, intent: str = "greet", confidence: float = 0.9, **extra: Any) -> Message:
    ranking = [{"name": intent, "confidence": confidence}, {"name": "out_of_scope", "confidence": 0.05}]
    return Message(
        data={"text": text, "intent": {"name": intent, "confidence": confidence}, "intent_ranking": ranking, **extra}
    )


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


def test_safeguard_leaves_other_languages_and_ordinary_messages_alone() -> None:
    guard = make(SafetySafeguard)
    french = message("j'ai perdu mon logement avec mes enfants", intent="other_language", detected_language="fr")
    ordinary = message("ik zoek een onthaalouder", intent="child_care")
    [french_out, ordinary_out] = guard.process([french, ordinary])
    assert french_out.get("intent")["name"] == "other_language"
    assert ordinary_out.get("intent")["name"] == "child_care"
