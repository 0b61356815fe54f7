"""Belgian phone numbers: what counts as valid, and a normal form for comparing them."""

from __future__ import annotations

import re

# Short numbers (101, 112, 1712, 1813), the 116 numbers (116 000), landlines (9 digits, starting
# 0 but not 04), mobiles (10 digits, 04..), and free or shared-cost numbers (prefix 0800, 070 or 078; 9 digits).
_VALID = re.compile(r"^(?:1\d{2,3}|116\d{3}|0[1-35-9]\d{7}|04\d{8})$")


def digits(number: str) -> str:
    only = re.sub(r"\D", "", number)
    return "0" + only[2:] if only.startswith("32") and len(only) > 9 else only


def is_valid_belgian(number: str) -> bool:
    return bool(re.fullmatch(r"[+\d][\d ./-]*", number.strip())) and bool(_VALID.match(digits(number)))
