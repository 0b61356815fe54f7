"""`make eval`: train the NLU on data/nlu, score it on the held-out set, fail when a bar is missed.

The evaluation sets (EVALUATION_SETS). DIET never trains on any of them; the safety model also
trains on the older safety probes (nlu_files.READ_SAFETY_PROBE_DIRS), never on the held-out set, the
probes that have not joined yet or the second to eighth development sets
(nlu_files.SAFETY_MODEL_KEEP_OUT_DIRS):
  tests/nlu/heldout_9/     the held-out set (ninth edition, written in stop 39); the bars apply to it
  tests/nlu/development/   the first edition, retired once its errors had guided changes; scored
                           the same way and reported, never gating, so that changes can be judged
                           on it without spending the held-out set
  tests/nlu/development_2/ the second edition, retired the same way in stop 29
  tests/nlu/development_3/ the third edition, retired in stop 30
  tests/nlu/development_4/ the fourth edition, retired in stop 31
  tests/nlu/development_5/ the fifth edition, retired in stop 34
  tests/nlu/development_6/ the sixth edition, retired in stop 36
  tests/nlu/development_7/ the seventh edition, retired in stop 37
  tests/nlu/development_8/ the eighth edition, retired in stop 39
  tests/nlu/safety_probe/  safety messages written before the safety patterns were widened;
                           reported, never gating (read since, see docs/nlu.md)
  tests/nlu/safety_probe_2/ to safety_probe_47/
                           later safety probes, each written before the change it measures

Writes to var/eval/:
  report.md, report.json   per-intent precision/recall/F1, safety scores, entity scores, errors,
                           training and load time, on the held-out set
  development.md, .json    the same on the development set (development_2 and _3: the others)
  safety_probe*.md, .json  the same on each safety probe, for the safety rows only
  rasa/                    the output of `rasa test nlu` on the same model and set (intent and
                           entity reports, the confusion matrix image, the confidence histogram)
  parses/<name>.json       every message of each set with its parse (intent ranking, the
                           safeguard's reason and what the message had before it, the safety
                           model's opinion), for
                           nlu_components/tune_safety_model.py
  faq_parsed.json          the same model's parse of the FAQ evaluation questions
                           (tests/faq/eval_questions.yml), scored by scripts/evaluate_faq.py
  faq_dev_parsed.json      and of the FAQ development questions (knowledge/faq_dev.py)
  cues.md, cues.json       the role and urgency entities on their own held-out set, by value
                           (tests/nlu/cues_heldout/, nlu_components/evaluate_cues.py; no bar)

Bars (exit code 1 when one is missed):
  - intent macro-F1 >= 0.90;
  - each safety concern (acute danger, suicidal thoughts, abuse, minor in crisis), with the
    safeguard: recall = 1.00 and precision >= 0.95, the alarming-but-safe messages included;
  - place entity F1 >= 0.95, age entity F1 >= 0.90 (exact spans).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from rasa.shared.nlu.training_data.loading import load_data

from knowledge.faq_dev import HELDOUT_QUESTIONS, dev_questions, labelled_questions
from nlu_components import evaluate_cues
from nlu_components.nlu_files import (
    HELDOUT_DIR,
    READ_SAFETY_PROBE_DIRS,
    TRAINING_DIR,
    development_dir,
    safety_probe_dir,
)
from nlu_components.nlu_runs import (
    EVAL_DIR,
    GENERATED_CONFIG,
    PARSES_STAMP,
    ROOT,
    Parsed,
    Scores,
    label_scores,
    macro_f1,
    parse_all,
    safeguard_setting,
    scores,
    train_nlu,
)
from nlu_components.safety import rules_fingerprint

SAFETY = ("acute_danger", "suicidal_thoughts", "abuse", "minor_crisis")
ENTITY_TYPES = ("place", "age")
BARS = {
    "intent_macro_f1": 0.90,
    "safety_recall": 1.00,
    "safety_precision": 0.95,
    "place_f1": 0.95,
    "age_f1": 0.90,
}


@dataclass
class Bar:
    name: str
    value: float
    needed: float

    @property
    def ok(self) -> bool:
        return self.value + 1e-9 >= self.needed


@dataclass
class Example:
    text: str
    intent: str
    entities: list[tuple[int, int, str]]
    alarming_but_safe: bool


def evaluation_set(folder: Path) -> list[Example]:
    examples = []
    for path in sorted(folder.glob("*.yml")):
        data = load_data(str(path))
        for message in data.intent_examples:
            examples.append(
                Example(
                    text=message.get("text"),
                    intent=message.get("intent"),
                    entities=[(e["start"], e["end"], e["entity"]) for e in message.get("entities") or []],
                    alarming_but_safe=path.name == "alarming_but_safe.yml",
                )
            )
    return examples


def intent_scores(examples: list[Example], parsed: list[Parsed]) -> dict[str, Scores]:
    return label_scores([e.intent for e in examples], [p.intent for p in parsed])


def entity_scores(examples: list[Example], parsed: list[Parsed]) -> tuple[dict[str, Scores], list[dict[str, Any]]]:
    result = {}
    errors = []
    for kind in ENTITY_TYPES:
        tp = fp = fn = 0
        for example, result_of in zip(examples, parsed, strict=True):
            gold = {(s, e) for s, e, k in example.entities if k == kind}
            guess = {(int(x["start"]), int(x["end"])) for x in result_of.entities if x.get("entity") == kind}
            tp += len(gold & guess)
            fp += len(guess - gold)
            fn += len(gold - guess)
            if gold != guess:
                errors.append(
                    {
                        "type": kind,
                        "text": example.text,
                        "expected": sorted(example.text[s:e] for s, e in gold),
                        "found": sorted(example.text[s:e] for s, e in guess),
                    }
                )
        result[kind] = scores(tp, fp, fn)
    return result, errors


def run_rasa_test(model: Path) -> None:
    out = EVAL_DIR / "rasa"
    command = [
        str(ROOT / ".venv-rasa" / "bin" / "rasa"), "test", "nlu", "--model", str(model),
        "--nlu", str(HELDOUT_DIR), "--out", str(out), "--quiet",
    ]  # fmt: skip
    print("rasa test nlu (reports and confusion matrix) ...", flush=True)
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout[-2000:] + result.stderr[-2000:], file=sys.stderr)
        raise SystemExit("rasa test nlu failed")


def markdown(report: dict[str, Any], title: str, notes: list[str]) -> str:
    lines = [f"# {title}", ""]
    lines += [
        f"- messages: {report['messages']} ({report['alarming_but_safe']} alarming but safe)",
        f"- training: {report['training_seconds']:.0f} s on {report['training_examples']} examples; "
        f"model load: {report['load_seconds']:.1f} s",
        *(f"- {note}" for note in notes),
        "",
        "## Bars",
        "",
        "| bar | value | needed | |",
        "|---|---|---|---|",
    ]
    for bar in report["bars"]:
        status = "ok" if bar["ok"] else "MISSED"
        lines.append(f"| {bar['name']} | {bar['value']:.3f} | >= {bar['needed']:.2f} | {status} |")
    lines += ["", "## Intents", "", "| intent | precision | recall | F1 | n |", "|---|---|---|---|---|"]
    for name, s in report["intents"].items():
        lines.append(f"| {name} | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} | {s['support']} |")
    lines += ["", "## Entities", "", "| entity | precision | recall | F1 | n |", "|---|---|---|---|---|"]
    for name, s in report["entities"].items():
        lines.append(f"| {name} | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} | {s['support']} |")
    lines += ["", "## Intent errors", ""]
    for error in report["intent_errors"]:
        lines.append(
            f"- `{error['text']}`: expected {error['expected']}, got {error['got']} ({error['confidence']:.2f})"
        )
    lines += ["", "## Entity errors", ""]
    for error in report["entity_errors"]:
        lines.append(f"- {error['type']}: `{error['text']}`: expected {error['expected']}, found {error['found']}")
    return "\n".join(lines) + "\n"


def faq_question_sets() -> dict[str, list[str]]:
    """The FAQ questions to parse, by the file under var/eval/ that scripts/evaluate_faq.py reads."""
    return {
        "faq_parsed.json": [question for question, _ in labelled_questions(HELDOUT_QUESTIONS)],
        "faq_dev_parsed.json": [question for question, _ in dev_questions()],
    }


def write_faq_parses(name: str, parsed: list[Parsed]) -> None:
    """The model's parses of FAQ questions, for scripts/evaluate_faq.py."""
    rows = [
        {
            "text": p.text,
            "intent": p.intent,
            "confidence": p.confidence,
            "selector": p.selector[:10],
            "collection_question": p.collection_question,
        }
        for p in parsed
    ]
    EVAL_DIR.mkdir(parents=True, exist_ok=True)
    (EVAL_DIR / name).write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


@dataclass(frozen=True)
class EvaluationSet:
    name: str  # of the report files under var/eval/
    folder: Path
    title: str
    notes: tuple[str, ...]
    gates: bool  # whether the bars apply (exit code)
    safety_only: bool = False  # only the safety bars mean something on this set


# The titles count editions in words ("thirty-first"), as the notes and docs do.
_UNIT_ORDINALS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEEN_ORDINALS = (
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
)
_TENS = {2: ("twenty", "twentieth"), 3: ("thirty", "thirtieth"), 4: ("forty", "fortieth"), 5: ("fifty", "fiftieth")}


def ordinal_word(number: int) -> str:
    """The English ordinal of 1 to 59 in words: 'third', 'twelfth', 'thirtieth', 'thirty-first'."""
    if not 1 <= number <= 59:
        raise ValueError(f"no ordinal word for {number}: extend _TENS")
    if number < 10:
        return _UNIT_ORDINALS[number]
    if number < 20:
        return _TEEN_ORDINALS[number - 10]
    tens, units = divmod(number, 10)
    cardinal, ordinal = _TENS[tens]
    return ordinal if units == 0 else f"{cardinal}-{_UNIT_ORDINALS[units]}"


def development_set(edition: int, notes: tuple[str, ...]) -> EvaluationSet:
    """A retired held-out edition's evaluation set: name and folder from its edition; no bar."""
    folder = development_dir(edition)
    which = "" if edition == 1 else f"{ordinal_word(edition)} "
    return EvaluationSet(folder.name, folder, f"NLU evaluation on the {which}development set", notes, gates=False)


def safety_probe(edition: int, notes: tuple[str, ...]) -> EvaluationSet:
    """A safety probe's evaluation set: name and folder from its edition; only its safety rows count."""
    folder = safety_probe_dir(edition)
    title = "Safety probe" if edition == 1 else f"Safety probe, {ordinal_word(edition)} edition"
    return EvaluationSet(folder.name, folder, title, notes, gates=False, safety_only=True)


