"""Every text the bot can send is plain Dutch: short sentences, "je", jargon explained.

Checked: the domain responses (bot/domain/, the generated safety texts and FAQ answers
included), the phrases the actions put around a recommendation (actions/texts.yml) and the
reasons and tips of the routing rules, which the bot shows word for word.

FAQ answers written for professionals (audience "professional") use the terms of their trade
without explaining them; the other checks apply to them as well.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from knowledge.faq import load_collection

ROOT = Path(__file__).resolve().parents[2]
# About 15 words per sentence on average, per text; and no single sentence that runs on.
MAX_AVERAGE_WORDS = 15
MAX_SENTENCE_WORDS = 25
# Words that need an explanation in the same text, with phrases that count as one.
JARGON: dict[str, tuple[str, ...]] = {
    "maatschappelijke noodzaak": ("vrijwillige hulp",),
    "gemandateerde voorziening": ("mandaat",),
    "uithuisplaatsing": ("niet naar huis", "niet veilig naar huis"),
    "OCMW": ("geld", "sociale dienst"),
    "CAW": ("geld, papieren en wonen", "welzijn"),
    "CLB": ("school",),
    "JAC": ("jongeren",),
    "A-document": ("aanvraag",),
    "intersectorale toegangspoort": ("bekijkt de aanvraag",),
    "lokaal team": ("hulpverlener van Kind en Gezin", "team van Kind en Gezin"),
    "lokale team": ("hulpverlener van Kind en Gezin", "team van Kind en Gezin"),
    "OCJ": ("Ondersteuningscentrum Jeugdzorg",),
    "VK": ("Vertrouwenscentrum Kindermishandeling",),
    "brede instap": ("eerste stap",),
}
# Responses in another language on purpose (the other-language answers).
NOT_DUTCH = re.compile(r"^utter_safety_other_language_")
FOR_PROFESSIONALS = {f"utter_faq/{e.key}[0]" for e in load_collection() if e.audience == "professional"}


def bot_texts() -> dict[str, str]:
    texts: dict[str, str] = {}
    for path in sorted((ROOT / "bot" / "domain").glob("*.yml")):
        for name, variants in (yaml.safe_load(path.read_text(encoding="utf-8")).get("responses") or {}).items():
            for number, variant in enumerate(variants):
                if "text" in variant and not NOT_DUTCH.match(name):
                    texts[f"{name}[{number}]"] = str(variant["text"])
    phrases = yaml.safe_load((ROOT / "actions" / "texts.yml").read_text(encoding="utf-8"))
    texts.update({f"actions/texts.yml:{key}": str(value) for key, value in phrases.items()})
    rules = yaml.safe_load((ROOT / "knowledge" / "data" / "routing_rules.yml").read_text(encoding="utf-8"))
    for rule in rules["rules"]:
        for number, step in enumerate(rule["steps"]):
            texts[f"{rule['id']}.steps[{number}].reason"] = step["reason"]
            if step.get("say"):
                texts[f"{rule['id']}.steps[{number}].say"] = step["say"]
        for number, fallback in enumerate(rule.get("if_unreachable_now") or []):
            texts[f"{rule['id']}.if_unreachable_now[{number}].reason"] = fallback["reason"]
    return texts


TEXTS = bot_texts()


def sentence_lengths(text: str) -> list[int]:
    # A placeholder such as {place} counts as one word.
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]
    return [len(re.findall(r"[\w{}'@./-]+", sentence)) for sentence in sentences]


def test_the_texts_are_found() -> None:
    assert len(TEXTS) > 60
    assert "utter_safety_acute_danger[0]" in TEXTS
    assert "utter_faq/kg_line[0]" in TEXTS
    assert "utter_faq/w2_payment[0]" in FOR_PROFESSIONALS
    assert "actions/texts.yml:no_contact" in TEXTS


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_sentences_are_short(key: str) -> None:
    lengths = sentence_lengths(TEXTS[key])
    assert sum(lengths) / len(lengths) <= MAX_AVERAGE_WORDS, f"{key}: {TEXTS[key]}"
    assert max(lengths) <= MAX_SENTENCE_WORDS, f"{key}: {TEXTS[key]}"


@pytest.mark.parametrize("key", sorted(set(TEXTS) - FOR_PROFESSIONALS))
def test_jargon_is_explained(key: str) -> None:
    text = TEXTS[key]
    for term, explanations in JARGON.items():
        if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text):
            explained = any(e.lower() in text.lower() for e in explanations)
            assert explained, f"{key}: {term!r} is not explained in: {text}"


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_the_bot_says_je_not_u(key: str) -> None:
    assert not re.search(r"(?<![\w'-])(u|uw|U|Uw)(?![\w'-])", TEXTS[key]), f"{key}: {TEXTS[key]}"


def test_the_checks_catch_what_they_are_for() -> None:
    # The checks themselves, on texts made to fail them.
    long_text = "Dit is een zin die veel te lang is omdat er heel erg veel woorden in staan, zoals hier."
    assert sum(sentence_lengths(long_text)) / len(sentence_lengths(long_text)) > MAX_AVERAGE_WORDS
    assert sentence_lengths("Bel 078 150 100. Nu.") == [4, 1]


def test_the_bot_says_it_is_a_bot_and_not_a_counsellor() -> None:
    assert "chatbot" in TEXTS["utter_greet[0]"]
    assert "geen hulpverlener" in TEXTS["utter_iamabot[0]"]
