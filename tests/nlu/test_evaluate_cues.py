"""Scoring the role and urgency entities by value (nlu_components/evaluate_cues.py)."""

from __future__ import annotations

from nlu_components.evaluate_cues import CueExample, cue_examples, score_cues
from nlu_components.nlu_runs import Parsed


def parse(*entities: tuple[str, str]) -> Parsed:
    return Parsed("x", "greet", 1.0, [], entities=[{"entity": e, "value": v} for e, v in entities])


def test_a_value_counts_right_missed_or_wrong() -> None:
    examples = [
        CueExample("a", {"role": "parent", "urgency": None}),
        CueExample("b", {"role": "parent", "urgency": "today"}),
        CueExample("c", {"role": None, "urgency": "now"}),
        CueExample("d", {"role": "hospital", "urgency": None}),
    ]
    parsed = [
        parse(("role", "parent")),  # right, no urgency said or found
        parse(("urgency", "today")),  # role missed, urgency right
        parse(("role", "parent"), ("urgency", "today")),  # a role invented, the wrong urgency
        parse(("role", "professional")),  # the wrong role: a false positive and a miss
    ]
    report = score_cues(examples, parsed)
    role = report["entities"]["role"]
    assert role["all"]["support"] == 3  # three messages state a role
    assert (round(role["all"]["precision"], 3), round(role["all"]["recall"], 3)) == (round(1 / 3, 3), round(1 / 3, 3))
    assert role["values"]["parent"]["recall"] == 0.5 and role["values"]["professional"]["precision"] == 0.0
    urgency = report["entities"]["urgency"]["all"]
    assert (urgency["precision"], urgency["recall"]) == (0.5, 0.5)
    # One error line per message and entity that is not exactly right: b, c and d for the role, c for urgency.
    assert [(e["entity"], e["text"]) for e in report["errors"]] == [
        ("role", "b"),
        ("role", "c"),
        ("role", "d"),
        ("urgency", "c"),
    ]


def test_the_held_out_set_has_every_role_and_urgency_and_messages_without() -> None:
    examples = cue_examples()
    assert len(examples) >= 100
    roles = {e.values["role"] for e in examples}
    urgencies = {e.values["urgency"] for e in examples}
    assert roles == {"parent", "young_person", "professional", "hospital", "line_staff", None}
    assert urgencies == {"now", "today", "this_week", "no_hurry", None}
