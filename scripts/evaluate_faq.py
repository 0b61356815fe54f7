"""`make eval`, second part: score the answering of questions on the held-out FAQ set.

Reads var/eval/faq_parsed.json (the NLU model's parse of tests/faq/eval_questions.yml, written
by nlu_components/evaluate.py) and runs the same decision the API makes (knowledge/faq_search.py)
over the collection in knowledge/data/faq/. Writes var/eval/faq_report.md and faq_report.json.

Bars (exit code 1 when one is missed), on the answering given the question:
  - the right entry is the answer for >= 90% of the answerable questions;
  - the right entry is among what the bot shows (the answer and the two related questions it
    offers as buttons) for >= 97%;
  - >= 90% of the unanswerable questions get "weet ik niet" instead of an entry.
Reported without a bar: how often the NLU sends the question to the FAQ at all (intent `faq`),
and the share answered right end to end.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from knowledge.faq import load_collection
from knowledge.faq_search import DEFAULT_THRESHOLDS, FaqIndex, index_of

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "tests" / "faq" / "eval_questions.yml"
EVAL_DIR = ROOT / "var" / "eval"
PARSED = EVAL_DIR / "faq_parsed.json"
BARS = {"top1": 0.90, "shown": 0.97, "unknown": 0.90}


@dataclass
class Outcome:
    text: str
    expected: str | None  # None: unanswerable
    intent: str
    answer: str | None
    via: str
    shown: list[str]

    @property
    def right(self) -> bool:
        return self.answer == self.expected if self.expected else self.answer is None


def outcomes(index: FaqIndex, parsed: list[dict[str, Any]]) -> list[Outcome]:
    questions = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    expected: list[str | None] = [item["entry"] for item in questions["answerable"]]
    expected += [None] * len(questions["unanswerable"])
    if len(parsed) != len(expected):
        raise SystemExit("var/eval/faq_parsed.json does not match the evaluation set: run `make eval` again")
    results = []
    for row, key in zip(parsed, expected, strict=True):
        decision = index.decide(row["text"], [(k, c) for k, c in row["selector"]], DEFAULT_THRESHOLDS)
        shown = ([decision.key] if decision.key else []) + decision.related[:2]
        results.append(Outcome(row["text"], key, row["intent"], decision.key, decision.via, shown))
    return results


def share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def main() -> int:
    if not PARSED.exists():
        print("missing var/eval/faq_parsed.json: it is written by the NLU stage of `make eval`", file=sys.stderr)
        return 1
    results = outcomes(index_of(load_collection()), json.loads(PARSED.read_text(encoding="utf-8")))
    answerable = [r for r in results if r.expected]
    unanswerable = [r for r in results if not r.expected]
    scores = {
        "top1": share(sum(r.right for r in answerable), len(answerable)),
        "shown": share(sum(r.expected in r.shown for r in answerable), len(answerable)),
        "unknown": share(sum(r.right for r in unanswerable), len(unanswerable)),
    }
    routed = share(sum(r.intent == "faq" for r in answerable), len(answerable))
    end_to_end = share(sum(r.right and r.intent == "faq" for r in answerable), len(answerable))
    report = {
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "thresholds": asdict(DEFAULT_THRESHOLDS),
        "scores": scores,
        "bars": BARS,
        "nlu_sends_to_faq": routed,
        "end_to_end_top1": end_to_end,
        "unanswerable_sent_to_faq": share(sum(r.intent == "faq" for r in unanswerable), len(unanswerable)),
        "via": {v: sum(r.via == v for r in results) for v in ("selector", "agreement", "search", "none")},
        "errors": [asdict(r) for r in results if not r.right],
    }
    EVAL_DIR.mkdir(parents=True, exist_ok=True)
    (EVAL_DIR / "faq_report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    (EVAL_DIR / "faq_report.md").write_text(markdown(report), encoding="utf-8")
    missed = []
    for name, needed in BARS.items():
        ok = scores[name] >= needed
        missed += [] if ok else [name]
        print(f"  {'ok    ' if ok else 'MISSED'} FAQ {name:<24} {scores[name]:.3f} (needs >= {needed:.2f})")
    print(f"  (info) NLU sends answerable questions to the FAQ: {routed:.3f}; right end to end: {end_to_end:.3f}")
    print(f"report: {(EVAL_DIR / 'faq_report.md').relative_to(ROOT)}")
    if missed:
        print(f"FAQ evaluation: {len(missed)} bar(s) missed: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


def markdown(report: dict[str, Any]) -> str:
    s = report["scores"]
    lines = [
        "# FAQ answering on the held-out set",
        "",
        f"{report['answerable']} answerable and {report['unanswerable']} unanswerable questions "
        f"(tests/faq/eval_questions.yml). Thresholds: {report['thresholds']}.",
        "",
        "| measure | value | bar |",
        "|---|---|---|",
        f"| right entry answered | {s['top1']:.3f} | {BARS['top1']} |",
        f"| right entry among answer + 2 related | {s['shown']:.3f} | {BARS['shown']} |",
        f"| unanswerable: says it does not know | {s['unknown']:.3f} | {BARS['unknown']} |",
        f"| NLU sends answerable questions to the FAQ (info) | {report['nlu_sends_to_faq']:.3f} | - |",
        f"| right end to end, NLU included (info) | {report['end_to_end_top1']:.3f} | - |",
        "",
        f"Decided by: {report['via']}.",
        "",
        "## Errors",
        "",
        "| question | expected | answered | via | NLU intent |",
        "|---|---|---|---|---|",
    ]
    for e in report["errors"]:
        lines.append(
            f"| {e['text']} | {e['expected'] or '(weet ik niet)'} | {e['answer']} | {e['via']} | {e['intent']} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
