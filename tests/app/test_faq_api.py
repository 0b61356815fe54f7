"""`/api/faq`: search for the lookup page, the bot's answer decision, one entry."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from knowledge import search
from knowledge.faq import load_collection
from knowledge.faq_answerability import FEATURES, default_policy, features
from knowledge.faq_examples import example_questions
from knowledge.faq_search import Evidence, FaqDocument, FaqIndex, SearchHit, choose, index_of
from knowledge.queries import build_faq_index
from knowledge.search import CompoundSplitter
from knowledge.word_weight import FLOOR, specificity

ENTRIES = load_collection()
# As the API builds it from the database: the collection with its example questions.
INDEX = index_of(ENTRIES, example_questions({entry.key for entry in ENTRIES}))


def test_search_ranks_the_entry_that_answers_and_carries_the_source(kb_client: TestClient) -> None:
    body = kb_client.get("/api/faq/search", params={"q": "wanneer betaalt de toegangspoort de facturen"}).json()
    first = body["results"][0]
    assert first["key"] == "w2_payment"
    assert first["source_line"].startswith("Bron: FAQ zorggarantie jonge kinderen (werf 2)")
    assert "2018" in first["answer"]
    assert 0 < first["coverage"] <= 1


def test_search_folds_accents_and_stems(kb_client: TestClient) -> None:
    plain = kb_client.get("/api/faq/search", params={"q": "coordinator zorggarantie"}).json()
    accented = kb_client.get("/api/faq/search", params={"q": "Coördinator zorggarantie"}).json()
    assert plain["results"] == accented["results"]
    assert plain["results"][0]["key"] == "w2_coordinator_role"


def test_the_search_is_the_same_on_sqlite_and_postgresql(kb: Session) -> None:
    """The index is built in Python from the rows, so both databases give the same ranking."""
    hits = build_faq_index(kb).search("mag ik anoniem bellen naar het crisismeldpunt", limit=3)
    assert hits == INDEX.search("mag ik anoniem bellen naar het crisismeldpunt", limit=3)


def test_search_needs_a_query(kb_client: TestClient) -> None:
    assert kb_client.get("/api/faq/search", params={"q": ""}).status_code == 422


def test_a_confident_selector_decides_the_answer(kb_client: TestClient) -> None:
    request = {"question": "nummer awel?", "selector": [{"key": "awel", "confidence": 0.97}]}
    body = kb_client.post("/api/faq/answer", json=request).json()
    assert body["answered"] and body["key"] == "awel" and body["via"] == "selector"
    assert body["text"].endswith(".") and "\n\nBron: " in body["text"] and "102" in body["text"]
    assert body["route"] == "young_person"


def test_an_unknown_question_gets_no_answer(kb_client: TestClient) -> None:
    request = {"question": "Hoe lang moet pasta koken?", "selector": [{"key": "help_cost", "confidence": 0.1}]}
    body = kb_client.post("/api/faq/answer", json=request).json()
    assert body == {**body, "answered": False, "key": None, "text": None, "via": "none"}


def test_the_answer_request_is_validated(kb_client: TestClient) -> None:
    too_sure = {"question": "x", "selector": [{"key": "awel", "confidence": 3}]}
    assert kb_client.post("/api/faq/answer", json=too_sure).status_code == 422
    assert kb_client.post("/api/faq/answer", json={"question": ""}).status_code == 422


def test_one_entry_and_a_missing_one(kb_client: TestClient) -> None:
    entry = kb_client.get("/api/faq/kg_line").json()
    assert "078 150 100" in entry["answer"] and entry["audience"] == "both"
    assert kb_client.get("/api/faq/bestaat_niet").status_code == 404


def test_the_rule_answers_a_sure_selector_a_likely_hit_and_else_nothing() -> None:
    policy = default_policy()
    # Strong on every signal: the whole question covered, close in meaning, and the classifier's
    # clear favourite.
    strong = SearchHit("awel", 9.0, coverage=1.0, similarity=0.8, similarity_lead=0.2, belief=0.8, belief_lead=3.0)
    weak = SearchHit("awel", 0.5, coverage=0.2)
    second = SearchHit("kg_line", 0.4, coverage=0.2)
    # A sure selector wins over the search.
    sure = choose(Evidence([("kg_line", policy.selector)], [weak, second]), policy)
    assert (sure.key, sure.via) == ("kg_line", "selector")
    # The stored model answers a hit that is strong on every signal and leads...
    assert choose(Evidence([], [strong, second]), policy).key == "awel"
    # ...and not a weak one, unless the selector also names that entry with some confidence.
    nothing = choose(Evidence([("kg_line", 0.3)], [weak, second]), policy)
    # The related questions follow the search's order, with the selector's picks woven in.
    assert nothing.key is None and nothing.related == ["awel", "kg_line"]
    # Without an answer the related questions are all the person sees; after one, the answer comes first.
    assert nothing.shown == ["awel", "kg_line"] and sure.shown == ["kg_line", "awel"]
    assert policy.model.probability(Evidence([("awel", 0.9)], [weak, second])) > policy.model.probability(
        Evidence([], [weak, second])
    )


def test_the_stored_model_rises_with_every_signal_and_falls_with_a_fact_gap() -> None:
    # Each signal is evidence for the best hit, so none may have a negative weight; a fact the
    # answer lacks is evidence against it.
    policy = default_policy()
    weights = dict(zip(FEATURES, policy.model.weights, strict=True))
    assert weights.pop("fact_gap") < 0
    assert all(weight > 0 for weight in weights.values())
    assert 0.0 < policy.threshold < 1.0 and policy.selector <= 1.0


def test_a_word_the_collection_never_uses_lowers_coverage() -> None:
    assert INDEX.coverage("Wat is Awel?", "awel") > INDEX.coverage("Wat kost een vaccin bij Awel?", "awel")


def test_a_missing_everyday_word_costs_less_coverage_than_a_missing_subject() -> None:
    # Neither "uitleg" nor "vaderschapsverlof" is in the Awel entry; only the second says the
    # question is about something else.
    everyday = INDEX.coverage("Awel uitleg", "awel")
    subject = INDEX.coverage("Awel vaderschapsverlof", "awel")
    assert INDEX.coverage("Awel", "awel") == 1.0
    assert subject < everyday < 1.0


def test_how_telling_a_word_is_follows_its_frequency_in_dutch() -> None:
    assert specificity("vaderschapsverlof") == 1.0
    assert FLOOR <= specificity("geen") < specificity("uitleg") < specificity("consultatiebureau")


def test_the_entry_that_covers_the_whole_question_scores_above_one_that_repeats_a_word() -> None:
    index = FaqIndex(
        [
            FaqDocument(
                "counts",
                ["Hoeveel CAW's?", "Aantal CAW's", "CAW's per provincie", "CAW regio", "welk CAW"],
                "Er zijn 11 CAW's. Elk CAW heeft een regio.",
            ),
            FaqDocument("debts", ["Waarvoor dient het CAW?"], "Voor relaties, wonen en schulden."),
            FaqDocument("awel", ["Wat is Awel?"], "Een hulplijn."),
            FaqDocument("tele_onthaal", ["Wat is Tele-Onthaal?"], "Een luisterend oor."),
        ]
    )
    # The lexical score; the order also weighs closeness in meaning (test_faq_semantic.py).
    hits = {hit.key: hit for hit in index.search("CAW schulden")}
    assert hits["debts"].score > hits["counts"].score
    assert hits["debts"].coverage == 1.0 and hits["counts"].coverage < 1.0


def test_how_a_question_is_asked_does_not_count_against_it() -> None:
    # Question words, modal verbs and fillers are not part of what the question is about.
    plain = INDEX.coverage("Awel bereiken", "awel")
    assert INDEX.coverage("hoe kan ik Awel eigenlijk bereiken", "awel") == plain


def test_a_hit_that_clearly_leads_is_more_likely_to_be_answered() -> None:
    model = default_policy().model
    lead = SearchHit("awel", 9.0, coverage=0.6)
    close, far = SearchHit("kg_line", 8.0, coverage=0.5), SearchHit("kg_line", 1.0, coverage=0.5)
    assert model.probability(Evidence([], [lead, far])) > model.probability(Evidence([], [lead, close]))
    # Alone, a hit leads as far as the cap allows.
    assert features(Evidence([], [lead]))[1] == features(Evidence([], [lead, SearchHit("x", 0.001, 0.1)]))[1]


def test_a_compound_the_collection_does_not_know_is_split_into_words_it_does() -> None:
    splitter = CompoundSplitter({"kinderopvang", "loket", "crisis", "dienst", "huis", "aanmeld", "periode"})
    assert splitter.split("kinderopvangloket") == ("kinderopvang", "loket")
    assert splitter.split("crisisdienst") == ("crisis", "dienst")
    # Parts found by their stem ("aanmelding" stems to "aanmeld"), across a linking "s".
    parts = splitter.words_and_stems([("aanmeldingsperiode", "aanmeldingsperiod")])
    assert [stem for _, stem in parts] == ["aanmeld", "periode"]
    # A derivational ending is not a second word, and a word without known parts stays whole.
    assert splitter.split("huiselijk") is None
    assert splitter.split("vaderschapsverlof") is None


def test_a_known_word_or_a_known_compound_beginning_is_not_split() -> None:
    splitter = CompoundSplitter({"wacht", "lijst", "wachtlijst", "zelfmoord", "zelfmoordlijn"})
    words = [("wachtlijst", "wachtlijst"), ("zelfmoord", "zelfmoord")]
    assert splitter.words_and_stems(words) == words
    assert splitter.words_and_stems([("wachttijdlijst", "wachttijdlijst")]) == [("wachttijdlijst", "wachttijdlijst")]


def test_the_search_finds_an_entry_by_the_parts_of_a_compound_it_never_uses() -> None:
    index = FaqIndex(
        [
            FaqDocument("counter", ["Wat doet het loket kinderopvang?"], "Het loket helpt je een plaats zoeken."),
            FaqDocument("awel", ["Wat is Awel?"], "Een hulplijn voor jongeren."),
        ]
    )
    hit = {h.key: h for h in index.search("kinderopvangloket")}["counter"]
    assert hit.score > 0 and hit.coverage == 1.0


def test_the_compound_memo_stays_bounded() -> None:
    # It holds words from people's questions; it must not keep every one of them.
    splitter = CompoundSplitter({"kinderopvang", "loket"})
    for number in range(search._MEMO_LIMIT + 10):
        splitter.split(f"woordnummer{number}")
    assert len(splitter._splits) <= search._MEMO_LIMIT
    assert splitter.split("kinderopvangloket") == ("kinderopvang", "loket")
