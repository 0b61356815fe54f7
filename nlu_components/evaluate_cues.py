"""`make eval`, the role and urgency entities: scored by value on their own held-out set.

Role and urgency are read from the words by nlu_components/cues.yml (DutchEntityRules puts them
on the parse). What the routing needs is the value ("parent", "today"), not the exact words, so a
message counts as right for an entity when the parse gives the value a reader would give it, or
none when the message states none. tests/nlu/cues_heldout/messages.yml holds the messages with
those values; no bar applies (the issue asks for these entities to be evaluated, not for a level).

Writes var/eval/cues.md and cues.json: precision, recall and F1 per entity and per value, and the
messages whose value was missed or wrong.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from nlu_components.nlu_files import CUES_HELDOUT_FILE, cue_rows
from nlu_components.nlu_runs import EVAL_DIR, Parsed, Scores, scores

CUE_ENTITIES = ("role", "urgency")


@dataclass(frozen=True)
class CueExample:
    text: str
    values: dict[str, str | None]  # entity -> the value a reader gives it, None when not stated


def cue_examples(path: Path = CUES_HELDOUT_FILE) -> list[CueExample]:
    return [
        CueExample(str(row["text"]), {entity: row.get(entity) for entity in CUE_ENTITIES}) for row in cue_rows(path)
    ]


def found_values(parsed: Parsed, entity: str) -> set[str]:
    return {str(e.get("value")) for e in parsed.entities if e.get("entity") == entity}


def score_cues(examples: list[CueExample], parsed: list[Parsed]) -> dict[str, Any]:
    """Per entity: overall and per-value precision, recall and F1, and the errors."""
    report: dict[str, Any] = {"messages": len(examples), "entities": {}, "errors": []}
    for entity in CUE_ENTITIES:
        counts: dict[str, list[int]] = {}  # value -> [tp, fp, fn]
        for example, result in zip(examples, parsed, strict=True):
            gold = example.values[entity]
            guess = found_values(result, entity)
            for value in guess | ({gold} if gold else set()):
                tally = counts.setdefault(value, [0, 0, 0])
                tally[0] += value == gold and value in guess
                tally[1] += value != gold
                tally[2] += value == gold and value not in guess
            if guess != ({gold} if gold else set()):
                report["errors"].append(
                    {"entity": entity, "text": example.text, "expected": gold, "found": sorted(guess)}
                )
        total = scores(*(sum(t[i] for t in counts.values()) for i in range(3)))
        report["entities"][entity] = {
            "all": asdict(total),
            "values": {value: asdict(scores(*tally)) for value, tally in sorted(counts.items())},
        }
    return report


def overall(report: dict[str, Any], entity: str) -> Scores:
    return Scores(**report["entities"][entity]["all"])


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "# Role and urgency entities on their held-out set",
        "",
        f"- messages: {report['messages']} (tests/nlu/cues_heldout/messages.yml); scored by value, no bar applies",
        "- written by the author of nlu_components/cues.yml: an upper bound of what real messages will give",
        "",
        "| entity | value | precision | recall | F1 | n |",
        "|---|---|---|---|---|---|",
    ]
    for entity, result in report["entities"].items():
        for value, s in [("all", result["all"]), *result["values"].items()]:
            row = f"| {entity} | {value} | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} | {s['support']} |"
            lines.append(row)
    lines += ["", "## Errors", ""]
    for error in report["errors"]:
        lines.append(f"- {error['entity']}: `{error['text']}`: expected {error['expected']}, found {error['found']}")
    return "\n".join(lines) + "\n"


def write_and_print(examples: list[CueExample], parsed: list[Parsed]) -> dict[str, Any]:
    report = score_cues(examples, parsed)
    EVAL_DIR.mkdir(parents=True, exist_ok=True)
    (EVAL_DIR / "cues.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    (EVAL_DIR / "cues.md").write_text(markdown(report), encoding="utf-8")
    print("Role and urgency entities, by value (reported, no bar applies):")
    for entity in CUE_ENTITIES:
        s = overall(report, entity)
        print(f"  (info) {entity:<10} precision {s.precision:.3f} recall {s.recall:.3f} F1 {s.f1:.3f} (n={s.support})")
    return report
