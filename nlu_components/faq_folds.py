"""Cross-validation data for choosing the FAQ answering thresholds (scripts/tune_faq.py).

Two folds over the collection's own questions: in fold 0 the first and second paraphrase of
every entry are held back, in fold 1 the third paraphrase and the canonical question. For each
fold an NLU model is trained on data/nlu without those texts, and the held-back texts and the
development questions the collection cannot answer (knowledge/data/faq_dev_unanswerable.yml)
are parsed. The held-out evaluation set (tests/faq/eval_questions.yml) is never used here.

Writes var/eval/faq_tuning/parsed.json: per fold, the held-back texts with their entry key and
the ResponseSelector's ranking, and the same for the development questions.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import yaml

from knowledge.faq_dev import dev_unanswerable_questions
from nlu_components.nlu_runs import EVAL_DIR, GENERATED_CONFIG, ROOT, parse_all, train_nlu

TRAINING = ROOT / "data" / "nlu"
FAQ_NLU = TRAINING / "faq.yml"
OUT = EVAL_DIR / "faq_tuning"
HELD_BACK = {0: (1, 2), 1: (3, 0)}  # fold: positions in [question, paraphrase 1, 2, 3]


def faq_examples() -> dict[str, list[str]]:
    """Entry key -> [canonical question, paraphrases...] as in the generated data/nlu/faq.yml."""
    data = yaml.safe_load(FAQ_NLU.read_text(encoding="utf-8"))
    examples = {}
    for block in data["nlu"]:
        key = block["intent"].split("/", 1)[1]
        examples[key] = [line[2:].strip() for line in block["examples"].splitlines() if line.startswith("- ")]
    return examples


def fold_training_dir(fold: int, examples: dict[str, list[str]]) -> Path:
    directory = OUT / f"fold{fold}" / "data"
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    for path in TRAINING.glob("*.yml"):
        if path != FAQ_NLU:
            shutil.copy(path, directory / path.name)
    lines = ['version: "3.1"', "nlu:"]
    for key, texts in examples.items():
        kept = [t for i, t in enumerate(texts) if i not in HELD_BACK[fold]]
        lines += [f"  - intent: faq/{key}", "    examples: |", *(f"      - {t}" for t in kept)]
    (directory / "faq.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


def main() -> int:
    if not GENERATED_CONFIG.exists():
        print("missing var/build/config.yml: run `make build` first", file=sys.stderr)
        return 1
    if not FAQ_NLU.exists():
        print("missing data/nlu/faq.yml: run `make build` first (it generates the retrieval intents)", file=sys.stderr)
        return 1
    examples = faq_examples()
    negatives = dev_unanswerable_questions()
    folds: list[list[dict[str, object]]] = []
    for fold in HELD_BACK:
        held = [(key, texts[i]) for key, texts in examples.items() for i in HELD_BACK[fold] if i < len(texts)]
        print(f"fold {fold}: training without {len(held)} FAQ texts ...", flush=True)
        model, seconds = train_nlu(GENERATED_CONFIG, fold_training_dir(fold, examples), OUT / f"fold{fold}", "nlu")
        print(f"fold {fold}: trained in {seconds:.0f} s; parsing ...", flush=True)
        parsed, _ = parse_all(model, [t for _, t in held] + list(negatives))
        rows: list[dict[str, object]] = [
            {"text": p.text, "expected": key, "intent": p.intent, "selector": p.selector[:10]}
            for (key, _), p in zip(held, parsed, strict=False)
        ]
        rows += [
            {"text": p.text, "expected": None, "intent": p.intent, "selector": p.selector[:10]}
            for p in parsed[len(held) :]
        ]
        folds.append(rows)
    result = {"held_back": HELD_BACK, "folds": folds}
    (OUT / "parsed.json").write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {(OUT / 'parsed.json').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