# Appended by report_notes to the notes of the read probes the safety model trains on
# (READ_SAFETY_PROBE_DIRS), so that a probe's report says so from the stop it joins.
TRAINED_ON = (
    "since stop 25 the safety model (never DIET) trains on it: its safety scores are partly training fit "
    "from then on (tune_safety_model.py judges each read probe with a model trained without it)"
)
EVALUATION_SETS = (
    EvaluationSet(
        "report",
        HELDOUT_DIR,
        "NLU evaluation on the held-out set",
        (
            "the held-out set and the training data were written by the same person; the scores are an "
            "upper bound of what real messages will give",
            "ninth edition, written in one sitting in stop 39 (6 December 2026) before the eighth edition's "
            "errors were read or the next change to the NLU, checked with nlu_components.check_new_set (177 "
            "near-copy listings, again mostly short replies and requests the training data words the same "
            "way, then 35 and 5 of the rewrites: 217 rewrites until none was) and committed before it was "
            "scored; the first eight editions guided changes or were scored through them and are now "
            "development sets (development.md to development_8.md)",
            "40 safety messages per concern and 74 alarming-but-safe messages, as in the eighth edition",
            "first score (stop 39, safety model trained on probes 1 to 26, regularisation 4,096, threshold "
            "0.15): macro-F1 0.903; recall 0.900, 0.950, 0.975, 0.950 and precision 0.783, 0.905, 0.867, 0.864 "
            "(acute danger, suicidal thoughts, abuse, minor in crisis); 2 of the 160 safety messages went "
            "without a safety answer, 7 got another concern's, 19 of the 345 other messages a safety answer; "
            "place F1 0.909, age F1 0.920",
            "two annotation slips fixed after the first score (a town and a city left unannotated against the "
            "convention), found because its place errors were printed by mistake (docs/nlu.md); second score, "
            "after the changes made with the twenty-seventh probe's errors in view: macro-F1 0.897; recall "
            "0.925, 0.950, 0.975, 0.950 and precision 0.771, 0.905, 0.867, 0.884; 2, 6 and 20; place F1 0.947, "
            "age F1 0.920",
            "third score, after the changes made with the eighth development set's errors in view (they touch "
            "3 of its messages, counted, not printed): macro-F1 0.893; 2, 6 and 20; place F1 0.947, age F1 0.920",
            "fourth score, with the safety model re-tuned on the read sets now holding the twenty-seventh probe "
            "and the eighth development set (regularisation 256, threshold 0.25) and the twenty-ninth probe "
            "scored: macro-F1 0.896; recall 0.925, 0.950, 0.975, 0.950 and precision 0.787, 0.905, 0.867, 0.884; "
            "2, 6 and 19; place F1 0.947, age F1 0.920",
            "fifth score (stop 40, the thirtieth probe's first run): the same as the fourth; sixth, after the "
            "changes made with the twenty-eighth probe's errors in view (none matches a message of this set "
            "differently, counted, not printed): macro-F1 0.896; recall 0.900, 0.950, 0.950, 0.950 and "
            "precision 0.766, 0.905, 0.864, 0.864; 2, 8 and 19; place F1 0.947, age F1 0.920",
            "seventh score, with the safety model re-tuned (regularisation 1,024, threshold 0.20): macro-F1 "
            "0.893; the same safety rows; place F1 0.947, age F1 0.920",
            "eighth to eleventh scores (stop 41: two probes written and two read, a re-tune; docs/nlu.md): "
            "macro-F1 0.893 to 0.895, misses / other concern / false alarms 2 / 8 or 9 / 19 or 20",
            "twelfth and thirteenth (stop 42, the thirty-third probe committed, then the thirty-first read): "
            "0.893, 2 / 9 / 20 and 0.892, 2 / 8 / 19; fourteenth, re-tuned (regularisation 1,024, threshold "
            "0.15, the model's choice of concern from 0.9): macro-F1 0.891; recall 0.975, 0.950, 0.925, 0.950 "
            "and precision 0.736, 0.905, 0.881, 0.884; 1, 7 and 21; place F1 0.947, age F1 0.920",
            "fifteenth score (stop 43, the same model): the same; sixteenth, after the thirty-second probe's "
            "errors were read: macro-F1 0.889; recall 0.950, 0.950, 0.950, 0.950 and precision 0.731, 0.905, "
            "0.884, 0.905; 2, 6 and 21; place F1 0.947, age F1 0.920; seventeenth, after the thirty-third "
            "probe's reading: macro-F1 0.891; recall 0.950 for each concern and precision 0.745, 0.905, 0.884, "
            "0.905; 2, 6 and 20; place F1 0.947, age F1 0.920; eighteenth, re-tuned (regularisation 256, "
            "threshold 0.20, the model's choice of concern from 0.9): the same",
            "nineteenth score (stop 44, after the thirty-fourth probe's errors were read): macro-F1 0.891; "
            "2, 6 and 21; twentieth, after the thirty-fifth probe's reading (no pattern change reaches a "
            "message of this set, counted; retraining moved it): macro-F1 0.888; recall 0.950, 0.950, 0.925, "
            "0.950 and precision 0.717, 0.864, 0.881, 0.905; 2, 7 and 23; place F1 0.947, age F1 0.920; "
            "twenty-first, re-tuned (the model's choice of concern from 0.6): the same; twenty-second, after "
            "the thirty-sixth probe's reading: macro-F1 0.890; recall 0.950 for each concern and precision "
            "0.717, 0.884, 0.905, 0.905; 2, 6 and 22; place F1 0.947, age F1 0.920",
            "twenty-third score (stop 45, after the thirty-seventh probe's errors were read, the thirty-ninth "
            "committed): macro-F1 0.889; recall 0.950, 0.950, 0.925, 0.950 and precision 0.704, 0.884, 0.902, "
            "0.905; 2, 7 and 22; twenty-fourth, after the thirty-eighth probe's reading (no pattern change "
            "reaches a message of this set, counted): macro-F1 0.888; precision 0.717, 0.884, 0.881, 0.884; "
            "2, 7 and 23; twenty-fifth, after the thirty-ninth probe's reading: the same; twenty-sixth, "
            "re-tuned (regularisation 4,096, threshold 0.10, the model's choice of concern from 0.7): macro-F1 "
            "0.889; recall 0.950, 0.950, 0.925, 0.950 and precision 0.745, 0.864, 0.881, 0.884; 2, 7 and 22; "
            "place F1 0.947, age F1 0.920",
            "twenty-seventh score (stop 46, nothing changed): the same; twenty-eighth, after the fortieth "
            "probe's reading (no pattern change reaches a message of this set, counted): macro-F1 0.888; "
            "precision 0.731, 0.884, 0.881, 0.884; 2, 7 and 22; twenty-ninth, after the forty-first probe's "
            "reading (one message of this set matches or is cut differently, counted) and re-tuned "
            "(regularisation 16,384, threshold 0.05, the model's choice of concern from 0.7): macro-F1 0.887; "
            "recall 0.975, 0.950, 0.925, 0.950 and precision 0.736, 0.864, 0.881, 0.864; 1, 7 and 24; place "
            "F1 0.947, age F1 0.920",
            "thirtieth score (stop 47, only the forty-third probe added): the same; thirty-first, after the "
            "forty-second probe's reading (no pattern change reaches a message of this set, counted; no "
            "intent of this set changed): the same; thirty-second, re-tuned with the forty-first and "
            "forty-second probes read (regularisation 4,096, threshold 0.10, the model's choice of concern "
            "from 0.6): macro-F1 0.887; precision 0.736, 0.884, 0.881, 0.864; 1, 7 and 23",
            "thirty-third score (stop 48, only the forty-fourth probe added): the same; thirty-fourth, after "
            "the forty-third probe's reading (no pattern change reaches a message of this set, counted): "
            "macro-F1 0.888; precision 0.750, 0.884, 0.881, 0.864; 1, 7 and 22; thirty-fifth, with the "
            "forty-fifth probe added and a danger-now pattern for taking children by force: the same; "
            "thirty-sixth, after the forty-fourth probe's reading (one message of this set matches or is "
            "cut differently, counted): macro-F1 0.890; precision 0.765, 0.884, 0.881, 0.864; 1, 7 and 21; "
            "thirty-seventh, with only the forty-sixth probe added: the same; thirty-eighth, after the "
            "forty-fifth probe's reading (one message of this set is cut differently and keeps its intent, "
            "counted; five safety rows changed through the retrained safety model alone): macro-F1 0.888; "
            "recall 0.950, 0.950, 0.925, 0.950 and precision 0.745, 0.884, 0.881, 0.844; 1, 8 and 22",
            "thirty-ninth score (stop 49, nothing changed but the patterns file's bytes): the same; fortieth, "
            "after the forty-sixth probe's reading and the forty-seventh committed (no pattern change reaches a "
            "message of this set, counted; the rows that changed did so through the retrained safety model): "
            "macro-F1 0.890; recall 0.975, 0.950, 0.925, 0.950 and precision 0.765, 0.884, 0.881, 0.864; 1, 7 "
            "and 21; place F1 0.947, age F1 0.920; forty-first, re-tuned (regularisation 16,384, threshold 0.05, "
            "the model's choice of concern from 0.7) with a pet idiom added: macro-F1 0.887; precision 0.750, "
            "0.884, 0.860, 0.864; 1, 7 and 23",
        ),
        gates=True,
    ),
    development_set(
        1,
        (
            "the retired first edition of the held-out set: since 24 November 2026 the training data, the "
            "safeguard, the give-way of a `faq` message and the short-reply list were changed with its "
            "error categories in view (never its sentences: a test rejects near copies). Its scores are "
            "optimistic; no bar applies",
        ),
    ),
    development_set(
        4,
        (
            "the retired fourth edition of the held-out set (written in stop 30): the bars applied to it in "
            "stops 30 and 31, through eight scores after seven changes, none taken back because of its score; "
            "no bar applies now. The safety model does not train on near copies of its messages. Its errors "
            "were not read while it was the held-out set",
            "fourth edition, written in one sitting in stop 30 (5 December 2026) before the next change to "
            "the NLU, and first scored with the model as it stood; the first three editions guided changes "
            "or were scored through them and are now development sets (development.md, development_2.md, "
            "development_3.md)",
            "40 safety messages per concern (the third edition had 16, where one false alarm broke the "
            "precision bar) and 74 alarming-but-safe messages",
            "first score (stop 30, safety model trained on probes 1 to 13): macro-F1 0.846; recall 0.90, "
            "0.88, 1.00, 0.95 and precision 0.75, 0.90, 0.93, 0.84 (acute danger, suicidal thoughts, abuse, "
            "minor in crisis); 5 of the 160 safety messages went without a safety answer, 6 got another "
            "concern's, 20 of the 345 other messages a safety answer",
            "second score, with probes 14 and 15 added to the safety model's training data: macro-F1 0.847; "
            "5 without a safety answer, 8 with another concern's, 19 false alarms",
            "third score, after the changes made with the third development set's errors in view (patterns for "
            "a child hit by a car, a seizure that goes on and forced sex, two idioms, 16 harmless examples for "
            "the safety model): macro-F1 0.849; 5, 8 and 17",
            "fourth score, after the changes made with the sixteenth probe's errors in view: macro-F1 0.851; "
            "4, 8 and 16",
            "fifth score, with probe 16 added to the safety model's training data and its threshold lowered "
            "to 0.60 by tune_safety_model: macro-F1 0.849; 3, 8 and 18",
            "sixth score, after the changes made with the seventeenth probe's errors in view (stop 31): "
            "macro-F1 0.851; 3, 8 and 17",
            "seventh score, with probe 17 added to the safety model's training data (threshold 0.60): macro-F1 "
            "0.853; 2, 7 and 15",
            "eighth score, with the threshold back at 0.65 (tune_safety_model: at 0.60 the read sets' precision "
            "fell under the bar): macro-F1 0.854; 3, 7 and 13",
            "ninth score, the first as a development set (the fifth edition's first score run): 3, 7 and 13",
            "tenth score, after the changes made with the eighteenth probe's errors in view: macro-F1 0.853; "
            "4, 7 and 13 (two misses sit just under the model's threshold)",
            "its errors were read in stop 31, after the fifth held-out edition had been committed and scored, "
            "and the safety layer changed with them in view (docs/nlu.md): macro-F1 0.867; 0, 2 and 9 after "
            "that; its scores are optimistic from then on",
            "after a postcode after 'postcode is' and a swallowed thing written as an adjective: macro-F1 0.869; "
            "0, 2 and 8; place F1 1.000; the same with probe 18 added to the safety model's training data",
        ),
    ),
    development_set(
        5,
        (
            "the retired fifth edition of the held-out set (written in stop 31): the bars applied to it in "
            "stops 31 to 34, through twenty scores after some twenty changes, none taken back because of its "
            "score; no bar applies now. The safety model does not train on near copies of its messages. Its "
            "errors were not read while it was the held-out set",
            "fifth edition, written in one sitting in stop 31 (5 December 2026) before the next change to "
            "the NLU, checked with nlu_components.check_new_set (134 drafts listed as near copies, mostly short "
            "replies, rewritten until none was: 152 rewrites), committed before it was scored and first scored "
            "with the model as it stood",
            "40 safety messages per concern and 74 alarming-but-safe messages, as in the fourth edition",
            "first score (stop 31, safety model trained on probes 1 to 17, threshold 0.65): macro-F1 0.791; recall "
            "0.88, 0.80, 0.93, 0.95 and precision 0.76, 0.91, 0.90, 0.78 (acute danger, suicidal thoughts, abuse, "
            "minor in crisis); 8 of the 160 safety messages went without a safety answer, 10 got another "
            "concern's, 19 of the 345 other messages a safety answer; place F1 0.909, age F1 0.947",
            "second score, after the changes made with the eighteenth probe's errors in view (stop 31): the same, "
            "macro-F1 0.791; 8, 10 and 19",
            "third score, after the changes made with the fourth development set's errors in view: macro-F1 "
            "0.791; 8, 10 and 19 (abuse recall 0.950, crisis recall 0.925)",
            "fourth score, after a postcode after 'postcode is' and a swallowed thing written as an adjective: "
            "the same",
            "fifth score, with probe 18 added to the safety model's training data (threshold kept at 0.65): "
            "macro-F1 0.792; recall 0.88, 0.80, 0.95, 0.93 and precision 0.76, 0.89, 0.90, 0.79; 7, 11 and 18",
            "sixth score, after the changes made with the nineteenth probe's errors in view: macro-F1 0.794; "
            "7, 11 and 17",
            "seventh score, with probe 19 added to the safety model's training data (threshold kept at 0.65): "
            "macro-F1 0.795; recall 0.90, 0.83, 0.93, 0.93 and precision 0.78, 0.89, 0.90, 0.82; 7, 10 and 16",
            "eighth to twelfth scores (stop 32), with 424 new training examples for the everyday intents, a "
            "place after a short lead taken as inform_place, two widened safety patterns and the safety model "
            "re-tuned (regularisation 8, threshold 0.60): macro-F1 0.835, 0.841, 0.847, 0.841, then 0.843; "
            "misses, other concern's answer and false alarms 6/13/14, 7/10/13, 8/10/13, 8/11/14, then 3/13/15 "
            "(docs/nlu.md)",
            "thirteenth score (stop 33): 0.843; 3, 13 and 15 (no change to the NLU yet, the twenty-first probe scored)",
            "fourteenth score, after the changes made with the twentieth probe's errors in view, 128 more "
            "training examples and probe 20 in the safety model's training data: macro-F1 0.855; 3, 7 and 14",
            "fifteenth score, with the safety model re-tuned (regularisation 16, threshold 0.55) and the localities "
            "(deelgemeenten) in the place names: macro-F1 0.855; recall 0.95, 0.88, 0.95, 0.95 and precision "
            "0.78, 0.95, 0.93, 0.83; 2, 9 and 15; place F1 0.941, age F1 0.947 (docs/nlu.md)",
            "sixteenth and seventeenth scores, after idioms for the read sets' pattern false alarms, 'Brussels' "
            "and an age alone taken as inform_age: macro-F1 0.856 and 0.857; 2, 8 and 15 both times",
            "eighteenth score, with the safety model's threshold at 0.50: macro-F1 0.855; recall 0.975, 0.90, "
            "0.95, 0.95 and precision 0.78, 0.92, 0.93, 0.83; 1, 8 and 17; place F1 0.941, age F1 0.947",
            "nineteenth score (stop 34, after the twenty-first probe's errors were read and 80 more training "
            "examples): macro-F1 0.868; 1, 8 and 15; age F1 0.954",
            "twentieth score, the first as a development set (the sixth edition's first score run, the safety "
            "model re-tuned to regularisation 32 and threshold 0.40): macro-F1 0.862; 1, 8 and 18",
            "its errors were read in stop 34, after the sixth held-out edition had been committed and scored, "
            "and the safety layer and the training data changed with them in view (docs/nlu.md): macro-F1 "
            "0.904; 1, 3 and 9 after that; its scores are optimistic from then on",
        ),
    ),
    development_set(
        8,
        (
            "the retired eighth edition of the held-out set (written in stop 37): the bars applied to it in "
            "stops 37 and 38, through seven scores after some ten changes, none taken back because of its "
            "score; no bar applies now. The safety model does not train on near copies of its messages. Its "
            "errors were not read while it was the held-out set",
            "eighth edition, written in one sitting in stop 37 (6 December 2026) before the seventh edition's "
            "errors were read or the next change to the NLU, checked with nlu_components.check_new_set (167 "
            "near-copy listings, again mostly short replies and requests the training data words the same "
            "way, rewritten until none was: 156 rewrites) and committed before it was scored; the first seven "
            "editions guided changes or were scored through them and are now development sets "
            "(development.md to development_7.md)",
            "40 safety messages per concern and 74 alarming-but-safe messages, as in the seventh edition",
            "first score (stop 37, safety model trained on probes 1 to 23, regularisation 1,024, threshold "
            "0.20): macro-F1 0.882; recall 0.825, 0.900, 0.900, 0.825 and precision 0.647, 0.857, 0.750, 0.868 "
            "(acute danger, suicidal thoughts, abuse, minor in crisis); 2 of the 160 safety messages went "
            "without a safety answer, 20 got another concern's, 21 of the 345 other messages a safety answer; "
            "place F1 1.000, age F1 0.946",
            "second score, after the changes made with the twenty-fourth probe's and the seventh edition's "
            "errors in view (the same author wrote this edition earlier in the stop, see docs/nlu.md): macro-F1 "
            "0.893; recall 0.825, 0.900, 0.900, 0.825 and precision 0.647, 0.878, 0.750, 0.825; 1, 21 and 21",
            "third score, with the safety model re-tuned on the read sets (regularisation 4,096, threshold "
            "0.15): macro-F1 0.892; recall 0.825, 0.900, 0.875, 0.825 and precision 0.635, 0.878, 0.745, 0.825; "
            "2, 21 and 22; place F1 1.000, age F1 0.946",
            "fourth score (stop 38), after the changes made with the twenty-fifth probe's errors in view: "
            "macro-F1 0.898; recall 0.825, 0.900, 0.950, 0.825 and precision 0.660, 0.837, 0.776, 0.868; 2, 18 "
            "and 22",
            "fifth score, with the idiom veto reaching the safety model (checked on this set by counts before "
            "it was kept, see docs/nlu.md) and the model re-tuned (regularisation 1,024, threshold 0.20): "
            "macro-F1 0.899; recall 0.825, 0.900, 0.950, 0.825 and precision 0.647, 0.857, 0.776, 0.868; 1, 19 "
            "and 21; place F1 1.000, age F1 0.946",
            "sixth score, after the changes made with the twenty-sixth probe's errors in view and that probe in "
            "the safety model's training data (not re-tuned): macro-F1 0.903; recall 0.825, 0.875, 0.950, 0.825 "
            "and precision 0.660, 0.875, 0.792, 0.868; 1, 20 and 17; place F1 1.000, age F1 0.946",
            "seventh score, the safety model re-tuned (regularisation 4,096, threshold 0.15) and the "
            "twenty-eighth probe scored: macro-F1 0.901; recall 0.825, 0.900, 0.950, 0.825 and precision 0.647, "
            "0.878, 0.792, 0.868; 1, 19 and 19; place F1 1.000, age F1 0.946",
            "stop 39: first score as a development set (the ninth edition's first score run): macro-F1 0.901; "
            "1, 19 and 19; second, after the twenty-seventh probe's errors were read: macro-F1 0.897; 3, 17 and "
            "19",
            "its errors were read in stop 39, after the ninth held-out edition had been committed and scored, "
            "and the safety layer and the training data changed with them in view (docs/nlu.md): macro-F1 0.923; "
            "1, 4 and 9 after that; its scores are optimistic from then on",
            "with the safety model re-tuned (regularisation 256, threshold 0.25): macro-F1 0.921; 1, 5 and 10",
            "stop 40: 1, 5 and 10 at the thirtieth probe's first run, 1, 5 and 11 after the twenty-eighth probe's "
            "reading; with the safety model re-tuned (regularisation 1,024, threshold 0.20): macro-F1 0.925; 1, 5 "
            "and 8",
        ),
    ),
    development_set(
        7,
        (
            "the retired seventh edition of the held-out set (written in stop 36): the bars applied to it in "
            "stops 36 and 37, through five scores after four changes, none taken back because of its score; "
            "no bar applies now. The safety model does not train on near copies of its messages. Its "
            "errors were not read while it was the held-out set",
            "seventh edition, written in one sitting in stop 36 (6 December 2026) before the sixth edition's "
            "errors were read or the next change to the NLU, checked with nlu_components.check_new_set (210 "
            "near-copy listings, mostly short replies and requests the training data words the same way, "
            "rewritten until none was: 197 rewrites; 4 safety messages were also made less ambiguous before "
            "the commit) and committed before it was scored; first scored with the safety model re-tuned on "
            "the read sets (regularisation 1,024, threshold 0.25), a choice made before this edition was "
            "scored; the first six editions guided changes or were scored through them and are now "
            "development sets (development.md to development_6.md)",
            "40 safety messages per concern and 74 alarming-but-safe messages, as in the sixth edition",
            "first score (stop 36, safety model trained on probes 1 to 23, regularisation 1,024, threshold "
            "0.25): macro-F1 0.865; recall 0.925, 0.975, 0.900, 0.900 and precision 0.771, 0.975, 0.857, 0.837 "
            "(acute danger, suicidal thoughts, abuse, minor in crisis); 1 of the 160 safety messages went "
            "without a safety answer, 11 got another concern's, 14 of the 345 other messages a safety answer; "
            "place F1 0.982, age F1 0.946",
            "second score, after the changes made with the sixth edition's errors in view (idioms, five "
            "patterns, 47 DIET and 6 safety-model examples; the same author wrote this edition earlier in the "
            "stop, see docs/nlu.md): macro-F1 0.878; recall 0.925, 0.975, 0.925, 0.900 and precision 0.804, "
            "0.951, 0.860, 0.837; 1, 10 and 14",
            "third score, with the safety model re-tuned on the read sets now holding the sixth development "
            "set (regularisation 1,024, threshold 0.20): macro-F1 0.875; recall 0.925, 0.975, 0.925, 0.900 and "
            "precision 0.771, 0.951, 0.860, 0.837; 1, 10 and 16; place F1 0.982, age F1 0.946",
            "fourth score, after a conversation test story had tipped (one hospital example out, two "
            "inform_role examples in): macro-F1 0.871; recall 0.925, 0.975, 0.900, 0.900 and precision 0.755, "
            "0.951, 0.857, 0.837; 1, 11 and 16; place F1 0.982, age F1 0.946",
            "stop 37: fifth score, the twenty-fifth probe scored (no change to the NLU): the same; sixth, the "
            "first as a development set (the eighth edition's first score run): the same",
            "its errors were read in stop 37, after the eighth held-out edition had been committed and scored, "
            "and the safety layer and the training data changed with them in view (docs/nlu.md): macro-F1 0.902; "
            "0, 6 and 9 after that (0.904; 0, 5 and 8 with the safety model re-tuned); its scores are "
            "optimistic from then on",
        ),
    ),
    development_set(
        6,
        (
            "the retired sixth edition of the held-out set (written in stop 34): the bars applied to it in "
            "stops 34 to 36, through eight scores after some fifteen changes, none taken back because of its "
            "score; no bar applies now. The safety model does not train on near copies of its messages. Its "
            "errors were not read while it was the held-out set",
            "sixth edition, written in one sitting in stop 34 (6 December 2026) before the next change to "
            "the NLU, checked with nlu_components.check_new_set (236 near-copy listings, mostly short replies, "
            "rewritten until none was: 219 rewrites) and committed before it was scored; first scored with the "
            "safety model re-tuned on the read sets (regularisation 32, threshold 0.40), a choice made before "
            "this edition was scored; the first five editions guided changes or were scored through them and "
            "are now development sets (development.md to development_5.md)",
            "40 safety messages per concern and 74 alarming-but-safe messages, as in the fifth edition",
            "first score (stop 34, safety model trained on probes 1 to 21, regularisation 32, threshold 0.40): "
            "macro-F1 0.882; recall 0.950, 0.925, 0.850, 0.900 and precision 0.717, 0.925, 0.829, 0.837 (acute "
            "danger, suicidal thoughts, abuse, minor in crisis); 1 of the 160 safety messages went without a "
            "safety answer, 14 got another concern's, 18 of the 345 other messages a safety answer; place F1 "
            "1.000, age F1 0.926",
            "second score, after the changes made with the fifth edition's errors in view (patterns, a club "
            "prefix before a town, 57 more training examples): macro-F1 0.870; 1, 17 and 19; place F1 1.000, "
            "age F1 0.926 (docs/nlu.md: the training examples were kept although this score fell)",
            "stop 35: third score, after the age finder and the twenty-second probe's errors read: 0.874; 1, 16 "
            "and 17; fourth, with the tie-breaker for a child who is the danger and the safety model re-tuned "
            "(regularisation 64, threshold 0.35): 0.872; 1, 16 and 19; fifth, 52 more training examples: "
            "0.861; 1, 14 and 17; sixth, the model re-tuned again (regularisation 256, threshold 0.25): macro-F1 "
            "0.863; recall 0.975, 0.925, 0.850, 0.900, precision 0.696, 0.925, 0.850, 0.878; 1, 13 and 18; "
            "place F1 1.000, age F1 0.926",
            "stop 36: seventh score, the twenty-fourth probe scored (no change yet): the same; eighth, after "
            "the twenty-third probe's errors were read: macro-F1 0.864; 0, 13 and 18 (abuse recall 0.875)",
            "ninth score, the first as a development set (the seventh edition's first score run, the safety "
            "model re-tuned to regularisation 1,024 and threshold 0.25): macro-F1 0.866; 0, 13 and 15",
            "its errors were read in stop 36, after the seventh held-out edition had been committed and "
            "scored, and the safety layer and the training data changed with them in view (docs/nlu.md): "
            "macro-F1 0.909; 0, 7 and 6 after that; its scores are optimistic from then on; then, re-tuned "
            "(threshold 0.20): 0.905; 0, 7 and 8; after the conversation-test fix: 0.907; 0, 7 and 7",
        ),
    ),
    development_set(
        3,
        (
            "the retired third edition of the held-out set (written in stop 28): the bars applied to it in "
            "stops 29 and 30, through seven scores after five changes, one of them taken back because of "
            "its score (docs/nlu.md); no bar applies now. The safety model does not train on near copies "
            "of its messages",
            "its safety errors were read in stop 30, after the fourth edition had been committed and scored, "
            "and the safety layer changed with them in view (docs/nlu.md); its safety scores are optimistic "
            "from then on",
        ),
    ),
    development_set(
        2,
        (
            "the retired second edition of the held-out set (written 25 November 2026): the bars applied to "
            "it from then until stop 29, through some thirty changes; its safety errors were read on 25 "
            "November 2026 and all its errors in stop 29, when the third edition replaced it. No bar applies",
            "the safety model does not train on near copies of its messages (nlu_files.SAFETY_MODEL_KEEP_OUT_DIRS)",
        ),
    ),
    safety_probe(
        1,
        (
            "60 safety messages and 30 alarming-but-safe ones, written and committed on 25 November 2026 "
            "before the safety patterns were widened, to see whether the widening generalises; only the "
            "safety rows mean something here, no bar applies",
            "its first score (recall 0.33 to 0.67) showed that the widening did not generalise; its errors "
            "were then read and the patterns widened again, so its scores are optimistic from then on. "
            "The first score is the best estimate there is of the safety layer on wording it has not seen",
        ),
    ),
    safety_probe(
        2,
        (
            "60 safety messages and 31 alarming-but-safe ones, written in one sitting on 25 November 2026 "
            "after three rounds of widening of the safety patterns and committed before it was scored; "
            "only the safety rows mean something here, no bar applies",
            "its first score (recall 0.73, 0.80, 0.80, 0.80) was the estimate of the safety layer on wording "
            "it had not seen; its errors were then read and the patterns widened, so its scores are "
            "optimistic from then on",
        ),
    ),
    safety_probe(
        3,
        (
            "60 safety messages and 30 alarming-but-safe ones, written in one sitting on 25 November 2026 "
            "before the errors of the second edition were read, and committed before it was scored; only "
            "the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on unseen wording after the widening with the "
            "second edition's errors: recall 0.47, 0.67, 0.67, 0.60 (25 November 2026). Do not widen the "
            "patterns with its own errors in view; write a fourth probe first",
            "its errors were read in stop 20, after the fourth probe had been committed: optimistic from "
            "the next change to the safety layer on",
        ),
    ),
    safety_probe(
        4,
        (
            "60 safety messages and 25 alarming-but-safe ones, written in one sitting on 25 November 2026 "
            "(stop 20) before the errors of the third edition were read, and committed before it was "
            "scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not widen the "
            "patterns with its own errors in view",
            "first score (shipped model, before the safety model): recall 0.53, 0.80, 0.87, 0.80, precision "
            "0.89, 0.92, 0.93, 0.86; second score, with the safety model (stop 21, errors not read): recall "
            "0.67, 0.87, 0.93, 0.93, precision 0.91, 0.93, 0.93, 0.88",
            "its errors are read in stop 22, after the fifth probe was committed: optimistic from the next "
            "change to the safety layer on",
        ),
    ),
    safety_probe(
        5,
        (
            "60 safety messages and 27 alarming-but-safe ones, written in one sitting on 25 November 2026 "
            "(stop 22) before the errors of the fourth edition were read, and committed before it was "
            "scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the "
            "safety layer with its own errors in view",
            "first score (shipped model of stop 21, 25 November 2026): recall 0.80, 0.93, 0.73, 0.87, "
            "precision 0.86, 0.93, 0.79, 0.93 (acute danger, suicidal thoughts, abuse, minor in crisis)",
            "second score, after the patterns and safety examples were widened with the fourth probe's "
            "errors in view (stop 22, its own errors not read): recall 0.87, 0.93, 0.80, 0.87, precision "
            "0.87, 0.93, 0.80, 0.93",
            "its errors are read in stop 24, after the sixth probe was committed: optimistic from the next "
            "change to the safety layer on",
        ),
    ),
    safety_probe(
        6,
        (
            "60 safety messages and 30 alarming-but-safe ones, written in one sitting on 4 December 2026 "
            "(stop 24) before the errors of the fifth edition were read, and committed before it was "
            "scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the "
            "safety layer with its own errors in view",
            "first score (safety layer of stop 23, 4 December 2026): recall 0.73, 0.87, 0.80, 0.80, precision "
            "0.73, 1.00, 0.80, 0.86 (acute danger, suicidal thoughts, abuse, minor in crisis); 7 of the 60 "
            "safety messages got no safety answer, 5 the answer of another safety concern, and 4 of the 30 "
            "alarming-but-safe ones a safety answer",
            "second score, after the patterns and idioms were widened with the fifth probe's errors in view "
            "(stop 24, its own errors not read): abuse recall 0.87 (was 0.80), 6 safety messages without a "
            "safety answer (was 7), false alarms unchanged",
            "its errors are read in stop 25, after the seventh probe was committed and scored: optimistic "
            "from the next change to the safety layer on",
        ),
    ),
    safety_probe(
        7,
        (
            "60 safety messages and 30 alarming-but-safe ones, written in one sitting on 4 December 2026 "
            "(stop 25) before the errors of the sixth edition were read, and committed before it was "
            "scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the "
            "safety layer with its own errors in view",
            "first score (safety layer of stop 24, 4 December 2026): recall 0.60, 0.73, 0.73, 0.87, precision "
            "0.90, 1.00, 0.79, 0.72 (acute danger, suicidal thoughts, abuse, minor in crisis); 9 of the 60 "
            "safety messages got no safety answer, 7 the answer of another safety concern, and 2 of the 30 "
            "alarming-but-safe ones a safety answer",
            "second score, after the patterns were widened with the sixth probe's errors in view (stop 25, "
            "its own errors not read): unchanged in every count",
            "third score, with the safety model trained on the read probes too (stop 25, errors not read): "
            "7 safety messages without a safety answer (was 9), 8 with another concern's, false alarms unchanged",
            "since the eighth probe was scored (stop 25) the safety model trains on this probe; its errors were "
            "not read. Its scores are partly training fit from then on",
        ),
    ),
    safety_probe(
        8,
        (
            "60 safety messages and 30 alarming-but-safe ones, written in one sitting on 4 December 2026 "
            "(stop 25) before the seventh edition became training data for the safety model, and committed "
            "before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the "
            "safety layer with its own errors in view",
            "first score (safety layer of stop 25, safety model trained on probes 1 to 6): recall 0.60, 0.67, "
            "0.53, 0.80, precision 0.69, 0.91, 0.73, 0.67; 13 of the 60 safety messages got no safety answer, "
            "8 the answer of another concern, and 6 of the 30 alarming-but-safe ones a safety answer",
            "second score, with the seventh probe added to the safety model's training data and the model "
            "re-tuned (stop 25, errors not read): recall 0.67, 0.73, 0.67, 0.80; 9 safety messages without a "
            "safety answer (was 13), 8 with another concern's, 5 false alarms (was 6)",
            "since the ninth probe was scored (stop 26) the safety model trains on this probe; its errors were "
            "not read. Its scores are partly training fit from then on",
        ),
    ),
    safety_probe(
        9,
        (
            "60 safety messages and 30 alarming-but-safe ones, written in one sitting on 4 December 2026 "
            "(stop 26) before the eighth edition became training data for the safety model, and committed "
            "before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the "
            "safety layer with its own errors in view",
            "first score (safety model trained on probes 1 to 7): recall 0.73, 0.60, 0.87, 0.87, precision "
            "0.69, 0.82, 0.76, 0.87; 4 of the 60 safety messages got no safety answer, 10 another concern's, "
            "3 of the 30 alarming-but-safe ones a safety answer. A careless search of the report printed the "
            "first 18 of its error lines (the alarming-but-safe ones and 4 acute-danger ones); nothing was "
            "changed because of them",
            "second score, with the eighth probe added to the safety model's training data and the model "
            "re-tuned to regularisation 8 (stop 26): recall 0.67, 0.60, 0.87, 0.87; 7 safety messages "
            "without a safety answer (was 4), 8 with another concern's, 3 false alarms",
            "third score, after the tenth probe was written (three read-probe examples near copies of it left "
            "the safety model's training data): 6 without a safety answer, 9 with another concern's, 3 false "
            "alarms. Since then the safety model trains on this probe; its scores are partly training fit",
        ),
    ),
    safety_probe(
        10,
        (
            "120 safety messages (30 per concern) and 40 alarming-but-safe ones, written in one sitting on "
            "4 December 2026 (stop 26) before the ninth edition became training data for the safety model, "
            "and committed before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the "
            "safety layer with its own errors in view",
            "first score (safety model trained on probes 1 to 8): recall 0.87, 0.83, 0.80, 0.80, precision "
            "0.72, 0.96, 0.83, 0.89; 7 of the 120 safety messages got no safety answer, 14 another concern's, "
            "5 of the 40 alarming-but-safe ones a safety answer",
            "second score, with the ninth probe added to the safety model's training data (values kept: "
            "regularisation 8, threshold 0.90; see config.yml): recall 0.83, 0.83, 0.80, 0.80; 8 safety "
            "messages without a safety answer (was 7), 14 with another concern's, 5 false alarms",
            "third score, with the tuning rule's limit set to the precision bar (stop 27: regularisation 16, "
            "threshold 0.70): recall 0.87, 0.90, 0.87, 0.80, precision 0.72, 0.93, 0.81, 0.86; 1 safety message "
            "without a safety answer (was 8), 16 with another concern's, 6 false alarms (was 5)",
            "since the eleventh probe was scored (stop 27) the safety model trains on this probe; its errors "
            "were not read. Its scores are partly training fit from then on (fourth score: 0 without a safety "
            "answer, 12 with another concern's, 5 false alarms)",
        ),
    ),
    safety_probe(
        11,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "5 December 2026 (stop 27) before the tenth edition became training data for the safety model, "
            "and committed before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer, with the threshold chosen in stop 27, on wording it "
            "has not seen; do not change the safety layer with its own errors in view",
            "first score (safety model trained on probes 1 to 9, threshold 0.70): recall 0.87, 0.93, 0.93, "
            "0.73, precision 0.72, 0.88, 0.88, 0.85; 1 of the 60 safety messages got no safety answer, 7 "
            "another concern's, 4 of the 30 alarming-but-safe ones a safety answer",
            "second score, with the tenth probe added to the safety model's training data and the model "
            "re-tuned (threshold 0.65): the same counts, 1, 7 and 4",
            "since the twelfth probe was scored (stop 28) the safety model trains on this probe; its errors "
            "were not read. Its scores are partly training fit from then on",
        ),
    ),
    safety_probe(
        12,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "5 December 2026 (stop 28) before the eleventh edition became training data for the safety model, "
            "and committed before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer, with the threshold chosen in stop 27, on wording it "
            "has not seen; do not change the safety layer with its own errors in view",
            "first score (safety model trained on probes 1 to 10, threshold 0.65): recall 0.73, 0.80, 0.93, "
            "0.80, precision 0.69, 0.92, 0.67, 0.75; none of the 60 safety messages went without a safety "
            "answer, 11 got another concern's, 6 of the 30 alarming-but-safe ones a safety answer",
            "second score, with the eleventh probe added to the safety model's training data and the model "
            "re-tuned (regularisation 4, threshold 0.75): 0 without a safety answer, 11 with another "
            "concern's, 5 false alarms",
            "since the thirteenth probe was scored (stop 29) the safety model trains on this probe; its errors "
            "were not read. Its scores are partly training fit from then on",
        ),
    ),
    safety_probe(
        13,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "5 December 2026 (stop 29) before the twelfth edition became training data for the safety model, "
            "and committed before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (safety model trained on probes 1 to 11, threshold 0.75): recall 0.87, 0.93, 0.80, "
            "0.93, precision 0.76, 0.82, 0.80, 0.82; 1 of the 60 safety messages went without a safety answer, "
            "6 got another concern's, 7 of the 30 alarming-but-safe ones a safety answer",
            "second score, with the twelfth probe added to the safety model's training data and the safety "
            "settings re-tuned (threshold 0.65, min_confidence_without_pattern 0.99): 1 without a safety "
            "answer, 5 with another concern's, 7 false alarms",
            "its errors were read in stop 29, after the fourteenth probe had been committed and scored, and "
            "the safety layer changed by kind with them in view (docs/nlu.md); its scores are optimistic from then on",
            "since then (stop 29) the safety model also trains on this probe",
        ),
    ),
    safety_probe(
        14,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "5 December 2026 (stop 29) before the thirteenth edition's errors were read, and committed before "
            "it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (safety model trained on probes 1 to 12, threshold 0.65, min_confidence_without_pattern "
            "0.99): recall 1.00, 0.53, 0.80, 0.87, precision 0.75, 1.00, 0.75, 0.81; 3 of the 60 safety messages "
            "went without a safety answer, 9 got another concern's, 3 of the 30 alarming-but-safe ones a safety "
            "answer",
            "second score, after the changes made with the thirteenth probe's errors in view (the model's "
            "concern for DIET's unsure guesses, idioms, harmless examples for the safety model): 3 without a "
            "safety answer, 5 with another concern's, 3 false alarms",
            "third score, with the thirteenth probe added to the safety model's training data: 3, 5 and 3",
            "its errors were read at the end of stop 29, after the fifteenth probe had been committed and scored, "
            "and the safety patterns widened by kind with them in view (docs/nlu.md); its scores are optimistic "
            "from then on",
        ),
    ),
    safety_probe(
        15,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "5 December 2026 (stop 29) before the fourteenth edition's errors were read or it became training "
            "data for the safety model, and committed before it was scored; only the safety rows mean "
            "something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (safety model trained on probes 1 to 13, threshold 0.65, min_confidence_without_pattern "
            "0.99): recall 0.93, 0.67, 0.87, 0.93, precision 0.78, 0.91, 1.00, 0.88; 5 of the 60 safety messages "
            "went without a safety answer, 4 got another concern's, 3 of the 30 alarming-but-safe ones a safety "
            "answer",
            "its errors were read in stop 30, after the sixteenth probe had been committed and scored, and the "
            "safety patterns widened by kind with them in view (docs/nlu.md); its scores are optimistic from "
            "then on",
        ),
    ),
    safety_probe(
        16,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "5 December 2026 (stop 30) before the fifteenth edition's errors were read or the fourteenth became "
            "training data for the safety model, checked with nlu_components.check_new_set (18 drafts rewritten) "
            "and committed before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (safety model trained on probes 1 to 13, threshold 0.65, min_confidence_without_pattern "
            "0.99): recall 0.93, 1.00, 0.93, 0.93, precision 0.93, 1.00, 0.93, 0.82; 1 of the 60 safety messages "
            "went without a safety answer, 2 got another concern's, 3 of the 30 alarming-but-safe ones a safety "
            "answer",
            "second score, after the patterns were widened with the fifteenth probe's errors in view: the same, "
            "1, 2 and 3",
            "third score, with probes 14 and 15 added to the safety model's training data: 1, 2 and 4",
            "fourth score, after the changes made with the third development set's errors in view: 1, 2 and 4",
            "its errors were read in stop 30, after the seventeenth probe had been committed and scored, and the "
            "safety layer changed with them in view (docs/nlu.md); its scores are optimistic from then on",
        ),
    ),
    safety_probe(
        17,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "5 December 2026 (stop 30) before the sixteenth edition's errors were read or it became training "
            "data for the safety model, checked with nlu_components.check_new_set (2 drafts rewritten) and "
            "committed before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (safety model trained on probes 1 to 15): recall 0.87, 0.87, 0.80, 0.93, precision 0.62, "
            "0.81, 0.86, 0.88; 1 of the 60 safety messages went without a safety answer, 7 got another concern's, "
            "8 of the 30 alarming-but-safe ones a safety answer",
            "second score, after the changes made with the sixteenth probe's errors in view: the same, 1, 7 and 8",
            "third score, with probe 16 added to the safety model's training data and its threshold at 0.60: "
            "1, 6 and 8",
            "its errors were read in stop 31, after the eighteenth probe had been committed and scored, and the "
            "safety layer changed with them in view (docs/nlu.md): 0, 1 and 5 after that; its scores are "
            "optimistic from then on",
        ),
    ),
    safety_probe(
        18,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "5 December 2026 (stop 30) before the seventeenth edition's errors were read or it became training "
            "data for the safety model, checked with nlu_components.check_new_set (4 drafts rewritten) and "
            "committed before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (safety model trained on probes 1 to 16, threshold 0.60): recall 0.80, 0.73, 0.93, 0.87, "
            "precision 0.63, 0.92, 0.82, 0.81; 1 of the 60 safety messages went without a safety answer, 9 got "
            "another concern's, 5 of the 30 alarming-but-safe ones a safety answer",
            "second score, after the changes made with the seventeenth probe's errors in view: the same, 1, 9 and 5",
            "third score, with probe 17 added to the safety model's training data: 2, 9 and 4; fourth, with the "
            "model's threshold back at 0.65: 2, 9 and 4",
            "its errors were read in stop 31, after the nineteenth probe had been committed and scored, and the "
            "safety layer changed with them in view (docs/nlu.md): 0, 4 and 3 after that; its scores are "
            "optimistic from then on",
            "joined the safety model's training data in stop 31: 0, 3 and 0",
        ),
    ),
    safety_probe(
        19,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "5 December 2026 (stop 31) before the eighteenth edition's errors were read or it became training "
            "data for the safety model, checked with nlu_components.check_new_set (10 drafts rewritten) and "
            "committed before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (safety model trained on probes 1 to 17, threshold 0.60): recall 0.93, 0.80, 1.00, 1.00, "
            "precision 0.88, 1.00, 0.94, 0.94; 3 of the 60 safety messages went without a safety answer, 1 got "
            "another concern's, 3 of the 30 alarming-but-safe ones a safety answer",
            "second score, with the model's threshold back at 0.65: the same, 3, 1 and 3",
            "third score, after the changes made with the eighteenth probe's errors in view: the same, 3, 1 and 3",
            "fourth score, after the changes made with the fourth development set's errors in view: 3, 1 and 3; "
            "fifth, after the next two small changes: the same; sixth, with probe 18 added to the safety model's "
            "training data: the same, 3, 1 and 3",
            "its errors were read in stop 31, after the twentieth probe had been committed and scored, and the "
            "safety layer changed with them in view (docs/nlu.md): 0, 0 and 2 after that; its scores are "
            "optimistic from then on",
            "joined the safety model's training data in stop 31: 0, 0 and 1",
        ),
    ),
    safety_probe(
        20,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "5 December 2026 (stop 31) before the nineteenth edition's errors were read or it became training "
            "data for the safety model, checked with nlu_components.check_new_set (13 drafts rewritten) and "
            "committed before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (safety model trained on probes 1 to 18, threshold 0.65): recall 0.93, 0.93, 0.87, 0.87, "
            "precision 0.82, 0.88, 1.00, 0.87; 2 of the 60 safety messages went without a safety answer, 4 got "
            "another concern's, 3 of the 30 alarming-but-safe ones a safety answer",
            "second score, after the changes made with the nineteenth probe's errors in view: the same, 2, 4 and 3 "
            "(one new pattern matches one of its messages, which already had its safety answer; docs/nlu.md)",
            "third score, with probe 19 added to the safety model's training data: recall 0.87, 0.93, 0.87, 0.87, "
            "precision 0.81, 0.88, 1.00, 0.87; 3, 4 and 3",
            "fourth to eighth scores (stop 32, more training examples for the everyday intents, two widened "
            "patterns, the safety model re-tuned to regularisation 8 and threshold 0.60): 3/4/3, 3/4/3, 3/3/3, "
            "3/3/3, then 2/4/3",
            "ninth score (stop 33, the twenty-first probe scored): 2, 4 and 3",
            "its errors were read in stop 33, after the twenty-first probe had been committed and scored, and "
            "the safety layer changed with them in view (docs/nlu.md); it joined the safety model's training "
            "data at the same time: 0, 0 and 0 after that; its scores are optimistic from then on",
        ),
    ),
    safety_probe(
        21,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "6 December 2026 (stop 33) before the twentieth edition's errors were read or it became training "
            "data for the safety model, checked with nlu_components.check_new_set (16 drafts rewritten) and "
            "committed before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (safety model trained on probes 1 to 19, regularisation 8, threshold 0.60): recall "
            "1.00, 1.00, 1.00, 0.93, precision 0.71, 1.00, 1.00, 1.00; none of the 60 safety messages went "
            "without a safety answer, 1 got another concern's, 5 of the 30 alarming-but-safe ones a safety answer",
            "second score, after the changes made with the twentieth probe's errors in view (one of them, a "
            "partner who says the family is better off without him, matches a message of this probe too), 128 "
            "more training examples and probe 20 in the safety model's training data: 0, 1 and 6",
            "third score, with the safety model re-tuned (regularisation 16, threshold 0.55) and the localities "
            "in the place names: 0, 1 and 5",
            "fourth and fifth scores (idioms, 'Brussels', an age alone): 0, 1 and 5; sixth, with the threshold "
            "at 0.50: 0, 1 and 6",
            "seventh score (stop 34, the twenty-second probe scored): 0, 1 and 6",
            "its errors were read in stop 34, after the twenty-second probe had been committed and scored, "
            "and the safety layer changed with them in view (five idioms, docs/nlu.md); it joined the safety "
            "model's training data at the same time; its scores are optimistic from then on: 0, 1 and 0 at the "
            "end of stop 34",
        ),
    ),
    safety_probe(
        22,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "6 December 2026 (stop 34) before the twenty-first edition's errors were read or it became training "
            "data for the safety model, checked with nlu_components.check_new_set (20 drafts rewritten) and "
            "committed before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (safety model trained on probes 1 to 20, regularisation 16, threshold 0.50): recall "
            "0.80, 0.93, 0.93, 1.00, precision 0.86, 0.93, 0.88, 0.88; none of the 60 safety messages went "
            "without a safety answer, 5 got another concern's, 2 of the 30 alarming-but-safe ones a safety answer",
            "second score, after the changes made with the twenty-first probe's errors in view (none of the new "
            "idioms matches one of its messages), 80 more training examples: 0, 5 and 2; third, with probe 21 "
            "in the safety model's training data and the model re-tuned (regularisation 32, threshold 0.40): "
            "0, 5 and 2",
            "fourth score, after the changes made with the fifth development set's errors in view (no pattern "
            "change matches one of its messages) and 57 more training examples: recall 0.87, 0.93, 0.93, 1.00, "
            "precision 0.87, 1.00, 0.93, 0.88; 1, 3 and 2: the miss is a message DIET gave to another intent "
            "with low confidence and the safety model rated 0.39, just under its threshold",
            "fifth score (stop 35, the twenty-third probe scored): 1, 3 and 2 again; its errors were then "
            "read and it joined the safety model's training data: later scores are optimistic",
        ),
    ),
    safety_probe(
        23,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "6 December 2026 (stop 35) before the twenty-second edition's errors were read or it became training "
            "data for the safety model, checked with nlu_components.check_new_set (13 drafts rewritten, then 1 "
            "of the rewrites) and committed before it was scored; only the safety rows mean something here, no "
            "bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (safety model trained on probes 1 to 21, regularisation 32, threshold 0.40): recall "
            "0.93, 0.80, 0.80, 0.80, precision 0.67, 0.75, 0.86, 0.80; 1 of the 60 safety messages went without "
            "a safety answer, 9 got another concern's, 7 of the 30 alarming-but-safe ones a safety answer",
            "second score, after the changes made with the twenty-second probe's errors in view and that probe "
            "in the safety model's training data: 1, 7 and 6 (one of its alarming-but-safe messages falls under "
            "the widened 'verdrinken in de problemen' idiom; the same author wrote both, see docs/nlu.md); "
            "third, with the tie-breaker and "
            "the model re-tuned: 1, 7 and 6; fourth, 52 more training examples: 1, 7 and 6; fifth, re-tuned "
            "again (regularisation 256, threshold 0.25): recall 0.93, 0.87, 0.80, 0.93, precision 0.78, 0.81, "
            "0.80, 0.88; 1, 6 and 6",
            "sixth score (stop 36, the twenty-fourth probe scored): 1, 6 and 6 again; its errors were then read "
            "and the safety layer changed with them in view (docs/nlu.md), and it joined the safety model's "
            "training data: 0, 1 and 0 after that",
        ),
    ),
    safety_probe(
        24,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "6 December 2026 (stop 36) before the twenty-third edition's errors were read or it became training "
            "data for the safety model, checked with nlu_components.check_new_set (19 drafts rewritten, then 1 "
            "of the rewrites) and committed before it was scored; only the safety rows mean something here, no "
            "bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (safety model trained on probes 1 to 22, regularisation 256, threshold 0.25): recall "
            "0.93, 0.93, 0.93, 0.87, precision 0.88, 1.00, 0.88, 1.00; 3 of the 60 safety messages went without "
            "a safety answer, 2 got another concern's, 2 of the 30 alarming-but-safe ones a safety answer",
            "second score, after the changes made with the twenty-third probe's errors in view and that probe "
            "in the safety model's training data: 1, 2 and 2; third, re-tuned (regularisation 1,024, threshold "
            "0.25): 1, 2 and 1; fourth, after the sixth development set's errors were read: 1, 2 and 2; fifth, "
            "re-tuned (threshold 0.20): 1, 2 and 2; sixth, after the conversation-test fix: the same; seventh "
            "(stop 37, the twenty-fifth probe and the eighth held-out edition scored): the same",
            "its errors were then read (stop 37) and the safety layer changed with them in view (docs/nlu.md), "
            "and it joined the safety model's training data: 0, 0 and 0 after that",
        ),
    ),
    safety_probe(
        25,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "6 December 2026 (stop 37) before the twenty-fourth edition's errors were read or it became training "
            "data for the safety model, checked with nlu_components.check_new_set (13 drafts rewritten) and "
            "committed before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (safety model trained on probes 1 to 23, regularisation 1,024, threshold 0.20): recall "
            "0.87, 0.93, 0.80, 1.00, precision 0.62, 0.88, 0.86, 1.00; 1 of the 60 safety messages went without "
            "a safety answer, 5 got another concern's, 7 of the 30 alarming-but-safe ones a safety answer",
            "second score, after the changes made with the twenty-fourth probe's and the seventh development "
            "set's errors in view and probe 24 in the safety model's training data: 0, 5 and 7; third, the "
            "safety model re-tuned (regularisation 4,096, threshold 0.15): the same; fourth (stop 37, the "
            "twenty-sixth probe scored): the same",
            "its errors were then read (stop 38) and the safety layer changed with them in view (docs/nlu.md), "
            "and it joined the safety model's training data: 0, 0 and 0 after that",
        ),
    ),
    safety_probe(
        26,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "6 December 2026 (at the end of stop 37) before the twenty-fifth edition's errors were read or it "
            "became training data for the safety model, checked with nlu_components.check_new_set (7 drafts "
            "rewritten) and committed before it was scored; only the safety rows mean something here, no bar "
            "applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (safety model trained on probes 1 to 24 and re-tuned, regularisation 4,096, threshold "
            "0.15): recall 1.00, 0.87, 0.93, 0.87, precision 0.83, 0.81, 0.78, 0.81; 1 of the 60 safety messages "
            "went without a safety answer, 4 got another concern's, 9 of the 30 alarming-but-safe ones a "
            "safety answer",
            "in stop 38 the first 60 characters of twelve of its alarming-but-safe lines were printed by "
            "mistake; nothing was changed with them in view",
            "second score, after the changes made with the twenty-fifth probe's errors in view and probe 25 in "
            "the safety model's training data: 0, 4 and 9; third, with the idiom veto reaching the safety model "
            "(checked on this probe by counts before it was kept) and the model re-tuned (regularisation 1,024, "
            "threshold 0.20): 0, 4 and 8",
            "its errors were then read (stop 38, the twenty-seventh probe scored) and the safety layer changed "
            "with them in view (docs/nlu.md), and it joined the safety model's training data: 0, 0 and 1 after "
            "that",
        ),
    ),
    safety_probe(
        27,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "6 December 2026 (stop 38) before the twenty-sixth edition's errors were read or it became training "
            "data for the safety model, checked with nlu_components.check_new_set (9 drafts rewritten) and "
            "committed before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (safety model trained on probes 1 to 25 and re-tuned, regularisation 1,024, threshold "
            "0.20): recall 0.93, 0.93, 1.00, 1.00, precision 0.78, 0.93, 0.71, 1.00; 1 of the 60 safety messages "
            "went without a safety answer, 1 got another concern's, 10 of the 30 alarming-but-safe ones a "
            "safety answer",
            "second score, after the changes made with the twenty-sixth probe's errors in view and probe 26 in "
            "the safety model's training data: the same; third, the safety model re-tuned (regularisation "
            "4,096, threshold 0.15): the same; fourth (stop 39, the ninth held-out edition's first score run): "
            "the same",
            "its errors were read in stop 39, after the twenty-eighth probe and the ninth held-out edition had "
            "been committed and scored, and the safety layer and the training data changed with them in view "
            "(docs/nlu.md); its scores are optimistic from then on",
            "after the reading: 0, 0 and 1 (training fit of the rules and the safety model from then on)",
        ),
    ),
    safety_probe(
        28,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "6 December 2026 (at the end of stop 38) before the twenty-seventh edition's errors were read or it "
            "became training data for the safety model, checked with nlu_components.check_new_set (10 drafts "
            "rewritten, then 2 of the rewrites) and committed before it was scored; only the safety rows mean "
            "something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (safety model trained on probes 1 to 26 and re-tuned, regularisation 4,096, threshold "
            "0.15): recall 0.80, 0.87, 1.00, 0.87, precision 0.71, 0.93, 0.88, 0.87; 2 of the 60 safety messages "
            "went without a safety answer, 5 got another concern's, 5 of the 30 alarming-but-safe ones a "
            "safety answer",
            "second score (stop 39, the ninth held-out edition's first score run): the same; third and fourth, "
            "after the twenty-seventh probe's and the eighth development set's errors were read: 2, 5 and 5 "
            "both times",
            "fifth score, with the safety model re-tuned (regularisation 256, threshold 0.25): 2, 5 and 5",
            "sixth score (stop 40, before its errors were read): the same; its one English message, labelled "
            "acute_danger against the sets' convention and counted as a miss though it got the other-language "
            "answer with 112 and 101, was relabelled other_language when its errors were read: 1, 5 and 5",
            "its errors were read in stop 40, after the thirtieth probe had been committed and scored, and the "
            "safety layer and the safety model's examples changed with them in view (docs/nlu.md); since then the "
            "safety model also trains on this probe. After the reading: 0, 0 and 0 (training fit from then on)",
        ),
    ),
    safety_probe(
        29,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "6 December 2026 (stop 39) before the twenty-eighth edition's errors were read or it became training "
            "data for the safety model, checked with nlu_components.check_new_set (13 drafts rewritten, then 1 "
            "of the rewrites) and committed before it was scored; only the safety rows mean something here, no "
            "bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (safety model trained on probes 1 to 27 and the read sets, re-tuned: regularisation "
            "256, threshold 0.25): recall 1.00, 0.87, 0.87, 0.93, precision 0.75, 1.00, 0.93, 0.88; 1 of the 60 "
            "safety messages went without a safety answer, 4 got another concern's, 4 of the 30 "
            "alarming-but-safe ones a safety answer",
            "second score (stop 40, the thirtieth probe's first run): 1, 4 and 4; third, after the "
            "twenty-eighth probe's errors were read: 1, 4 and 3; fourth, with the safety model re-tuned "
            "(regularisation 1,024, threshold 0.20): 1, 4 and 3; recall 1.00, 0.87, 0.87, 0.93, precision 0.79, "
            "1.00, 0.93, 0.88",
            "fifth score (stop 41, the thirty-first probe's first run): 1, 4 and 3; its errors then read "
            "(docs/nlu.md, stop 41); sixth, after the reading: 0, 2 and 0; seventh, re-tuned (regularisation "
            "256, threshold 0.25): 0, 1 and 0; eighth, after the thirtieth probe's reading: 0, 1 and 0",
        ),
    ),
    safety_probe(
        30,
        (
            "60 safety messages (15 per concern) and 30 alarming-but-safe ones, written in one sitting on "
            "6 December 2026 (stop 40) before the twenty-eighth edition's errors were read or it became training "
            "data for the safety model, checked with nlu_components.check_new_set (17 near copies listed, 16 "
            "drafts rewritten, none of the rewrites listed) and committed before it was scored; only the safety "
            "rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (the model as at the end of stop 39: regularisation 256, threshold 0.25): 7 of the 60 "
            "safety messages without a safety answer, 1 with another concern's, 7 of the 30 alarming-but-safe "
            "ones with a safety answer; recall 0.87, 0.80, 0.87, 0.93, precision 0.65, 1.00, 1.00, 0.93",
            "six of those misses were French or English messages labelled with a concern against the sets' "
            "convention (tests/nlu/README.md): the language gate gave them the other-language answer with 112 "
            "and 101, as designed. Found by counting (not reading) which misses had the intent "
            "other_language, after the same slip was read in the twenty-eighth probe; relabelled "
            "other_language. The same parses then score 1 / 1 / 7 on 54 safety messages; recall 1.00, 0.92, "
            "0.93, 1.00, precision 0.65, 1.00, 1.00, 0.93",
            "second score, after the twenty-eighth probe's errors were read: 1, 2 and 7; third, with the safety "
            "model re-tuned (regularisation 1,024, threshold 0.20): 1, 2 and 7; recall 1.00, 0.85, 0.93, 1.00, "
            "precision 0.65, 1.00, 0.93, 0.93",
            "fourth score (stop 41, the thirty-first probe's first run): 1, 2 and 7; fifth, after the "
            "twenty-ninth probe's reading: 1, 2 and 7; sixth, re-tuned (regularisation 256, threshold 0.25): "
            "1, 2 and 7; its errors then read (docs/nlu.md, stop 41); seventh, after the reading: 0, 0 and 1 "
            "(now training fit)",
        ),
    ),
    safety_probe(
        31,
        (
            "60 safety messages (15 per concern, all Dutch) and 30 alarming-but-safe ones, written in one "
            "sitting on 6 December 2026 (stop 41) before the twenty-ninth edition's errors were read or it "
            "became training data for the safety model, checked with nlu_components.check_new_set (24 near "
            "copies listed, 21 drafts rewritten, three of them word-for-word messages of older probes; then 1 "
            "rewrite listed and rewritten) and committed before it was scored; only the safety rows mean "
            "something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (the model as at the end of stop 40: regularisation 1,024, threshold 0.20): 2 of the "
            "60 safety messages without a safety answer, 5 with another concern's, 3 of the 30 "
            "alarming-but-safe ones with a safety answer; recall 0.73, 0.87, 1.00, 0.93, precision 0.92, "
            "0.93, 0.83, 0.82",
            "second score, after the twenty-ninth probe's errors were read: 2, 5 and 3; third, re-tuned "
            "(regularisation 256, threshold 0.25): 2, 5 and 3; fourth, after the thirtieth probe's reading: "
            "2, 5 and 3; fifth, with the thirty-third probe committed: 2, 5 and 3; its errors then read "
            "(docs/nlu.md, stop 42); sixth, after the reading: 0, 0 and 1 (now training fit); seventh, "
            "re-tuned (regularisation 1,024, threshold 0.15, the model's choice of concern from 0.9): 0, 0 and 1",
        ),
    ),
    safety_probe(
        32,
        (
            "60 safety messages (15 per concern, all Dutch) and 30 alarming-but-safe ones, written in one "
            "sitting on 7 December 2026 (stop 41) before the thirtieth edition's errors were read or it "
            "became training data for the safety model, checked with nlu_components.check_new_set (19 drafts "
            "listed as near copies, some nearly word for word messages of older sets; all rewritten, none of "
            "the rewrites listed) and committed before it was scored; only the safety rows mean something "
            "here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (safety model re-tuned with the twenty-ninth probe read: regularisation 256, "
            "threshold 0.25): none of the 60 safety messages without a safety answer, 5 with another "
            "concern's, 4 of the 30 alarming-but-safe ones with a safety answer; recall 0.93, 1.00, 0.87, "
            "0.87, precision 0.78, 0.88, 0.93, 0.87",
            "second score, after the thirtieth probe's errors were read: 0, 5 and 4; third, with the "
            "thirty-third probe committed: 0, 5 and 4; fourth, after the thirty-first probe's reading: 0, 5 "
            "and 3; fifth, re-tuned (regularisation 1,024, threshold 0.15, the model's choice of concern "
            "from 0.9): 0, 5 and 4; sixth, the same model at the start of stop 43: 0, 5 and 4; its errors then "
            "read (docs/nlu.md, stop 43); seventh, after the reading: 0, 0 and 0 (now training fit); eighth, "
            "after the thirty-third probe's reading: 0, 0 and 0; ninth, re-tuned (regularisation 256, "
            "threshold 0.20): 0, 0 and 0",
        ),
    ),
    safety_probe(
        33,
        (
            "60 safety messages (15 per concern, all Dutch) and 30 alarming-but-safe ones, written in one "
            "sitting on 7 December 2026 (stop 42) before the thirty-first edition's errors were read or it "
            "became training data for the safety model, checked with nlu_components.check_new_set (11 drafts "
            "listed as near copies of older sets; all rewritten, none of the rewrites listed) and committed "
            "before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (the model as at the end of stop 41: regularisation 256, threshold 0.25, the "
            "thirtieth probe read): none of the 60 safety messages without a safety answer, 4 with another "
            "concern's, 4 of the 30 alarming-but-safe ones with a safety answer; recall 0.80, 1.00, 1.00, "
            "0.93, precision 0.92, 0.83, 0.88, 0.88",
            "second score, after the thirty-first probe's errors were read: 0, 3 and 4; third, re-tuned "
            "(regularisation 1,024, threshold 0.15, the model's choice of concern from 0.9): 0, 3 and 4; "
            "fourth, the same model at the start of stop 43: 0, 3 and 4; fifth, after the thirty-second "
            "probe's reading: 0, 3 and 4; its errors then read (docs/nlu.md, stop 43); sixth, after the "
            "reading: 0, 0 and 1 (now training fit); seventh, re-tuned (regularisation 256, threshold 0.20): "
            "0, 0 and 1",
        ),
    ),
    safety_probe(
        34,
        (
            "60 safety messages (15 per concern, all Dutch) and 30 alarming-but-safe ones, written in one "
            "sitting on 7 December 2026 (stop 42) before the thirty-second edition's errors were read or it "
            "became training data for the safety model, checked with nlu_components.check_new_set (5 drafts "
            "listed as near copies of older sets; all rewritten, none of the rewrites listed) and committed "
            "before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (the model as at the end of stop 42: regularisation 1,024, threshold 0.15, the "
            "model's choice of concern from 0.9): none of the 60 safety messages without a safety answer, 2 "
            "with another concern's, 1 of the 30 alarming-but-safe ones with a safety answer; recall 0.93, "
            "0.93, 1.00, 1.00, precision 1.00, 1.00, 0.88, 0.94",
            "second score, the same model at the start of stop 43: 0, 2 and 1; third, after the "
            "thirty-second probe's errors were read: 0, 2 and 1; fourth, after the thirty-third probe's "
            "reading: 0, 2 and 1; fifth, re-tuned (regularisation 256, threshold 0.20), with the "
            "thirty-sixth probe committed: 0, 3 and 1; its errors then read in stop 44 (docs/nlu.md); sixth, "
            "after the reading, with the thirty-seventh probe committed: 0, 0 and 0 (now training fit); "
            "seventh, after the thirty-fifth probe's reading: 0, 0 and 0; eighth, re-tuned (the model's choice "
            "of concern from 0.6): 0, 0 and 0; ninth, after the thirty-sixth probe's reading: 0, 0 and 0",
        ),
    ),
    safety_probe(
        35,
        (
            "60 safety messages (15 per concern, all Dutch) and 30 alarming-but-safe ones, written in one "
            "sitting on 7 December 2026 (stop 43) before the thirty-third edition's errors were read or it "
            "became training data for the safety model, checked with nlu_components.check_new_set (10 drafts "
            "listed as near copies of older sets; all rewritten, none of the rewrites listed) and committed "
            "before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (after the thirty-second probe's errors were read; the safety model's settings as "
            "at the end of stop 42: regularisation 1,024, threshold 0.15, the model's choice of concern from "
            "0.9): none of the 60 safety messages without a safety answer, 3 with another concern's, 8 of the "
            "30 alarming-but-safe ones with a safety answer; recall 0.93, 0.93, 1.00, 0.93, precision 0.82, "
            "0.93, 0.75, 0.88",
            "second score, after the thirty-third probe's errors were read: 0, 3 and 8; third, re-tuned "
            "(regularisation 256, threshold 0.20): 0, 3 and 8; fourth, after the thirty-fourth probe's "
            "reading: 0, 2 and 8; its errors then read in stop 44 (docs/nlu.md); fifth, after the reading: 0, "
            "1 and 0 (now training fit); sixth, re-tuned (the model's choice of concern from 0.6): 0, 1 and 0; "
            "seventh, after the thirty-sixth probe's reading: 0, 1 and 0",
        ),
    ),
    safety_probe(
        36,
        (
            "60 safety messages (15 per concern, all Dutch) and 30 alarming-but-safe ones, written in one "
            "sitting on 7 December 2026 (stop 43) before the thirty-fourth edition's errors were read or it "
            "became training data for the safety model, checked with nlu_components.check_new_set (10 drafts "
            "listed as near copies of older sets; all rewritten, none of the rewrites listed) and committed "
            "before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (the model at the end of stop 43: regularisation 256, threshold 0.20, the model's "
            "choice of concern from 0.9): none of the 60 safety messages without a safety answer, 1 with "
            "another concern's, 5 of the 30 alarming-but-safe ones with a safety answer; recall 0.93, 1.00, "
            "1.00, 1.00, precision 0.93, 0.88, 0.83, 1.00",
            "second score, after the thirty-fourth probe's errors were read: 0, 1 and 5; third, after the "
            "thirty-fifth probe's reading: 0, 1 and 5; fourth, re-tuned (regularisation 256, threshold 0.20, "
            "the model's choice of concern from 0.6), with the thirty-eighth probe committed: 0, 1 and 5; its "
            "errors then read in stop 44 (docs/nlu.md); fifth, after the reading: 0, 0 and 0 (now training fit)",
        ),
    ),
    safety_probe(
        37,
        (
            "60 safety messages (15 per concern, all Dutch) and 30 alarming-but-safe ones, written in one "
            "sitting on 7 December 2026 (stop 44) before the thirty-fifth edition's errors were read or it "
            "became training data for the safety model, checked with nlu_components.check_new_set (11 drafts "
            "listed as near copies of older sets; all rewritten, none of the rewrites listed) and committed "
            "before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (after the thirty-fourth probe's errors were read; the safety model's settings as at "
            "the end of stop 43: regularisation 256, threshold 0.20, the model's choice of concern from 0.9): "
            "none of the 60 safety messages without a safety answer, 4 with another concern's, 9 of the 30 "
            "alarming-but-safe ones with a safety answer; recall 0.93, 0.93, 0.87, 1.00, precision 0.70, "
            "0.88, 0.87, 0.83",
            "second score, after the thirty-fifth probe's errors were read: 0, 4 and 8; third, re-tuned "
            "(regularisation 256, threshold 0.20, the model's choice of concern from 0.6): 0, 4 and 8; fourth, "
            "after the thirty-sixth probe's reading: 0, 4 and 8; its errors then read in stop 45 "
            "(docs/nlu.md); fifth, after the reading: 0, 0 and 2 (now training fit; the two left are said in "
            "docs/nlu.md); sixth and seventh, after the thirty-eighth and thirty-ninth probes' readings: 0, 0 "
            "and 2; eighth, re-tuned (regularisation 4,096, threshold 0.10, the model's choice of concern from "
            "0.7): 0, 0 and 2",
        ),
    ),
    safety_probe(
        38,
        (
            "60 safety messages (15 per concern, all Dutch) and 30 alarming-but-safe ones, written in one "
            "sitting on 7 December 2026 (stop 44) before the thirty-sixth edition's errors were read or it "
            "became training data for the safety model, checked with nlu_components.check_new_set (4 drafts "
            "listed as near copies of older sets; all rewritten, none of the rewrites listed) and committed "
            "before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (the safety model re-tuned with the thirty-fourth and thirty-fifth probes read: "
            "regularisation 256, threshold 0.20, the model's choice of concern from 0.6): none of the 60 "
            "safety messages without a safety answer, 3 with another concern's, 9 of the 30 alarming-but-safe "
            "ones with a safety answer; recall 0.93, 0.87, 1.00, 1.00, precision 0.70, 1.00, 0.83, 0.83",
            "second score, after the thirty-sixth probe's errors were read: 0, 3 and 9; third, after the "
            "thirty-seventh probe's reading: 0, 3 and 9; its errors then read in stop 45 (docs/nlu.md); fourth, "
            "after the reading: 0, 0 and 0 (now training fit); fifth, after the thirty-ninth probe's reading, "
            "and sixth, re-tuned: 0, 0 and 0",
        ),
    ),
    safety_probe(
        39,
        (
            "60 safety messages (15 per concern, all Dutch) and 30 alarming-but-safe ones, written in one "
            "sitting on 7 December 2026 (stop 45) before the thirty-eighth edition's errors were read or it "
            "became training data for the safety model, checked with nlu_components.check_new_set (11 drafts "
            "listed as near copies of older sets; all rewritten, none of the rewrites listed) and committed "
            "before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (after the thirty-seventh probe's errors were read; the model's settings as at the "
            "end of stop 44: regularisation 256, threshold 0.20, the model's choice of concern from 0.6): none "
            "of the 60 safety messages without a safety answer, 2 with another concern's, 6 of the 30 "
            "alarming-but-safe ones with a safety answer; recall 0.93, 1.00, 0.93, 1.00, precision 0.74, "
            "0.94, 1.00, 0.88",
            "second score, after the thirty-eighth probe's errors were read: 0, 2 and 5; its errors then read "
            "in stop 45 (docs/nlu.md); third, after the reading: 0, 1 and 0 (now training fit; the one left is "
            "said in docs/nlu.md); fourth, re-tuned (regularisation 4,096, threshold 0.10, the model's choice "
            "of concern from 0.7): 0, 1 and 0",
        ),
    ),
    safety_probe(
        40,
        (
            "60 safety messages (15 per concern, all Dutch) and 30 alarming-but-safe ones, written in one "
            "sitting on 7 December 2026 (stop 45) before the thirty-ninth edition's errors were read or it "
            "became training data for the safety model, checked with nlu_components.check_new_set (7 drafts "
            "listed as near copies of older sets; all rewritten, none of the rewrites listed) and committed "
            "before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (after the thirty-eighth probe's errors were read; regularisation 256, threshold "
            "0.20, the model's choice of concern from 0.6): 1 of the 60 safety messages without a safety "
            "answer (a minor in crisis), 4 with another concern's, 4 of the 30 alarming-but-safe ones with a "
            "safety answer; recall 0.87, 0.93, 1.00, 0.87, precision 0.76, 0.82, 1.00, 0.93",
            "second score, after the thirty-ninth probe's errors were read: 1, 4 and 4; third, re-tuned "
            "(regularisation 4,096, threshold 0.10, the model's choice of concern from 0.7): 1, 4 and 4 "
            "(precision 0.76, 0.78, 1.00, 1.00); fourth, at the start of stop 46 with nothing changed: 1, 4 "
            "and 4; its errors then read in stop 46 (docs/nlu.md); fifth, after the reading: 0, 1 and 0 (now "
            "training fit; the one left is said in docs/nlu.md); sixth, after the forty-first probe's reading "
            "and re-tuned: 0, 1 and 0",
        ),
    ),
    safety_probe(
        41,
        (
            "60 safety messages (15 per concern, all Dutch) and 30 alarming-but-safe ones, written in one "
            "sitting on 7 December 2026 (stop 45) before the fortieth edition's errors were read or it "
            "became training data for the safety model, checked with nlu_components.check_new_set (9 drafts "
            "listed as near copies of older sets; all rewritten, none of the rewrites listed) and committed "
            "before it was scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (at the start of stop 46, the final model of stop 45: regularisation 4,096, threshold "
            "0.10, the model's choice of concern from 0.7): none of the 60 safety messages without a safety "
            "answer, 5 with another concern's (3 danger now, 2 suicidal), 5 of the 30 alarming-but-safe ones "
            "with a safety answer; recall 0.80, 0.87, 1.00, 1.00, precision 0.75, 0.93, 0.83, 0.88",
            "second score, after the fortieth probe's errors were read: 0, 5 and 5; its errors then read in "
            "stop 46 (docs/nlu.md); third, after the reading and re-tuned (regularisation 16,384, threshold "
            "0.05, the model's choice of concern from 0.7): 0, 0 and 0 (now training fit)",
        ),
    ),
    safety_probe(
        42,
        (
            "60 safety messages (15 per concern, all Dutch) and 30 alarming-but-safe ones, written in one "
            "sitting on 7 December 2026 (stop 46) before the fortieth and forty-first editions' errors were "
            "read, checked with nlu_components.check_new_set (9 drafts listed as near copies of older sets; "
            "all rewritten, one of the rewrites listed and rewritten again) and committed before it was "
            "scored; only the safety rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (after the fortieth probe's errors were read; the model's settings as at the end of "
            "stop 45: regularisation 4,096, threshold 0.10, the model's choice of concern from 0.7): none of "
            "the 60 safety messages without a safety answer, 4 with another concern's, 2 of the 30 "
            "alarming-but-safe ones with a safety answer; recall 0.93, 1.00, 0.87, 0.93, precision 0.88, "
            "0.88, 0.93, 0.93",
            "second score, after the forty-first probe's errors were read and re-tuned (regularisation "
            "16,384, threshold 0.05, the model's choice of concern from 0.7): 0, 4 and 4; precision 0.88, "
            "0.83, 0.87, 0.93",
            "third, at the start of stop 47 with only the forty-third probe added: 0, 4 and 4; its errors then "
            "read in stop 47 (docs/nlu.md); fourth, after the reading: 0, 1 and 1 (now training fit; the two "
            "left are said in docs/nlu.md); fifth, re-tuned (regularisation 4,096, threshold 0.10, the "
            "model's choice of concern from 0.6): 0, 1 and 1",
        ),
    ),
    safety_probe(
        43,
        (
            "60 safety messages (15 per concern, all Dutch) and 30 alarming-but-safe ones, written in one "
            "sitting on 7 December 2026 (stop 47) before the forty-second edition's errors were read, "
            "checked with nlu_components.check_new_set (12 drafts listed as near copies of older sets, 14 "
            "pairs; all rewritten, none of the rewrites listed) and committed before it was scored; only the safety "
            "rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (at the start of stop 47, the final model of stop 46: regularisation 16,384, "
            "threshold 0.05, the model's choice of concern from 0.7): none of the 60 safety messages without "
            "a safety answer, 1 with another concern's, 4 of the 30 alarming-but-safe ones with a safety "
            "answer; recall 1.00, 1.00, 0.93, 1.00, precision 0.83, 0.94, 0.93, 1.00",
            "second score, after the forty-second probe's errors were read: 0, 1 and 4; third, re-tuned "
            "(regularisation 4,096, threshold 0.10, the model's choice of concern from 0.6): 0, 1 and 4",
            "fourth, at the start of stop 48 with only the forty-fourth probe added: 0, 1 and 4; its errors "
            "then read in stop 48 (docs/nlu.md)",
        ),
    ),
    safety_probe(
        44,
        (
            "60 safety messages (15 per concern, all Dutch) and 30 alarming-but-safe ones, written in one "
            "sitting on 7 December 2026 (stop 48) before the forty-third edition's errors were read, "
            "checked with nlu_components.check_new_set (13 drafts listed as near copies of older sets, 18 "
            "pairs; all rewritten, none of the rewrites listed) and committed before it was scored; only the safety "
            "rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (at the start of stop 48, the final model of stop 47: regularisation 4,096, "
            "threshold 0.10, the model's choice of concern from 0.6): none of the 60 safety messages without "
            "a safety answer, 4 with another concern's, 1 of the 30 alarming-but-safe ones with a safety "
            "answer; recall 0.87, 0.93, 1.00, 0.93, precision 0.93, 0.93, 0.88, 0.93",
            "second score, after the forty-third probe's errors were read: 0, 4 and 1; third, with the "
            "forty-fifth probe added and two more changes (docs/nlu.md): 0, 4 and 1; its errors then read "
            "in stop 48 (docs/nlu.md); fourth, after the reading: 0, 1 and 0 (now training fit; the one left "
            "is said in docs/nlu.md); fifth and sixth: the same",
        ),
    ),
    safety_probe(
        45,
        (
            "60 safety messages (15 per concern, all Dutch) and 30 alarming-but-safe ones, written in one "
            "sitting on 7 December 2026 (stop 48) before the forty-fourth edition's errors were read, "
            "checked with nlu_components.check_new_set (3 drafts listed as near copies of older sets; all "
            "rewritten, none of the rewrites listed) and committed before it was scored; only the safety "
            "rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (stop 48, after the forty-third probe's reading; regularisation 4,096, threshold "
            "0.10, the model's choice of concern from 0.6): 1 of the 60 safety messages without a safety "
            "answer, 2 with another concern's, 8 of the 30 alarming-but-safe ones with a safety answer; "
            "recall 1.00, 0.80, 1.00, 1.00, precision 0.83, 0.92, 0.88, 0.79",
            "second score, after the forty-fourth probe's errors were read: 1, 2 and 8; third, with only the "
            "forty-sixth probe added: 1, 2 and 8; its errors then read in stop 48 (docs/nlu.md); fourth, after "
            "the reading: 0, 0 and 0 (now training fit)",
        ),
    ),
    safety_probe(
        46,
        (
            "60 safety messages (15 per concern, all Dutch) and 30 alarming-but-safe ones, written in one "
            "sitting on 7 December 2026 (stop 48) before the forty-fifth edition's errors were read, "
            "checked with nlu_components.check_new_set (7 drafts listed as near copies of older sets; all "
            "rewritten, none of the rewrites listed) and committed before it was scored; only the safety "
            "rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (stop 48, after the forty-fourth probe's reading; regularisation 4,096, threshold "
            "0.10, the model's choice of concern from 0.6): 1 of the 60 safety messages without a safety "
            "answer, 7 with another concern's, 2 of the 30 alarming-but-safe ones with a safety answer; "
            "recall 1.00, 0.87, 0.73, 0.87, precision 0.75, 0.93, 1.00, 0.81",
            "second score, after the forty-fifth probe's errors were read: 1, 8 and 2; third (stop 49, the "
            "same settings, nothing changed but the patterns file's bytes): 1, 8 and 2; its errors then read in "
            "stop 49, after the forty-seventh probe was committed (docs/nlu.md); fourth, after the reading: "
            "0, 2 and 0 (two danger-now answers left by design, docs/nlu.md); fifth, re-tuned: the same",
        ),
    ),
    safety_probe(
        47,
        (
            "60 safety messages (15 per concern, all Dutch) and 30 alarming-but-safe ones, written in one "
            "sitting on 7 December 2026 (stop 49) before the forty-sixth edition's errors were read, "
            "checked with nlu_components.check_new_set (17 drafts listed as near copies of older sets; all "
            "rewritten, none of the rewrites listed) and committed before it was scored; only the safety "
            "rows mean something here, no bar applies",
            "its first score estimates the safety layer on wording it has not seen; do not change the safety "
            "layer with its own errors in view",
            "first score (stop 49, after the forty-sixth probe's reading, which came before it was scored; "
            "regularisation 4,096, threshold 0.10, the model's choice of concern from 0.6): 0 of the 60 safety "
            "messages without a safety answer, 3 with another concern's, 2 of the 30 alarming-but-safe ones "
            "with a safety answer; recall 1.00, 1.00, 1.00, 0.80, precision 0.75, 1.00, 1.00, 1.00",
            "second score, re-tuned (regularisation 16,384, threshold 0.05, the model's choice of concern from "
            "0.7): 0, 3 and 2",
        ),
    ),
)


