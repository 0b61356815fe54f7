"""Build the Dutch spaCy pipeline that Rasa loads, and the Rasa config that points at it.

The pipeline is a blank `nl` model with the lookup lemmatizer (tables from spacy-lookups-data)
and an entity ruler whose patterns are every place name, alias and postcode of the knowledge
base (var/build/gazetteer.json, written by `python -m knowledge export-gazetteer`).

Rasa fingerprints `SpacyNLP` by its model name only, so the pipeline is saved in a folder whose
name contains a hash of everything it is made of. A changed gazetteer gives a new folder, a new
name in the generated config and therefore a retrained model.

The safety model's extra examples (data/safety_model/) are not Rasa training data, so Rasa would
not notice when they change; the config gets their hash for the same reason.

Writes:
  var/build/spacy/nl_brede_instap-<hash>/   the pipeline (kept when it already exists)
  var/build/config.yml                      config.yml with the pipeline path and the hash of the
                                            safety model's extra examples filled in
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import spacy
import spacy.about
import spacy_lookups_data

from nlu_components.nlu_files import READ_SAFETY_PROBE_DIRS, SAFETY_MODEL_DIR, SAFETY_MODEL_KEEP_OUT_DIRS
from nlu_components.safety import PATTERNS_FILE

ROOT = Path(__file__).resolve().parents[1]
GAZETTEER = ROOT / "var" / "build" / "gazetteer.json"
SPACY_DIR = ROOT / "var" / "build" / "spacy"
CONFIG_TEMPLATE = ROOT / "config.yml"
CONFIG_OUT = ROOT / "var" / "build" / "config.yml"
PLACEHOLDER = "@SPACY_PIPELINE@"
SAFETY_EXAMPLES_PLACEHOLDER = "@SAFETY_EXAMPLES_HASH@"
PLACE_LABEL = "place"
# Bumped when this script changes what it builds, so an old folder is not reused.
BUILD_VERSION = "1"


def ruler_patterns(gazetteer: dict[str, Any]) -> list[dict[str, Any]]:
    """One phrase pattern per name, alias and postcode; the id is the municipality's REFNIS code."""
    patterns: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for place in gazetteer["places"]:
        for phrase in [*place["names"], *place["aliases"], *place["postcodes"]]:
            key = (phrase.lower(), place["refnis"])
            if key in seen:
                continue
            seen.add(key)
            patterns.append({"label": PLACE_LABEL, "pattern": phrase, "id": place["refnis"]})
    return patterns


def content_hash(gazetteer_bytes: bytes) -> str:
    digest = hashlib.sha256()
    for part in (gazetteer_bytes, BUILD_VERSION.encode(), spacy.about.__version__.encode()):
        digest.update(part)
        digest.update(b"\0")
    lookups_version = getattr(spacy_lookups_data, "__version__", "unknown")
    digest.update(str(lookups_version).encode())
    return digest.hexdigest()[:16]


def build(gazetteer: dict[str, Any], target: Path) -> None:
    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER", "validate": True})
    # initialize() loads the lemma lookup table into the pipeline and empties the ruler, so the
    # patterns come after it (adding them runs the lemmatizer on every phrase).
    nlp.initialize()
    ruler.add_patterns(ruler_patterns(gazetteer))  # type: ignore[attr-defined]
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(target.name + ".partial")
    if staging.exists():
        shutil.rmtree(staging)
    nlp.to_disk(staging)
    staging.rename(target)  # a half-written folder is never mistaken for a finished one


def folder_hash(folder: Path, *also: Path) -> str:
    """The content of the folder's yml files and of the files in `also`."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*.yml")):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    for path in also:
        name = path.relative_to(ROOT) if path.is_relative_to(ROOT) else Path(path.name)
        digest.update(name.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def safety_model_inputs_hash() -> str:
    """What the safety model is trained on besides data/nlu: its extra examples, the read safety
    probes (minus near copies of the kept-out sets, so those count too), and the safety rules,
    because it reads every text as they leave it (spellings mapped, idioms cut out)."""
    folders = (*READ_SAFETY_PROBE_DIRS, *SAFETY_MODEL_KEEP_OUT_DIRS)
    files = [path for folder in folders for path in sorted(folder.rglob("*.yml"))]
    return folder_hash(SAFETY_MODEL_DIR, *files, PATTERNS_FILE)


def write_config(pipeline: Path) -> bool:
    template = CONFIG_TEMPLATE.read_text(encoding="utf-8")
    for placeholder in (PLACEHOLDER, SAFETY_EXAMPLES_PLACEHOLDER):
        if placeholder not in template:
            raise SystemExit(f"{CONFIG_TEMPLATE} has no {placeholder} placeholder")
    rendered = "# GENERATED by nlu_components/build_pipeline.py from config.yml; edit config.yml instead.\n" + (
        template.replace(PLACEHOLDER, str(pipeline.relative_to(ROOT))).replace(
            SAFETY_EXAMPLES_PLACEHOLDER, safety_model_inputs_hash()
        )
    )
    if CONFIG_OUT.exists() and CONFIG_OUT.read_text(encoding="utf-8") == rendered:
        return False
    CONFIG_OUT.parent.mkdir(parents=True, exist_ok=True)
    CONFIG_OUT.write_text(rendered, encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gazetteer", type=Path, default=GAZETTEER)
    args = parser.parse_args(argv)
    if not args.gazetteer.exists():
        print(
            f"missing {args.gazetteer}; export it first: .venv-app/bin/python -m knowledge export-gazetteer",
            file=sys.stderr,
        )
        return 1
    raw = args.gazetteer.read_bytes()
    target = SPACY_DIR / f"nl_brede_instap-{content_hash(raw)}"
    if target.exists():
        print(f"    spaCy pipeline is current ({target.relative_to(ROOT)})")
    else:
        gazetteer = json.loads(raw)
        build(gazetteer, target)
        print(f"    built spaCy pipeline {target.relative_to(ROOT)} ({len(ruler_patterns(gazetteer))} place patterns)")
        for old in SPACY_DIR.glob("nl_brede_instap-*"):
            if old != target:
                shutil.rmtree(old)
    if write_config(target):
        print(f"    wrote {CONFIG_OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
