"""How much a word tells about what a question is about, judged by how common it is in Dutch.

When the FAQ search weighs how much of a question an entry covers (knowledge/faq_search.py), a
word the entry lacks counts against it. The collection's own idf cannot tell two kinds of missing
words apart: an everyday word that a paraphrase happens to use ("krijgt", "verschil", "uitleg")
and the very subject of a question the collection cannot answer ("vaderschapsverlof",
"leefloon"). Both are rare in the collection; only the second is rare in Dutch. The frequencies
come from the `wordfreq` package (its data ships inside the package; nothing is downloaded).

Measured with scripts/tune_faq.py on development data only (80 unanswerable questions, 4-fold
cross-validation of the paraphrases), at the same limit of 10% false answers: 68.3% of held-back
questions answered right without this weight, 71.7% with it.
"""

from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

# On the Zipf scale (log10 of occurrences per billion words) everyday words score 5 to 7 and
# terms of the trade 1 to 3. A word at RARE or below weighs fully; the weight falls linearly to
# FLOOR at COMMON. Round values, not tuned: the cross-validation changed by about one point over
# nearby choices.
RARE = 3.0
COMMON = 6.0
FLOOR = 0.1


@lru_cache(maxsize=8192)
def specificity(word: str) -> float:
    """1.0 for a rare (telling) word down to FLOOR for a very common one; `word` is lower case."""
    zipf = zipf_frequency(word, "nl")
    return min(1.0, max(FLOOR, (COMMON - zipf) / (COMMON - RARE)))