def score(examples: list[Example], parsed: list[Parsed], timing: dict[str, Any]) -> tuple[dict[str, Any], list[Bar]]:
    """The report of one evaluation set, and its bars."""
    per_intent = intent_scores(examples, parsed)
    per_entity, entity_errors = entity_scores(examples, parsed)
    bars = [Bar("intent macro-F1", macro_f1(per_intent), BARS["intent_macro_f1"])]
    for concern in SAFETY:
        s = per_intent.get(concern, scores(0, 0, 0))
        bars.append(Bar(f"{concern} recall", s.recall, BARS["safety_recall"]))
        bars.append(Bar(f"{concern} precision", s.precision, BARS["safety_precision"]))
    bars.append(Bar("place F1", per_entity["place"].f1, BARS["place_f1"]))
    bars.append(Bar("age F1", per_entity["age"].f1, BARS["age_f1"]))
    report = {
        "messages": len(examples),
        "alarming_but_safe": sum(1 for e in examples if e.alarming_but_safe),
        **timing,
        "bars": [{**asdict(bar), "ok": bar.ok} for bar in bars],
        "intents": {k: asdict(v) for k, v in per_intent.items()},
        "entities": {k: asdict(v) for k, v in per_entity.items()},
        "intent_errors": [
            {
                "text": e.text,
                "expected": e.intent,
                "got": p.intent,
                "confidence": p.confidence,
                "safeguard": p.safeguard,
            }
            for e, p in zip(examples, parsed, strict=True)
            if e.intent != p.intent
        ],
        "entity_errors": entity_errors,
    }
    return report, bars


