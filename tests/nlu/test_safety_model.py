"""The separate safety model (nlu_components/safety_model.py) and how the safeguard uses it.

The model is trained here on the real training data (a few seconds). The assertions are about
behaviour that does not depend on where exactly its probabilities land: labels, the shape of the
opinion, that it learns what it is taught, and the safeguard's rules for using an opinion.
How well it does on unseen wording is measured by `make eval` (safety probes), not here.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pytest

from nlu_components import tune_safety_model
from nlu_components.nlu_files import SAFETY_MODEL_DIR, TRAINING_DIR
from nlu_components.nlu_runs import PARSES_STAMP, safeguard_setting
from nlu_components.safety import Opinion, load_rules, rules_fingerprint
from nlu_components.safety_model import (
    CONCERNS,
    NONE,
    SafetyModel,
    SentenceVectors,
    label_of,
    model_input,
    training_examples,
)
from nlu_components.tune_safety_model import (
    PRECISION_BAR,
    Row,
    count,
    load_parses,
    parses_min_confidence,
    per_concern_summary,
    replay,
    stale_parses,
)
from nlu_components.tune_safety_model import choose as choose_setting

RULES = load_rules()


@pytest.fixture(scope="module")
def trained() -> SafetyModel:
    return SafetyModel.train(
        training_examples([TRAINING_DIR, SAFETY_MODEL_DIR]), regularisation=4.0, seed=1, sentence_vector_weight=1.0
    )


def test_sentence_vectors_are_weighted_rows_of_unit_length() -> None:
    texts = ["hij ademt niet meer", "ik zoek een crèche"]
    once, twice = SentenceVectors(1.0).transform(texts), SentenceVectors(2.0).transform(texts)
    assert once.shape == (2, 512)
    assert np.allclose(np.linalg.norm(once.toarray(), axis=1), 1.0, atol=1e-4)
    assert np.allclose(twice.toarray(), 2 * once.toarray(), atol=1e-5)


def test_the_stored_model_gives_the_same_opinions(trained: SafetyModel, tmp_path: Path) -> None:
    # SafetyModelComponent stores the pipeline with joblib; the encoder is not part of it.
    joblib.dump(trained.pipeline, tmp_path / "pipeline.joblib")
    assert (tmp_path / "pipeline.joblib").stat().st_size < 20_000_000
    loaded = SafetyModel(joblib.load(tmp_path / "pipeline.joblib"))
    texts = ["mijn baby krijgt geen lucht", "ik zoek een onthaalmoeder in Gent"]
    assert loaded.opinions(texts) == trained.opinions(texts)
    assert "meaning" in dict(trained.pipeline.named_steps["features"].transformer_list)


def test_labels_are_the_four_concerns_or_none() -> None:
    assert label_of("abuse") == "abuse"
    assert label_of("faq") == NONE
    assert label_of("young_child") == NONE
    examples = training_examples([SAFETY_MODEL_DIR])
    assert {label for _, label in examples} == {*CONCERNS, NONE}  # not_safety reads as none


def test_the_model_reads_text_as_the_safety_rules_do() -> None:
    # Informal spelling mapped, a harmless idiom cut out.
    assert "ik zie" in model_input("kzie het nie meer zitten", RULES)
    assert "dood" not in model_input("ik schaam me dood", RULES)


def test_training_needs_every_label() -> None:
    with pytest.raises(ValueError, match="minor_crisis"):
        SafetyModel.train(
            [
                ("hallo", NONE),
                ("hij slaat me", "abuse"),
                ("ik wil dood", "suicidal_thoughts"),
                ("brand", "acute_danger"),
            ],
            regularisation=1.0,
            seed=1,
        )


def test_opinions_are_probabilities_with_a_concern(trained: SafetyModel) -> None:
    opinions = trained.opinions(["dag", "ik zoek een crèche in Gent", "er staat iemand met een mes in de keuken"])
    assert len(opinions) == 3
    for opinion in opinions:
        assert 0.0 <= opinion.probability <= 1.0
        assert opinion.concern in CONCERNS
    assert trained.opinions([]) == []


def test_the_model_ranks_training_examples_as_it_was_taught(trained: SafetyModel) -> None:
    # On its own training data a model that learned anything puts the safety examples above the
    # others on average; this fails for a model that ignores its input.
    examples = training_examples([SAFETY_MODEL_DIR])
    opinions = trained.opinions([text for text, _ in examples])
    safety = [o.probability for o, (_, label) in zip(opinions, examples, strict=True) if label != NONE]
    harmless = [o.probability for o, (_, label) in zip(opinions, examples, strict=True) if label == NONE]
    assert sum(safety) / len(safety) > 0.5 > sum(harmless) / len(harmless)
    concerns_right = sum(o.concern == label for o, (_, label) in zip(opinions, examples, strict=True) if label != NONE)
    assert concerns_right / len(safety) > 0.8


@pytest.mark.parametrize(
    ("predicted", "model", "expected", "reason"),
    [
        # Taken for something else, no pattern: the model adds its concern at its threshold...
        ("young_child", Opinion(0.8, "acute_danger"), "acute_danger", "model"),
        # ...and not below it.
        ("young_child", Opinion(0.5, "acute_danger"), "young_child", "unchanged"),
    ],
)
def test_the_model_adds_a_safety_answer_at_its_threshold(
    predicted: str, model: Opinion, expected: str, reason: str
) -> None:
    decision = RULES.decide(
        "ons kleintje is heel suf na het middagdutje", [predicted, "faq"], model=model, min_model_probability=0.7
    )
    assert (decision.intent, decision.reason) == (expected, reason)


def test_an_idiom_keeps_the_model_from_raising_a_concern_diet_did_not_see() -> None:
    # Stop 38: the idiom that vetoes DIET's safety guess vetoes the model's too.
    def decide(text: str) -> tuple[str, str]:
        decision = RULES.decide(
            text, ["out_of_scope", "faq"], model=Opinion(0.9, "acute_danger"), min_model_probability=0.7
        )
        return decision.intent, decision.reason

    assert decide("ik ging bijna dood van het lachen met die sketch") == ("out_of_scope", "idiom-veto")
    assert decide("ik ging bijna onderuit met die sketch") == ("acute_danger", "model")


QUIET = "ons kleintje is heel suf na het middagdutje"  # no pattern, no idiom


def decided(
    ranking: list[str], confidence: float, model: Opinion | None, min_concern: float | None = None, text: str = QUIET
) -> tuple[str, str]:
    """The safeguard's intent and reason with the model weighed: DIET's safety guess needs 0.65
    without a pattern, the model's opinion counts from 0.7."""
    decision = RULES.decide(
        text,
        ranking,
        promote_uncertain=False,
        confidence=confidence,
        min_confidence_without_pattern=0.65,
        model=model,
        min_model_probability=0.7,
        min_model_concern_probability=min_concern,
    )
    return decision.intent, decision.reason


