"""Choose the safety model's regularisation and threshold on the evaluation sets already read.

    make eval    (writes var/eval/parses/, the parses this script replays)
    .venv-rasa/bin/python -m nlu_components.tune_safety_model

Method (the chosen values are written in config.yml): the seen sets (READ_SETS: the development
sets, nlu_files.DEVELOPMENT_DIRS, and the safety probes the safety model trains on, up to
nlu_files.LAST_READ_SAFETY_PROBE) are replayed through the safeguard's rules with the model's
opinion, for every weight of the sentence vectors, regularisation and threshold, starting from the
parses `make eval` saved (DIET, the patterns and the safeguard's reason per message; they must have
been made with the current safety_patterns.yml, which is checked, because the patterns' decisions
are replayed as stored).
The model is retrained here for each setting (DIET is not): as shipped, on its training examples
and the read probes, but cross-fitted: each read probe's messages get the opinion of a model
trained without that probe (one training per set and setting, a few minutes in all).
Counted over all read sets: safety messages that get no safety answer (misses)
and harmless ones that get one (false alarms). Allowed are the settings under which the safety
answers keep the precision the evaluation asks for (PRECISION_BAR: at least 95 of 100 safety
answers go to a safety message); among those, the fewest misses win (safety first), then the
fewest answers for another concern, then the fewest false alarms, then the higher threshold,
then the lower weight. Until stop 27 the limit was a budget of one false alarm per hundred harmless
messages above the count without the model; it had no reason behind its size, and with the ninth
probe read it chose fourteen more misses to spare two false alarms (docs/nlu.md).
Since stop 42 the grid also holds the safeguard's min_model_concern_probability (the model's
concern replaces a sure safety guess of DIET that no pattern supports); it moves only the answers
for another concern, and is left off where it does not lower them.
Beside the choice it prints what the same order would choose with the bar on each concern's
precision instead (a false alarm or another concern's message counts against the concern answered,
as in the held-out bars); that is not the rule in use, it shows the team what it would cost.
The held-out set and the newest probe are never used here.
Writes var/eval/safety_model_tuning.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from nlu_components.nlu_files import (
    DEVELOPMENT_DIRS,
    PROJECT_ROOT,
    READ_SAFETY_PROBE_DIRS,
    SAFETY_MODEL_DIR,
    TRAINING_DIR,
)
from nlu_components.nlu_runs import PARSES_STAMP
from nlu_components.safety import FALLBACK_INTENT, Opinion, rules_fingerprint
from nlu_components.safety_model import CONCERNS, SafetyModel, read_probe_examples, training_examples

# The development sets (the retired held-out editions, their errors read) and every probe the safety
# model trains on (their false alarms read), so that each probe is judged cross-fitted below. The
# second development set joined in stop 29, the third in stop 30 and the fourth in stop 31; the
# safety model never trains on any of them.
READ_PROBE_NAMES = tuple(folder.name for folder in READ_SAFETY_PROBE_DIRS)
DEVELOPMENT_SETS = tuple(folder.name for folder in DEVELOPMENT_DIRS)
READ_SETS = (*DEVELOPMENT_SETS, *READ_PROBE_NAMES)
PARSES_DIR = PROJECT_ROOT / "var" / "eval" / "parses"
OUTPUT = PROJECT_ROOT / "var" / "eval" / "safety_model_tuning.json"
# Narrowed in stop 25, when each setting came to need seven trainings (one per read set): weights
# 0 and 4 and regularisations 1 and 2 were never chosen in stops 21 to 24.
# Weight 2 went in stop 34: never chosen since vectors came in (stop 23).
SENTENCE_VECTOR_WEIGHTS = [1.0]
# Widened in stop 34: stop 33's run chose regularisation 16 and threshold 0.50, both on the edge,
# and the next run 32, the edge again; 4 went (not chosen since stop 28). Stop 35: 64 was chosen,
# the edge once more, and then 128 at threshold 0.30, both edges; so the grid runs to 256 and down
# to 0.20, and 8 to 32 went (each costs some five minutes; not chosen in the last two runs). That
# run chose 256 at 0.25, both edges again; stop 36 runs 128 to 1,024 and down to 0.10 (64 went),
# and chose 1,024 at 0.25 (the edge; 256 and 512 are within a few false alarms of it). The run after
# the sixth development set joined tries 256, 1,024 and 4,096 (three settings to save time) and
# chose 1,024 at 0.20: no longer an edge. Stop 37, with probe 24 and the seventh development set
# joined: 4,096 at 0.15 (the edge; 5 misses and 109 false alarms against 1,024's 5 and 111 at 0.20),
# so the grid runs to 16,384 and 256 went (with precision at the bar, 5 misses and 112 false alarms).
# Stop 38, with probe 25 joined: 1,024 at 0.20 (4 misses, 111 false alarms), the lower edge; 256
# alone, run after, did no better (4 misses, 117 false alarms at 0.25; 16,384 at its best: 4 and
# 114 at 0.10), so the grid is centred on 1,024 again. With probe 26 joined, 4,096 at 0.15 (2
# misses; 112 false alarms against 116 at 1,024): the edge, by four false alarms of 3,163.
# Stop 39, with probe 27 and the eighth development set joined: 256 at 0.25 (3 misses, 124 false
# alarms of 3,538), the lower edge again. Stop 40, with probe 28 joined, runs 64, 256 and 1,024:
# 1,024 at 0.20 (3 misses, 127 false alarms of 3,569; 256 at 0.25: 3 and 132; 64 at 0.30: 3 and
# 136). The three lie within a few false alarms of each other. Stop 41, with probe 29 joined, runs
# 256, 1,024 and 4,096 (1,024 had become the upper edge; 64 had been the worst of the three): 256
# at 0.25 (5 misses, 131 false alarms of 3,599; 1,024 and 4,096 5 and 123, with two more answers
# for another concern). The three again lie within a few false alarms of each other. Stop 42, with
# probe 31 joined: 1,024 at 0.15. Stop 43, with probes 32 and 33 joined: 256 at 0.20 (2 misses, 159
# false alarms, 55 answers for another concern; 1,024 at 0.20: 2, 131 and 56). Stop 44, with
# probes 34 and 35 joined: 256 at 0.20 again (2, 158 and 53; 1,024 at 0.15: 2, 154 and 55). Stop
# 45, with probes 36 to 39 joined: 4,096 at 0.10 (2, 164 and 52; 1,024 at 0.15: 2, 160 and 53; 256
# at 0.20: 2, 162 and 55), both edges of this grid; the next run should try 16,384 and 0.05 too.
# Stop 46, with probe 40 joined, widens the grid at both edges: 16,384 and a threshold of 0.05.
# It chose 16,384 at 0.05 (2 misses, 177 false alarms, 55 answers for another concern; 4,096 at
# 0.10, 1,024 at 0.15 and 256 at 0.20 each 3 misses and 166, 160 and 167 false alarms), the new
# edges again: one miss bought with 11 false alarms. Before widening further (65,536, 0.025),
# check that the held-out false alarms did not climb with it (docs/nlu.md, stop 46).
# Stop 47, probes 41 and 42 joined: back inside the grid, 4,096 at 0.10 (3 misses, 171 false
# alarms; 16,384 at 0.05 now 3 and 184), so no reason to widen it.
REGULARISATIONS = [256.0, 1024.0, 4096.0, 16384.0]
THRESHOLDS = [round(0.05 + 0.05 * i, 2) for i in range(19)]  # 0.05 .. 0.95
# The safeguard's min_confidence_without_pattern (config.yml): below it, a safety guess of DIET that
# no pattern supports needs the model's agreement or becomes a fallback. Tuned here since stop 29.
# Only values from the one the parses were made with (their stamp) upwards can be replayed: to try
# lower ones, set a lower value in config.yml and run `make build` and `make eval` first.
MIN_CONFIDENCES = [0.65, 0.75, 0.85, 0.95, 0.99]
# The safeguard's min_model_concern_probability (config.yml), since stop 42: from this probability
# of its own concern on, the model's concern replaces a safety concern DIET chose alone (no pattern,
# no tie-breaker). None: never. It changes which safety answer a message gets, never whether it
# gets one, so it only moves the count of answers for another concern.
MODEL_CONCERN_PROBABILITIES: list[float | None] = [None, 0.6, 0.7, 0.8, 0.9]
# The evaluation's bar on each concern's precision, here on all safety answers together: the model
# decides between a safety answer and none, the concern mostly comes from DIET and the patterns.
PRECISION_BAR = 0.95
SEED = 20261124


@dataclass(frozen=True)
class Row:
    sentence_vector_weight: float
    regularisation: float
    threshold: float | None  # None: without the model
    misses: int
    false_alarms: int
    wrong_concern: int  # a safety answer, but for another concern
    safety_answers: int  # all safety answers, to safety messages or not
    min_confidence_without_pattern: float | None = None  # None: as the parses were made
    # Per concern: (concern, its answers, those that went to a message of that concern)
    concern_answers: tuple[tuple[str, int, int], ...] = ()
    min_model_concern_probability: float | None = None  # None: the model never changes the concern

    @property
    def precision(self) -> float:
        """The share of safety answers that go to a safety message (any concern)."""
        return 1.0 - self.false_alarms / self.safety_answers if self.safety_answers else 1.0

    @property
    def lowest_concern_precision(self) -> float:
        """The lowest precision of one concern's answers, as the held-out bars count it: a false
        alarm and a message of another concern both count against the concern answered."""
        return min((right / answers for _, answers, right in self.concern_answers if answers), default=1.0)


def before_safeguard(row: dict[str, Any]) -> dict[str, Any]:
    """What the message had before the safeguard decided: the intent ("intent"), DIET's best guess
    apart from the fallback ("diet") and its confidence ("confidence"), as the safeguard recorded
    them (components.SAFEGUARD_BEFORE). A message the safeguard left alone (another language) has
    none: then its intent stands."""
    return row.get("before_safeguard") or {"intent": row["intent"], "diet": row["intent"], "confidence": 1.0}


def without_model(row: dict[str, Any], min_confidence: float | None = None) -> tuple[str, str]:
    """What the safeguard decided without the model, and how the model could change it.

    Returns (intent, kind): kind "promotable" (the model may turn it into its concern),
    "uncertain" (a safety guess of DIET that becomes a fallback unless the model agrees),
    "switchable" (DIET's sure safety guess, no pattern or tie-breaker: the model may name another
    concern) or "settled" (a pattern or DIET decided; the model has no say). `min_confidence`
    replays the safeguard's min_confidence_without_pattern at or above the value the parses were
    made with (None: that value)."""
    reason, before = row["safeguard"], before_safeguard(row)
    raised = min_confidence is not None and float(before["confidence"]) < min_confidence
    if reason in ("unchanged", "model-concern") and not row.get("tie_break"):
        # DIET's own choice: left as it was in the run, or replaced by a switch and back here.
        guess = str(before["intent"])
        if guess in CONCERNS:
            return guess, "uncertain" if raised else "switchable"
    if reason == "unchanged" and row["intent"] in CONCERNS and raised:
        # A confident safety guess of DIET without a pattern (a tie-breaker chose the concern),
        # below the raised bar.
        return row["intent"], "uncertain"
    if reason == "model":
        # The model promoted it in this run; without it the message keeps what it had.
        return str(before["intent"]), "promotable"
    if reason in ("diet+model", "diet-uncertain"):
        return str(before["diet"]), "uncertain"
    if reason == "unchanged" and row["intent"] not in CONCERNS:
        return row["intent"], "promotable"
    return row["intent"], "settled"


def replay(
    row: dict[str, Any],
    opinion: Opinion,
    threshold: float | None,
    min_confidence: float | None = None,
    min_concern_probability: float | None = None,
) -> str:
    intent, kind = without_model(row, min_confidence)
    agrees = threshold is not None and opinion.probability >= threshold
    if kind == "switchable":
        switches = (
            threshold is not None
            and min_concern_probability is not None
            and opinion.concern in CONCERNS
            and opinion.concern_probability >= min_concern_probability
        )
        return opinion.concern if switches else intent
    if kind == "promotable":
        return opinion.concern if agrees else intent
    if kind == "uncertain":
        # As the safeguard does: the model's concern for DIET's unsure safety guess.
        return opinion.concern if agrees else FALLBACK_INTENT
    return intent


def count(
    rows: list[dict[str, Any]],
    opinions: list[Opinion],
    weight: float,
    regularisation: float,
    threshold: float | None,
    min_confidence: float | None = None,
    min_concern_probability: float | None = None,
) -> Row:
    misses = false_alarms = wrong = answers = 0
    per_concern = {concern: [0, 0] for concern in CONCERNS}
    for row, opinion in zip(rows, opinions, strict=True):
        final = replay(row, opinion, threshold, min_confidence, min_concern_probability)
        gold_safety, final_safety = row["gold"] in CONCERNS, final in CONCERNS
        misses += gold_safety and not final_safety
        false_alarms += final_safety and not gold_safety
        wrong += gold_safety and final_safety and final != row["gold"]
        answers += final_safety
        if final_safety:
            per_concern[final][0] += 1
            per_concern[final][1] += final == row["gold"]
    concern_answers = tuple((concern, given, right) for concern, (given, right) in per_concern.items())
    return Row(
        weight,
        regularisation,
        threshold,
        misses,
        false_alarms,
        wrong,
        answers,
        min_confidence,
        concern_answers,
        min_concern_probability,
    )


def choose(results: list[Row], per_concern: bool = False) -> Row | None:
    """The setting the method above picks, or None when none keeps the precision bar.

    per_concern: the bar on each concern's precision instead of on all safety answers together.
    Not the rule in use; printed beside it so that the team can see what it would cost (docs/nlu.md,
    team decision (b))."""
    allowed = [r for r in results if (r.lowest_concern_precision if per_concern else r.precision) >= PRECISION_BAR]
    if not allowed:
        return None
    return min(
        allowed,
        key=lambda r: (
            r.misses,
            r.wrong_concern,
            r.false_alarms,
            -(r.threshold or 0.0),
            r.sentence_vector_weight,
            r.min_confidence_without_pattern or 0.0,
            # Off, or else the highest: the model changes DIET's concern only where that helps.
            -(r.min_model_concern_probability or 2.0),
        ),
    )


def parses_min_confidence(folder: Path) -> float:
    """The safeguard's min_confidence_without_pattern that the parses in `folder` were made with."""
    stamp = json.loads((folder / PARSES_STAMP).read_text(encoding="utf-8"))
    if "min_confidence_without_pattern" not in stamp:
        raise SystemExit(f"{PARSES_STAMP} does not say which min_confidence_without_pattern: run `make eval` first")
    return float(stamp["min_confidence_without_pattern"])


