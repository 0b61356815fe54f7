"""Choose the thresholds of the FAQ answering (knowledge/faq_search.py: DEFAULT_THRESHOLDS).

Input: var/eval/faq_tuning/parsed.json from `nlu_components.faq_folds` (two folds; in each, an
NLU model trained without some of the collection's own questions parsed those questions and the
development questions the collection cannot answer). For each fold the search index is built
without the held-back texts too, so neither signal has seen the question.

Method: over a grid of (selector, coverage, agreement) thresholds, keep the combinations that
answer at most MAX_FALSE_ANSWERS of the development questions that have no answer, and among
those take the one with the most held-back questions answered with the right entry; ties go to
the higher (more careful) thresholds. Prints the choice and writes var/eval/faq_tuning/result.json.
The held-out evaluation set is never read.

    .venv-rasa/bin/python -m nlu_components.faq_folds   # ~5 min: trains two NLU models
    .venv-app/bin/python -m scripts.tune_faq
"""

from __future__ import annotations

import itertools
import json
import sys
from pathlib import Path
from typing import Any

from knowledge.faq import load_collection
from knowledge.faq_search import Evidence, Thresholds, choose, index_of

ROOT = Path(__file__).resolve().parents[1]
TUNING = ROOT / "var" / "eval" / "faq_tuning"
# The bar asks for "weet ik niet" on >= 90% of unanswerable questions: the same limit here.
MAX_FALSE_ANSWERS = 0.10
GRID = [round(0.05 * i, 2) for i in range(2, 20)]


def gather() -> list[tuple[str | None, Evidence]]:
    data = json.loads((TUNING / "parsed.json").read_text(encoding="utf-8"))
    entries = load_collection()
    gathered = []
    for fold, rows in enumerate(data["folds"]):
        index = index_of(entries, left_out=set(data["held_back"][str(fold)]))
        for row in rows:
            evidence = index.evidence(row["text"], [(k, c) for k, c in row["selector"]])
            gathered.append((row["expected"], evidence))
    return gathered


def score(items: list[tuple[str | None, Evidence]], thresholds: Thresholds) -> dict[str, Any]:
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


def main() -> int:
    if not (TUNING / "parsed.json").exists():
        print("run `.venv-rasa/bin/python -m nlu_components.faq_folds` first", file=sys.stderr)
        return 1
    items = gather()
    best: tuple[tuple[float, float, float, float], Thresholds, dict[str, Any]] | None = None
    for selector, coverage, agreement in itertools.product(GRID, GRID, GRID):
        if agreement > selector:
            continue
        thresholds = Thresholds(selector=selector, coverage=coverage, agreement=agreement)
        result = score(items, thresholds)
        if result["false_answers"] > MAX_FALSE_ANSWERS:
            continue
        rank = (result["right"], selector, coverage, agreement)
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
    (TUNING / "result.json").write_text(
        json.dumps({"thresholds": thresholds.__dict__, **result}, indent=1), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
