"""Choose the thresholds of the FAQ answering (knowledge/faq_search.py: DEFAULT_THRESHOLDS).

Development data only; the held-out evaluation set (tests/faq/eval_questions.yml) is never read.

Search (`coverage`, and `lead_coverage` with `lead_ratio`), always: a 4-fold cross-validation
over the collection's own questions. In fold k the texts at positions 2k and 2k+1 of
[question, *paraphrases] of every entry are held back, the index is built from the rest, and the
held-back texts are searched; the development questions the collection cannot answer
(knowledge/faq_dev.py) are searched in every fold. Takes seconds, needs no NLU model.

Selector (`selector` and `agreement`), only with --selector: replays the rule on
var/eval/faq_tuning/parsed.json, written by `nlu_components.faq_folds` (two NLU models trained
without some of the collection's questions, ~5 min) when the ResponseSelector is part of the NLU.

Method, both cases: over a grid, keep the thresholds that answer at most MAX_FALSE_ANSWERS of the
development questions without an answer; among those, take the one that answers the most held-back
questions with the right entry; ties go to the higher (more careful) thresholds. Prints the choice
and writes var/eval/faq_tuning/result.json.

    .venv-app/bin/python -m scripts.tune_faq
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path
from typing import Any

from knowledge.faq import load_collection
from knowledge.faq_dev import dev_unanswerable_questions
from knowledge.faq_search import DEFAULT_THRESHOLDS, Evidence, Thresholds, choose, index_of

ROOT = Path(__file__).resolve().parents[1]
TUNING = ROOT / "var" / "eval" / "faq_tuning"
# The bar asks for "weet ik niet" on >= 90% of unanswerable questions: the same limit here.
MAX_FALSE_ANSWERS = 0.10
GRID = [round(0.05 * i, 2) for i in range(2, 20)]
FINE_GRID = [round(0.01 * i, 2) for i in range(30, 96)]
SEARCH_FOLDS = 4
LEAD_COVERAGE = [0.3, 0.4, 0.5, 0.6]
LEAD_RATIO = [1.5, 2.0, 2.5, 3.0, 4.0]

Item = tuple[str | None, Evidence]


def search_folds() -> list[Item]:
    entries = load_collection()
    unanswerable = dev_unanswerable_questions()
    gathered: list[Item] = []
    for fold in range(SEARCH_FOLDS):
        held_back = {2 * fold, 2 * fold + 1}
        index = index_of(entries, left_out=held_back)
        for entry in entries:
            texts = [entry.question, *entry.paraphrases]
            gathered += [(entry.key, index.evidence(texts[i])) for i in sorted(held_back) if i < len(texts)]
        gathered += [(None, index.evidence(question)) for question in unanswerable]
    return gathered


def selector_folds() -> list[Item]:
    data = json.loads((TUNING / "parsed.json").read_text(encoding="utf-8"))
    entries = load_collection()
    gathered: list[Item] = []
    for fold, rows in enumerate(data["folds"]):
        index = index_of(entries, left_out=set(data["held_back"][str(fold)]))
        for row in rows:
            gathered.append((row["expected"], index.evidence(row["text"], [(k, c) for k, c in row["selector"]])))
    return gathered


def score(items: list[Item], thresholds: Thresholds) -> dict[str, Any]:
    positives = [(k, e) for k, e in items if k]
    negatives = [e for k, e in items if not k]
    right = sum(choose(e, thresholds).key == k for k, e in positives)
    false_answers = sum(choose(e, thresholds).key is not None for e in negatives)
    return {
        "right": right / len(positives),
        "false_answers": false_answers / len(negatives),
        "positives": len(positives),
        "negatives": len(negatives),
    }


def candidates(with_selector: bool) -> list[Thresholds]:
    if not with_selector:
        # Without a selector ranking only the search's thresholds decide; the selector's stay.
        d = DEFAULT_THRESHOLDS
        plain = [Thresholds(d.selector, c, d.agreement) for c in FINE_GRID]
        lead = [
            Thresholds(d.selector, c, d.agreement, lead_coverage=lc, lead_ratio=r)
            for c, lc, r in itertools.product(FINE_GRID[::3], LEAD_COVERAGE, LEAD_RATIO)
            if lc < c
        ]
        return plain + lead
    return [
        Thresholds(selector=s, coverage=c, agreement=a) for s, c, a in itertools.product(GRID, GRID, GRID) if a <= s
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--selector", action="store_true", help="also tune the selector thresholds")
    args = parser.parse_args(argv)
    if args.selector and not (TUNING / "parsed.json").exists():
        print("run `.venv-rasa/bin/python -m nlu_components.faq_folds` first", file=sys.stderr)
        return 1
    items = selector_folds() if args.selector else search_folds()
    best: tuple[tuple[float, ...], Thresholds, dict[str, Any]] | None = None
    for thresholds in candidates(args.selector):
        result = score(items, thresholds)
        if result["false_answers"] > MAX_FALSE_ANSWERS:
            continue
        # Ties go to the more careful values: higher thresholds, a lead rule only when it adds.
        rank = (
            result["right"],
            thresholds.selector,
            thresholds.coverage,
            thresholds.agreement,
            thresholds.lead_coverage,
            thresholds.lead_ratio,
        )
        if best is None or rank > best[0]:
            best = (rank, thresholds, result)
    if best is None:
        print("no thresholds keep false answers within the limit", file=sys.stderr)
        return 1
    _, thresholds, result = best
    print(f"chosen: {thresholds}")
    print(
        f"  held-back questions answered right: {result['right']:.3f} ({result['positives']}); "
        f"development questions answered anyway: {result['false_answers']:.3f} ({result['negatives']})"
    )
    TUNING.mkdir(parents=True, exist_ok=True)
    (TUNING / "result.json").write_text(
        json.dumps({"thresholds": thresholds.__dict__, "selector": args.selector, **result}, indent=1),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