def test_the_models_concern_replaces_a_sure_safety_guess_that_nothing_else_supports() -> None:
    # Stop 42: DIET sure of abuse, no pattern; the model names danger now with 0.8 of its own.
    sure = ["abuse", "young_child"]
    assert decided(sure, 0.99, Opinion(0.9, "acute_danger", 0.8), 0.7) == ("acute_danger", "model-concern")
    # Not below the bar, not when switched off, not for an opinion without a concern.
    assert decided(sure, 0.99, Opinion(0.9, "acute_danger", 0.6), 0.7) == ("abuse", "unchanged")
    assert decided(sure, 0.99, Opinion(0.9, "acute_danger", 0.8), None) == ("abuse", "unchanged")
    assert decided(sure, 0.99, Opinion(0.9, "none", 0.9), 0.7) == ("abuse", "unchanged")
    # A pattern that supports DIET's concern stands.
    ex = "mijn ex slaat onze zoon"
    assert decided(sure, 0.99, Opinion(0.99, "acute_danger", 0.99), 0.7, text=ex) == ("abuse", "diet")


def test_the_model_keeps_an_uncertain_safety_guess_that_would_become_a_fallback() -> None:
    unsure = ["acute_danger", "young_child"]
    assert decided(unsure, 0.5, None)[0] == "nlu_fallback"
    # Since stop 29 with the model's concern: DIET was unsure, the model is sure it is about safety.
    assert decided(unsure, 0.5, Opinion(0.9, "abuse")) == ("abuse", "diet+model")
    # A model opinion without a safety concern keeps DIET's.
    assert decided(unsure, 0.5, Opinion(0.9, "none"))[0] == "acute_danger"


