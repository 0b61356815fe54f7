"""The evaluation sets label French and English messages `other_language`, also about danger.

The language gate answers such a message in its language with 112 and 101 and the safeguard's
patterns are Dutch (docs/nlu.md), so a safety label on one counts a miss that the person never
meets. Stop 40 found one such label in the twenty-eighth probe and six in the thirtieth.
"""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message as RasaMessage

from nlu_components.components import DETECTED_LANGUAGE, LanguageGate
from nlu_components.evaluate import EVALUATION_SETS
from nlu_components.nlu_files import messages, shown
from nlu_components.safety import load_rules


@pytest.fixture(scope="module")
def gate() -> LanguageGate:
    return LanguageGate({**LanguageGate.get_default_config()})


def detected_language(gate: LanguageGate, text: str) -> str | None:
    # An ordinary DIET guess, so that only the gate's own detection can set the language.
    [result] = gate.process([RasaMessage(data={"text": text, "intent": {"name": "greet", "confidence": 0.9}})])
    language = result.get(DETECTED_LANGUAGE)
    return str(language) if language else None


def test_no_safety_label_on_a_message_the_gate_answers_in_another_language(gate: LanguageGate) -> None:
    concerns = load_rules().safety_intents
    wrong = [
        f"{evaluation.name}: {example.intent} on {shown(example.text, evaluation.folder)}"
        for evaluation in EVALUATION_SETS
        for example in messages(evaluation.folder)
        if example.intent in concerns and detected_language(gate, example.text)
    ]
    assert not wrong, "label these other_language (tests/nlu/README.md):\n" + "\n".join(wrong)


def test_the_gate_does_take_a_french_message_about_danger(gate: LanguageGate) -> None:
    # The check above means something only if the gate recognises such messages at all.
    assert detected_language(gate, "mon mari me frappe et j'ai peur pour les enfants") == "fr"
