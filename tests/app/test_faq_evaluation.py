"""The FAQ evaluation and tuning scripts: they score what the answering rule decides."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from knowledge.faq_answerability import Policy, features, fit
from knowledge.faq_dev import dev_questions
from knowledge.faq_search import Evidence, SearchHit
from scripts import evaluate_faq, tune_faq

DEV_SET = next(s for s in evaluate_faq.QUESTION_SETS if not s.gates)


def write_parse(folder: Path, texts: list[str], intent: str = "faq", collection_question: bool = True) -> None:
    rows = [
        {"text": t, "intent": intent, "confidence": 1.0, "selector": [], "collection_question": collection_question}
        for t in texts
    ]
    (folder / f"{DEV_SET.name}_parsed.json").write_text(json.dumps(rows), encoding="utf-8")


def test_the_development_report_counts_every_question_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    questions = dev_questions()
    answerable = [q for q, key in questions if key is not None]
    unanswerable = [q for q, key in questions if key is None]
    write_parse(tmp_path, [q for q, _ in questions])
    monkeypatch.setattr(evaluate_faq, "EVAL_DIR", tmp_path)
    report = evaluate_faq.evaluate(DEV_SET)
    assert (report["answerable"], report["unanswerable"]) == (len(answerable), len(unanswerable))
    assert sum(report["via"].values()) == len(answerable) + len(unanswerable)
    wrong = round((1 - report["scores"]["top1"]) * len(answerable))
    false_answers = round((1 - report["scores"]["unknown"]) * len(unanswerable))
    assert len(report["errors"]) == wrong + false_answers
    # What the bot shows starts with its answer, so it holds the right entry at least as often.
    assert report["scores"]["shown"] >= report["scores"]["top1"]


def test_the_concern_intents_are_those_of_the_rule_that_answers_first() -> None:
    concerns = evaluate_faq.concern_intents()
    assert {"child_care", "basic_needs", "hospital_necessity_clear"} <= concerns
    # Answers to the form's questions and the collection's own intent are not concerns.
    assert not concerns & {"inform_place", "inform_role", "faq", "minor_crisis"}


def test_end_to_end_counts_answers_before_the_triage_only_for_questions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    questions = [q for q, _ in dev_questions()]
    monkeypatch.setattr(evaluate_faq, "EVAL_DIR", tmp_path)
    write_parse(tmp_path, questions, intent="child_care", collection_question=True)
    asked = evaluate_faq.evaluate(DEV_SET)
    write_parse(tmp_path, questions, intent="child_care", collection_question=False)
    told = evaluate_faq.evaluate(DEV_SET)
    # DIET sent nothing to `faq`: only the answer before the triage reaches the person, and only
    # for a message the NLU marked as a question.
    assert asked["end_to_end_top1"] == told["end_to_end_top1"] == 0.0
    assert asked["end_to_end_top1_with_concern_answers"] == pytest.approx(asked["scores"]["top1"])
    assert told["end_to_end_top1_with_concern_answers"] == 0.0
    assert asked["unanswerable_answered_before_the_triage"] == pytest.approx(1 - asked["scores"]["unknown"])
    # No NLU development parses in this folder: the cost is not reported rather than made up.
    assert asked["concern_messages_answered"] is None


def test_a_parse_of_other_questions_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_parse(tmp_path, ["wat is het JAC"])
    monkeypatch.setattr(evaluate_faq, "EVAL_DIR", tmp_path)
    with pytest.raises(SystemExit, match="does not match"):
        evaluate_faq.evaluate(DEV_SET)


def evidence(key: str, coverage: float) -> Evidence:
    return Evidence([], [SearchHit(key, 10.0 * coverage, coverage), SearchHit("other", 1.0, 0.1)])


def test_the_fit_learns_that_coverage_separates_and_recovers_the_direction() -> None:
    # Right answers cover 0.6 to 0.98, unanswerable questions 0.1 to 0.5: a clean split.
    rows = [features(evidence("a", 0.6 + 0.02 * i)) for i in range(20)]
    rows += [features(evidence("x", 0.1 + 0.02 * i)) for i in range(20)]
    model = fit(rows, [True] * 20 + [False] * 20)
    assert model.weights[0] > 0
    sure, doubtful = model.probability(evidence("a", 0.95)), model.probability(evidence("a", 0.15))
    assert sure > 0.9 and doubtful < 0.1


def test_tuning_keeps_false_answers_within_the_limit() -> None:
    # Answerable questions cover 0.6 or more; three of twenty unanswerable ones reach 0.9 and
    # the model cannot tell them apart: at most two of them (10%) may be answered.
    items: list[tune_faq.Item] = [("a", evidence("a", 0.6 + 0.02 * i)) for i in range(20)]
    items += [(None, evidence("x", 0.9 if i < 3 else 0.2)) for i in range(20)]
    policy = tune_faq.fit_policy(items, selector=0.95)
    result = tune_faq.score(items, policy)
    assert result["false_answers"] <= tune_faq.MAX_FALSE_ANSWERS
    # What is kept: every answerable question scoring above the three unanswerable ones.
    assert result["right"] == sum(1 for i in range(20) if 0.6 + 0.02 * i > 0.9) / 20


def test_an_answerable_question_with_the_wrong_best_hit_counts_against_answering() -> None:
    # The label is whether the best hit is right, not whether an answer exists.
    items: list[tune_faq.Item] = [("a", evidence("b", 0.9)) for _ in range(10)]
    items += [("a", evidence("a", 0.9)) for _ in range(10)] + [(None, evidence("x", 0.2)) for _ in range(10)]
    policy = tune_faq.fit_policy(items, selector=0.95)
    assert tune_faq.score(items, policy)["right"] == 0.5


def test_the_threshold_scan_gives_the_same_numbers_as_replaying_the_decision() -> None:
    # Mixed evidence: right and wrong best hits, unanswerable questions, and two questions the
    # selector decides on its own whatever the threshold.
    items: list[tune_faq.Item] = [("a", evidence("a", 0.3 + 0.03 * i)) for i in range(20)]
    items += [("a", evidence("b", 0.5 + 0.02 * i)) for i in range(5)]
    items += [(None, evidence("x", 0.1 + 0.04 * i)) for i in range(20)]
    items += [("a", Evidence([("a", 0.99)], [SearchHit("b", 1.0, 0.1)])), (None, Evidence([("c", 0.99)], []))]
    model = fit([features(e) for _, e in items], [bool(k) and bool(e.hits) and e.hits[0].key == k for k, e in items])
    scan = tune_faq._threshold_scan(items, model, selector=0.95)
    assert len(scan) > 10
    for threshold, right, false in scan:
        replayed = tune_faq.score(items, Policy(0.95, model, threshold))
        assert (right, false) == pytest.approx((replayed["right"], replayed["false_answers"]))


def test_the_limit_is_the_one_under_which_most_left_out_editions_meet_both_bars(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    passing = {"right": 0.92, "false_answers": 0.06}
    too_cautious = {"right": 0.85, "false_answers": 0.0}
    too_bold = {"right": 0.95, "false_answers": 0.15}
    outcomes = {0.04: [passing, too_cautious], 0.05: [passing, passing], 0.06: [passing, passing]}

    def runs_for(
        splits: list[tune_faq.Split], selector: float, limits: Sequence[float]
    ) -> dict[float, list[dict[str, float]]]:
        return {limit: outcomes.get(limit, [too_bold, passing]) for limit in limits}

    monkeypatch.setattr(tune_faq, "cross_validate", runs_for)
    limit, runs = tune_faq.choose_limit([], selector=0.95)
    # 0.05 and 0.06 tie with every edition passing; the higher limit answers more.
    assert limit == 0.06
    assert runs == [passing, passing]


def test_the_stored_threshold_never_rises_above_the_fitted_one() -> None:
    # Rounding up would turn away the question whose probability set the threshold.
    assert tune_faq.stored_threshold(0.50459248) == 0.504592
    assert tune_faq.stored_threshold(0.4999999) == 0.499999
    assert tune_faq.stored_threshold(0.25) == 0.25
