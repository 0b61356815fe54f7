"""Does a message ask something, or tell something?

The collection (`faq`) answers questions. DIET, trained on about four hundred of them, also takes
statements that share their words ("ik heb geen geld voor luiers en melk" is about the same
things as "Waar kan ik terecht als ik geen geld heb?"). A statement is a situation to route, so
`DutchEntityRules` lets `faq` give way when the message is one.

A message asks when it has a question mark, when a clause starts with a question word or with a
verb (Dutch puts the verb first in yes/no questions and requests: "kost dat geld", "geef me het
nummer"), or when it asks indirectly ("ik wil weten ...", "ik vraag me af ..."). It tells when it
starts like a statement: with a pronoun, an article or a possessive ("ik", "we", "mijn", "het").
Anything else counts as asking, so the rule only takes away what is clearly a statement.
"""

from __future__ import annotations

import re

from nlu_components.cues import fold

# Question words; "wat" and "waar" only count at the start of a clause, because they also mean
# "some" ("wat hulp") and "true".
QUESTION_WORDS = frozenset(
    [
        "wie",
        "wiens",
        "waarom",
        "wanneer",
        "hoe",
        "hoeveel",
        "hoelang",
        "welke",
        "welk",
        "waarvoor",
        "waarmee",
        "waarheen",
        "vanwaar",
        "waardoor",
        "waarover",
        "waaraan",
        "waarop",
        "waarbij",
    ]
)
CLAUSE_QUESTION_WORDS = QUESTION_WORDS | {"wat", "wa", "waar"}
# Words a Dutch statement typically starts with: "ik heb", "we zoeken", "mijn zoon", "het team".
STATEMENT_STARTS = frozenset(
    [
        "ik",
        "k",
        "kzit",
        "kheb",
        "kben",
        "kzoek",
        "kweet",
        "we",
        "wij",
        "ge",
        "gij",
        "hij",
        "zij",
        "ze",
        "men",
        "mijn",
        "m'n",
        "mijne",
        "mn",
        "ons",
        "onze",
        "het",
        "de",
        "een",
        "er",
        "die",
        "dat",
        "deze",
        "dit",
        "hun",
        "haar",
        "iemand",
        "niemand",
    ]
)
# "ik wil weten hoeveel...", "ik vraag me af of...", "info over KOALA": asked, in other words.
INDIRECT = re.compile(
    r"\b(wil|wou|zou) (graag )?(weten|vragen)\b|\bvraag (me|mij) af\b|\b(een )?vraag over\b"
    r"|\b(info|informatie|uitleg) (over|rond)\b|\bweet (iemand|jij|je|u|gij|ge)\b"
)
GREETING = re.compile(
    r"^(hallo|hello|hoi|dag|goeiedag|goedendag|goeiemorgen|goedemorgen|hey|hi|ja|nee|euh|ok|oke)\b[\s,!.]*"
)


def _clauses(folded: str) -> list[list[str]]:
    # Only punctuation ends a clause: after "en" Dutch drops the subject ("ik woon in Bree en kan
    # de factuur niet betalen"), so a verb there does not make a question.
    return [re.findall(r"[\w']+", part) for part in re.split(r"[,;:.!\n]", folded)]


def asks(text: str) -> bool:
    folded = GREETING.sub("", fold(text).strip())
    if "?" in folded or INDIRECT.search(folded):
        return True
    clauses = [words for words in _clauses(folded) if words]
    if not clauses:
        return True
    if any(word in QUESTION_WORDS for words in clauses for word in words):
        return True
    if any(words[0] in CLAUSE_QUESTION_WORDS for words in clauses):
        return True
    # A clause that does not start like a statement is taken as a question or a request.
    return any(words[0] not in STATEMENT_STARTS for words in clauses)
