"""Choose the FallbackClassifier's threshold and ambiguity threshold by cross-validation.

Method (the one written in config.yml): split data/nlu into k stratified folds; for each fold,
train on the other folds with the pipeline of var/build/config.yml minus the components after
DIET that change intents (fallback, language gate, safety safeguard), and keep DIET's ranking
for every held-back message. Then, for every (threshold, ambiguity) pair of a grid, a message
falls back when its top confidence is below the threshold or the top two are closer than the
ambiguity threshold; a fallback counts as an error. The pair with the highest macro-F1 wins;
ties go to the higher threshold (safer: ask again rather than guess).

Until stop 28 the same run also chose the safety safeguard's `min_confidence_without_pattern`;
since stop 29 nlu_components/tune_safety_model.py chooses it together with the safety model's
threshold, on the evaluation sets already read, where the model's agreement is replayed too.

Run with `.venv-rasa/bin/python -m nlu_components.tune_fallback` (about 3 trainings); writes
var/eval/fallback_tuning.json. It does not edit config.yml: copy the chosen values by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

import yaml

from nlu_components.nlu_files import TRAINING_DIR, Message, messages
from nlu_components.nlu_runs import (
    EVAL_DIR,
    GENERATED_CONFIG,
    Parsed,
    label_scores,
    macro_f1,
    parse_all,
    train_nlu,
)

DROPPED = ("FallbackClassifier", "LanguageGate", "IntentSecondOpinion", "SafetyModelComponent", "SafetySafeguard")
THRESHOLDS = [round(0.3 + 0.05 * i, 2) for i in range(13)]  # 0.30 .. 0.90
AMBIGUITIES = [0.0, 0.05, 0.1, 0.15, 0.2]
FALLBACK = "nlu_fallback"


def folds(examples: list[Message], k: int, seed: int) -> list[list[Message]]:
    by_intent: dict[str, list[Message]] = defaultdict(list)
    for example in examples:
        by_intent[example.intent].append(example)
    result: list[list[Message]] = [[] for _ in range(k)]
    rng = random.Random(seed)
    for intent in sorted(by_intent):
        group = by_intent[intent]
        rng.shuffle(group)
        for index, example in enumerate(group):
            result[index % k].append(example)
    return result


def write_nlu(examples: list[Message], path: Path) -> None:
    by_intent: dict[str, list[str]] = defaultdict(list)
    for example in examples:
        by_intent[example.intent].append(example.text)
    document = {
        "version": "3.1",
        "nlu": [{"intent": i, "examples": "".join(f"- {t}\n" for t in texts)} for i, texts in by_intent.items()],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def diet_only_config(source: Path, path: Path) -> None:
    config = yaml.safe_load(source.read_text(encoding="utf-8"))
    config["pipeline"] = [c for c in config["pipeline"] if not str(c["name"]).endswith(DROPPED)]
    config.pop("policies", None)
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def predicted(parsed: Parsed, threshold: float, ambiguity: float) -> str:
    ranking = [r for r in parsed.ranking if r[0] != FALLBACK]
    top = ranking[0][1] if ranking else 0.0
    second = ranking[1][1] if len(ranking) > 1 else 0.0
    if top < threshold or top - second < ambiguity:
        return FALLBACK
    return ranking[0][0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20261124)
    parser.add_argument("--config", type=Path, default=GENERATED_CONFIG, help="a generated config to compare")
    parser.add_argument("--out", type=Path, default=EVAL_DIR / "fallback_tuning.json")
    args = parser.parse_args(argv)
    if not args.config.exists():
        print("missing var/build/config.yml: run `make build` first", file=sys.stderr)
        return 1
    work = EVAL_DIR / "fallback_cv"
    config = work / "config.yml"
    work.mkdir(parents=True, exist_ok=True)
    diet_only_config(args.config, config)
    examples = list(messages(TRAINING_DIR))
    parts = folds(examples, args.folds, args.seed)
    gold: list[str] = []
    results: list[Parsed] = []
    for index, held in enumerate(parts):
        train = [m for j, part in enumerate(parts) if j != index for m in part]
        data = work / f"fold{index}" / "train.yml"
        write_nlu(train, data)
        print(f"fold {index + 1}/{args.folds}: training on {len(train)} examples ...", flush=True)
        model, seconds = train_nlu(config, data, work / f"fold{index}", "model")
        print(f"fold {index + 1}/{args.folds}: trained in {seconds:.0f} s; parsing {len(held)} examples", flush=True)
        parsed, _ = parse_all(model, [m.text for m in held])
        # Scored per FAQ sub-intent (until stop 32), the ninety-odd FAQ keys each counted as an
        # intent DIET never gets right, and macro-F1 fell to 0.17.
        gold += [m.diet_intent for m in held]
        results += parsed
    grid = []
    for threshold in THRESHOLDS:
        for ambiguity in AMBIGUITIES:
            guesses = [predicted(p, threshold, ambiguity) for p in results]
            fallbacks = sum(1 for g in guesses if g == FALLBACK)
            score = macro_f1(label_scores(gold, guesses))
            grid.append(
                {"threshold": threshold, "ambiguity_threshold": ambiguity, "macro_f1": score, "fallbacks": fallbacks}
            )
    best = max(grid, key=lambda row: (round(row["macro_f1"], 4), row["threshold"], row["ambiguity_threshold"]))
    no_fallback = macro_f1(label_scores(gold, [predicted(p, 0.0, 0.0) for p in results]))
    report = {
        "method": (__doc__ or "").strip().splitlines()[0],
        "folds": args.folds,
        "examples": len(gold),
        "macro_f1_without_fallback": no_fallback,
        "best": best,
        "grid": grid,
    }
    out: Path = args.out
    out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"macro-F1 without fallback: {no_fallback:.3f}")
    print(
        f"best: threshold {best['threshold']}, ambiguity_threshold {best['ambiguity_threshold']} "
        f"(macro-F1 {best['macro_f1']:.3f}, {best['fallbacks']} fallbacks of {len(gold)})"
    )
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
