"""The FAQ question files: the evaluation sets' format, and the development questions.

The held-out set (tests/faq/eval_questions.yml) and its retired editions share one format, read
by `labelled_questions`.

The development questions are seen data that may choose the answering thresholds:
- knowledge/data/faq_dev_unanswerable.yml: questions the collection cannot answer, written to
  choose the thresholds;
- knowledge/data/faq_dev_questions.yml and faq_dev_questions_2.yml to _7.yml: the retired first to
  seventh editions of the held-out set (retired once their errors had been seen, or were about to
  be read). Their answerable questions are also the search's example questions
  (knowledge/faq_examples.py).
scripts/tune_faq.py fits the answering on them; the held-out questions never are.
Only yaml here: both environments read these files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data"
# The held-out set: read by the evaluation in both environments and by the near-copy test.
HELDOUT_QUESTIONS = Path(__file__).resolve().parents[1] / "tests" / "faq" / "eval_questions.yml"
DEV_UNANSWERABLE = DATA / "faq_dev_unanswerable.yml"
DEV_EDITIONS = tuple(DATA / f"faq_dev_questions{suffix}.yml" for suffix in ("", "_2", "_3", "_4", "_5", "_6", "_7"))

# A question with the key of the entry that answers it, or None when the collection cannot.
Labelled = tuple[str, str | None]


def dev_files() -> tuple[Path, ...]:
    """Every file the development questions come from."""
    return (*DEV_EDITIONS, DEV_UNANSWERABLE)


def _read(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def labelled_questions(path: Path) -> list[Labelled]:
    """An evaluation file: its answerable questions with their entry, then its unanswerable ones."""
    data = _read(path)
    answerable: list[Labelled] = [(str(item["q"]), str(item["entry"])) for item in data["answerable"]]
    return answerable + [(str(question), None) for question in data["unanswerable"]]


def dev_questions_by_edition() -> list[tuple[Labelled, int | None]]:
    """Every development question with the retired edition (an index into DEV_EDITIONS) it comes
    from, or None for the unanswerable questions written to choose the thresholds. The
    answerable ones come first, then all without an answer: the written ones, then the editions'."""
    retired = [
        (labelled, edition) for edition, path in enumerate(DEV_EDITIONS) for labelled in labelled_questions(path)
    ]
    written: list[tuple[Labelled, int | None]] = [
        ((str(question), None), None) for question in _read(DEV_UNANSWERABLE)["questions"]
    ]
    return (
        [item for item in retired if item[0][1] is not None]
        + written
        + [item for item in retired if item[0][1] is None]
    )


def dev_unanswerable_questions() -> list[str]:
    """Every development question without an answer, from all the files."""
    return [question for (question, key), _ in dev_questions_by_edition() if key is None]


def dev_questions() -> list[Labelled]:
    """Every development question: the retired editions' answerable ones, then all without an answer."""
    return [labelled for labelled, _ in dev_questions_by_edition()]


def dev_question_editions() -> list[int | None]:
    """For each of `dev_questions`, its edition (see `dev_questions_by_edition`)."""
    return [edition for _, edition in dev_questions_by_edition()]
