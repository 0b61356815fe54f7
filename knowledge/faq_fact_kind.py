"""Whether an answer holds the kind of fact a question asks for.

Questions the collection cannot answer often name an actor it knows and ask for something it does
not hold: how many staff Opgroeien has, who chairs an IROJ, when the JAC in Leuven is open, the
street of a consultatiebureau. The entry about that actor then covers the question's words as well
as a real match does. What gives it away is that its answer has no count of staff, no name, no
hours, no street. `fact_gap` says so; the answering model weighs it with the other signals
(knowledge/faq_answerability.py).

Deliberately narrow: only questions that plainly ask for a count, a duration, an amount of money,
opening hours, a person's name, an address, an e-mail address or a bank account are judged; every
other question has no gap.
"""

from __future__ import annotations

import re

from knowledge.places import fold
from knowledge.search import words_and_stems

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_NUMBER = re.compile(r"\d+")
_YEAR = re.compile(r"(?:19|20)\d\d")
_NUMBER_WORDS = frozenset(
    {"twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf", "twintig"}
    | {"dertig", "veertig", "vijftig", "honderd", "duizend", "miljoen", "miljard", "helft", "half"}
)
# Units of time, as folded words; a compound that ends in one counts too ("werkdagen").
_TIME_UNITS = ("dag", "dagen", "week", "weken", "maand", "maanden", "jaar", "jaren", "uur", "uren", "minuten", "minuut")
_TIME_NOUNS = frozenset({"tijd", *_TIME_UNITS})
# A question that asks how many: "hoeveel" anywhere (as before stop 27, "hoeveelheid" too) or the
# word "aantal". One pattern for finding it and for cutting the question after it, so the two agree.
_COUNT_ASKED = re.compile(r"hoeveel|\baantal\b")
_MONEY_NOUNS = frozenset({"geld", "euro", "subsidie", "budget", "middelen", "loon", "salaris", "bedrag"})
# After "hoeveel", a verb about paying makes it a question about money ("hoeveel kost ...").
_MONEY_VERBS = re.compile(r"\bhoeveel (?:kost|kosten|betaal|betaalt|betalen|bedraagt|verdien|verdient|krijg)")
# A wage is money however it is asked ("wat verdient een pleegouder"), and so is the size of a budget.
_MONEY_WORDS = re.compile(
    r"\b(?:prijs|maximumprijs|tarief|bedrag|korting|hoe hoog|verdien|verdient|verdienen)\b|"
    r"\b(?:wat|hoe groot|hoe hoog) is het budget\b"
)
_FREE = re.compile(r"\b(?:gratis|kosteloos|kost niets|betaal je niets)\b")
_EURO = re.compile(r"(?:\d[\d.,]*\s*(?:miljoen |miljard )?(?:euro\b|€))|€\s*\d")
_HOURS_ASKED = re.compile(r"\b(?:openingsuren|openingstijden|hoe laat|op welke dagen|welke uren|open|bereikbaar)\b")
_HOURS_GIVEN = re.compile(
    r"\b\d{1,2}\s*(?:u|uur)\b|\b\d{1,2}[:.]\d\d\b|\b(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)|"
    r"\bweekend|\bdag en nacht\b|\b24 op 24\b|\belke dag\b|\bs nachts\b"
)
# A role, also at the end of a compound ("kinderrechtencommissaris", "jeugdrechter").
_ROLE = (
    r"\w*(?:voorzitter|directeur|minister|hoofd|baas|leidinggevende|verantwoordelijke|administrateur|"
    r"burgemeester|schepen|commissaris|rechter|advocaat|topman|topvrouw)\b"
)
# Who holds a role: "wie is (nu) de directeur van ...", "hoe heet de voorzitter", "welke jeugdrechter",
# "de naam van de commissaris", and who chairs something: "wie zit het IROJ voor".
_PERSON_ASKED = re.compile(
    rf"\bwie (?:is|zijn)\b.*\b{_ROLE}|\b(?:hoe heet|naam van) (?:de|het)\b.*\b{_ROLE}|\bwelke {_ROLE}|"
    r"\bwie zit\b.*\bvoor\W*$"
)
# Two capitalised words in a row, not opening a sentence: a person's name ("Kind en Gezin" is not).
_PERSON_GIVEN = re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][a-z]+ [A-Z][a-z]+")
_ADDRESS_ASKED = re.compile(r"\b(?:adres|adressen|straat|hoofdkantoor|postadres)\b")
_ADDRESS_GIVEN = re.compile(r"\b\d{4} [A-Z]|\w(?:straat|laan|plein|steenweg|lei)\s+\d")
# Contact details other than a phone number: an e-mail address or a bank account.
_CONTACT_ASKED = re.compile(r"\b(?:e ?mailadres|mailadres|emailadres|rekeningnummer|iban)\b")
_CONTACT_GIVEN = re.compile(r"@|\bBE\d\d\b")


