"""Run `rasa data validate` and fail on any warning that bot/validate_explained.yml does not explain.

Rasa warns, for example, about responses that only custom actions send. Those are listed with
their reason; anything new fails the check so that it gets looked at.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import yaml

from api.settings import PROJECT_ROOT

RASA = PROJECT_ROOT / ".venv-rasa" / "bin" / "rasa"
EXPLAINED = PROJECT_ROOT / "bot" / "validate_explained.yml"
# Rasa's own warnings, not those of the libraries it imports (TensorFlow, SQLAlchemy, ...).
_RASA_WARNING = re.compile(
    r"rasa/shared/utils/io\.py:\d+: (?:UserWarning|FutureWarning): (.+)|WARNING\s+rasa\S*\s+-\s+(.+)"
)


def main() -> int:
    command = [
        str(RASA), "data", "validate",
        "--config", "var/build/config.yml", "--domain", "bot/domain", "--data", "data/nlu", "bot/stories",
    ]  # fmt: skip
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", PYTHONWARNINGS="ignore::DeprecationWarning")
    result = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True, env=env)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        print(output, file=sys.stderr)
        print(f"rasa data validate failed (exit {result.returncode})", file=sys.stderr)
        return result.returncode

    explained = yaml.safe_load(EXPLAINED.read_text(encoding="utf-8")) or []
    unexplained = []
    for match in _RASA_WARNING.finditer(output):
        warning = (match.group(1) or match.group(2)).strip()
        reason = next((e["reason"] for e in explained if e["pattern"] in warning), None)
        if reason:
            print(f"    expected warning: {warning}\n      because {reason}")
        else:
            unexplained.append(warning)
    for warning in unexplained:
        print(f"UNEXPLAINED warning: {warning}", file=sys.stderr)
    if unexplained:
        print(f"add a fix, or a reason in {EXPLAINED.relative_to(PROJECT_ROOT)}", file=sys.stderr)
        return 1
    print("    rasa data validate: passed, no unexplained warnings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
