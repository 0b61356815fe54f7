"""Finding the entry that answers a question, and deciding when not to answer.

Four signals meet here:
- the Rasa ResponseSelector's ranking of the curated retrieval intents (`faq/<key>`), sent along
  by the action server;
- BM25 over the whole collection (accent-folded, Dutch-stemmed: knowledge.search), which also
  finds entries the selector ranks low;
- the closeness in meaning of the question to each entry's phrasings (sentence vectors,
  knowledge/sentence_vectors.py), which finds an entry asked about in other words;
- a classifier trained on all of each entry's phrasings (knowledge/faq_classifier.py), which
  weighs what an entry's phrasings have in common rather than the single nearest one.

An entry's phrasings are its canonical question, its paraphrases and its examples: questions as
people asked them, tied to the entry that answers them (knowledge/faq_examples.py).

The search orders the entries by the lexical score (relative to the best one) plus
SEMANTIC_WEIGHT times the closeness plus BELIEF_WEIGHT times the classifier's probability. The
bot answers only with enough evidence; otherwise it says it does not know. What is enough is a
small logistic model over the signals (knowledge/faq_answerability.py), fitted with its threshold
by scripts/tune_faq.py on development data only, never the held-out set.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from knowledge.faq_answerability import Policy, default_policy
from knowledge.faq_classifier import EntryClassifier, belief_lead
from knowledge.faq_fact_kind import fact_gap
from knowledge.search import QUERY_LIMIT, BM25Index, CompoundSplitter, expand, query_words_and_stems
from knowledge.sentence_vectors import Encoder, Vectors, shared_encoder
from knowledge.word_weight import specificity

# How much an answer's own words count next to the questions that lead to it.
ANSWER_WEIGHT = 0.5
# How much closeness in meaning (a cosine, at most 1) counts next to the lexical score divided by
# the best lexical score of the question (at most 1). Chosen on phrasings the index had not seen
# (each paraphrase left out in turn, and the development questions by folds): the right entry
# first for 0.807 of left-out paraphrases with the lexical score alone, 0.849 at 2, 0.842 at 1.5
# and 0.841 at 3; the closeness alone 0.642 (docs/faq.md).
SEMANTIC_WEIGHT = 2.0
# How much the classifier's probability for an entry (at most 1) counts. Chosen on the
# development questions, each of the two latest retired editions searched with a classifier that
# never saw it: the search's first entry right for 0.890 and 0.929 of them without it, 0.897 and
# 0.950 at 1 (docs/faq.md, "An entry classifier").
BELIEF_WEIGHT = 1.0


@dataclass(frozen=True)
class FaqDocument:
    key: str
    questions: list[str]  # the canonical question and its paraphrases
    answer: str
    examples: list[str] = field(default_factory=list)  # questions as people asked them

    @property
    def phrasings(self) -> list[str]:
        return [*self.questions, *self.examples]


class Entry(Protocol):
    """What the index needs of an entry: the collection's records and the database rows both have it."""

    @property
    def key(self) -> str: ...
    @property
    def question(self) -> str: ...
    @property
    def paraphrases(self) -> list[str]: ...
    @property
    def answer(self) -> str: ...


@dataclass(frozen=True)
class SearchHit:
    key: str
    score: float  # lexical: BM25 over the phrasings and the answer, times the coverage
    # The share of the question's information (idf-weighted terms) found in this entry's
    # phrasings and answer: low when the question is about something the entry never mentions.
    coverage: float
    # 1.0 when the question asks for a count, an amount, hours, a name or an address that this
    # entry's answer does not hold (knowledge/faq_fact_kind.py).
    fact_gap: float = 0.0
    # The cosine of the question with the closest of this entry's phrasings.
    similarity: float = 0.0
    # That closeness minus the closest any other entry comes: positive only for the entry nearest
    # in meaning, and the larger, the clearer.
    similarity_lead: float = 0.0
    # The classifier's probability that the question belongs to this entry
    # (knowledge/faq_classifier.py), and the log of its ratio to the best other entry's.
    belief: float = 0.0
    belief_lead: float = 0.0


@dataclass(frozen=True)
class Evidence:
    selector: list[tuple[str, float]]  # the selector's ranking, best first
    hits: list[SearchHit]  # the search's ranking, best first