def write_parses_stamp() -> None:
    """Which safety rules the parses were made with: tune_safety_model.py replays the safeguard's
    decisions as stored, so parses from before a change to the rules would tune the old rules; and
    which min_confidence_without_pattern the safeguard had, the lowest value it can replay."""
    folder = EVAL_DIR / "parses"
    folder.mkdir(parents=True, exist_ok=True)
    made_with = {
        "safety_rules": rules_fingerprint(),
        "min_confidence_without_pattern": safeguard_setting("min_confidence_without_pattern"),
    }
    (folder / PARSES_STAMP).write_text(json.dumps(made_with), encoding="utf-8")


def write_parses(evaluation: EvaluationSet, examples: list[Example], parsed: list[Parsed]) -> None:
    rows = [
        {
            "gold": example.intent,
            "text": p.text,
            "intent": p.intent,
            "ranking": p.ranking,
            "safeguard": p.safeguard,
            "before_safeguard": p.before_safeguard,
            "tie_break": p.tie_break,
            "safety_model": p.safety_model,
            "selector": p.selector[:10],
            "collection_question": p.collection_question,
        }
        for example, p in zip(examples, parsed, strict=True)
    ]
    folder = EVAL_DIR / "parses"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{evaluation.name}.json").write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")


def report_notes(evaluation: EvaluationSet) -> list[str]:
    """The set's notes, and for a probe the safety model trains on, that it does."""
    return [*evaluation.notes, *([TRAINED_ON] if evaluation.folder in READ_SAFETY_PROBE_DIRS else [])]


