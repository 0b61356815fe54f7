from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from knowledge.db import make_engine, migrate
from knowledge.loader import DATA_DIR, LoadError, LoadReport, load_all
from knowledge.models import Actor, Channel, Municipality, PlaceAlias


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


@pytest.fixture
def session(tmp_path: Path) -> Iterator[Session]:
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    migrate(url)
    engine = make_engine(url)
    with Session(engine) as db:
        yield db
    engine.dispose()


def load(session: Session, data_dir: Path) -> LoadReport:
    return load_all(session, data_dir, progress=lambda _line: None)


def snapshot(session: Session) -> list[tuple[object, ...]]:
    session.expire_all()
    actors = [(a.id, a.name, a.description, a.content_hash) for a in session.scalars(select(Actor).order_by(Actor.id))]
    channels = [(c.id, c.actor_id, c.value) for c in session.scalars(select(Channel).order_by(Channel.id))]
    return [*actors, *channels]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_loading_twice_changes_nothing(session: Session, data_dir: Path) -> None:
    first = load(session, data_dir)
    assert first.changed
    before = snapshot(session)
    second = load(session, data_dir)
    assert not second.changed, second.lines()
    assert snapshot(session) == before


def test_a_changed_file_updates_only_what_changed(session: Session, data_dir: Path) -> None:
    load(session, data_dir)
    before = {row[0]: row for row in snapshot(session) if isinstance(row[0], str)}
    edit(data_dir / "actors" / "lines.yml", "Gratis en anoniem een luisterend oor", "Anoniem een luisterend oor")

    report = load(session, data_dir)

    assert str(report.sections["actors/lines.yml"]).startswith("0 added, 1 updated, 0 removed")
    assert all(not (c.added or c.updated or c.removed) for k, c in report.sections.items() if k != "actors/lines.yml")
    after = {row[0]: row for row in snapshot(session) if isinstance(row[0], str)}
    changed = [actor_id for actor_id in before if before[actor_id] != after[actor_id]]
    assert changed == ["tele-onthaal-106"]
    assert "Anoniem een luisterend oor" in str(after["tele-onthaal-106"][2])


def test_a_record_removed_from_its_file_is_removed(session: Session, data_dir: Path) -> None:
    load(session, data_dir)
    path = data_dir / "actors" / "lines.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: antigifcentrum")
    path.write_text(text[:start], encoding="utf-8")
    report = load(session, data_dir)
    assert report.sections["actors/lines.yml"].removed == 1
    assert session.get(Actor, "antigifcentrum") is None


def test_a_broken_record_names_file_and_line_and_loads_nothing_of_that_file(session: Session, data_dir: Path) -> None:
    load(session, data_dir)
    path = data_dir / "actors" / "lines.yml"
    # Two edits in the same file: a valid change, and a record without its provenance.
    edit(path, "Europees noodnummer voor een ziekenwagen", "Het Europese noodnummer voor een ziekenwagen")
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: antigifcentrum")
    broken_line = text[:start].count("\n") + 1
    path.write_text(text[: text.index("    provenance:", start)], encoding="utf-8")

    with pytest.raises(LoadError) as caught:
        load(session, data_dir)

    assert caught.value.path == path
    assert caught.value.line == broken_line
    assert "provenance" in caught.value.reason
    session.expire_all()
    unchanged = session.get_one(Actor, "noodnummer-112")
    assert unchanged.description.startswith("Europees noodnummer"), "nothing of the broken file may be loaded"


def test_an_unknown_municipality_in_an_area_is_refused(session: Session, data_dir: Path) -> None:
    edit(
        data_dir / "actors" / "crisis_and_protection.yml",
        "area: {municipalities: [Zwalm]}",
        "area: {municipalities: [Atlantis]}",
    )
    with pytest.raises(LoadError, match="Atlantis"):
        load(session, data_dir)


def test_a_duplicate_id_is_refused_with_both_lines(session: Session, data_dir: Path) -> None:
    edit(data_dir / "actors" / "lines.yml", "id: antigifcentrum", "id: noodnummer-112")
    with pytest.raises(LoadError, match="already used on line"):
        load(session, data_dir)


def test_invalid_yaml_names_its_line(session: Session, data_dir: Path) -> None:
    path = data_dir / "actors" / "lines.yml"
    path.write_text("actors:\n  - id: x\n    name: [unclosed\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load(session, data_dir)
    assert caught.value.line is not None and caught.value.line >= 3


def test_a_source_that_is_not_in_the_fact_sheet_is_refused(session: Session, data_dir: Path) -> None:
    from knowledge.sources import shared_available

    if not shared_available():
        pytest.skip("the shared seeds and fact sheet are not beside the project")
    edit(
        data_dir / "actors" / "lines.yml",
        "https://www.libelle.be/gezond/noodnummer-bellen/",
        "https://example.org/made-up",
    )
    with pytest.raises(LoadError, match="not a source in the fact sheet"):
        load(session, data_dir)


def test_validate_passes_on_the_shipped_data(session: Session) -> None:
    from knowledge.validate import validate

    load(session, DATA_DIR)
    assert validate(session) == []


def test_localities_become_aliases_of_the_municipality_their_postcode_names(session: Session, data_dir: Path) -> None:
    (data_dir / "localities.yml").write_text(
        "source: https://github.com/jief/zipcode-belgium\n"
        "rows: |\n"
        "  2610,Wilrijk\n"
        "  2070,Burcht\n"  # listed before the 2025 merger; the postcode table knows the new municipality
        "  1500,Halle\n"  # a municipality's own name: skipped
        "  9120,Kallo\n"
        "  9130,Kallo\n",  # one locality under two postcodes of the same municipality
        encoding="utf-8",
    )
    load(session, data_dir)
    names = {m.refnis: m.name_nl for m in session.scalars(select(Municipality))}
    localities = session.scalars(select(PlaceAlias).where(PlaceAlias.kind == "locality"))
    bkz = "Beveren-Kruibeke-Zwijndrecht"
    assert {(a.alias, names[a.municipality_refnis], a.note) for a in localities} == {
        ("Wilrijk", "Antwerpen", "Wilrijk hoort bij Antwerpen (postcode 2610)."),
        ("Burcht", bkz, f"Burcht hoort bij {bkz} (postcode 2070)."),
        ("Kallo", bkz, f"Kallo hoort bij {bkz} (postcode 9120, 9130)."),
    }


@pytest.mark.parametrize(
    ("row", "reason"),
    [("2610 Wilrijk", "expected 'postcode,name'"), ("5000,Namur", "not in Flanders or Brussels")],
)
def test_a_malformed_locality_row_is_refused_with_its_line(
    session: Session, data_dir: Path, row: str, reason: str
) -> None:
    (data_dir / "localities.yml").write_text(
        f"source: https://github.com/jief/zipcode-belgium\nrows: |\n  2610,Wilrijk\n  {row}\n", encoding="utf-8"
    )
    with pytest.raises(LoadError, match=reason) as error:
        load(session, data_dir)
    assert error.value.line == 4
