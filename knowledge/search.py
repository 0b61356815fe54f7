"""Full-text search that behaves the same on SQLite and PostgreSQL: BM25 in Python.

Text is lower-cased, accent-folded and stemmed with the Dutch Snowball stemmer, so "kinderopvang",
"Kinderopvang" and "kinderopvangen" meet, and "crèche" finds "creche".
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from knowledge.places import fold

_WORD = re.compile(r"[a-z0-9]+")
_MIN_PREFIX = 5
# Words that say how a question is asked, not what it is about: articles, pronouns, auxiliary and
# modal verbs, question words, fillers ("eigenlijk", "gewoon", "toch"). Left in, they make two
# questions about different things look alike, and they lower the share of a question an entry
# covers (knowledge/faq_search.py) for no reason.
_STOPWORD_TEXT = """
    de het een den der des t n en of maar want dus als dan dat die dit deze daar hier er
    van in op te ten ter voor met aan bij uit over onder naar om tot door tegen na sinds zonder
    ik je jij u ge gij we wij ze zij hij men mij me mijn mijne jou jouw uw ons onze hun hen haar
    zijn is ben bent was waren word wordt worden werd geweest heb hebt heeft hebben had hadden
    kan kun kunt kunnen kon mag mogen moet moeten moest wil wilt willen zal zult zullen zou zouden
    doe doet doen gaat ga gaan
    wat wie hoe waar wanneer waarom welk welke waarvoor waarmee waarbij
    eigenlijk gewoon toch nu nog al ook wel eens zo zoiets iets iemand even precies concreet
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("dutch")


# Longer queries are cut: they are not questions.
QUERY_LIMIT = 500


def words_and_stems(text: str) -> list[tuple[str, str]]:
    """Each word that is not a stop word (folded to lower case without accents) with its stem."""
    words = [w for w in _WORD.findall(fold(text)) if w not in _STOPWORDS]
    return list(zip(words, _stemmer().stemWords(words), strict=True))


def tokens(text: str) -> list[str]:
    return [stem for _, stem in words_and_stems(text)]


def query_words_and_stems(query: str) -> list[tuple[str, str]]:
    return words_and_stems(query[:QUERY_LIMIT])


def query_tokens(query: str) -> list[str]:
    return [stem for _, stem in query_words_and_stems(query)]


def expand(term: str, vocabulary: Iterable[str]) -> list[str]:
    """The term itself and, for longer terms, the words of `vocabulary` it begins: Dutch glues
    words together, so "zelfmoord" should also find "zelfmoordlijn"."""
    if len(term) < _MIN_PREFIX:
        return [term] if term in vocabulary else []
    return [t for t in vocabulary if t.startswith(term)]


# Compounds: a part is at least this long, so that "kinderopvangloket" splits into "kinderopvang"
# and "loket" but no word falls apart into syllables. Between the parts Dutch may put a linking
# "s", "e" or "en" ("aanmeldingsperiode", "kinderopvang").
_MIN_PART = 4
_LINKS = ("", "s", "e", "en")
# Endings that make a new word rather than name a second thing ("huis-elijk", "kind-heid").
_SUFFIXES = frozenset({"lijk", "heid", "baar", "loos", "achtig", "schap"})
_MAX_PARTS = 3
_MEMO_LIMIT = 4096


class CompoundSplitter:
    """Splits a word that a collection does not know into words it does.

    Dutch writes compounds as one word, and people make up their own: "kinderopvangloket" for the
    lokaal loket kinderopvang, "crisisdienst" for a crisis contact point. Prefix expansion (`expand`)
    finds a compound of the collection from its first part, but not the parts of a compound the
    question makes. A word is split only when neither it nor a word it begins is known, into the
    fewest known parts (two or three).
    """

    def __init__(self, vocabulary: Collection[str]) -> None:
        self._vocabulary = frozenset(vocabulary)
        self._splits: dict[str, tuple[str, ...] | None] = {}

    def _known(self, part: str) -> bool:
        if len(part) < _MIN_PART or part in _SUFFIXES or part in _STOPWORDS:
            return False
        return part in self._vocabulary or _stemmer().stemWord(part) in self._vocabulary

    def split(self, word: str) -> tuple[str, ...] | None:
        """The known parts `word` is made of, or None when it is not such a compound."""
        if word not in self._splits:
            # The words come from people's questions: the memo must not grow, nor keep them, forever.
            if len(self._splits) >= _MEMO_LIMIT:
                self._splits.clear()
            parts = self._parts(word, _MAX_PARTS)
            self._splits[word] = parts if parts and len(parts) > 1 else None
        return self._splits[word]

    def _parts(self, word: str, most: int) -> tuple[str, ...] | None:
        if self._known(word):
            return (word,)
        if most == 1:
            return None
        best: tuple[str, ...] | None = None
        # Longest head first: of two splits with as many parts, the one with the longer first part.
        for end in range(len(word) - _MIN_PART, _MIN_PART - 1, -1):
            head = word[:end]
            if not self._known(head):
                continue
            for link in _LINKS:
                if not word.startswith(link, end):
                    continue
                tail = self._parts(word[end + len(link) :], most - 1)
                if tail and (best is None or len(tail) + 1 < len(best)):
                    best = (head, *tail)
        return best

    def words_and_stems(self, words: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """`words` (from `words_and_stems`) with each unknown compound replaced by its parts."""
        result: list[tuple[str, str]] = []
        for word, stem in words:
            parts = None
            if len(word) >= 2 * _MIN_PART and not expand(stem, self._vocabulary):
                parts = self.split(word)
            if parts:
                result += [(part, _stemmer().stemWord(part)) for part in parts]
            else:
                result.append((word, stem))
        return result


@dataclass(frozen=True)
class Hit:
    key: str
    score: float


class BM25Index:
    def __init__(self, documents: Sequence[tuple[str, str]], k1: float = 1.5, b: float = 0.75) -> None:
        self.keys = [key for key, _ in documents]
        self.term_counts = [Counter(tokens(text)) for _, text in documents]
        self.lengths = [sum(c.values()) for c in self.term_counts]
        self.average_length = (sum(self.lengths) / len(self.lengths)) if self.lengths else 0.0
        frequency: Counter[str] = Counter()
        for counts in self.term_counts:
            frequency.update(counts.keys())
        n = len(documents)
        self.idf = {term: math.log(1 + (n - df + 0.5) / (df + 0.5)) for term, df in frequency.items()}
        self.k1, self.b = k1, b

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        return self.search_tokens(query_tokens(query), limit)

    def search_tokens(self, query_terms: Iterable[str], limit: int = 10) -> list[Hit]:
        """`search` for a query already tokenised (a caller that searches several indexes)."""
        terms = sorted({t for word in query_terms for t in expand(word, self.idf)})
        if not terms:
            return []
        hits = []
        for key, counts, length in zip(self.keys, self.term_counts, self.lengths, strict=True):
            score = 0.0
            for term in terms:
                tf = counts.get(term, 0)
                if tf:
                    norm = tf + self.k1 * (1 - self.b + self.b * length / (self.average_length or 1))
                    score += self.idf[term] * tf * (self.k1 + 1) / norm
            if score > 0:
                hits.append(Hit(key, score))
        hits.sort(key=lambda h: (-h.score, h.key))
        return hits[:limit]
