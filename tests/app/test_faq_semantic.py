"""The FAQ search by meaning (sentence vectors) and with example questions."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from knowledge.faq import load_collection, sync_faq
from knowledge.faq_dev import DEV_EDITIONS, dev_question_editions, dev_questions
from knowledge.faq_examples import example_questions, labelled_examples
from knowledge.faq_search import FaqDocument, FaqIndex
from knowledge.models import FaqEntry
from knowledge.records import LoadError
from knowledge.sentence_vectors import CachingEncoder, shared_encoder
from scripts import tune_faq

LINE = [
    FaqDocument("anonymous", ["Moet ik mijn naam zeggen als ik bel?"], "Nee, je mag anoniem blijven."),
    FaqDocument("cost", ["Moet ik betalen voor een gesprek?"], "Nee, het is gratis."),
    FaqDocument("hours", ["Wanneer is de lijn open?"], "Elke werkdag."),
]


def test_sentence_vectors_have_unit_length_and_put_alike_questions_close() -> None:
    vectors = shared_encoder().encode(["kost dat iets?", "moet ik daarvoor betalen?", "waar woont de burgemeester?"])
    assert vectors.shape == (3, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_a_question_without_a_shared_word_is_found_by_meaning() -> None:
    index = FaqIndex(LINE)
    for question, key in (("hoeveel kost dat", "cost"), ("weten ze wie ik ben", "anonymous")):
        first = index.search(question)[0]
        # No word in common: the lexical score is zero, the closeness in meaning decides.
        assert (first.key, first.score) == (key, 0.0), question
        assert first.similarity_lead > 0


def test_only_the_entry_nearest_in_meaning_has_a_positive_lead() -> None:
    hits = FaqIndex(LINE).search("is het gratis om te bellen")
    leads = {hit.key: hit.similarity_lead for hit in hits}
    nearest = max(hits, key=lambda hit: hit.similarity).key
    assert leads[nearest] > 0 and all(lead < 0 for key, lead in leads.items() if key != nearest)
    assert leads[nearest] == pytest.approx(-max(lead for key, lead in leads.items() if key != nearest), abs=1e-3)


def test_an_example_question_brings_its_wording_to_the_entry() -> None:
    question = "mag mijn buurvrouw ook bellen voor ons"
    without = FaqIndex(LINE).search(question)[0]
    with_example = FaqIndex(
        [LINE[0], FaqDocument("cost", LINE[1].questions, LINE[1].answer, ["mag de buurvrouw voor ons bellen"]), LINE[2]]
    ).search(question)[0]
    assert without.key != "cost" and with_example.key == "cost"
    assert with_example.similarity > without.similarity + 0.3


def test_the_caching_encoder_gives_the_same_vectors() -> None:
    texts = ["wat is Awel", "wat is het JAC", "wat is Awel"]
    cached = CachingEncoder(shared_encoder())
    assert np.allclose(cached.encode(texts), shared_encoder().encode(texts), atol=1e-6)
    assert np.allclose(cached.encode(texts[:1]), cached.encode(texts[2:]))


def test_the_examples_are_the_answerable_questions_of_the_retired_editions() -> None:
    entries = load_collection()
    examples = example_questions({entry.key for entry in entries})
    answerable = [(question, key) for question, key in dev_questions() if key]
    assert sum(len(questions) for questions in examples.values()) == len(answerable)
    assert all(question in examples[key] for question, key in answerable)


def test_the_loader_stores_the_examples_with_their_entry(kb: Session) -> None:
    rows = {row.key: row.examples for row in kb.scalars(select(FaqEntry))}
    entries = load_collection()
    assert rows == example_questions({entry.key for entry in entries})


def test_an_example_for_an_unknown_entry_stops_the_load(kb: Session, tmp_path: Path) -> None:
    broken = tmp_path / "faq_dev_questions.yml"
    broken.write_text("answerable:\n  - q: wat is dit\n    entry: bestaat_niet\nunanswerable: []\n", encoding="utf-8")
    with pytest.raises(LoadError, match="bestaat_niet"):
        sync_faq(kb, example_files=[broken, *DEV_EDITIONS])


def test_a_development_question_is_never_searched_in_an_index_that_holds_it() -> None:
    """Cross-fitting: with its own wording among the examples, a question would match itself
    (closeness 1.0) and look easier than a new question."""
    # Every twelfth question: some of each edition, and some written apart from the editions.
    labelled, editions = dev_questions()[::12], dev_question_editions()[::12]
    rows = [{"text": question, "selector": []} for question, _ in labelled]
    part_of = tune_faq.split(editions, random.Random(3))  # noqa: S311
    items = tune_faq.cross_fitted_evidence(rows, labelled, part_of, CachingEncoder(shared_encoder()))
    assert len(items) == len(labelled)
    own = {question for question, _ in labelled_examples()}
    for (question, _), (_, evidence) in zip(labelled, items, strict=True):
        if question in own:
            assert evidence.hits[0].similarity < 0.999, question


def test_the_cross_fitting_leaves_out_whole_editions() -> None:
    """The held-out set is a new edition: a development question is searched without the
    examples of its own edition, written in the same sitting."""
    editions = dev_question_editions()
    assert len(editions) == len(dev_questions())
    assert set(editions) == {*range(len(DEV_EDITIONS)), None}
    part_of = tune_faq.split(editions, random.Random(3))  # noqa: S311
    assert all(part == edition for part, edition in zip(part_of, editions, strict=True) if edition is not None)
    apart = [part for part, edition in zip(part_of, editions, strict=True) if edition is None]
    sizes = [apart.count(part) for part in range(tune_faq.FOLDS)]
    assert max(sizes) - min(sizes) <= 1
