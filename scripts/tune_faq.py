"""Fit when the FAQ answering answers (knowledge/faq_answerability.py) on development data.

Development data only; the held-out evaluation set (tests/faq/eval_questions.yml) is never read.
Reads var/eval/faq_dev_parsed.json (the `make eval` model's parse of the development questions,
knowledge/faq_dev.py) and replays the search on it.

The answerable development questions are also the search's example questions
(knowledge/faq_examples.py). A question must not be found through its own wording, so the
evidence is cross-fitted by edition: the questions of each retired edition are searched in an
index whose examples leave that whole edition out, as the held-out edition is searched in an
index that holds all the retired ones. Leaving out single questions instead (random folds) let a
question be found through the wording of its neighbours, written in the same sitting, and made the
evidence look stronger than a new edition's.

Method: the logistic model learns whether the search's best entry is the right one, from the
answerable development questions (right or wrong best entry) and the unanswerable ones (never
right). The threshold on its probability is the lowest that keeps the unanswerable questions
answered anyway at or below a limit (with the selector's own rule on top), so that as many
answerable questions as possible get the right entry; ties go to the higher threshold.

The limit is chosen by a cross-validation that imitates a new edition: model and threshold fitted
on all editions but one and scored on that one, each edition in turn; the unanswerable questions
written apart from the editions are spread over them at random, three times. Of the candidate
LIMITS, the one under which the most left-out editions meet both bars of the evaluation (right
entry answered >= 90%, answered anyway <= 10%) wins; ties go to the higher limit, which answers
more. A limit at the bar itself lands on either side of it on a new edition of 32 such questions
(stop 27: the left-out editions answered 0.05 to 0.19 of them at a limit of 0.10), so the
chosen limit leaves room. Then the model is fitted on all the development questions (the first
split's evidence) with that limit; with --write it is stored in knowledge/data/faq_answerability.yml.

    make eval   # writes the parse
    .venv-app/bin/python -m scripts.tune_faq [--write]
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from knowledge.faq import load_collection
from knowledge.faq_answerability import FEATURES, MODEL_FILE, Answerability, Policy, default_policy, features, fit
from knowledge.faq_dev import DEV_EDITIONS, Labelled, dev_question_editions, dev_questions
from knowledge.faq_examples import examples_by_entry, labelled_examples
from knowledge.faq_search import Evidence, FaqIndex, choose, index_of
from knowledge.sentence_vectors import CachingEncoder, Encoder, shared_encoder

ROOT = Path(__file__).resolve().parents[1]
TUNING = ROOT / "var" / "eval" / "faq_tuning"
DEV_PARSED = ROOT / "var" / "eval" / "faq_dev_parsed.json"
# The bars of the evaluation (scripts/evaluate_faq.py) that a left-out edition should meet.
RIGHT_BAR, MAX_FALSE_ANSWERS = 0.90, 0.10
# Candidate limits on the share of unanswerable questions answered anyway; never above the bar.
LIMITS = (0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.10)
FOLDS, SHUFFLES = len(DEV_EDITIONS), 3
# The threshold equals the probability of a development question: the stored model keeps six
# digits, so that it decides as the fit did.
THRESHOLD_DIGITS = 6

Item = tuple[str | None, Evidence]
Parsed = list[dict[str, Any]]


def dev_parse() -> Parsed:
    rows: Parsed = json.loads(DEV_PARSED.read_text(encoding="utf-8"))
    if len(rows) != len(dev_questions()):
        raise SystemExit("var/eval/faq_dev_parsed.json does not match the development questions: run `make eval`")
    return rows


def split(editions: list[int | None], shuffle: random.Random) -> list[int]:
    """A part (0 to FOLDS - 1) for each question: its edition; a question written apart from the
    editions (None) goes to a part at random, as many to each part as can be."""
    apart = [i for i, edition in enumerate(editions) if edition is None]
    shuffle.shuffle(apart)
    spread = {i: position % FOLDS for position, i in enumerate(apart)}
    return [spread[i] if edition is None else edition for i, edition in enumerate(editions)]


@dataclass
class Memo:
    """What the splits of `dev_splits` share. Their shuffles move only the questions written apart
    from the editions, none of which is an example question, so every index and most questions'
    evidence come back unchanged from one split to the next."""

    indexes: dict[frozenset[str], FaqIndex] = field(default_factory=dict)  # by the examples left out
    evidence: dict[tuple[int, frozenset[str]], Evidence] = field(default_factory=dict)


def cross_fitted_evidence(
    rows: Parsed, labelled: list[Labelled], part_of: list[int], encoder: Encoder, memo: Memo | None = None
) -> list[Item]:
    """Each question's evidence from an index whose example questions leave out the question's part."""
    memo = memo or Memo()
    entries = load_collection()
    keys = [entry.key for entry in entries]
    examples = labelled_examples()
    example_texts = {question for question, _ in examples}
    items: list[Item | None] = [None] * len(rows)
    for part in range(FOLDS):
        members = [i for i, p in enumerate(part_of) if p == part]
        left_out = frozenset(labelled[i][0] for i in members) & example_texts
        if left_out not in memo.indexes:
            kept = [example for example in examples if example[0] not in left_out]
            memo.indexes[left_out] = index_of(entries, examples_by_entry(kept, keys), encoder)
        for i in members:
            if (i, left_out) not in memo.evidence:
                selector = [(k, c) for k, c in rows[i]["selector"]]
                memo.evidence[(i, left_out)] = memo.indexes[left_out].evidence(rows[i]["text"], selector)
            items[i] = (labelled[i][1], memo.evidence[(i, left_out)])
    return [item for item in items if item is not None]


Split = tuple[list[int], list[Item]]  # each question's part, and the cross-fitted evidence


def dev_splits(rows: Parsed, count: int, encoder: Encoder | None = None) -> list[Split]:
    """`count` splits of the development questions with their cross-fitted evidence; the first is
    the one the final fit and the development report use, the cross-validation uses them all."""
    # A fixed seed so that the check gives the same splits each run; nothing secret here.
    shuffle = random.Random(1)  # noqa: S311
    labelled, editions = dev_questions(), dev_question_editions()
    encoder = encoder or CachingEncoder(shared_encoder())
    memo = Memo()
    splits = []
    for _ in range(count):
        part_of = split(editions, shuffle)
        splits.append((part_of, cross_fitted_evidence(rows, labelled, part_of, encoder, memo)))
    return splits


def first_split_items(rows: Parsed) -> list[Item]:
    """The evidence the final fit and the development report use."""
    return dev_splits(rows, 1)[0][1]


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


def _threshold_scan(items: list[Item], model: Answerability, selector: float) -> list[tuple[float, float, float]]:
    """(threshold, right, answered anyway) for every threshold at which a decision changes: the
    same numbers as `score` with `choose`, without replaying every question at every threshold."""
    positives = sum(1 for key, _ in items if key)
    negatives = len(items) - positives
    fixed_right = fixed_false = 0  # decided by the selector whatever the threshold
    by_probability: list[tuple[float, bool, bool]] = []  # (probability, right if answered, unanswerable)
    for key, evidence in items:
        if evidence.selector and evidence.selector[0][1] >= selector:
            fixed_right += bool(key) and evidence.selector[0][0] == key
            fixed_false += not key
        elif evidence.hits:
            first_right = bool(key) and evidence.hits[0].key == key
            by_probability.append((model.probability(evidence), first_right, not key))
    by_probability.sort(reverse=True)
    scan = []
    right, false = fixed_right, fixed_false
    for position, (probability, first_right, unanswerable) in enumerate(by_probability):
        right += first_right
        false += unanswerable
        last_of_its_value = position + 1 == len(by_probability) or by_probability[position + 1][0] < probability
        if last_of_its_value:
            scan.append((probability, right / max(positives, 1), false / max(negatives, 1)))
    return scan


def _fit_model(items: list[Item]) -> Answerability:
    labels = [bool(key) and bool(e.hits) and e.hits[0].key == key for key, e in items]
    return fit([features(e) for _, e in items], labels)


def _threshold_within(scan: list[tuple[float, float, float]], limit: float) -> float:
    """The threshold that answers the most questions right while answering at most `limit` of the
    unanswerable ones (ties: the higher threshold); 1.0, never answer, when none keeps the limit."""
    allowed = [(right, threshold) for threshold, right, false in scan if false <= limit]
    return max(allowed)[1] if allowed else 1.0


def fit_policy(items: list[Item], selector: float, limit: float = MAX_FALSE_ANSWERS) -> Policy:
    """The model fitted on `items`, with the threshold chosen on them (see the method above)."""
    model = _fit_model(items)
    return Policy(selector, model, _threshold_within(_threshold_scan(items, model, selector), limit))


def cross_validate(splits: list[Split], selector: float, limits: Sequence[float]) -> dict[float, list[dict[str, Any]]]:
    """Each left-out edition's result under each limit. The model and the threshold scan do not
    depend on the limit, so each fold fits and scans once; only the threshold differs."""
    results: dict[float, list[dict[str, Any]]] = {limit: [] for limit in limits}
    for part_of, items in splits:
        for held_back in range(FOLDS):
            train = [item for item, part in zip(items, part_of, strict=True) if part != held_back]
            test = [item for item, part in zip(items, part_of, strict=True) if part == held_back]
            model = _fit_model(train)
            scan = _threshold_scan(train, model, selector)
            for limit in limits:
                results[limit].append(score(test, Policy(selector, model, _threshold_within(scan, limit))))
    return results


def meets_bars(result: dict[str, Any]) -> bool:
    return bool(result["right"] >= RIGHT_BAR and result["false_answers"] <= MAX_FALSE_ANSWERS)


def choose_limit(splits: list[Split], selector: float) -> tuple[float, list[dict[str, Any]]]:
    """The limit under which the most left-out editions meet both bars (ties: the higher limit),
    with its cross-validation runs."""
    best: tuple[tuple[float, float], list[dict[str, Any]]] | None = None
    for limit, runs in cross_validate(splits, selector, LIMITS).items():
        passing = sum(meets_bars(r) for r in runs) / len(runs)
        right = sum(r["right"] for r in runs) / len(runs)
        false = sum(r["false_answers"] for r in runs) / len(runs)
        print(
            f"  limit {limit:.2f}: left-out editions meeting both bars {passing:.2f}; "
            f"right {right:.3f}, answered anyway {false:.3f}",
            flush=True,
        )
        if best is None or (passing, limit) > best[0]:
            best = ((passing, limit), runs)
    assert best is not None
    return best[0][1], best[1]


def _stored_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(MODEL_FILE.read_text(encoding="utf-8"))
    return data


def stored_threshold(threshold: float) -> float:
    """The threshold as written to the file: rounded down, so that every question the fit answered
    (its probability at or above the threshold) is still answered with the stored value."""
    scale = 10.0**THRESHOLD_DIGITS
    return math.floor(threshold * scale) / scale


def stored(policy: Policy, result: dict[str, Any], checked: dict[str, float], limit: float) -> str:
    data = {
        "features": list(FEATURES),
        "intercept": round(policy.model.intercept, THRESHOLD_DIGITS),
        "weights": [round(w, THRESHOLD_DIGITS) for w in policy.model.weights],
        "threshold": stored_threshold(policy.threshold),
        "selector": policy.selector,
    }
    header = [
        "# When the FAQ answering answers: written by `python -m scripts.tune_faq --write`, do not edit by hand.",
        "# Logistic model over the search's best hit (knowledge/faq_answerability.py), fitted on the",
        f"# development questions parsed by the `make eval` model on {datetime.date.today().isoformat()}:",
        f"# {result['positives']} answerable, {result['negatives']} unanswerable (knowledge/faq_dev.py).",
        f"# On them: right {result['right']:.3f}, answered anyway {result['false_answers']:.3f} "
        f"(limit {limit:.2f}, chosen by the cross-validation; scripts/tune_faq.py).",
        f"# Cross-validated (each of {FOLDS} editions left out, x {SHUFFLES}): right {checked['right']:.3f}, "
        f"answered anyway {checked['false_answers']:.3f};",
        f"# left-out editions meeting both bars: {checked['passing']:.2f}.",
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
    rows = dev_parse()
    splits = dev_splits(rows, SHUFFLES)
    items = splits[0][1]
    try:
        stored_policy: Policy | None = default_policy()
    except ValueError as error:  # the features changed since the last fit: refit from scratch
        print(f"the stored policy does not fit this code ({error}); fitting a new one")
        stored_policy = None
    selector = stored_policy.selector if stored_policy else float(_stored_data()["selector"])
    positives = sum(1 for key, _ in items if key)
    print(f"{positives} answerable and {len(items) - positives} unanswerable development questions")
    print(f"choosing the limit on answered anyway among {len(LIMITS)} (one cross-validation):")
    limit, runs = choose_limit(splits, selector)
    checked = {m: sum(r[m] for r in runs) / len(runs) for m in ("right", "false_answers")}
    checked["passing"] = sum(meets_bars(r) for r in runs) / len(runs)
    low = {m: min(r[m] for r in runs) if m == "right" else max(r[m] for r in runs) for m in ("right", "false_answers")}
    print(
        f"chosen limit {limit:.2f}; cross-validated: right {checked['right']:.3f} (worst fold {low['right']:.3f}), "
        f"answered anyway {checked['false_answers']:.3f} (worst fold {low['false_answers']:.3f})"
    )
    if stored_policy:
        now = score(items, stored_policy)
        print(
            f"stored policy on all of them (seen): right {now['right']:.3f}, answered anyway {now['false_answers']:.3f}"
        )
    policy = fit_policy(items, selector, limit)
    result = score(items, policy)
    print(f"fitted on all: {policy}")
    print(f"  on them: right {result['right']:.3f}, answered anyway {result['false_answers']:.3f}")
    TUNING.mkdir(parents=True, exist_ok=True)
    (TUNING / "result.json").write_text(
        json.dumps({"limit": limit, "cross_validated": checked, **result}, indent=1), encoding="utf-8"
    )
    if args.write:
        MODEL_FILE.write_text(stored(policy, result, checked, limit), encoding="utf-8")
        print(f"written to {MODEL_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
