"""Query functions, on SQLite and PostgreSQL (the `kb` fixture runs each test on both)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from knowledge.gazetteer import write_gazetteer
from knowledge.models import Actor
from knowledge.opening import channel_status, reachable_status
from knowledge.places import Gazetteer
from knowledge.queries import actors_serving, build_actor_index, get_actor

# Tuesday 24 November 2026 (a working day), Brussels time.
TUESDAY_NOON_45 = datetime(2026, 11, 24, 12, 45)
TUESDAY_3AM = datetime(2026, 11, 24, 3, 0)
SATURDAY_NOON_45 = datetime(2026, 11, 28, 12, 45)


def refnis(kb: Session, place: str) -> str:
    resolved = Gazetteer(kb).resolve(place).place
    assert resolved is not None, place
    return resolved.refnis


@pytest.mark.parametrize(
    ("place", "crisis_point"),
    [
        ("1030", "crisis-bxl"),
        ("Elsene", "crisis-bxl"),
        ("Mechelen", "crisismeldpunt-antwerpen"),
        ("Borsbeek", "crisismeldpunt-antwerpen"),
        ("Gent", "crisismeldpunt-oost-vlaanderen"),
        ("Leuven", "crisismeldpunt-vlaams-brabant"),
        ("Brugge", "crisismeldpunt-west-vlaanderen"),
        ("Hasselt", "crisismeldpunt-limburg"),
    ],
)
def test_each_place_has_exactly_its_own_crisis_point(kb: Session, place: str, crisis_point: str) -> None:
    assert [a.id for a in actors_serving(kb, "crisis_point", refnis=refnis(kb, place))] == [crisis_point]


def test_the_municipal_child_care_counter_comes_before_regional_services(kb: Session) -> None:
    found = actors_serving(kb, "child_care_counter", refnis=refnis(kb, "Kruibeke"))
    assert [a.id for a in found] == ["lokaal-loket-kinderopvang-beveren-kruibeke-zwijndrecht"]
    welfare = actors_serving(kb, "caw", refnis=refnis(kb, "Gent"))
    assert [a.id for a in welfare] == ["caw-oost-vlaanderen", "caw-algemeen"]


def test_every_municipality_has_an_ocmw_and_a_child_care_counter_kept_apart_from_the_sociaal_huis(kb: Session) -> None:
    counts = dict(kb.execute(select(Actor.type, func.count()).group_by(Actor.type)).all())
    assert counts["ocmw"] == 304
    assert counts["child_care_counter"] == 304
    assert counts["sociaal_huis"] == 1
    ocmw = get_actor(kb, "ocmw-gent")
    assert ocmw is not None and ocmw.type == "ocmw" and "Sociaal Huis" in ocmw.description
    assert ocmw.channels == [], "no contact details were invented"


def test_unknown_places_raise_instead_of_returning_everything(kb: Session) -> None:
    with pytest.raises(LookupError):
        actors_serving(kb, "crisis_point", refnis="99999")


def test_without_a_place_every_actor_of_the_type_is_returned(kb: Session) -> None:
    assert len(actors_serving(kb, "crisis_point")) == 6


def test_open_now_uses_hours_and_never_claims_unknown_hours_are_open(kb: Session) -> None:
    antwerp = get_actor(kb, "crisismeldpunt-antwerpen")
    assert antwerp is not None
    assert reachable_status(antwerp.channels, TUESDAY_NOON_45) == "closed"  # the daily 12:30-13:00 gap
    assert reachable_status(antwerp.channels, TUESDAY_3AM) == "open"
    assert reachable_status(antwerp.channels, SATURDAY_NOON_45) == "open"
    # 11:45 UTC is 12:45 in Brussels in November.
    assert reachable_status(antwerp.channels, datetime(2026, 11, 24, 11, 45, tzinfo=UTC)) == "closed"

    line_1712 = get_actor(kb, "hulplijn-1712")
    assert line_1712 is not None and line_1712.channels[0].hours is None
    assert channel_status(line_1712.channels[0], TUESDAY_NOON_45) == "unknown"

    flemish_brabant = get_actor(kb, "crisismeldpunt-vlaams-brabant")
    assert flemish_brabant is not None
    assert flemish_brabant.channels[0].value is None
    assert reachable_status(flemish_brabant.channels, TUESDAY_3AM) == "unknown", "no number, so not reachable"

    emergency = get_actor(kb, "noodnummer-112")
    assert emergency is not None and reachable_status(emergency.channels, TUESDAY_3AM) == "open"


def test_chat_hours_by_weekday(kb: Session) -> None:
    chat = get_actor(kb, "clbchat")
    assert chat is not None
    assert channel_status(chat.channels[0], datetime(2026, 11, 25, 15, 0)) == "open"  # Wednesday
    assert channel_status(chat.channels[0], datetime(2026, 11, 23, 15, 0)) == "closed"  # Monday


def test_every_actor_carries_provenance(kb: Session) -> None:
    for actor in kb.scalars(select(Actor)):
        assert actor.sources and actor.seen_on and actor.verification, actor.id
        for channel in actor.channels:
            assert channel.sources and channel.verification, (actor.id, channel.kind)


def test_the_2018_coordinators_are_a_dated_record_flagged_as_maybe_outdated(kb: Session) -> None:
    coordinators = actors_serving(kb, "zorggarantie_coordinator")
    assert len(coordinators) == 5
    for actor in coordinators:
        assert actor.may_be_outdated and actor.dated_as_of is not None
        assert actor.dated_as_of.isoformat() == "2018-03-26"
        assert actor.dated_record and "2018" in actor.dated_record
        assert actor.sources == ["seed:004_17c73fb5ca911fda.txt#1.1"]


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("zelfmoord", "zelfmoordlijn-1813"),
        ("ZELFMOORD", "zelfmoordlijn-1813"),
        ("klachten kind en gezin", "kind-en-gezin-klachtendienst"),
    ],
)
def test_search_ignores_case_and_stems_dutch(kb: Session, query: str, first: str) -> None:
    assert build_actor_index(kb).search(query)[0].key == first


def test_search_finds_the_vk_for_child_abuse_and_nothing_for_nonsense(kb: Session) -> None:
    index = build_actor_index(kb)
    assert {hit.key for hit in index.search("kindermishandeling")[:6]} >= {"vk-antwerpen", "vk-brussel"}
    assert index.search("qqqzzz") == []
    assert index.search("") == []
    assert index.search("x" * 10_000) == []


def test_gazetteer_export_lists_every_place_alias_and_postcode(kb: Session, tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.json"
    write_gazetteer(kb, path)
    places = json.loads(path.read_text(encoding="utf-8"))["places"]
    assert len(places) == 304
    antwerp = next(p for p in places if p["names"][0] == "Antwerpen")
    assert "Borsbeek" in antwerp["aliases"] and "2000" in antwerp["postcodes"]