def stale_parses(folder: Path) -> str | None:
    """Why the parses in `folder` cannot be replayed with the current safety rules, or None.

    The replay keeps each decision of the safeguard as `make eval` stored it, so parses made
    before a change to safety_patterns.yml would choose the model's values for the old rules."""
    stamp = folder / PARSES_STAMP
    if not stamp.exists():
        return f"{PARSES_STAMP} is missing beside the parses in {folder}"
    made_with = json.loads(stamp.read_text(encoding="utf-8")).get("safety_rules")
    if made_with != rules_fingerprint():
        return "the parses were made with other safety rules than nlu_components/safety_patterns.yml has now"
    return None


def load_parses() -> dict[str, list[dict[str, Any]]]:
    problem = stale_parses(PARSES_DIR)
    if problem:
        raise SystemExit(f"{problem}: run `make eval` first")
    rows: dict[str, list[dict[str, Any]]] = {}
    for name in READ_SETS:
        path = PARSES_DIR / f"{name}.json"
        if not path.exists():
            raise SystemExit(f"missing {path.relative_to(PROJECT_ROOT)}: run `make eval` first")
        rows[name] = json.loads(path.read_text(encoding="utf-8"))
        if any(row.get("safeguard") and "before_safeguard" not in row for row in rows[name]):
            raise SystemExit(f"{path.relative_to(PROJECT_ROOT)} was made before stop 43: run `make eval` first")
    return rows


