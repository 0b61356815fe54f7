"""The FAQ evaluation and tuning scripts: they score what the answering rule decides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from knowledge.faq import load_collection
from knowledge.faq_dev import dev_questions
from knowledge.faq_search import Evidence, SearchHit, Thresholds, index_of
from scripts import evaluate_faq, tune_faq

DEV_SET = next(s for s in evaluate_faq.QUESTION_SETS if not s.gates)


def write_parse(folder: Path, texts: list[str]) -> None:
    rows = [{"text": t, "intent": "faq", "confidence": 1.0, "selector": []} for t in texts]
    (folder / f"{DEV_SET.name}_parsed.json").write_text(json.dumps(rows), encoding="utf-8")


def test_the_development_report_counts_every_question_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    questions = dev_questions()
    answerable = [q for q, key in questions if key is not None]
    unanswerable = [q for q, key in questions if key is None]
    write_parse(tmp_path, [q for q, _ in questions])
    monkeypatch.setattr(evaluate_faq, "EVAL_DIR", tmp_path)
    report = evaluate_faq.evaluate(index_of(load_collection()), DEV_SET)
    assert (report["answerable"], report["unanswerable"]) == (len(answerable), len(unanswerable))
    assert sum(report["via"].values()) == len(answerable) + len(unanswerable)
    wrong = round((1 - report["scores"]["top1"]) * len(answerable))
    false_answers = round((1 - report["scores"]["unknown"]) * len(unanswerable))
    assert len(report["errors"]) == wrong + false_answers
    # What the bot shows starts with its answer, so it holds the right entry at least as often.
    assert report["scores"]["shown"] >= report["scores"]["top1"]


def test_a_parse_of_other_questions_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_parse(tmp_path, ["wat is het JAC"])
    monkeypatch.setattr(evaluate_faq, "EVAL_DIR", tmp_path)
    with pytest.raises(SystemExit, match="does not match"):
        evaluate_faq.evaluate(index_of(load_collection()), DEV_SET)


def evidence(key: str, coverage: float) -> Evidence:
    return Evidence([], [SearchHit(key, 10.0, coverage), SearchHit("other", 1.0, 0.1)])


def test_tuning_keeps_false_answers_within_the_limit() -> None:
    # Answerable questions cover 0.7 or more; two of ten unanswerable ones reach 0.8, the rest 0.5.
    items: list[tune_faq.Item] = [("a", evidence("a", 0.7 + 0.02 * i)) for i in range(10)]
    items += [(None, evidence("x", 0.8 if i < 2 else 0.5)) for i in range(10)]
    grid = [Thresholds(selector=0.95, coverage=c, agreement=0.7) for c in (0.5, 0.6, 0.7, 0.85)]
    found = tune_faq.best(items, grid)
    assert found is not None
    thresholds, result = found
    # 0.5 answers every unanswerable question, 0.6 and 0.7 two of ten (20% > 10%): only 0.85 is left.
    assert thresholds.coverage == 0.85
    assert result["false_answers"] == 0.0
