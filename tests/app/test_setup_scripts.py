from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from api.settings import PROJECT_ROOT

FIND_PYTHON = PROJECT_ROOT / "scripts" / "find_python.sh"


def run_finder(version: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(FIND_PYTHON), version], capture_output=True, text=True, env=env)


def test_an_explicit_interpreter_is_honoured(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHON311": sys.executable}
    result = run_finder("3.11", env)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()).resolve() == Path(sys.executable).resolve()


def test_a_missing_interpreter_stops_with_advice(tmp_path: Path) -> None:
    # An empty HOME and a PATH without pyenv or uv: nothing can be found.
    env = {"PATH": "/nonexistent", "HOME": str(tmp_path), "PYTHON310": str(tmp_path / "no-python")}
    result = subprocess.run(["/bin/bash", str(FIND_PYTHON), "3.10"], capture_output=True, text=True, env=env)
    assert result.returncode == 1
    assert "no Python 3.10 found" in result.stderr
    assert "pyenv install 3.10" in result.stderr


def test_an_interpreter_of_the_wrong_version_is_skipped(tmp_path: Path) -> None:
    env = {"PATH": "/nonexistent", "HOME": str(tmp_path), "PYTHON310": sys.executable}
    result = subprocess.run(["/bin/bash", str(FIND_PYTHON), "3.10"], capture_output=True, text=True, env=env)
    assert result.returncode == 1, "a 3.11 interpreter must not be accepted as 3.10"
    assert os.path.basename(sys.executable) not in result.stdout


def test_a_package_that_cannot_be_installed_says_what_is_skipped(tmp_path: Path) -> None:
    # No apt-get on PATH (as on a machine without root): nothing is installed, the reason is printed.
    env = {"PATH": "/nonexistent", "HOME": str(tmp_path)}
    script = PROJECT_ROOT / "scripts" / "apt_install.sh"
    result = subprocess.run(
        ["/bin/bash", str(script), "chromium", "the browser tests"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 1
    assert "'chromium' is not installed and cannot be installed here" in result.stdout
    assert "the browser tests will be skipped" in result.stdout
