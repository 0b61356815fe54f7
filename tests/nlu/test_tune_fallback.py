"""The fallback tuner scores DIET against the labels DIET can predict."""

from __future__ import annotations

from nlu_components.tune_fallback import scored_label


def test_a_retrieval_intent_is_scored_as_a_whole() -> None:
    assert scored_label("faq/kg_line") == "faq"
    assert scored_label("young_child") == "young_child"