def _is_number(word: str) -> bool:
    return (bool(_NUMBER.fullmatch(word)) and not _YEAR.fullmatch(word)) or word in _NUMBER_WORDS


def _counted_words(folded_question: str) -> list[str]:
    """The word after "hoeveel" or "aantal" that says what is counted; past an adjective ("lokale teams")."""
    asked = _COUNT_ASKED.split(folded_question, maxsplit=1)[1]
    after = [word for word, _ in words_and_stems(asked)]
    if len(after) > 1 and after[0].endswith("e"):
        return after[1:2]
    return after[:1]


def asked_kinds(question: str) -> dict[str, list[str]]:
    """The kinds of fact the question asks for; a count comes with the words it counts."""
    text = fold(question)
    kinds: dict[str, list[str]] = {}
    if "hoe lang" in text:
        kinds["time"] = []
    if _MONEY_VERBS.search(text) or _MONEY_WORDS.search(text):
        kinds["money"] = []
    if "money" not in kinds and _COUNT_ASKED.search(text):
        counted = _counted_words(text)
        if any(word in _TIME_NOUNS for word in counted):
            kinds["time"] = []
        elif any(word in _MONEY_NOUNS for word in counted):
            kinds["money"] = []
        else:
            kinds["count"] = counted
    if _HOURS_ASKED.search(text):
        kinds["hours"] = []
    if _PERSON_ASKED.search(text):
        kinds["person"] = []
    if _ADDRESS_ASKED.search(text):
        kinds["address"] = []
    if _CONTACT_ASKED.search(text):
        kinds["contact"] = []
    return kinds


# An answer that says plainly that a fact was not found ("De openingsuren vonden we niet") answers
# a question about that fact honestly: it is the right entry, not a gap. The words that name each
# kind of fact in such a sentence, and the ways the collection says "not found".
_KIND_NAMED = {
    "hours": re.compile(r"\b(?:openingsuren|chaturen|uren)\b"),
    "address": re.compile(r"\badres"),
    "contact": re.compile(r"\b(?:e ?mailadres|mailadres|rekeningnummer)"),
    "money": re.compile(r"\b(?:prijs|prijzen|tarief|tarieven)\b"),
    "person": re.compile(r"\b(?:naam|namen|coordinator|coordinatoren)\b"),
    "count": re.compile(r"\b(?:cijfers|aantal|aantallen)\b"),
    "time": re.compile(r"\b(?:termijn|duur|wachttijd)\b"),
}
_NOT_FOUND = re.compile(
    r"\b(?:vonden we (?:niet|geen)|niet zeker|had \w+ niet|waren er (?:nog )?niet|noemt .{0,30}\bgeen)\b"
)


def says_unknown(kind: str, answer: str) -> bool:
    """Whether the answer says that this kind of fact was not found."""
    named = _KIND_NAMED[kind]
    return any(named.search(s) and _NOT_FOUND.search(s) for s in _SENTENCE_END.split(fold(answer)))


def _sentences(answer: str) -> list[list[str]]:
    return [[word for word, _ in words_and_stems(s)] for s in _SENTENCE_END.split(answer)]


def _stems(words: list[str]) -> list[str]:
    return [stem for _, stem in words_and_stems(" ".join(words))]


def _holds(kind: str, counted: list[str], answer: str) -> bool:
    folded = fold(answer)
    if kind == "money":
        return bool(_EURO.search(folded) or _FREE.search(folded))
    if kind == "hours":
        return bool(_HOURS_GIVEN.search(folded))
    if kind == "person":
        return bool(_PERSON_GIVEN.search(answer))
    if kind == "address":
        return bool(_ADDRESS_GIVEN.search(answer))
    if kind == "contact":
        return bool(_CONTACT_GIVEN.search(answer))
    sentences = [s for s in _sentences(answer) if any(_is_number(w) for w in s)]
    if kind == "time":
        return any(w.endswith(_TIME_UNITS) for s in sentences for w in s)
    # A count: a sentence with a number that speaks of what is counted (a compound ending in it
    # counts: "opvangplaatsen" for "plaatsen"). Nothing recognisable counted: any number will do.
    wanted = [w for w in _stems(counted) if len(w) >= 3]
    if not wanted:
        return bool(sentences)
    return any(stem.endswith(w) for s in sentences for stem in _stems(s) for w in wanted)


def fact_gap(question: str, answer: str) -> float:
    """1.0 when the question asks for a kind of fact the answer neither holds nor says it lacks."""
    kinds = asked_kinds(question)
    missing = [kind for kind, counted in kinds.items() if not _holds(kind, counted, answer)]
    return 1.0 if any(not says_unknown(kind, answer) for kind in missing) else 0.0
