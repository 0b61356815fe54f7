"""The question-and-answer collection: complete, sourced, dated, and in our own words."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from knowledge.faq import FAQ_DIR, load_collection, parse_faq_file, render_answer, seed_names
from knowledge.faq_dev import HELDOUT_QUESTIONS, dev_questions, labelled_questions
from knowledge.records import LoadError
from knowledge.source_labels import SEED_DOCUMENTS
from knowledge.sources import FACT_SHEET, seed_lines, shared_available
from knowledge.sources import SEEDS as SEED_DIR

ENTRIES = load_collection()
COPY_RUN = 12

needs_shared = pytest.mark.skipif(
    not shared_available(), reason="../shared (seeds and fact sheet) is not beside the project"
)


def words(text: str) -> list[str]:
    """Lower case, accents kept, punctuation and line breaks gone: the unit of the copy check."""
    text = unicodedata.normalize("NFC", text).lower()
    return re.findall(r"[^\W_]+", text)


def runs(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def seed_runs(n: int = COPY_RUN) -> set[tuple[str, ...]]:
    found: set[tuple[str, ...]] = set()
    for path in sorted(SEED_DIR.glob("*.txt")):
        found |= runs(words(path.read_text(encoding="utf-8")), n)
    return found


def test_the_collection_is_large_enough_and_keys_are_unique() -> None:
    assert len(ENTRIES) >= 80
    assert len({e.key for e in ENTRIES}) == len(ENTRIES)


def test_every_entry_has_three_different_paraphrases() -> None:
    for entry in ENTRIES:
        texts = [entry.question.lower(), *(p.lower() for p in entry.paraphrases)]
        assert len(set(texts)) == len(texts) >= 4, entry.key


@needs_shared
def test_every_seed_source_names_a_section_that_exists() -> None:
    for entry in ENTRIES:
        for source in entry.sources:
            if not source.startswith("seed:"):
                continue
            name, _, section = source.removeprefix("seed:").partition("#")
            assert section, f"{entry.key}: {source} names no section"
            assert (SEED_DIR / name).is_file(), f"{entry.key}: no seed {name}"
            assert any(line.startswith(section) for line in seed_lines(name)), f"{entry.key}: {source}"


@needs_shared
def test_every_url_source_is_cited_in_the_fact_sheet() -> None:
    fact_sheet = FACT_SHEET.read_text(encoding="utf-8")
    for entry in ENTRIES:
        for source in entry.sources:
            if source.startswith("http"):
                assert source in fact_sheet, f"{entry.key}: {source}"


def test_every_answer_from_a_dated_seed_names_its_year() -> None:
    for entry in ENTRIES:
        for name in seed_names(entry.sources):
            year = SEED_DOCUMENTS[name].year
            assert year in entry.answer, f"{entry.key}: {name} speaks for {year}"


def test_an_undated_answer_from_a_dated_seed_is_refused(tmp_path: Path) -> None:
    entry = {
        "key": "probe",
        "audience": "professional",
        "question": "Wanneer betaalt de toegangspoort?",
        "paraphrases": ["Hoe snel betaalt de poort?", "Betaaltermijn van de poort?", "Wanneer komt het geld?"],
        "answer": "De toegangspoort probeert binnen de maand te betalen.",
        "sources": ["seed:004_17c73fb5ca911fda.txt#4.11"],
    }
    path = tmp_path / "probe.yml"
    path.write_text(yaml.safe_dump({"entries": [entry]}), encoding="utf-8")
    with pytest.raises(LoadError, match="speaks for 2018"):
        parse_faq_file(path)


@needs_shared
def test_no_answer_copies_a_run_of_twelve_words_from_the_seeds() -> None:
    copied = seed_runs()
    for entry in ENTRIES:
        shared = runs(words(entry.answer), COPY_RUN) & copied
        assert not shared, f"{entry.key} copies: {' '.join(sorted(shared)[0])}"


@needs_shared
def test_the_copy_check_catches_a_copied_sentence() -> None:
    text = (SEED_DIR / "004_17c73fb5ca911fda.txt").read_text(encoding="utf-8")
    sentence = " ".join(text.split()[200:216])
    assert runs(words(sentence), COPY_RUN) & seed_runs()


def test_every_rendered_answer_ends_with_its_source() -> None:
    for entry in ENTRIES:
        rendered = render_answer(entry.answer, entry.sources)
        assert rendered.startswith(entry.answer.strip())
        assert re.search(r"\n\nBron: [^\n]+\.$", rendered), entry.key


def test_the_evaluation_set_is_not_in_the_collection() -> None:
    """The held-out questions must not be (near) copies of what the bot is trained or tuned on."""
    # The development questions (also the retired editions) fit the answering: seen, like the
    # paraphrases.
    development = [question for question, _ in dev_questions()]
    trained = [words(t) for e in ENTRIES for t in (e.question, *e.paraphrases)] + [words(q) for q in development]
    trained_trigrams = [runs(t, 3) for t in trained]
    questions = [question for question, _ in labelled_questions(HELDOUT_QUESTIONS)]
    for question in questions:
        mine = runs(words(question), 3)
        if not mine:
            continue
        overlap = max(len(mine & other) / len(mine) for other in trained_trigrams)
        assert overlap <= 0.5, f"held-out question too close to the training data: {question}"


def test_the_faq_directory_holds_only_collection_files() -> None:
    assert sorted(p.suffix for p in FAQ_DIR.iterdir()) == [".yml"] * len(list(FAQ_DIR.iterdir()))
