"""`make eval`, second part: score the answering of questions on the held-out FAQ set.

Reads var/eval/faq_parsed.json (the NLU model's parse of tests/faq/eval_questions.yml, written
by nlu_components/evaluate.py) and runs the same decision the API makes (knowledge/faq_search.py)
over the collection in knowledge/data/faq/. Writes var/eval/faq_report.md and faq_report.json.
The same for the development questions (knowledge/faq_dev.py, var/eval/faq_dev_parsed.json):
faq_dev_report.md and .json, reported without a bar. The answerable development questions are
also the search's example questions, so they are searched cross-fitted, as scripts/tune_faq.py
does: each in an index whose examples leave out its whole edition.

Bars (exit code 1 when one is missed), on the answering given the question:
  - the right entry is the answer for >= 90% of the answerable questions;
  - the right entry is among what the bot shows for >= 97%: the answer and the two related
    questions it offers as buttons, or, when it does not know, the three related questions it
    offers instead;
  - >= 90% of the unanswerable questions get "weet ik niet" instead of an entry.
Reported without a bar: how often the NLU sends the question to the FAQ at all (intent `faq`),
and the share answered right end to end. End to end counts twice: through `faq` alone, and with
the answer the dialogue gives before the triage when DIET took a question for a concern
(action_answer_concern_question, for the intents of its rule in bot/stories/rules_triage.yml).
The cost of that second path is reported too: how many concern messages of the NLU development
set (var/eval/parses/development.json) get an answer from the collection before the triage.
"""

from __future__ import annotations

import functools
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from knowledge.faq import load_collection
from knowledge.faq_answerability import default_policy
from knowledge.faq_dev import HELDOUT_QUESTIONS, dev_files, dev_questions, labelled_questions
from knowledge.faq_examples import example_questions
from knowledge.faq_search import Evidence, FaqIndex, choose, index_of
from scripts import tune_faq

ROOT = Path(__file__).resolve().parents[1]
EVAL_DIR = ROOT / "var" / "eval"
BARS = {"top1": 0.90, "shown": 0.97, "unknown": 0.90}
TRIAGE_RULES = ROOT / "bot" / "stories" / "rules_triage.yml"
CONCERN_QUESTION_ACTION = "action_answer_concern_question"


def concern_intents(rules_file: Path = TRIAGE_RULES) -> frozenset[str]:
    """The intents after which the dialogue lets the collection answer first (from the rules)."""
    rules = (yaml.safe_load(rules_file.read_text(encoding="utf-8")) or {}).get("rules") or []
    intents: set[str] = set()
    for rule in rules:
        steps = rule.get("steps") or []
        if not any(step.get("action") == CONCERN_QUESTION_ACTION for step in steps):
            continue
        for step in steps:
            alternatives = step.get("or") or [step]
            intents.update(str(alt["intent"]) for alt in alternatives if "intent" in alt)
    return frozenset(intents)


@dataclass(frozen=True)
class QuestionSet:
    name: str  # of the parse file and the report files under var/eval/
    title: str
    gates: bool  # whether the bars apply (exit code): the held-out set; else the development questions

    def expected(self) -> list[str | None]:
        """The entry that answers each question, in the order of the parse; None: unanswerable."""
        questions = labelled_questions(HELDOUT_QUESTIONS) if self.gates else dev_questions()
        return [key for _, key in questions]

    def source(self) -> str:
        files = (HELDOUT_QUESTIONS,) if self.gates else dev_files()
        return ", ".join(str(path.relative_to(ROOT)) for path in files)


QUESTION_SETS = (
    QuestionSet("faq", "FAQ answering on the held-out set", gates=True),
    QuestionSet("faq_dev", "FAQ answering on the development questions (no bar: seen data)", gates=False),
)


@dataclass
class Outcome:
    text: str
    expected: str | None  # None: unanswerable
    intent: str
    answer: str | None
    via: str
    shown: list[str]
    collection_question: bool = False

    @property
    def right(self) -> bool:
        return self.answer == self.expected if self.expected else self.answer is None

    def answered_before_the_triage(self, concerns: frozenset[str]) -> bool:
        """Whether the dialogue shows this answer although DIET chose a concern, not `faq`."""
        return self.intent in concerns and self.collection_question and self.answer is not None


def parse(question_set: QuestionSet) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads((EVAL_DIR / f"{question_set.name}_parsed.json").read_text(encoding="utf-8"))
    if len(rows) != len(question_set.expected()):
        raise SystemExit("a parse under var/eval/ does not match its questions: run `make eval` again")
    return rows


@functools.cache
def full_index() -> FaqIndex:
    """The index the API searches: every example question in it. Built once per run: the held-out
    questions and the concern messages are both searched in it."""
    entries = load_collection()
    return index_of(entries, example_questions({entry.key for entry in entries}))


def held_out_evidence(rows: list[dict[str, Any]]) -> list[Evidence]:
    """The held-out questions searched as the API searches them."""
    index = full_index()
    return [index.evidence(row["text"], [(k, c) for k, c in row["selector"]]) for row in rows]


def evidence_for(question_set: QuestionSet, rows: list[dict[str, Any]]) -> list[Evidence]:
    if question_set.gates:
        return held_out_evidence(rows)
    return [evidence for _, evidence in tune_faq.first_split_items(rows)]


def outcomes(rows: list[dict[str, Any]], evidence: list[Evidence], expected: list[str | None]) -> list[Outcome]:
    results = []
    for row, found, key in zip(rows, evidence, expected, strict=True):
        decision = choose(found, default_policy())
        results.append(
            Outcome(
                row["text"],
                key,
                row["intent"],
                decision.key,
                decision.via,
                decision.shown,
                bool(row.get("collection_question")),
            )
        )
    return results


