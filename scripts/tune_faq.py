"""Fit when the FAQ answering answers (knowledge/faq_answerability.py) on development data.

Development data only; the held-out evaluation set (tests/faq/eval_questions.yml) is never read.
Reads var/eval/faq_dev_parsed.json (the `make eval` model's parse of the development questions,
knowledge/faq_dev.py) and replays the search on it.

Method: the logistic model learns whether the search's best entry is the right one, from the
answerable development questions (right or wrong best entry) and the unanswerable ones (never
right). The threshold on its probability is the lowest that keeps the unanswerable questions
answered anyway at or below MAX_FALSE_ANSWERS (with the selector's own rule on top), so that as
many answerable questions as possible get the right entry; ties go to the higher threshold. First
a cross-validation says what to expect on questions the fit has not seen: five folds, model and
threshold fitted on four and scored on the fifth, three shuffles. Then the model is fitted on all
the development questions; with --write it is stored in knowledge/data/faq_answerability.yml.

    make eval   # writes the parse
    .venv-app/bin/python -m scripts.tune_faq [--write]
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
from pathlib import Path
from typing import Any

import yaml

from knowledge.faq import load_collection
from knowledge.faq_answerability import FEATURES, MODEL_FILE, Policy, default_policy, features, fit
from knowledge.faq_dev import dev_questions
from knowledge.faq_search import Evidence, choose, index_of

ROOT = Path(__file__).resolve().parents[1]
TUNING = ROOT / "var" / "eval" / "faq_tuning"
DEV_PARSED = ROOT / "var" / "eval" / "faq_dev_parsed.json"
# The bar asks for "weet ik niet" on >= 90% of unanswerable questions: the same limit here.
MAX_FALSE_ANSWERS = 0.10
FOLDS, SHUFFLES = 5, 3

Item = tuple[str | None, Evidence]


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


def score(items: list[Item], policy: Policy) -> dict[str, Any]:
    positives = [(k, e) for k, e in items if k]
    negatives = [e for k, e in items if not k]
    right = sum(choose(e, policy).key == k for k, e in positives)
    false_answers = sum(choose(e, policy).key is not None for e in negatives)
    return {
        "right": right / len(positives),
        "false_answers": false_answers / len(negatives),
        "positives": len(positives),
        "negatives": len(negatives),
    }


def fit_policy(items: list[Item], selector: float) -> Policy:
    """The model fitted on `items`, with the threshold chosen on them (see the method above)."""
    labels = [bool(key) and bool(e.hits) and e.hits[0].key == key for key, e in items]
    model = fit([features(e) for _, e in items], labels)
    chosen: tuple[tuple[float, float], Policy] | None = None
    for threshold in sorted({round(model.probability(e), 6) for _, e in items}):
        policy = Policy(selector, model, threshold)
        result = score(items, policy)
        if result["false_answers"] > MAX_FALSE_ANSWERS:
            continue
        rank = (result["right"], threshold)
        if chosen is None or rank > chosen[0]:
            chosen = (rank, policy)
    if chosen is None:  # only a threshold above every probability keeps the limit: never answer
        return Policy(selector, model, 1.0)
    return chosen[1]


def folds(items: list[Item], shuffle: random.Random) -> list[list[Item]]:
    """FOLDS parts with the answerable and unanswerable questions spread evenly."""
    parts: list[list[Item]] = [[] for _ in range(FOLDS)]
    for group in ([i for i in items if i[0]], [i for i in items if not i[0]]):
        shuffle.shuffle(group)
        for position, item in enumerate(group):
            parts[position % FOLDS].append(item)
    return parts


def cross_validate(items: list[Item], selector: float) -> list[dict[str, Any]]:
    # A fixed seed so that the check gives the same splits each run; nothing secret here.
    shuffle = random.Random(1)  # noqa: S311
    results = []
    for _ in range(SHUFFLES):
        parts = folds(items, shuffle)
        for held_back in range(FOLDS):
            train = [item for k, part in enumerate(parts) if k != held_back for item in part]
            results.append(score(parts[held_back], fit_policy(train, selector)))
    return results


def _stored_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(MODEL_FILE.read_text(encoding="utf-8"))
    return data


def stored(policy: Policy, result: dict[str, Any], checked: dict[str, float]) -> str:
    data = {
        "features": list(FEATURES),
        "intercept": round(policy.model.intercept, 4),
        "weights": [round(w, 4) for w in policy.model.weights],
        "threshold": round(policy.threshold, 4),
        "selector": policy.selector,
    }
    header = [
        "# When the FAQ answering answers: written by `python -m scripts.tune_faq --write`, do not edit by hand.",
        "# Logistic model over the search's best hit (knowledge/faq_answerability.py), fitted on the",
        f"# development questions parsed by the `make eval` model on {datetime.date.today().isoformat()}:",
        f"# {result['positives']} answerable, {result['negatives']} unanswerable (knowledge/faq_dev.py).",
        f"# On them: right {result['right']:.3f}, answered anyway {result['false_answers']:.3f} "
        f"(limit {MAX_FALSE_ANSWERS}).",
        f"# Cross-validated ({FOLDS} folds x {SHUFFLES}): right {checked['right']:.3f}, "
        f"answered anyway {checked['false_answers']:.3f}.",
        "# selector: the ResponseSelector's first entry is answered outright from this confidence on",
        "# (chosen earlier with NLU models trained without some paraphrases; docs/faq.md).",
    ]
    return "\n".join(header) + "\n" + yaml.safe_dump(data, sort_keys=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"store the fitted model in {MODEL_FILE.name}")
    args = parser.parse_args(argv)
    if not DEV_PARSED.exists():
        print("run `make eval` first: it writes var/eval/faq_dev_parsed.json", file=sys.stderr)
        return 1
    items = dev_items()
    try:
        stored_policy: Policy | None = default_policy()
    except ValueError as error:  # the features changed since the last fit: refit from scratch
        print(f"the stored policy does not fit this code ({error}); fitting a new one")
        stored_policy = None
    selector = stored_policy.selector if stored_policy else float(_stored_data()["selector"])
    positives = sum(1 for key, _ in items if key)
    print(f"{positives} answerable and {len(items) - positives} unanswerable development questions")
    runs = cross_validate(items, selector)
    checked = {m: sum(r[m] for r in runs) / len(runs) for m in ("right", "false_answers")}
    low = {m: min(r[m] for r in runs) if m == "right" else max(r[m] for r in runs) for m in checked}
    print(
        f"cross-validated: right {checked['right']:.3f} (worst fold {low['right']:.3f}), "
        f"answered anyway {checked['false_answers']:.3f} (worst fold {low['false_answers']:.3f})"
    )
    if stored_policy:
        now = score(items, stored_policy)
        print(
            f"stored policy on all of them (seen): right {now['right']:.3f}, answered anyway {now['false_answers']:.3f}"
        )
    policy = fit_policy(items, selector)
    result = score(items, policy)
    print(f"fitted on all: {policy}")
    print(f"  on them: right {result['right']:.3f}, answered anyway {result['false_answers']:.3f}")
    TUNING.mkdir(parents=True, exist_ok=True)
    (TUNING / "result.json").write_text(json.dumps({"cross_validated": checked, **result}, indent=1), encoding="utf-8")
    if args.write:
        MODEL_FILE.write_text(stored(policy, result, checked), encoding="utf-8")
        print(f"written to {MODEL_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
