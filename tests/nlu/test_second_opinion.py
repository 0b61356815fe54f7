"""The second opinion on DIET's intent (nlu_components/second_opinion.py).

The regression is trained here on the real training data (a few seconds). What it gains on
unseen wording is measured by `make eval`, not here; these tests pin down what it may touch.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any, cast

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu_components.nlu_files import TRAINING_DIR, messages
from nlu_components.second_opinion import SECOND_OPINION, IntentModel, IntentSecondOpinion, blend, settled

EXCLUDED = {"abuse", "faq", "nlu_fallback"}


@pytest.fixture(scope="module")
def component() -> IntentSecondOpinion:
    examples = [(m.text, m.diet_intent) for m in messages(TRAINING_DIR)]
    model = IntentModel.train(examples, regularisation=4.0, seed=1, sentence_vector_weight=1.0)
    config = IntentSecondOpinion.get_default_config()
    return IntentSecondOpinion(config, cast(Any, None), cast(Any, None), model.pipeline)


def _message(text: str, intent: str, confidence: float = 0.6, **extra: Any) -> Message:
    ranking = [{"name": intent, "confidence": confidence}, {"name": "out_of_scope", "confidence": 1 - confidence}]
    return Message(data={"text": text, "intent": ranking[0], "intent_ranking": ranking, **extra})


def test_the_blend_weighs_diet_against_the_regression() -> None:
    diet = [("young_child", 0.9), ("young_person", 0.1)]
    # DIET's 0.9 counts for 0.18; the regression's 0.7 for young_person counts for 0.56.
    ranked = blend(diet, {"young_child": 0.2, "young_person": 0.7, "out_of_scope": 0.1}, 0.2, EXCLUDED)
    assert ranked[0][0] == "young_person" and ranked[0][1] == pytest.approx(0.02 + 0.56)
    # Where the regression is unsure, a sure DIET keeps its intent.
    kept = blend(diet, {"young_child": 0.3, "young_person": 0.35, "out_of_scope": 0.35}, 0.2, EXCLUDED)
    assert kept[0][0] == "young_child"
    assert [name for name, _ in ranked] == sorted(
        {"young_child", "young_person", "out_of_scope"}, key=lambda n: -dict(ranked)[n]
    )


def test_the_blend_never_chooses_a_safety_intent_faq_or_a_fallback() -> None:
    ranked = blend(
        [("faq", 0.9), ("young_child", 0.1)], {"abuse": 0.8, "faq": 0.15, "young_child": 0.05}, 0.2, EXCLUDED
    )
    assert ranked[0][0] == "young_child"
    assert {name for name, _ in ranked} == {"abuse", "faq", "young_child"}


@pytest.mark.parametrize(
    ("message", "why"),
    [
        (_message("hij slaat mij", "abuse"), "a safety intent"),
        (_message("wat is een OCJ", "faq"), "a question for the collection"),
        (_message("blabla", "nlu_fallback"), "a fallback"),
        (_message("ja", "affirm"), "a known short reply"),
        (_message("je cherche une crèche", "other_language", detected_language="fr"), "another language"),
    ],
)
def test_what_another_component_decided_stays_decided(message: Message, why: str) -> None:
    assert settled(message, "faq", "nlu_fallback"), why


def test_an_ordinary_message_is_open_to_a_second_opinion() -> None:
    assert not settled(_message("ik zoek opvang voor mijn zoon", "young_child"), "faq", "nlu_fallback")


def test_the_component_corrects_an_unsure_diet_and_leaves_safety_alone(component: IntentSecondOpinion) -> None:
    crèche = _message("ik zoek een onthaalmoeder voor mijn dochter in Gent", "out_of_scope", 0.5)
    danger = _message("hij heeft een mes en staat aan de deur", "acute_danger", 0.99)
    component.process([crèche, danger])
    assert crèche.get("intent")["name"] == "child_care"
    assert crèche.get(SECOND_OPINION) == {"before": "out_of_scope", "changed": True}
    ranking = crèche.get("intent_ranking")
    assert ranking[0] == crèche.get("intent") and len(ranking) <= 10
    assert all(a["confidence"] >= b["confidence"] for a, b in pairwise(ranking[1:]))
    assert danger.get("intent")["name"] == "acute_danger" and danger.get(SECOND_OPINION) is None


def test_the_regression_gives_every_training_intent_a_probability(component: IntentSecondOpinion) -> None:
    (row,) = IntentModel(component.fitted()).probabilities(["kunnen jullie mij helpen met de huur"])
    assert sum(row.values()) == pytest.approx(1.0)
    assert {"faq", "basic_needs", "abuse", "greet"} <= set(row)


def test_the_component_trains_persists_and_loads(tmp_path: Path) -> None:
    storage, resource = LocalModelStorage(tmp_path), Resource("second_opinion")
    config = IntentSecondOpinion.get_default_config()
    examples = [("ik zoek een crèche", "child_care"), ("geen geld voor eten", "basic_needs"), ("hallo", "greet")]
    training = TrainingData(training_examples=[Message(data={"text": t, "intent": i}) for t, i in examples])
    trained = IntentSecondOpinion(config, storage, resource)
    trained.train(training)
    loaded = IntentSecondOpinion.load(config, storage, resource, ExecutionContext(GraphSchema({}), "test"))
    assert isinstance(loaded, IntentSecondOpinion)
    texts = ["waar vind ik kinderopvang", "we hebben geen geld"]
    assert IntentModel(loaded.fitted()).probabilities(texts) == IntentModel(trained.fitted()).probabilities(texts)


def test_the_component_refuses_to_run_untrained(tmp_path: Path) -> None:
    component = IntentSecondOpinion(
        IntentSecondOpinion.get_default_config(), LocalModelStorage(tmp_path), Resource("untrained")
    )
    with pytest.raises(RuntimeError, match="before it was trained"):
        component.process([_message("ik zoek opvang", "young_child")])
