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

Check, with --check-on-dev: whether re-choosing all five thresholds on real questions would help.
Replays the rule on var/eval/faq_dev_parsed.json (the `make eval` model's parse of the development
questions, knowledge/faq_dev.py): the grid is chosen on one half and scored on the other, three
random splits both ways, next to the current thresholds on the same half. Changes nothing.

Method, all cases: over a grid, keep the thresholds that answer at most MAX_FALSE_ANSWERS of the
development questions without an answer; among those, take the one that answers the most held-back
questions with the right entry; ties go to the higher (more careful) thresholds. Prints the choice
and writes var/eval/faq_tuning/result.json.

    .venv-app/bin/python -m scripts.tune_faq
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from pathlib import Path
from typing import Any

from knowledge.faq import load_collection
from knowledge.faq_dev import dev_questions, dev_unanswerable_questions
from knowledge.faq_search import DEFAULT_THRESHOLDS, Evidence, Thresholds, choose, index_of

ROOT = Path(__file__).resolve().parents[1]
TUNING = ROOT / "var" / "eval" / "faq_tuning"
DEV_PARSED = ROOT / "var" / "eval" / "faq_dev_parsed.json"
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


def dev_items() -> list[Item]:
    rows = json.loads(DEV_PARSED.read_text(encoding="utf-8"))
    expected = [key for _, key in dev_questions()]
    if len(rows) != len(expected):
        raise SystemExit("var/eval/faq_dev_parsed.json does not match the development questions: run `make eval`")
    index = index_of(load_collection())
    return [
        (key, index.evidence(row["text"], [(k, c) for k, c in row["selector"]]))
        for row, key in zip(rows, expected, strict=True)
    ]


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


def all_five() -> list[Thresholds]:
    coverage = [round(0.5 + 0.02 * i, 2) for i in range(20)]
    selector, agreement = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.95], [0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7]
    lead = [(lc, r) for lc in (0.4, 0.5, 0.6) for r in (2.0, 3.0, 4.0)] + [(1.0, float("inf"))]
    return [
        Thresholds(s, c, a, lead_coverage=lc, lead_ratio=r)
        for s, c, a, (lc, r) in itertools.product(selector, coverage, agreement, lead)
        if a <= s and (lc < c or lc == 1.0)
    ]


def best(items: list[Item], grid: list[Thresholds]) -> tuple[Thresholds, dict[str, Any]] | None:
    """The most right answers within the limit on false answers; ties go to more careful values."""
    chosen: tuple[tuple[float, ...], Thresholds, dict[str, Any]] | None = None
    for thresholds in grid:
        result = score(items, thresholds)
        if result["false_answers"] > MAX_FALSE_ANSWERS:
            continue
        rank = (
            result["right"],
            thresholds.selector,
            thresholds.coverage,
            thresholds.agreement,
            thresholds.lead_coverage,
            thresholds.lead_ratio,
        )
        if chosen is None or rank > chosen[0]:
            chosen = (rank, thresholds, result)
    return None if chosen is None else (chosen[1], chosen[2])


def check_on_dev() -> int:
    if not DEV_PARSED.exists():
        print("run `make eval` first: it writes var/eval/faq_dev_parsed.json", file=sys.stderr)
        return 1
    # A fixed seed so that the check gives the same splits each run; nothing secret here.
    items, grid, shuffle = dev_items(), all_five(), random.Random(1)  # noqa: S311
    print(f"{len(grid)} threshold sets, {len(items)} development questions; chosen on one half, scored on the other")
    for _ in range(3):
        order = items[:]
        shuffle.shuffle(order)
        halves = (order[: len(order) // 2], order[len(order) // 2 :])
        for chosen_on, scored_on in (halves, halves[::-1]):
            found = best(chosen_on, grid)
            if found is None:
                print("  no thresholds keep false answers within the limit on this half")
                continue
            new, now = score(scored_on, found[0]), score(scored_on, DEFAULT_THRESHOLDS)
            print(
                f"  re-chosen: right {new['right']:.3f}, false answers {new['false_answers']:.3f}; "
                f"current: right {now['right']:.3f}, false answers {now['false_answers']:.3f}"
            )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--selector", action="store_true", help="also tune the selector thresholds")
    parser.add_argument(
        "--check-on-dev",
        action="store_true",
        help="only check re-chosen thresholds on the parsed development questions",
    )
    args = parser.parse_args(argv)
    if args.check_on_dev:
        return check_on_dev()
    if args.selector and not (TUNING / "parsed.json").exists():
        print("run `.venv-rasa/bin/python -m nlu_components.faq_folds` first", file=sys.stderr)
        return 1
    items = selector_folds() if args.selector else search_folds()
    found = best(items, candidates(args.selector))
    if found is None:
        print("no thresholds keep false answers within the limit", file=sys.stderr)
        return 1
    thresholds, result = found
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
