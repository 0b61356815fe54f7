"""The entry classifier over sentence vectors (knowledge/faq_classifier.py) and its place in the search."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.faq_answerability import FEATURES, features
from knowledge.faq_classifier import MAX_LOG_LEAD, EntryClassifier, belief_lead
from knowledge.faq_search import Evidence, FaqDocument, FaqIndex
from knowledge.sentence_vectors import shared_encoder

# Two entries each asked about in several wordings, and one with a single phrasing.
PHRASINGS = {
    "cost": ["kost dat iets", "moet ik betalen", "is het gratis", "wat is de prijs van een gesprek"],
    "anonymous": ["moet ik mijn naam zeggen", "kan ik anoniem bellen", "weten ze wie ik ben"],
    "hours": ["wanneer zijn jullie open"],
}


def _fitted() -> tuple[EntryClassifier, list[str]]:
    keys = list(PHRASINGS)
    texts = [text for key in keys for text in PHRASINGS[key]]
    owners = np.array([keys.index(key) for key in keys for _ in PHRASINGS[key]], dtype=np.int64)
    return EntryClassifier(shared_encoder().encode(texts), owners, len(keys)), keys


def test_the_classifier_learns_which_entry_a_new_wording_belongs_to() -> None:
    classifier, keys = _fitted()
    for question, key in (
        ("hoeveel moet ik daarvoor neertellen", "cost"),
        ("blijf ik onbekend als ik bel", "anonymous"),
    ):
        beliefs = classifier.beliefs(shared_encoder().encode([question])[0])
        assert beliefs.sum() == pytest.approx(1.0, abs=1e-5)
        assert keys[int(beliefs.argmax())] == key, question


def test_the_same_phrasings_give_the_same_model() -> None:
    vector = shared_encoder().encode(["is dat gratis"])[0]
    assert np.array_equal(_fitted()[0].beliefs(vector), _fitted()[0].beliefs(vector))


def test_an_empty_collection_believes_nothing() -> None:
    empty = EntryClassifier(np.zeros((0, 512), dtype=np.float32), np.zeros(0, dtype=np.int64), 0)
    assert empty.beliefs(np.ones(512, dtype=np.float32)).shape == (0,)
    assert FaqIndex([]).search("kost dat iets") == []


def test_only_the_preferred_entry_has_a_positive_belief_lead_and_it_is_clipped() -> None:
    beliefs = np.array([0.7, 0.2, 0.1], dtype=np.float32)
    assert belief_lead(beliefs, 0) == pytest.approx(np.log(3.5), abs=1e-5)
    assert belief_lead(beliefs, 1) < 0 and belief_lead(beliefs, 2) < belief_lead(beliefs, 1)
    assert belief_lead(np.array([1.0, 0.0], dtype=np.float32), 0) == MAX_LOG_LEAD
    assert belief_lead(np.array([1.0, 0.0], dtype=np.float32), 1) == -MAX_LOG_LEAD


def test_the_search_reports_each_hit_s_belief_and_the_answering_reads_it() -> None:
    index = FaqIndex([FaqDocument(key, texts, "antwoord") for key, texts in PHRASINGS.items()])
    hits = index.search("hoeveel moet ik daarvoor neertellen", limit=3)
    assert hits[0].key == "cost" and hits[0].belief_lead > 0
    assert sum(hit.belief for hit in hits) == pytest.approx(1.0, abs=1e-3)
    row = dict(zip(FEATURES, features(Evidence([], hits)), strict=True))
    assert (row["belief"], row["belief_lead"]) == (hits[0].belief, hits[0].belief_lead)
