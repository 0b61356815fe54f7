"""Finding a child's age (or a pregnancy) in a Dutch message, and turning it into months.

Pure functions, no Rasa or spaCy: `find_ages(text)` returns the spans with their normalised
value. What counts as an age follows the annotation conventions of tests/nlu/README.md:

- a number with a unit: "3 maand", "16 jaar", "16j", "6 weken", "2,5 jaar", "een half jaar",
  "15-jarige";
- a bare number that context makes an age: "mijn dochter (7)", "mijn zoon van 12", "ik ben 16",
  "hij wordt volgende maand 18", "de oudste 10", "13 kaarsjes uitgeblazen";
- an age word when no number is given: "baby", "peuter", "kleuter", "tiener", "pasgeboren";
- a pregnancy: "zwanger", "in verwachting", "5 maanden zwanger".

Durations are not ages: "al 3 jaar op de wachtlijst", "sinds 2 maanden", "3 jaar geleden",
"3 weken dicht".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

# "een" is left out on purpose: "een week", "een maand" are nearly always durations.
NUMBER_WORDS: dict[str, int] = {
    "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
    "twintig": 20,
}  # fmt: skip
# "een half" only with a unit: "een half jaar" is an age, a bare "een half" never is.
HALVES: dict[str, Fraction] = {"anderhalf": Fraction(3, 2), "een half": Fraction(1, 2)}

# Age words and what they stand for, in months. These are rough middles of the usual ranges
# (a "peuter" is roughly 1 to 3 years old), so the value is marked approximate.
AGE_WORDS: dict[str, int] = {
    "pasgeboren": 0, "pasgeborene": 0, "nieuwgeboren": 0, "nieuwgeborene": 0,
    "baby": 6, "babytje": 6, "baby'tje": 6, "zuigeling": 6,
    "peuter": 24, "peutertje": 24, "kleuter": 48, "kleutertje": 48,
    "tiener": 180, "puber": 168,
}  # fmt: skip
PREGNANCY = re.compile(r"\b(?:zwanger(?:e)?|in verwachting)\b")


def _number_pattern(words: list[str]) -> str:
    spelled = "|".join(word.replace(" ", r"\s+") for word in sorted(words, key=len, reverse=True))
    return rf"(?:\d+(?:[.,]5)?(?:\s+1/2)?|{spelled})"


# A number before a unit may be "een half"; a number standing alone may not ("ze is een half").
_NUM = _number_pattern([*NUMBER_WORDS, *HALVES])
_BARE_NUM = _number_pattern([*NUMBER_WORDS, "anderhalf"])
_UNIT = r"(?:jaar|jaren|jaartjes|jr|j|maand|maanden|maandjes|mnd|week|weken|weekjes|wk|dag|dagen|dagjes)"
WITH_UNIT = re.compile(rf"\b(?P<num>{_NUM})\s*(?P<unit>{_UNIT})\b(?P<preg>\s+zwanger)?")
ADJECTIVE = re.compile(rf"\b(?P<num>{_NUM})\s*-?\s*(?P<unit>jarige?|maanden-oude?)\b")
IN_BRACKETS = re.compile(rf"\(\s*(?P<num>{_BARE_NUM})\s*\)")
CHILD = (
    r"(?:zoon|zoontje|dochter|dochtertje|kind|kindje|kindjes|jongen|jongetje|meisje|meiske|"
    r"kleinzoon|kleindochter|kleinkind|neef|nicht|nichtje|broer|broertje|zus|zusje|pleegkind|"
    r"pleegzoon|pleegdochter|stiefzoon|stiefdochter|stiefkind|halfbroer|halfzus|leerling|jongere|tiener|"
    r"tweeling|baby|kleine|manneke|gast|mens|puber|peuter|kleuter|dreumes)"
)
AFTER_CHILD = re.compile(rf"\b{CHILD}\s+van\s+(?:bijna\s+|pas\s+|net\s+)?(?P<num>{_BARE_NUM})\b(?!\s*[-/]\d)")
# A child named by its place among siblings, with the verb left out: "de jongste is 2, de oudste 10".
# Only when the number ends a clause, so "de oudste 2 zijn op kamp" (a count) stays out.
AFTER_RANK = re.compile(
    rf"\b(?:oudste|jongste|middelste|oudere|jongere)\s+(?P<num>{_BARE_NUM})(?=\s*(?:$|[,.;!?)]|en\b|maar\b))"
)
# "hij wordt volgende maand 18": a time between the verb and the number says when, not how old.
_WHEN = (
    r"(?:volgende\s+(?:week|maand)|volgend\s+jaar|deze\s+(?:week|maand)|dit\s+jaar|morgen|overmorgen|straks|"
    r"in\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december))"
)
AFTER_VERB = re.compile(
    rf"\b(?:ben|is|wordt|word|werd|was)\s+(?:al\s+|net\s+|pas\s+|bijna\s+|binnenkort\s+|nu\s+|{_WHEN}\s+)?"
    rf"(?P<num>{_BARE_NUM})\b(?!\s*[-/:]\d)"
)
# Candles on a birthday cake count years: "ze heeft 13 kaarsjes uitgeblazen".
CANDLES = re.compile(rf"\b(?P<num>{_BARE_NUM})(?=\s+kaars(?:jes|en)\b)")
# Words after a bare number that show it counts something other than years of age.
NOT_AGE_AFTER = re.compile(
    r"\s*(?:euro|eur|€|keer|kinderen|kids|uur|u\b|minuten|min\b|km|kilo|kg|procent|%|mensen|"
    r"personen|weken|dagen|maanden|jaar|jaren|van de|op de|uit de|nachten|graden|x\b)"
)
DURATION_BEFORE = re.compile(r"\b(?:sinds|gedurende|binnen|over|na|per|elke|iedere|om de|voor|al)\s+$")
DURATION_AFTER = re.compile(
    r"^\s*(?:geleden|lang|later|terug|per\b|op\b|aan\b|bezig|wacht|gewacht|wachten|dicht|gesloten)"
)
AGE_VERB_BEFORE = re.compile(r"\b(?:ben|is|zijn|wordt|word|werd|was)\s+(?:\w+\s+)?$")
MAX_BARE_AGE_YEARS = 25


@dataclass(frozen=True)
class Age:
    """A normalised age: months since birth, or a pregnancy."""

    months: int | None
    pregnant: bool = False
    approximate: bool = False

    @property
    def value(self) -> str:
        """The form stored as the entity value: months as digits, or 'pregnant'."""
        return "pregnant" if self.pregnant else str(self.months)


@dataclass(frozen=True)
class AgeMention:
    start: int
    end: int
    text: str
    age: Age


def parse_number(raw: str) -> Fraction:
    raw = raw.strip().lower()
    raw = re.sub(r"\s+", " ", raw)
    if raw in HALVES:
        return HALVES[raw]
    if raw in NUMBER_WORDS:
        return Fraction(NUMBER_WORDS[raw])
    half = raw.endswith("1/2")
    if half:
        raw = raw[: -len("1/2")].strip()
    number = Fraction(raw.replace(",", "."))
    return number + Fraction(1, 2) if half else number


def months_for(number: Fraction, unit: str) -> int:
    unit = unit.lower()
    if unit.startswith(("j", "jr")):
        return int(number * 12)
    if unit.startswith("m"):
        return int(number)
    if unit.startswith("w"):
        return int(number * 7 / 30)
    return 0  # days: a newborn


def normalise(text: str) -> Age | None:
    """The age that one mention stands for ("3 maand" -> 3 months, "zwanger" -> pregnancy)."""
    lowered = text.strip().lower()
    if PREGNANCY.search(lowered):
        return Age(months=None, pregnant=True)
    if lowered in AGE_WORDS:
        return Age(months=AGE_WORDS[lowered], approximate=True)
    for pattern in (WITH_UNIT, ADJECTIVE):
        match = pattern.fullmatch(lowered)
        if match:
            unit = match.group("unit")
            return Age(months=months_for(parse_number(match.group("num")), "jaar" if "jarig" in unit else unit))
    bare = re.fullmatch(rf"\(?\s*({_BARE_NUM})\s*\)?", lowered)
    if bare:
        return Age(months=int(parse_number(bare.group(1)) * 12))
    return None


def _is_duration(lowered: str, start: int, end: int, unit: str) -> bool:
    before = lowered[:start]
    if DURATION_BEFORE.search(before):
        # "hij is al 3 jaar" is an age; "we wachten al 3 jaar" and "ze is al 2 dagen weg" are not.
        word_before = re.search(r"\b(\w+)\s+$", before)
        counts_age = unit.startswith(("j", "m"))
        is_age = (
            counts_age
            and word_before is not None
            and word_before.group(1) == "al"
            and AGE_VERB_BEFORE.search(before[: word_before.start()]) is not None
        )
        return not is_age
    return bool(DURATION_AFTER.search(lowered[end:]))


def find_ages(text: str) -> list[AgeMention]:
    """Every age and pregnancy mentioned in `text`, in order, without overlaps."""
    lowered = text.lower()
    spans: list[tuple[int, int, Age]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e, _ in spans)

    for match in PREGNANCY.finditer(lowered):
        spans.append((match.start(), match.end(), Age(months=None, pregnant=True)))
    for match in WITH_UNIT.finditer(lowered):
        if match.group("preg"):
            spans = [s for s in spans if not (match.start() <= s[0] < match.end())]
            spans.append((match.start(), match.end(), Age(months=None, pregnant=True)))
            continue
        if re.search(r"zwanger\s+van\s+$", lowered[: match.start()]) or _is_duration(
            lowered, match.start(), match.end(), match.group("unit")
        ):
            continue
        months = months_for(parse_number(match.group("num")), match.group("unit"))
        if free(match.start(), match.end()):
            spans.append((match.start(), match.end(), Age(months=months)))
    for match in ADJECTIVE.finditer(lowered):
        unit = match.group("unit")
        months = months_for(parse_number(match.group("num")), "jaar" if "jarig" in unit else "maand")
        if free(match.start(), match.end()):
            spans.append((match.start(), match.end(), Age(months=months)))
    for pattern in (IN_BRACKETS, AFTER_CHILD, AFTER_RANK, AFTER_VERB, CANDLES):
        for match in pattern.finditer(lowered):
            start, end = match.span("num")
            years = parse_number(match.group("num"))
            if years > MAX_BARE_AGE_YEARS or NOT_AGE_AFTER.match(lowered[end:]) or not free(start, end):
                continue
            spans.append((start, end, Age(months=int(years * 12))))
    if not any(not age.pregnant for _, _, age in spans):
        for match in re.finditer(r"\b[\w']+\b", lowered):
            word = match.group(0)
            if word in AGE_WORDS and free(match.start(), match.end()):
                spans.append((match.start(), match.end(), Age(months=AGE_WORDS[word], approximate=True)))
    return [AgeMention(s, e, text[s:e], age) for s, e, age in sorted(spans, key=lambda span: span[0])]
