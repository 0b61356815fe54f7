"""Finding the entry that answers a question, and deciding when not to answer.

Two signals meet here:
- the Rasa ResponseSelector's ranking of the curated retrieval intents (`faq/<key>`), sent along
  by the action server;
- BM25 over the whole collection (accent-folded, Dutch-stemmed: knowledge.search), which also
  finds entries the selector ranks low.

The bot answers only with enough evidence; otherwise it says it does not know. The thresholds
come from scripts/tune_faq.py (development data only, never the held-out set) and are written
in DEFAULT_THRESHOLDS with the method.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

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


@dataclass(frozen=True)
class Thresholds:
    # Answer what the ResponseSelector ranks first when its confidence reaches this.
    selector: float
    # Answer the best search hit when its coverage reaches this.
    coverage: float
    # Answer when the selector and the search name the same entry first and the selector's
    # confidence reaches this (two independent signals agreeing need less of each).
    agreement: float
    # Answer the best search hit with less coverage (lead_coverage) when it scores at least
    # lead_ratio times the second hit: one entry clearly stands out. Off by default.
    lead_coverage: float = 1.0
    lead_ratio: float = float("inf")


# Chosen by scripts/tune_faq.py on development data only, never the held-out set (docs/faq.md).
# coverage: 4-fold cross-validation of the search over the collection's own questions (each fold
# holds back two of the eight texts of every entry) plus the 115 development questions it cannot
# answer (knowledge/faq_dev.py); the lead rule came out of the same grid: 71.7% of 760 held-back
# questions answered right, 9.8% of the development questions answered though unanswerable (the
# same values as with the first 80 of them). selector and agreement: the earlier run with two NLU
# folds (`--selector`), where the selector added nothing over the search.
DEFAULT_THRESHOLDS = Thresholds(selector=0.95, coverage=0.63, agreement=0.7, lead_coverage=0.6, lead_ratio=2.0)


@dataclass(frozen=True)
class Evidence:
    selector: list[tuple[str, float]]  # the selector's ranking, best first
    hits: list[SearchHit]  # the search's ranking, best first


@dataclass(frozen=True)
class Decision:
    key: str | None  # None: no entry answers this well enough
    via: str  # "selector", "agreement", "search" or "none"
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
        return hits[:limit]

    def evidence(self, question: str, selector: Sequence[tuple[str, float]] = ()) -> Evidence:
        ranked = sorted(((k, c) for k, c in selector if k in self.documents), key=lambda item: -item[1])
        return Evidence(ranked, self.search(question, limit=5))

    def decide(
        self,
        question: str,
        selector: Sequence[tuple[str, float]] = (),
        thresholds: Thresholds = DEFAULT_THRESHOLDS,
    ) -> Decision:
        """The entry to answer with, if any. `selector` is the ResponseSelector's ranking."""
        return choose(self.evidence(question, selector), thresholds)


def choose(evidence: Evidence, thresholds: Thresholds) -> Decision:
    """The decision rule on its own, so that scripts/tune_faq.py can replay it cheaply."""
    selector, hits = evidence.selector, evidence.hits
    order = _merge([k for k, _ in selector[:3]], [h.key for h in hits])
    top_selector = selector[0] if selector else None
    top_hit = hits[0] if hits else None
    chosen: tuple[str, str] | None = None
    if top_selector and top_selector[1] >= thresholds.selector:
        chosen = (top_selector[0], "selector")
    elif top_selector and top_hit and top_hit.key == top_selector[0] and top_selector[1] >= thresholds.agreement:
        chosen = (top_selector[0], "agreement")
    elif top_hit and (top_hit.coverage >= thresholds.coverage or _clear_lead(hits, thresholds)):
        chosen = (top_hit.key, "search")
    if chosen is None:
        return Decision(None, "none", order[:3])
    key, via = chosen
    return Decision(key, via, [k for k in order if k != key][:2])


def _clear_lead(hits: list[SearchHit], thresholds: Thresholds) -> bool:
    top, rest = hits[0], hits[1:]
    if top.coverage < thresholds.lead_coverage:
        return False
    return not rest or top.score >= thresholds.lead_ratio * rest[0].score


def _merge(*rankings: list[str]) -> list[str]:
    merged: list[str] = []
    for position in range(max((len(r) for r in rankings), default=0)):
        for ranking in rankings:
            if position < len(ranking) and ranking[position] not in merged:
                merged.append(ranking[position])
    return merged


def index_of(entries: Iterable[Entry], left_out: Collection[int] = ()) -> FaqIndex:
    """The index over `entries`; `left_out` drops texts by position in [question, *paraphrases]
    (cross-validation leaves some out)."""
    documents = []
    for entry in entries:
        texts = [entry.question, *entry.paraphrases]
        documents.append(FaqDocument(entry.key, [t for i, t in enumerate(texts) if i not in left_out], entry.answer))
    return FaqIndex(documents)
