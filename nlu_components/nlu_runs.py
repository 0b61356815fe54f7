"""Shared helpers for the NLU evaluation scripts: training an NLU model and parsing with it."""

from __future__ import annotations

import asyncio
import logging
import os
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from actions.faq import COLLECTION_QUESTION, selector_ranking  # the same reading of the parse as the bot's

ROOT = Path(__file__).resolve().parents[1]
GENERATED_CONFIG = ROOT / "var" / "build" / "config.yml"
EVAL_DIR = ROOT / "var" / "eval"
# Written beside the parses under EVAL_DIR/parses/: the safety rules and the safeguard's setting
# they were made with.
PARSES_STAMP = "safety_rules.json"

# Quiet, local and without Rasa's training cache, so that a reported training time is a real
# training and not a cache hit.
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ["RASA_MAX_CACHE_SIZE"] = "0"


def safeguard_setting(name: str, config_path: Path = GENERATED_CONFIG) -> Any:
    """A setting of the SafetySafeguard component in a Rasa config (by default the one `make eval`
    trains with)."""
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    for component in config.get("pipeline") or []:
        if str(component.get("name", "")).endswith(".SafetySafeguard") and name in component:
            return component[name]
    raise KeyError(f"{config_path} has no SafetySafeguard with {name}")


@dataclass
class Parsed:
    text: str
    intent: str
    confidence: float
    ranking: list[tuple[str, float]]
    entities: list[dict[str, Any]] = field(default_factory=list)
    safeguard: str | None = None
    # What the message had before the safeguard decided ({"intent", "diet", "confidence"}; see
    # components.SAFEGUARD_BEFORE).
    before_safeguard: dict[str, Any] | None = None
    # "<concern>#<n>" when a safety tie-breaker chose the concern (safety.SafetyRules.decide).
    tie_break: str | None = None
    # The ResponseSelector's ranking of the FAQ entries (retrieval intent faq), best first.
    selector: list[tuple[str, float]] = field(default_factory=list)
    # The separate safety model's opinion ({"probability", "concern"}), when the pipeline has one.
    safety_model: dict[str, Any] | None = None
    # Whether DutchEntityRules marked the message as a question the collection may answer.
    collection_question: bool = False


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    support: int


def scores(tp: int, fp: int, fn: int) -> Scores:
    precision = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, tp + fn)


def label_scores(gold: list[str], guess: list[str]) -> dict[str, Scores]:
    """Precision, recall and F1 of every label that occurs in `gold`."""
    result = {}
    pairs = list(zip(gold, guess, strict=True))
    for label in sorted(set(gold)):
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = sum(1 for g, p in pairs if g == label and p != label)
        result[label] = scores(tp, fp, fn)
    return result


def macro_f1(per_label: dict[str, Scores]) -> float:
    return sum(s.f1 for s in per_label.values()) / len(per_label)


def train_nlu(config: Path, training_data: Path | list[Path], out_dir: Path, name: str) -> tuple[Path, float]:
    """Train an NLU-only model; returns its path and the training time in seconds."""
    from rasa.model_training import train_nlu as rasa_train_nlu

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = training_data if isinstance(training_data, list) else [training_data]
    started = time.perf_counter()
    model = rasa_train_nlu(
        config=str(config),
        nlu_data=",".join(str(p) for p in paths) if len(paths) > 1 else str(paths[0]),
        output=str(out_dir),
        fixed_model_name=name,
    )
    elapsed = time.perf_counter() - started
    if model is None:
        raise SystemExit(f"training failed for {name}")
    return Path(model), elapsed


def quiet_rasa_logs() -> None:
    """Keep the evaluation's output to its scores.

    Used as a library, Rasa leaves structlog unconfigured, which prints its debug events, and
    `processor.message.parse` carries the text of every parsed message: the evaluation log would
    show every held-out message next to its prediction, which is exactly what must not be read.
    The NLU-only model has no domain, so the ResponseSelector warns for every FAQ answer it cannot
    fetch; the evaluation uses only the selector's keys.
    """
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    warnings.filterwarnings("ignore", message="Unable to fetch responses for faq/")


def parse_all(model: Path, texts: Iterable[str]) -> tuple[list[Parsed], float]:
    """Parse every text with the model; returns the results and the model load time."""
    from rasa.core.agent import Agent

    quiet_rasa_logs()

    started = time.perf_counter()
    agent = Agent.load(str(model))
    load_seconds = time.perf_counter() - started

    async def run() -> list[Parsed]:
        results = []
        for text in texts:
            data = await agent.parse_message(text)
            intent = data.get("intent") or {}
            results.append(
                Parsed(
                    text=text,
                    intent=str(intent.get("name")),
                    confidence=float(intent.get("confidence") or 0.0),
                    ranking=[(str(r["name"]), float(r["confidence"])) for r in data.get("intent_ranking") or []],
                    entities=list(data.get("entities") or []),
                    safeguard=data.get("safeguard"),
                    before_safeguard=data.get("safeguard_before"),
                    tie_break=data.get("safeguard_tie_break"),
                    selector=selector_ranking(data),
                    safety_model=data.get("safety_model"),
                    collection_question=data.get(COLLECTION_QUESTION) is True,
                )
            )
        return results

    return asyncio.run(run()), load_seconds