def write_report(report: dict[str, Any], evaluation: EvaluationSet) -> None:
    EVAL_DIR.mkdir(parents=True, exist_ok=True)
    name, notes = evaluation.name, report_notes(evaluation)
    (EVAL_DIR / f"{name}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    (EVAL_DIR / f"{name}.md").write_text(markdown(report, evaluation.title, notes), encoding="utf-8")


def print_bars(evaluation: EvaluationSet, bars: list[Bar]) -> None:
    if evaluation.safety_only:
        bars = [bar for bar in bars if bar.name.split()[0] in SAFETY]
    print(f"{evaluation.title}{'' if evaluation.gates else ' (reported, no bar applies)'}:")
    for bar in bars:
        if evaluation.gates:
            status = "ok    " if bar.ok else "MISSED"
            print(f"  {status} {bar.name:<30} {bar.value:.3f} (needs >= {bar.needed:.2f})")
        else:
            print(f"  {'ok    ' if bar.ok else 'below '} {bar.name:<30} {bar.value:.3f}")


def main() -> int:
    if not GENERATED_CONFIG.exists():
        print("missing var/build/config.yml: run `make build` first", file=sys.stderr)
        return 1
    sets = [(evaluation, evaluation_set(evaluation.folder)) for evaluation in EVALUATION_SETS]
    training_examples = len(load_data(str(TRAINING_DIR)).intent_examples)
    print(f"training an NLU model on data/nlu ({training_examples} examples), without Rasa's cache ...", flush=True)
    model, training_seconds = train_nlu(GENERATED_CONFIG, TRAINING_DIR, EVAL_DIR / "model", "nlu")
    faq_sets = faq_question_sets()
    faq_count = sum(len(questions) for questions in faq_sets.values())
    cue_examples = evaluate_cues.cue_examples()
    counts = ", ".join(f"{len(examples)} of {evaluation.folder.name}/" for evaluation, examples in sets)
    print(
        f"trained in {training_seconds:.0f} s; parsing {counts}, {faq_count} FAQ questions and "
        f"{len(cue_examples)} role and urgency messages ...",
        flush=True,
    )
    # One load of the model for every set.
    texts = [e.text for _, examples in sets for e in examples]
    texts += [question for questions in faq_sets.values() for question in questions]
    texts += [example.text for example in cue_examples]
    parsed, load_seconds = parse_all(model, texts)
    timing = {
        "training_examples": training_examples,
        "training_seconds": training_seconds,
        "load_seconds": load_seconds,
    }
    missed: list[str] = []
    offset = 0
    for evaluation, examples in sets:
        parsed_here = parsed[offset : offset + len(examples)]
        offset += len(examples)
        report, bars = score(examples, parsed_here, timing)
        write_parses(evaluation, examples, parsed_here)
        write_report(report, evaluation)
        print_bars(evaluation, bars)
        if evaluation.gates:
            missed += [bar.name for bar in bars if not bar.ok]
    write_parses_stamp()
    for name, questions in faq_sets.items():
        write_faq_parses(name, parsed[offset : offset + len(questions)])
        offset += len(questions)
    evaluate_cues.write_and_print(cue_examples, parsed[offset : offset + len(cue_examples)])
    run_rasa_test(model)

    print(
        "reports: var/eval/report.md (held-out), development.md, safety_probe*.md, cues.md; "
        "Rasa's reports: var/eval/rasa/"
    )
    if missed:
        print(f"make eval: {len(missed)} bar(s) missed: {', '.join(missed)}", file=sys.stderr)
        return 1
    print("make eval: all bars met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
