"""Which entry a question belongs to, learned from the entries' phrasings.

The search's closeness in meaning (knowledge/faq_search.py) looks at one phrasing per entry, the
nearest. An entry with twenty phrasings in many wordings and an entry with four are then judged
alike, and a single odd phrasing of a neighbour can win. A classifier trained on all of an
entry's phrasings at once (its question, paraphrases and example questions) weighs what they share:
a softmax regression over their sentence vectors (knowledge/sentence_vectors.py).

It gives each entry a probability, its *belief*. Two uses:
- the search adds it to an entry's score, so that a question close to what an entry's phrasings
  have in common ranks that entry higher;
- the answering model (knowledge/faq_answerability.py) reads the best hit's belief and how far it
  stands above every other entry's: a question the collection cannot answer tends to spread its
  belief over several entries, as a real match rarely does.

Chosen on the development questions only, with each of the two most recent retired editions
scored by a model fitted on the editions before it (docs/faq.md, "An entry classifier").
Fitted when the index is built: about a second for the whole collection, no stored weights.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from knowledge.sentence_vectors import Vectors

# Sentence vectors have unit length, so their products lie in [-1, 1]; scaling them lets the
# softmax become sure where the phrasings agree. The four values below were the first tried on
# the development questions and kept; they are not tuned beyond that.
SCALE = 10.0
PENALTY = 1e-3  # L2 on the weights, against fitting single phrasings
STEPS = 300
RATE = 0.5
# The log ratio between an entry's belief and the best other one, clipped: beyond e^5 the
# difference says nothing more, and one entry's near-zero belief must not dominate a fit.
MAX_LOG_LEAD = 5.0

Probabilities = npt.NDArray[np.float32]


class EntryClassifier:
    """Softmax regression from a sentence vector to one of `count` entries, fitted by gradient
    descent from zero (so the same phrasings always give the same model)."""

    def __init__(self, vectors: Vectors, owners: npt.NDArray[np.int64], count: int) -> None:
        self.count = count
        dimensions = vectors.shape[1] if vectors.ndim == 2 else 0
        self._weights = np.zeros((dimensions, count), dtype=np.float32)
        self._bias = np.zeros(count, dtype=np.float32)
        if count and len(vectors):
            self._fit(vectors.astype(np.float32) * np.float32(SCALE), owners)

    def _fit(self, inputs: Vectors, owners: npt.NDArray[np.int64]) -> None:
        targets = np.zeros((len(inputs), self.count), dtype=np.float32)
        targets[np.arange(len(inputs)), owners] = 1.0
        for _ in range(STEPS):
            gradient = (self._softmax(inputs @ self._weights + self._bias) - targets) / len(inputs)
            self._weights -= RATE * (inputs.T @ gradient + PENALTY * self._weights)
            self._bias -= RATE * gradient.sum(axis=0)

    @staticmethod
    def _softmax(scores: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        exp = np.exp(scores - scores.max(axis=-1, keepdims=True))
        result: npt.NDArray[np.float32] = exp / exp.sum(axis=-1, keepdims=True)
        return result

    def beliefs(self, vector: Vectors) -> Probabilities:
        """Each entry's probability for one unit-length sentence vector; they sum to one."""
        if not self.count:
            return np.zeros(0, dtype=np.float32)
        scores = np.asarray((vector * np.float32(SCALE)) @ self._weights + self._bias, dtype=np.float32)
        return self._softmax(scores)


def belief_lead(beliefs: Probabilities, position: int) -> float:
    """How far one entry's belief stands above the best other entry's: the log of their ratio,
    positive only for the entry the classifier prefers, clipped to +-MAX_LOG_LEAD."""
    if len(beliefs) < 2:
        return MAX_LOG_LEAD
    others = np.delete(beliefs, position)
    ratio = float(beliefs[position]) / max(float(others.max()), 1e-12)
    return max(-MAX_LOG_LEAD, min(MAX_LOG_LEAD, math.log(max(ratio, 1e-12))))