def test_the_model_never_takes_a_safety_answer_away() -> None:
    # A pattern match stands whatever the model thinks.
    decision = RULES.decide(
        "ik wil echt niet meer leven", ["young_person"], model=Opinion(0.0, "abuse"), min_model_probability=0.7
    )
    assert decision.intent == "suicidal_thoughts"


def test_without_an_opinion_the_rules_decide_as_before() -> None:
    text = "ons kleintje is heel suf na het middagdutje"
    assert RULES.decide(text, ["young_child"]).intent == "young_child"


def parse_row(
    intent: str, safeguard: str, before: str, diet: str | None = None, confidence: float = 0.9
) -> dict[str, Any]:
    """A stored parse: the intent after the safeguard, its reason, and the intent before it (with
    DIET's best guess apart from the fallback, the same unless given)."""
    recorded = {"intent": before, "diet": diet or before, "confidence": confidence}
    return {"gold": "x", "text": "x", "intent": intent, "safeguard": safeguard, "before_safeguard": recorded}


@pytest.mark.parametrize(
    ("row", "probability", "expected"),
    [
        # Promoted by the model in the evaluated run: below the threshold DIET's choice comes back.
        (parse_row("acute_danger", "model", "young_child"), 0.8, "young_child"),
        (parse_row("acute_danger", "model", "young_child"), 0.95, "acute_danger"),
        # Not promoted in the run, but would be at a lower threshold.
        (parse_row("young_child", "unchanged", "young_child"), 0.95, "acute_danger"),
        # An uncertain safety guess: a fallback unless the model agrees.
        (parse_row("nlu_fallback", "diet-uncertain", "nlu_fallback", diet="abuse"), 0.5, "nlu_fallback"),
        (parse_row("abuse", "diet+model", "nlu_fallback", diet="abuse"), 0.95, "acute_danger"),  # the model's concern
        (parse_row("abuse", "diet+model", "nlu_fallback", diet="abuse"), 0.5, "nlu_fallback"),
        # A pattern decided: the model has no say.
        (parse_row("minor_crisis", "pattern:minor_crisis#0", "young_person"), 0.0, "minor_crisis"),
    ],
)
def test_tuning_replays_the_safeguard_for_another_threshold(
    row: dict[str, object], probability: float, expected: str
) -> None:
    opinion = Opinion(probability=probability, concern="acute_danger")
    assert replay(row, opinion, threshold=0.9) == expected


@pytest.mark.parametrize(
    ("row", "concern_probability", "min_concern", "expected"),
    [
        # DIET's sure safety guess without a pattern: the model's concern from the bar on.
        (parse_row("abuse", "unchanged", "abuse"), 0.8, 0.7, "acute_danger"),
        (parse_row("abuse", "unchanged", "abuse"), 0.6, 0.7, "abuse"),
        (parse_row("abuse", "unchanged", "abuse"), 0.8, None, "abuse"),
        # Switched in the evaluated run: without the switch DIET's guess comes back.
        (parse_row("acute_danger", "model-concern", "abuse"), 0.8, None, "abuse"),
        (parse_row("acute_danger", "model-concern", "abuse"), 0.8, 0.7, "acute_danger"),
        # A tie-breaker chose the concern: the model has no say.
        (
            {**parse_row("minor_crisis", "unchanged", "abuse"), "tie_break": "minor_crisis#0"},
            0.99,
            0.7,
            "minor_crisis",
        ),
    ],
)
def test_tuning_replays_the_models_choice_of_concern(
    row: dict[str, object], concern_probability: float, min_concern: float | None, expected: str
) -> None:
    opinion = Opinion(probability=0.95, concern="acute_danger", concern_probability=concern_probability)
    assert replay(row, opinion, threshold=0.5, min_concern_probability=min_concern) == expected


