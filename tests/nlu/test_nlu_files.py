"""Helpers shared by the evaluation tools and the separation tests."""

from __future__ import annotations

from pathlib import Path

from nlu_components.nlu_files import HELDOUT_DIR, Message, shown


def test_diet_scores_a_retrieval_intent_as_a_whole() -> None:
    # The fallback tuner scored FAQ sub-intents as intents of their own until stop 32.
    assert Message("faq/kg_line", "wat doet de lijn", "faq.yml").diet_intent == "faq"
    assert Message("young_child", "mijn baby huilt", "concerns.yml").diet_intent == "young_child"


def test_a_message_of_an_unread_set_is_shown_without_its_text(tmp_path: Path) -> None:
    assert shown("ik wil niet meer leven", HELDOUT_DIR) == "a message"
    assert shown("ik wil niet meer leven", tmp_path) == "'ik wil niet meer leven'"
    assert shown("ik wil niet meer leven", tmp_path, unread_dirs=[tmp_path]) == "a message"
