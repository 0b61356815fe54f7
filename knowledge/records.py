"""Reading a YAML data file whose top level holds one list of records, with line numbers.

A record that fails validation is reported with the file, the line where it starts and the
field, so a reviewer can find it without reading a stack trace.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError


class LoadError(Exception):
    def __init__(self, path: Path, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {reason}")
        self.path, self.line, self.reason = path, line, reason


def record_lines(path: Path, text: str, key: str) -> list[int]:
    """The line where each record of the top-level list `key` starts (1-based)."""
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise LoadError(path, mark.line + 1 if mark else None, f"not valid YAML: {error}") from error
    if not isinstance(root, yaml.MappingNode):
        raise LoadError(path, 1, f"expected a mapping with a '{key}' list")
    for key_node, value_node in root.value:
        if key_node.value == key and isinstance(value_node, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value_node.value]
    raise LoadError(path, 1, f"expected a top-level '{key}' list")


T = TypeVar("T")


def parse_records(path: Path, key: str, model: Callable[[Any], T]) -> tuple[T, list[int]]:
    text = path.read_text(encoding="utf-8")
    lines = record_lines(path, text, key)
    data = yaml.safe_load(text)
    try:
        return model(data), lines
    except ValidationError as error:
        first = error.errors()[0]
        location = first["loc"]
        line = lines[location[1]] if len(location) > 1 and isinstance(location[1], int) else None
        field_path = ".".join(str(part) for part in location[2:]) or str(location[0])
        raise LoadError(path, line, f"{field_path}: {first['msg']}") from error
