"""How sources are named on the pages and in the chat's "Bron:" line (knowledge/source_labels.py)."""

from __future__ import annotations

from knowledge.source_labels import describe_source, source_line


def test_a_seed_section_is_named_by_its_document_and_question() -> None:
    ref = describe_source("seed:004_17c73fb5ca911fda.txt#1.2")
    assert ref.label == "FAQ zorggarantie jonge kinderen (werf 2), versie 26 maart 2018, vraag 1.2"
    assert ref.url is None


def test_a_document_without_numbered_sections_is_named_by_its_title_only() -> None:
    ref = describe_source("seed:003_b44f180fa472d110.txt#Welke budgetten")
    assert ref.label == "parlementair antwoord over één gezin één plan (vraag 169, begin 2020)"


def test_a_web_page_keeps_its_address_and_is_named_by_its_site() -> None:
    ref = describe_source("https://www.kindengezin.be/nl/contact/klachtendienst")
    assert (ref.label, ref.url) == ("kindengezin.be", "https://www.kindengezin.be/nl/contact/klachtendienst")


def test_the_source_line_joins_sections_of_one_document() -> None:
    line = source_line(["seed:004_17c73fb5ca911fda.txt#1.2", "seed:004_17c73fb5ca911fda.txt#2.1"])
    assert line == "Bron: FAQ zorggarantie jonge kinderen (werf 2), versie 26 maart 2018, vragen 1.2 en 2.1."
