"""Finding the entry that answers a question, and deciding when not to answer.

Two signals meet here:
- the Rasa ResponseSelector's ranking of the curated retrieval intents (`faq/<key>`), sent along
  by the action server;
- BM25 over the whole collection (accent-folded, Dutch-stemmed: knowledge.search), which also
  finds entries the selector ranks low.

The bot answers only with enough evidence; otherwise it says it does not know. What is enough is
a small logistic model over both signals (knowledge/faq_answerability.py), fitted with its
threshold by scripts/tune_faq.py on development data only, never the held-out set.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from knowledge.faq_answerability import Policy, default_policy
from knowledge.faq_fact_kind import fact_gap
from knowledge.search import BM25Index, expand, query_words_and_stems
from knowledge.word_weight import specificity

# How much an answer's own words count next to the questions that lead to it.
ANSWER_WEIGHT = 0.5


@dataclass(frozen=True)
class FaqDocument:
    key: str
    questions: list[str]  # the canonical question and its paraphrases
    answer: str


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
    score: float
    # The share of the question's information (idf-weighted terms) found in this entry's
    # questions and answer: low when the question is about something the entry never mentions.
    coverage: float
    # 1.0 when the question asks for a count, an amount, hours, a name or an address that this
    # entry's answer does not hold (knowledge/faq_fact_kind.py).
    fact_gap: float = 0.0


@dataclass(frozen=True)
class Evidence:
    selector: list[tuple[str, float]]  # the selector's ranking, best first
    hits: list[SearchHit]  # the search's ranking, best first


@dataclass(frozen=True)
class Decision:
    key: str | None  # None: no entry answers this well enough
    via: str  # "selector", "search" or "none"
    related: list[str] = field(default_factory=list)  # other likely entries, best first


class FaqIndex:
    def __init__(self, documents: Sequence[FaqDocument]) -> None:
        self.documents = {d.key: d for d in documents}
        self.questions = BM25Index([(d.key, " ".join(d.questions)) for d in documents])
        self.answers = BM25Index([(d.key, d.answer) for d in documents])
        # The words each entry uses at all, from the token counts both indexes already hold.
        self.vocabulary = {
            key: set(question_terms) | set(answer_terms)
            for key, question_terms, answer_terms in zip(
                self.questions.keys, self.questions.term_counts, self.answers.term_counts, strict=True
            )
        }
        idf = self.questions.idf
        self._unknown_idf = max(idf.values()) if idf else 1.0

    def _idf(self, term: str) -> float:
        return self.questions.idf.get(term, self.answers.idf.get(term, self._unknown_idf))

    def coverage(self, query: str, key: str) -> float:
        return self._coverage(self._term_weights(query_words_and_stems(query)), key)

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

    def search(self, query: str, limit: int = 5) -> list[SearchHit]:
        # Tokenised once for both indexes and the coverage.
        words = query_words_and_stems(query)
        stems = [stem for _, stem in words]
        scores: dict[str, float] = {}
        for hit in self.questions.search_tokens(stems, limit=len(self.documents)):
            scores[hit.key] = scores.get(hit.key, 0.0) + hit.score
        for hit in self.answers.search_tokens(stems, limit=len(self.documents)):
            scores[hit.key] = scores.get(hit.key, 0.0) + ANSWER_WEIGHT * hit.score
        weights = self._term_weights(words)
        # BM25 alone can prefer an entry that repeats one of the question's words often (the entry
        # that counts the CAW's) over the entry that has all of them (what a CAW does about debts);
        # weighing by coverage puts the entry that speaks of the whole question first.
        hits = []
        for key, score in scores.items():
            coverage = self._coverage(weights, key)
            hits.append(SearchHit(key, round(score * coverage, 4), round(coverage, 4)))
        hits.sort(key=lambda hit: (-hit.score, hit.key))
        return [replace(hit, fact_gap=fact_gap(query, self.documents[hit.key].answer)) for hit in hits[:limit]]

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
    order = _merge([k for k, _ in selector[:3]], [h.key for h in hits])
    chosen: tuple[str, str] | None = None
    if selector and selector[0][1] >= policy.selector:
        chosen = (selector[0][0], "selector")
    elif hits and policy.model.probability(evidence) >= policy.threshold:
        chosen = (hits[0].key, "search")
    if chosen is None:
        return Decision(None, "none", order[:3])
    key, via = chosen
    return Decision(key, via, [k for k in order if k != key][:2])


def _merge(*rankings: list[str]) -> list[str]:
    merged: list[str] = []
    for position in range(max((len(r) for r in rankings), default=0)):
        for ranking in rankings:
            if position < len(ranking) and ranking[position] not in merged:
                merged.append(ranking[position])
    return merged


def index_of(entries: Iterable[Entry]) -> FaqIndex:
    """The index over `entries` (the collection's records or the database rows)."""
    return FaqIndex([FaqDocument(e.key, [e.question, *e.paraphrases], e.answer) for e in entries])
