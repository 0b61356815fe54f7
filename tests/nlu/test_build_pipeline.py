"""The generated Rasa config names what the model is made of, so Rasa retrains when it changes."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nlu_components import build_pipeline
from nlu_components.nlu_files import SAFETY_MODEL_DIR


def test_the_hash_of_the_safety_examples_follows_their_content(tmp_path: Path) -> None:
    (tmp_path / "examples.yml").write_text("nlu: []\n", encoding="utf-8")
    first = build_pipeline.folder_hash(tmp_path)
    assert build_pipeline.folder_hash(tmp_path) == first
    (tmp_path / "examples.yml").write_text("nlu: [] # changed\n", encoding="utf-8")
    assert build_pipeline.folder_hash(tmp_path) != first


def test_the_safety_model_is_retrained_when_the_safety_rules_change(tmp_path: Path) -> None:
    # The model reads texts with the idioms cut out, so a new idiom changes what it learns from.
    (tmp_path / "examples.yml").write_text("nlu: []\n", encoding="utf-8")
    rules = tmp_path / "safety_patterns.yml"
    rules.write_text("harmless_idioms: []\n", encoding="utf-8")
    first = build_pipeline.folder_hash(tmp_path / "none", rules)
    rules.write_text("harmless_idioms: [ik schaam me dood]\n", encoding="utf-8")
    assert build_pipeline.folder_hash(tmp_path / "none", rules) != first


def test_the_generated_config_fills_in_both_placeholders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_pipeline, "CONFIG_OUT", tmp_path / "config.yml")
    pipeline = build_pipeline.ROOT / "var" / "build" / "spacy" / "nl_brede_instap-test"
    assert build_pipeline.write_config(pipeline)
    rendered = (tmp_path / "config.yml").read_text(encoding="utf-8")
    assert "@SPACY_PIPELINE@" not in rendered and "@SAFETY_EXAMPLES_HASH@" not in rendered
    components = {c["name"]: c for c in yaml.safe_load(rendered)["pipeline"]}
    assert components["SpacyNLP"]["model"] == "var/build/spacy/nl_brede_instap-test"
    safety = components["nlu_components.components.SafetyModelComponent"]
    assert safety["extra_examples_sha256"] == build_pipeline.safety_model_inputs_hash()
    assert safety["extra_examples_sha256"] != build_pipeline.folder_hash(SAFETY_MODEL_DIR)
    assert not build_pipeline.write_config(pipeline)  # unchanged: not written again
