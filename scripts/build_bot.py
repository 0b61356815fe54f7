"""Generate the Rasa files that are derived from the knowledge base.

- bot/domain/safety.yml from knowledge/data/safety_messages.yml;
- data/nlu/faq.yml (retrieval intents faq/<key>) and bot/domain/faq.yml (their responses, with
  the source line) from the question-and-answer collection in knowledge/data/faq/.
Run with `--check` to fail (exit 1) when a generated file is stale instead of writing it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from knowledge.faq import load_collection
from knowledge.faq_rasa import render_domain, render_nlu
from knowledge.safety import load_safety_messages, render_domain_responses

ROOT = Path(__file__).resolve().parents[1]
SAFETY_DOMAIN = ROOT / "bot" / "domain" / "safety.yml"
FAQ_NLU = ROOT / "data" / "nlu" / "faq.yml"
FAQ_DOMAIN = ROOT / "bot" / "domain" / "faq.yml"


def generated_files() -> dict[Path, str]:
    entries = load_collection()
    return {
        SAFETY_DOMAIN: render_domain_responses(load_safety_messages()),
        FAQ_NLU: render_nlu(entries),
        FAQ_DOMAIN: render_domain(entries),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only check that generated files are current")
    args = parser.parse_args(argv)
    stale = []
    for path, content in generated_files().items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == content:
            continue
        if args.check:
            stale.append(path.relative_to(ROOT))
        else:
            path.write_text(content, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print("stale generated files (run `make build`): " + ", ".join(map(str, stale)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
