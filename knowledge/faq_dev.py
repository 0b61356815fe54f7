"""The development questions the collection cannot answer (knowledge/data/faq_dev_unanswerable.yml).

They choose the FAQ answering thresholds (scripts/tune_faq.py, nlu_components/faq_folds.py), so
they count as seen; the held-out questions never do. Only yaml here: both environments read them.
"""

from __future__ import annotations

from pathlib import Path

import yaml

DEV_UNANSWERABLE = Path(__file__).resolve().parent / "data" / "faq_dev_unanswerable.yml"


def dev_unanswerable_questions() -> list[str]:
    return [str(question) for question in yaml.safe_load(DEV_UNANSWERABLE.read_text(encoding="utf-8"))["questions"]]
