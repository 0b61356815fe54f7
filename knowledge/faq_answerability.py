"""How likely the search's best entry answers a question: a small logistic model.

Separate thresholds on the search's coverage, its lead over the second hit and the selector's
confidence each saw one signal; an unanswerable question can look fine on one of them, and a
paraphrase people would type can look weak on one. The model weighs them together:
- coverage: the share of the question's information the best entry uses (knowledge/faq_search.py);
- lead: how far the best hit scores above the second (log of the ratio, capped);
- selector: the ResponseSelector's confidence for that same entry (0 when it does not rank it);
- strength: the best hit's score itself (log), higher when more of the rare words match;
- fact_gap: 1 when the question asks for a count, an amount, hours, a name or an address that the
  best entry's answer does not hold (knowledge/faq_fact_kind.py);
- similarity: how close in meaning the question is to the best entry's closest phrasing (a cosine
  of sentence vectors, knowledge/sentence_vectors.py);
- semantic_first: 1 when the best entry is also the one nearest in meaning (until stop 26 the
  model also read how much nearer than any other entry; with the belief below its weight fell
  to about zero, -0.02, and the cross-validation did not move without it);
- belief: the probability a classifier trained on all the entries' phrasings gives the best entry
  (knowledge/faq_classifier.py);
- belief_lead: the log of its ratio to the best other entry's, clipped: a question the collection
  cannot answer tends to spread its belief over several entries.

The weights are fitted by scripts/tune_faq.py on the development questions as parsed by the real
NLU model (knowledge/faq_dev.py; never the held-out set) and stored, with the threshold and the
method, in knowledge/data/faq_answerability.yml. The fit is plain Python: ten numbers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from knowledge.faq_search import Evidence

MODEL_FILE = Path(__file__).resolve().parent / "data" / "faq_answerability.yml"
FEATURES = (
    "coverage",
    "lead",
    "selector",
    "strength",
    "fact_gap",
    "similarity",
    "semantic_first",
    "belief",
    "belief_lead",
)
# A lone hit has no second to lead over: it counts as this ratio (also the cap).
MAX_LEAD_RATIO = 10.0


def features(evidence: Evidence) -> list[float]:
    """The model's inputs for the search's best hit; all zero without a hit."""
    hits = evidence.hits
    if not hits:
        return [0.0] * len(FEATURES)
    top = hits[0]
    second = hits[1].score if len(hits) > 1 else 0.0
    ratio = min(top.score / second, MAX_LEAD_RATIO) if second > 0 else MAX_LEAD_RATIO
    if top.score <= 0:  # found by meaning alone, without a lexical score: it leads nothing
        ratio = 1.0
    selector = dict(evidence.selector).get(top.key, 0.0)
    return [
        top.coverage,
        math.log(max(ratio, 1.0)),
        selector,
        math.log1p(top.score),
        top.fact_gap,
        top.similarity,
        1.0 if top.similarity_lead > 0 else 0.0,
        top.belief,
        top.belief_lead,
    ]


@dataclass(frozen=True)
class Answerability:
    intercept: float
    weights: tuple[float, ...]  # in the order of FEATURES

    def probability(self, evidence: Evidence) -> float:
        return _sigmoid(self.intercept + sum(w * x for w, x in zip(self.weights, features(evidence), strict=True)))


@dataclass(frozen=True)
class Policy:
    """When the bot answers (knowledge/faq_search.py: choose)."""

    selector: float  # answer the selector's first entry outright when its confidence reaches this
    model: Answerability
    threshold: float  # else answer the search's best hit when its probability reaches this


def load_policy(path: Path = MODEL_FILE) -> Policy:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"{path}: fitted for features {data['features']}, the code uses {list(FEATURES)}")
    model = Answerability(float(data["intercept"]), tuple(float(w) for w in data["weights"]))
    return Policy(float(data["selector"]), model, float(data["threshold"]))


@lru_cache(maxsize=1)
def default_policy() -> Policy:
    """The stored policy, read once when first needed (not at import)."""
    return load_policy()


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def fit(rows: Sequence[Sequence[float]], labels: Sequence[bool], penalty: float = 1.0) -> Answerability:
    """Logistic regression by Newton's method, with an L2 penalty on the weights (not the
    intercept), as small data needs: `penalty` 1.0 is the usual C = 1."""
    size = len(FEATURES) + 1
    beta = [0.0] * size
    design = [[1.0, *row] for row in rows]
    for _ in range(50):
        gradient = [0.0] * size
        hessian = [[0.0] * size for _ in range(size)]
        for x, label in zip(design, labels, strict=True):
            p = _sigmoid(sum(b * v for b, v in zip(beta, x, strict=True)))
            weight = p * (1 - p)
            for i in range(size):
                gradient[i] += (p - float(label)) * x[i]
                for j in range(size):
                    hessian[i][j] += weight * x[i] * x[j]
        for i in range(1, size):
            gradient[i] += penalty * beta[i]
            hessian[i][i] += penalty
        step = _solve(hessian, gradient)
        beta = [b - s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-9:
            break
    return Answerability(beta[0], tuple(beta[1:]))


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting; the Hessian is small and positive definite."""
    n = len(vector)
    a = [[*row, vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            for c in range(col, n + 1):
                a[r][c] -= factor * a[col][c]
    solution = [0.0] * n
    for r in reversed(range(n)):
        solution[r] = (a[r][n] - sum(a[r][c] * solution[c] for c in range(r + 1, n))) / a[r][r]
    return solution