@pytest.mark.parametrize(
    ("diet_confidence", "min_confidence", "probability", "expected"),
    [
        # As the parses were made (None), or DIET surer than the raised bar: DIET's guess stands.
        (0.8, None, 0.0, "abuse"),
        (0.9, 0.85, 0.0, "abuse"),
        # Below the raised bar the guess needs the model's agreement, or it becomes a fallback.
        (0.8, 0.85, 0.95, "abuse"),
        (0.8, 0.85, 0.5, "nlu_fallback"),
    ],
)
def test_tuning_replays_a_raised_confidence_bar_for_diet_safety_guesses(
    diet_confidence: float, min_confidence: float | None, probability: float, expected: str
) -> None:
    row = parse_row("abuse", "unchanged", "abuse", confidence=diet_confidence)
    opinion = Opinion(probability=probability, concern="abuse")
    assert replay(row, opinion, threshold=0.9, min_confidence=min_confidence) == expected


def test_tuning_reads_the_setting_the_parses_were_made_with(tmp_path: Path) -> None:
    (tmp_path / PARSES_STAMP).write_text(json.dumps({"safety_rules": rules_fingerprint()}), encoding="utf-8")
    with pytest.raises(SystemExit, match="make eval"):
        parses_min_confidence(tmp_path)
    stamp = {"safety_rules": rules_fingerprint(), "min_confidence_without_pattern": 0.65}
    (tmp_path / PARSES_STAMP).write_text(json.dumps(stamp), encoding="utf-8")
    assert parses_min_confidence(tmp_path) == 0.65


def test_the_safeguard_setting_is_read_from_the_config(tmp_path: Path) -> None:
    config = tmp_path / "config.yml"
    config.write_text(
        "pipeline:\n  - name: WhitespaceTokenizer\n"
        "  - name: nlu_components.components.SafetySafeguard\n    min_confidence_without_pattern: 0.7\n",
        encoding="utf-8",
    )
    assert safeguard_setting("min_confidence_without_pattern", config) == 0.7
    with pytest.raises(KeyError):
        safeguard_setting("no_such_setting", config)


def test_tuning_refuses_parses_made_with_other_safety_rules(tmp_path: Path) -> None:
    # The replay keeps the safeguard's stored decisions: parses from before a change to the
    # patterns would tune the model for rules that no longer exist.
    assert stale_parses(tmp_path) is not None  # no stamp at all
    (tmp_path / PARSES_STAMP).write_text(json.dumps({"safety_rules": "0" * 16}), encoding="utf-8")
    assert "other safety rules" in (stale_parses(tmp_path) or "")
    (tmp_path / PARSES_STAMP).write_text(json.dumps({"safety_rules": rules_fingerprint()}), encoding="utf-8")
    assert stale_parses(tmp_path) is None


def test_tuning_refuses_parses_without_what_diet_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Parses from before stop 43 lack the safeguard's record of DIET's own choice.
    (tmp_path / PARSES_STAMP).write_text(json.dumps({"safety_rules": rules_fingerprint()}), encoding="utf-8")
    older = {"gold": "abuse", "text": "x", "intent": "abuse", "safeguard": "unchanged", "ranking": []}
    for name in tune_safety_model.READ_SETS:
        (tmp_path / f"{name}.json").write_text(json.dumps([parse_row("abuse", "unchanged", "abuse")]), "utf-8")
    monkeypatch.setattr(tune_safety_model, "PARSES_DIR", tmp_path)
    monkeypatch.setattr(tune_safety_model, "PROJECT_ROOT", tmp_path.parent)
    assert set(load_parses()) == set(tune_safety_model.READ_SETS)
    (tmp_path / f"{tune_safety_model.READ_SETS[0]}.json").write_text(json.dumps([older]), "utf-8")
    with pytest.raises(SystemExit, match="before stop 43"):
        load_parses()


