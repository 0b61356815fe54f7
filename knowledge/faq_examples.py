"""Example questions: how people asked for an entry of the collection, in their own words.

The collection's paraphrases are written by whoever writes the entry. The retired editions of the
held-out set (knowledge/faq_dev.py) are questions written the way parents and professionals type
them, each labelled with the entry that answers it; once retired they are development data, free
to learn from. The search uses them as extra phrasings of their entry (knowledge/faq_search.py):
on paraphrases it had not seen, the right entry came first for 0.905 instead of 0.849 with them
(docs/faq.md). Reviewed, anonymised questions from real conversations can join them the same way.

The NLU never trains on them, and scripts/tune_faq.py leaves a question's whole edition out of the
index that scores it (cross-fitting), so that its own wording, or its neighbours', does not make it
look easy.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from knowledge.faq_dev import DEV_EDITIONS, labelled_questions
from knowledge.records import LoadError

Example = tuple[str, str]  # (question, key of the entry that answers it)


def labelled_examples(files: Sequence[Path] = DEV_EDITIONS) -> list[Example]:
    """Every answerable question of `files`, in file order, with its entry."""
    return [(question, key) for path in files for question, key in labelled_questions(path) if key]


def examples_by_entry(examples: Sequence[Example], keys: Collection[str]) -> dict[str, list[str]]:
    """The example questions grouped by entry; an example for an entry not in `keys` is an error
    (a renamed or removed entry must take its examples along)."""
    grouped: dict[str, list[str]] = {key: [] for key in keys}
    for question, key in examples:
        if key not in grouped:
            raise ValueError(f"the example question {question!r} names the unknown entry {key!r}")
        grouped[key].append(question)
    return grouped


def example_questions(keys: Collection[str], files: Sequence[Path] = DEV_EDITIONS) -> dict[str, list[str]]:
    """The example questions of every entry in `keys`, from the retired held-out editions; an
    unknown entry is reported with the file that names it."""
    grouped: dict[str, list[str]] = {key: [] for key in keys}
    for path in files:
        try:
            for key, questions in examples_by_entry(labelled_examples([path]), keys).items():
                grouped[key] += questions
        except ValueError as error:
            raise LoadError(path, None, str(error)) from error
    return grouped