@dataclass(frozen=True)
class Decision:
    key: str | None  # None: no entry answers this well enough
    via: str  # "selector", "search" or "none"
    related: list[str] = field(default_factory=list)  # other likely entries, best first

    @property
    def shown(self) -> list[str]:
        """The entries the person sees: the answer, if any, and the related questions offered as
        buttons (two after an answer, three instead of one)."""
        return ([self.key] if self.key else []) + self.related


class FaqIndex:
    def __init__(self, documents: Sequence[FaqDocument], encoder: Encoder | None = None) -> None:
        self.documents = {d.key: d for d in documents}
        self.questions = BM25Index([(d.key, " ".join(d.phrasings)) for d in documents])
        self.answers = BM25Index([(d.key, d.answer) for d in documents])
        # The words each entry uses at all, from the token counts both indexes already hold.
        self.vocabulary = {
            key: set(question_terms) | set(answer_terms)
            for key, question_terms, answer_terms in zip(
                self.questions.keys, self.questions.term_counts, self.answers.term_counts, strict=True
            )
        }
        idf = self.questions.idf
        self._compounds = CompoundSplitter(set(idf) | set(self.answers.idf))
        self._unknown_idf = max(idf.values()) if idf else 1.0
        self._encoder = encoder or shared_encoder()
        phrasings = [(position, text) for position, d in enumerate(documents) for text in d.phrasings]
        self._phrasing_owner = np.array([position for position, _ in phrasings], dtype=np.int64)
        self._phrasing_vectors = self._encoder.encode([text for _, text in phrasings])
        self._classifier = EntryClassifier(self._phrasing_vectors, self._phrasing_owner, len(self.documents))
        self._position = {key: position for position, key in enumerate(self.documents)}  # the classifier's order

    def _idf(self, term: str) -> float:
        return self.questions.idf.get(term, self.answers.idf.get(term, self._unknown_idf))

    def coverage(self, query: str, key: str) -> float:
        return self._coverage(self._term_weights(self._query_words(query)), key)

    def _query_words(self, query: str) -> list[tuple[str, str]]:
        """The query's words and stems, a compound the collection does not know split into parts
        it does (knowledge.search.CompoundSplitter)."""
        return self._compounds.words_and_stems(query_words_and_stems(query))

    def _term_weights(self, words: list[tuple[str, str]]) -> dict[str, float]:
        """Each stem of the question with its weight: its idf in the collection times how telling
        its word is in Dutch at large (knowledge/word_weight.py; the most telling word when two
        words share a stem)."""
        telling: dict[str, float] = {}
        for word, stem in words:
            telling[stem] = max(telling.get(stem, 0.0), specificity(word))
        return {stem: self._idf(stem) * weight for stem, weight in telling.items()}

    def _coverage(self, weights: dict[str, float], key: str) -> float:
        """The weighted share of the question's terms that the entry uses."""
        if not weights:
            return 0.0
        vocabulary = self.vocabulary.get(key, set())
        found = sum(weight for term, weight in weights.items() if expand(term, vocabulary))
        return found / sum(weights.values())

    def similarities(self, query: str) -> dict[str, float]:
        """Each entry's closeness in meaning to the query: the cosine with its closest phrasing."""
        return self._similarities(self._vector(query))

    def _vector(self, query: str) -> Vectors:
        vector: Vectors = self._encoder.encode([query[:QUERY_LIMIT]])[0]
        return vector

    def _similarities(self, vector: Vectors) -> dict[str, float]:
        if not self.documents:
            return {}
        cosines = self._phrasing_vectors @ vector
        closest = np.full(len(self.documents), -1.0)
        np.maximum.at(closest, self._phrasing_owner, cosines)
        return {key: float(value) for key, value in zip(self.documents, closest, strict=True)}

    def search(self, query: str, limit: int = 5) -> list[SearchHit]:
        # Tokenised once for both indexes and the coverage.
        words = self._query_words(query)
        stems = [stem for _, stem in words]
        lexical: dict[str, float] = {}
        for hit in self.questions.search_tokens(stems, limit=len(self.documents)):
            lexical[hit.key] = lexical.get(hit.key, 0.0) + hit.score
        for hit in self.answers.search_tokens(stems, limit=len(self.documents)):
            lexical[hit.key] = lexical.get(hit.key, 0.0) + ANSWER_WEIGHT * hit.score
        weights = self._term_weights(words)
        # BM25 alone can prefer an entry that repeats one of the question's words often (the entry
        # that counts the CAW's) over the entry that has all of them (what a CAW does about debts);
        # weighing by coverage puts the entry that speaks of the whole question first.
        # Only an entry with a lexical score can cover any of the question's words; the others'
        # coverage is worked out below for the few that meaning alone brings into the hits.
        coverage = {key: self._coverage(weights, key) for key in lexical}
        scores = {key: score * coverage[key] for key, score in lexical.items()}
        best_lexical = max(scores.values(), default=0.0) or 1.0
        vector = self._vector(query)
        similarity = self._similarities(vector)
        beliefs = self._classifier.beliefs(vector)
        position = self._position
        combined = {
            key: scores.get(key, 0.0) / best_lexical
            + SEMANTIC_WEIGHT * similarity[key]
            + BELIEF_WEIGHT * float(beliefs[position[key]])
            for key in self.documents
        }
        ranked = sorted(self.documents, key=lambda key: (-combined[key], key))[:limit]
        nearest = sorted(similarity.values(), reverse=True)[:2]
        return [
            SearchHit(
                key,
                round(scores.get(key, 0.0), 4),
                round(coverage[key] if key in coverage else self._coverage(weights, key), 4),
                fact_gap=fact_gap(query, self.documents[key].answer),
                similarity=round(similarity[key], 4),
                similarity_lead=round(similarity[key] - _closest_other(similarity[key], nearest), 4),
                belief=round(float(beliefs[position[key]]), 4),
                belief_lead=round(belief_lead(beliefs, position[key]), 4),
            )
            for key in ranked
        ]

    def evidence(self, question: str, selector: Sequence[tuple[str, float]] = ()) -> Evidence:
        ranked = sorted(((k, c) for k, c in selector if k in self.documents), key=lambda item: -item[1])
        return Evidence(ranked, self.search(question, limit=5))

    def decide(
        self,
        question: str,
        selector: Sequence[tuple[str, float]] = (),
        policy: Policy | None = None,
    ) -> Decision:
        """The entry to answer with, if any. `selector` is the ResponseSelector's ranking."""
        return choose(self.evidence(question, selector), policy or default_policy())