def test_tuning_takes_the_fewest_misses_that_keep_the_precision_bar() -> None:
    def row(threshold: float, misses: int, false_alarms: int, answers: int) -> Row:
        return Row(1.0, 8.0, threshold, misses, false_alarms, 0, answers)

    lenient = row(0.5, misses=2, false_alarms=60, answers=700)  # precision 0.914: not allowed
    middle = row(0.65, misses=5, false_alarms=33, answers=700)  # precision 0.953
    strict = row(0.95, misses=43, false_alarms=19, answers=650)  # fewer false alarms, far more misses
    assert lenient.precision < PRECISION_BAR <= middle.precision
    assert choose_setting([lenient, middle, strict]) == middle
    # Equal misses: the fewer false alarms win.
    calmer = row(0.7, misses=5, false_alarms=30, answers=697)
    assert choose_setting([middle, calmer]) == calmer
    # Nothing keeps the bar: no setting, the model stays off.
    assert choose_setting([lenient]) is None
    # The model's choice of concern only where it spares answers for another concern (stop 42).
    confused = replace(calmer, wrong_concern=3)
    switching = replace(confused, min_model_concern_probability=0.7)
    assert choose_setting([confused, switching]) == confused
    fewer_wrong = replace(switching, wrong_concern=1)
    assert choose_setting([confused, fewer_wrong]) == fewer_wrong


def test_tuning_counts_each_concerns_precision_as_the_held_out_bars_do() -> None:
    # Three settled answers for danger now: right, another concern's message, a harmless one.
    rows = [
        {**parse_row("acute_danger", "pattern:acute_danger#0", "young_child"), "gold": "acute_danger"},
        {**parse_row("acute_danger", "pattern:acute_danger#0", "young_child"), "gold": "abuse"},
        {**parse_row("acute_danger", "pattern:acute_danger#0", "young_child"), "gold": "young_child"},
        {**parse_row("abuse", "pattern:abuse#0", "young_child"), "gold": "abuse"},
    ]
    quiet = [Opinion(probability=0.0, concern="abuse")] * len(rows)
    counted = count(rows, quiet, 1.0, 8.0, 0.5)
    assert (counted.misses, counted.false_alarms, counted.wrong_concern, counted.safety_answers) == (0, 1, 1, 4)
    assert counted.precision == 0.75
    assert counted.lowest_concern_precision == pytest.approx(1 / 3)
    assert ("acute_danger", 3, 1) in counted.concern_answers and ("abuse", 1, 1) in counted.concern_answers


def test_the_per_concern_alternative_takes_the_bar_on_each_concern() -> None:
    def row(misses: int, danger_answers: int, danger_right: int) -> Row:
        answers = (("acute_danger", danger_answers, danger_right), ("abuse", 100, 100))
        total = danger_answers + 100
        return Row(1.0, 8.0, 0.5, misses, total - danger_right - 100, 0, total, None, answers)

    overall_only = row(misses=1, danger_answers=60, danger_right=54)  # overall 0.963, danger now 0.90
    every_concern = row(misses=4, danger_answers=40, danger_right=39)  # danger now 0.975
    assert overall_only.precision >= PRECISION_BAR > overall_only.lowest_concern_precision
    assert choose_setting([overall_only, every_concern]) == overall_only
    assert choose_setting([overall_only, every_concern], per_concern=True) == every_concern
    assert choose_setting([overall_only], per_concern=True) is None
    # What the tuner prints: the choice, or how close the best setting comes to the bar.
    assert "lowest concern precision 0.975" in per_concern_summary([overall_only, every_concern], every_concern)
    assert "no setting reaches 0.95; the highest lowest concern precision is 0.900" in per_concern_summary(
        [overall_only], None
    )
