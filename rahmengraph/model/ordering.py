"""Natural order of ids and labels, the one sort key of every list (``3.2`` before ``3.10``)."""

from __future__ import annotations

import re

_DIGITS = re.compile(r"(\d+)")

SortKey = tuple[tuple[int, int | str], ...]


def natural_key(text: str) -> SortKey:
    """Sort key that orders ``3.2`` before ``3.10`` and ``M-3.2-01`` before ``M-3.10-01``.

    Digit runs compare as numbers, the rest case-insensitively (``casefold``), so ``ä``/``Ä`` and
    ``ß``/``SS`` sort alike on every page.
    """
    return tuple((0, int(p)) if p.isdigit() else (1, p.casefold()) for p in _DIGITS.split(text) if p)