def choose(evidence: Evidence, policy: Policy) -> Decision:
    """The decision rule on its own, so that scripts/tune_faq.py can replay it cheaply."""
    selector, hits = evidence.selector, evidence.hits
    # The search's order first, the selector's first three woven in: on the development
    # questions the right entry was among what is shown for 0.988 this way, 0.978 with the
    # selector first (its first entry is right less often than the search's: 0.79 against 0.95).
    order = _merge([h.key for h in hits], [k for k, _ in selector[:3]])
    chosen: tuple[str, str] | None = None
    if selector and selector[0][1] >= policy.selector:
        chosen = (selector[0][0], "selector")
    elif hits and policy.model.probability(evidence) >= policy.threshold:
        chosen = (hits[0].key, "search")
    if chosen is None:
        return Decision(None, "none", order[:3])
    key, via = chosen
    return Decision(key, via, [k for k in order if k != key][:2])


def _closest_other(own: float, nearest: list[float]) -> float:
    """The highest closeness of any other entry, given the two highest of all."""
    if len(nearest) < 2:
        return 0.0
    return nearest[1] if own >= nearest[0] else nearest[0]


def _merge(*rankings: list[str]) -> list[str]:
    merged: list[str] = []
    for position in range(max((len(r) for r in rankings), default=0)):
        for ranking in rankings:
            if position < len(ranking) and ranking[position] not in merged:
                merged.append(ranking[position])
    return merged


def index_of(
    entries: Iterable[Entry], examples: Mapping[str, Sequence[str]] | None = None, encoder: Encoder | None = None
) -> FaqIndex:
    """The index over `entries` (the collection's records or the database rows), with the example
    questions of each entry (knowledge/faq_examples.py) where given."""
    examples = examples or {}
    documents = [
        FaqDocument(e.key, [e.question, *e.paraphrases], e.answer, list(examples.get(e.key, ()))) for e in entries
    ]
    return FaqIndex(documents, encoder)
