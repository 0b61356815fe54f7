"""The reviewed list of short replies (nlu_components/short_replies.yml and short_replies.py).

The messages here are written for these tests; they are neither training data nor messages of an
evaluation set.
"""

from __future__ import annotations

import pytest

from nlu_components.nlu_files import TRAINING_DIR, messages
from nlu_components.safety import load_rules
from nlu_components.short_replies import load_replies, short_reply


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Hoi!", "greet"),
        ("goeiemorgen iedereen", "greet"),
        ("daaaag", "goodbye"),
        ("salukes", "goodbye"),
        ("tot straks", "goodbye"),
        ("dankuwel hoor", "thanks"),
        ("ok merci!!", "thanks"),
        ("tnx", "thanks"),
        ("jaaa", "affirm"),
        ("ok", "affirm"),
        ("da's juist", "affirm"),
        ("neee", "deny"),
        ("nee dank je", "deny"),
        ("niet nodig", "deny"),
        ("STOP", "quick_exit"),
        ("verwijder alles aub", "quick_exit"),
        ("chat sluiten", "quick_exit"),
        ("ik moet weg nu", "quick_exit"),
    ],
)
def test_a_short_reply_gets_its_intent(text: str, intent: str) -> None:
    assert short_reply(text) == intent


@pytest.mark.parametrize(
    "text",
    [
        "dag",  # greets as often as it takes leave: left to DIET
        "sluit de deur",
        "hoe kan ik stoppen met roken",
        "nee, ik woon in Gent",
        "ja maar mijn zoon is pas 3",
        "merci maar ik zoek eigenlijk een creche",
        "ik wil er niet meer zijn",
        "",
    ],
)
def test_anything_more_than_a_short_reply_is_left_to_diet(text: str) -> None:
    assert short_reply(text) is None


def test_fillers_alone_are_still_read() -> None:
    # "ok" is a filler ("ok merci") but also a reply of its own.
    assert load_replies().normalise("Oké!") == "oke"
    assert load_replies().normalise("ja hoor, graag") == "ja graag"


def test_the_list_agrees_with_the_training_data() -> None:
    """A training example that the list decides must carry the intent the list gives it."""
    conflicts = [
        f"{m.file}: {m.text!r} is {m.intent}, the list says {short_reply(m.text)}"
        for m in messages(TRAINING_DIR)
        if short_reply(m.text) not in (None, m.intent)
    ]
    assert not conflicts, "\n".join(conflicts)


def test_no_safety_message_of_the_training_data_is_a_short_reply() -> None:
    safety = set(load_rules().safety_intents)
    caught = [m.text for m in messages(TRAINING_DIR) if m.intent in safety and short_reply(m.text)]
    assert not caught


def test_quick_exit_is_tried_first() -> None:
    # "stop" could also close a question with "nee"; leaving safely matters more.
    assert next(iter(load_replies().patterns))[0] == "quick_exit"