def probe_examples_without_each_set() -> dict[str, list[tuple[str, str]]]:
    """For each read set, the read probes' examples except its own (all of them for the
    development sets, which are no probe). The same for every setting, so read once."""
    probes = dict(zip(READ_PROBE_NAMES, READ_SAFETY_PROBE_DIRS, strict=True))
    return {
        name: read_probe_examples([folder for probe, folder in probes.items() if probe != name]) for name in READ_SETS
    }


def cross_fitted_opinions(
    rows_by_set: dict[str, list[dict[str, Any]]],
    examples: list[tuple[str, str]],
    probe_examples: dict[str, list[tuple[str, str]]],
    weight: float,
    regularisation: float,
) -> list[Opinion]:
    """The model's opinion on every read message, from a model that never trained on its set.

    The shipped model also trains on the read probes (READ_SAFETY_PROBE_DIRS); here each probe is
    judged by a model trained on the other probes, the development sets by one trained on all
    (`probe_examples`, from probe_examples_without_each_set)."""
    opinions: list[Opinion] = []
    # The sets that are no probe (the development sets) share the model trained on all probes.
    models: dict[str | None, SafetyModel] = {}
    for name in READ_SETS:
        left_out = name if name in READ_PROBE_NAMES else None
        if left_out not in models:
            models[left_out] = SafetyModel.train(
                examples + probe_examples[name], regularisation, SEED, sentence_vector_weight=weight
            )
        opinions += models[left_out].opinions([row["text"] for row in rows_by_set[name]])
    return opinions