def share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def concern_messages_answered() -> dict[str, int] | None:
    """How many concern messages of the NLU development set the collection answers before the triage.

    These are situations and requests for help, not questions for the collection; an answer to
    one of them is at best extra reading before the route. None when `make eval` wrote no parses.
    """
    parses = EVAL_DIR / "parses" / "development.json"
    if not parses.exists():
        return None
    rows: list[dict[str, Any]] = json.loads(parses.read_text(encoding="utf-8"))
    concerns = concern_intents()
    of_concern = [row for row in rows if row["intent"] in concerns]
    asking = [row for row in of_concern if row.get("collection_question") and "selector" in row]
    policy = default_policy()
    answered = sum(choose(found, policy).key is not None for found in held_out_evidence(asking)) if asking else 0
    return {"concern_messages": len(of_concern), "asking": len(asking), "answered": answered}


def evaluate(question_set: QuestionSet) -> dict[str, Any]:
    rows = parse(question_set)
    results = outcomes(rows, evidence_for(question_set, rows), question_set.expected())
    answerable = [r for r in results if r.expected]
    unanswerable = [r for r in results if not r.expected]
    concerns = concern_intents()
    scores = {
        "top1": share(sum(r.right for r in answerable), len(answerable)),
        "shown": share(sum(r.expected in r.shown for r in answerable), len(answerable)),
        "unknown": share(sum(r.right for r in unanswerable), len(unanswerable)),
    }
    return {
        "title": question_set.title,
        "source": question_set.source(),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "policy": {"selector": default_policy().selector, "answer_threshold": default_policy().threshold},
        "scores": scores,
        "bars": BARS,
        "nlu_sends_to_faq": share(sum(r.intent == "faq" for r in answerable), len(answerable)),
        "end_to_end_top1": share(sum(r.right and r.intent == "faq" for r in answerable), len(answerable)),
        "unanswerable_sent_to_faq": share(sum(r.intent == "faq" for r in unanswerable), len(unanswerable)),
        "end_to_end_top1_with_concern_answers": share(
            sum(r.right and (r.intent == "faq" or r.answered_before_the_triage(concerns)) for r in answerable),
            len(answerable),
        ),
        "unanswerable_answered_before_the_triage": share(
            sum(r.answered_before_the_triage(concerns) for r in unanswerable), len(unanswerable)
        ),
        "via": {v: sum(r.via == v for r in results) for v in ("selector", "search", "none")},
        "concern_messages_answered": None if question_set.gates else concern_messages_answered(),
        "errors": [asdict(r) for r in results if not r.right],
    }


def main() -> int:
    missing = [s.name for s in QUESTION_SETS if not (EVAL_DIR / f"{s.name}_parsed.json").exists()]
    if missing:
        print(
            f"missing var/eval/{missing[0]}_parsed.json: it is written by the NLU stage of `make eval`", file=sys.stderr
        )
        return 1
    missed = []
    EVAL_DIR.mkdir(parents=True, exist_ok=True)
    for question_set in QUESTION_SETS:
        report = evaluate(question_set)
        name = f"{question_set.name}_report"
        (EVAL_DIR / f"{name}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
        (EVAL_DIR / f"{name}.md").write_text(markdown(report), encoding="utf-8")
        print(f"{question_set.title}:")
        scores = report["scores"]
        for bar, needed in BARS.items():
            ok = scores[bar] >= needed
            if question_set.gates:
                missed += [] if ok else [bar]
                print(f"  {'ok    ' if ok else 'MISSED'} FAQ {bar:<24} {scores[bar]:.3f} (needs >= {needed:.2f})")
            else:
                print(f"  {'ok    ' if ok else 'below '} FAQ {bar:<24} {scores[bar]:.3f}")
        print(
            f"  (info) NLU sends answerable questions to the FAQ: {report['nlu_sends_to_faq']:.3f}; "
            f"right end to end: {report['end_to_end_top1']:.3f}, with the answers before the triage: "
            f"{report['end_to_end_top1_with_concern_answers']:.3f}"
        )
        cost = report["concern_messages_answered"]
        if cost:
            print(
                f"  (info) concern messages of the NLU development set answered before the triage: "
                f"{cost['answered']} of {cost['concern_messages']} ({cost['asking']} of them ask something)"
            )
        print(f"report: var/eval/{name}.md")
    if missed:
        print(f"FAQ evaluation: {len(missed)} bar(s) missed: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


def markdown(report: dict[str, Any]) -> str:
    s = report["scores"]
    lines = [
        f"# {report['title']}",
        "",
        f"{report['answerable']} answerable and {report['unanswerable']} unanswerable questions "
        f"({report['source']}). Policy (knowledge/data/faq_answerability.yml): {report['policy']}.",
        "",
        "| measure | value | bar |",
        "|---|---|---|",
        f"| right entry answered | {s['top1']:.3f} | {BARS['top1']} |",
        f"| right entry among answer + 2 related | {s['shown']:.3f} | {BARS['shown']} |",
        f"| unanswerable: says it does not know | {s['unknown']:.3f} | {BARS['unknown']} |",
        f"| NLU sends answerable questions to the FAQ (info) | {report['nlu_sends_to_faq']:.3f} | - |",
        f"| right end to end, NLU included (info) | {report['end_to_end_top1']:.3f} | - |",
        f"| right end to end, with the answer before the triage (info) | "
        f"{report['end_to_end_top1_with_concern_answers']:.3f} | - |",
        f"| unanswerable: answered before the triage anyway (info) | "
        f"{report['unanswerable_answered_before_the_triage']:.3f} | - |",
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
