"""The FAQ development questions: seen data that may choose the answering thresholds.

- knowledge/data/faq_dev_unanswerable.yml: questions the collection cannot answer, written to
  choose the thresholds;
- knowledge/data/faq_dev_questions.yml: the retired first edition of the held-out set, answerable
  questions with their entry and unanswerable ones.

scripts/tune_faq.py and nlu_components/faq_folds.py use them, so they count as seen; the held-out
questions (tests/faq/eval_questions.yml) never do. Only yaml here: both environments read them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data"
DEV_UNANSWERABLE = DATA / "faq_dev_unanswerable.yml"
DEV_EDITION = DATA / "faq_dev_questions.yml"


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def dev_unanswerable_questions() -> list[str]:
    """Every development question without an answer, from both files."""
    written = [str(question) for question in _read(DEV_UNANSWERABLE)["questions"]]
    return written + [str(question) for question in _read(DEV_EDITION)["unanswerable"]]


def dev_answerable_questions() -> list[tuple[str, str]]:
    """(question, key of the entry that answers it) from the retired first edition."""
    return [(str(item["q"]), str(item["entry"])) for item in _read(DEV_EDITION)["answerable"]]