def as_json(row: Row) -> dict[str, Any]:
    return {**asdict(row), "precision": row.precision, "lowest_concern_precision": row.lowest_concern_precision}


def per_concern_summary(results: list[Row], chosen: Row | None) -> str:
    """What the rule chose with the bar on each concern's precision (`chosen`, from choose), or how
    close the results come to that bar."""
    if chosen is not None:
        return (
            f"regularisation {chosen.regularisation}, threshold {chosen.threshold}, min_confidence_without_pattern "
            f"{chosen.min_confidence_without_pattern}: {chosen.misses} misses, {chosen.false_alarms} false alarms, "
            f"lowest concern precision {chosen.lowest_concern_precision:.3f}"
        )
    closest = max(results, key=lambda r: (r.lowest_concern_precision, -r.misses))
    return (
        f"no setting reaches {PRECISION_BAR}; the highest lowest concern precision is "
        f"{closest.lowest_concern_precision:.3f} (regularisation {closest.regularisation}, threshold "
        f"{closest.threshold}: {closest.misses} misses, {closest.false_alarms} false alarms)"
    )


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args(argv)
    rows_by_set = load_parses()
    rows = [row for name in READ_SETS for row in rows_by_set[name]]
    harmless = sum(row["gold"] not in CONCERNS for row in rows)
    examples = training_examples([TRAINING_DIR, SAFETY_MODEL_DIR])
    probe_examples = probe_examples_without_each_set()
    made_with = parses_min_confidence(PARSES_DIR)
    min_confidences = sorted({made_with, *(value for value in MIN_CONFIDENCES if value > made_with)})
    print(f"replaying {len(rows)} messages of {', '.join(READ_SETS)} ({harmless} harmless)")
    results: list[Row] = []
    baseline: Row | None = None
    for weight in SENTENCE_VECTOR_WEIGHTS:
        for regularisation in REGULARISATIONS:
            opinions = cross_fitted_opinions(rows_by_set, examples, probe_examples, weight, regularisation)
            baseline = baseline or count(rows, opinions, weight, regularisation, None)
            results += [
                count(rows, opinions, weight, regularisation, t, c, s)
                for t in THRESHOLDS
                for c in min_confidences
                for s in MODEL_CONCERN_PROBABILITIES
            ]
            print(f"  sentence vectors x{weight}, regularisation {regularisation}: trained and replayed", flush=True)
    assert baseline is not None
    print(
        f"without the model: {baseline.misses} misses, {baseline.false_alarms} false alarms, "
        f"precision {baseline.precision:.3f}, lowest concern precision {baseline.lowest_concern_precision:.3f}"
    )
    header = f"{'vectors':>7} {'C':>5} {'threshold':>9} {'DIET min':>8} {'concern':>7} {'misses':>6}"
    print(f"{header} {'false alarms':>12} {'wrong concern':>13} {'precision':>9} {'lowest concern':>14}")
    for r in results:
        print(
            f"{r.sentence_vector_weight:>7} {r.regularisation:>5} {r.threshold:>9} "
            f"{r.min_confidence_without_pattern:>8} {r.min_model_concern_probability!s:>7} {r.misses:>6} "
            f"{r.false_alarms:>12} {r.wrong_concern:>13} {r.precision:>9.3f} {r.lowest_concern_precision:>14.3f}"
        )
    chosen = choose(results)
    if chosen is None:
        print(f"no setting keeps the safety answers' precision at {PRECISION_BAR}; keep the model off", file=sys.stderr)
        return 1
    print(
        f"chosen: sentence vectors x{chosen.sentence_vector_weight}, regularisation {chosen.regularisation}, "
        f"threshold {chosen.threshold}, min_confidence_without_pattern {chosen.min_confidence_without_pattern}, "
        f"min_model_concern_probability {chosen.min_model_concern_probability}: "
        f"{chosen.misses} misses, {chosen.false_alarms} false alarms, {chosen.wrong_concern} for another concern, "
        f"precision {chosen.precision:.3f} (bar {PRECISION_BAR})"
    )
    per_concern = choose(results, per_concern=True)
    summary = per_concern_summary(results, per_concern)
    print(f"with the bar on each concern's precision instead (not the rule in use): {summary}")
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "read_sets": READ_SETS,
        "baseline": as_json(baseline),
        "precision_bar": PRECISION_BAR,
        "chosen": as_json(chosen),
        "chosen_with_the_bar_per_concern": as_json(per_concern) if per_concern else None,
        "rows": [as_json(r) for r in results],
    }
    OUTPUT.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(PROJECT_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
