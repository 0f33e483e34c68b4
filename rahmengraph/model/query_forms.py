"""The form of a SPARQL query — SELECT, CONSTRUCT, DESCRIBE or ASK — read from its text.

One reading for the engine (which answers need a row cap, which formats fit) and the SPARQL
editor (which downloads it offers).
"""

from __future__ import annotations

import re

_FORM = re.compile(
    r"^(?:\s+|#[^\n]*|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>)*(SELECT|CONSTRUCT|DESCRIBE|ASK)\b",
    re.IGNORECASE,
)


def query_form(text: str) -> str | None:
    """SELECT, CONSTRUCT, DESCRIBE or ASK from the text's first keyword after the prologue; None
    when the text starts otherwise (an update, a syntax error)."""
    m = _FORM.match(text)
    return m.group(1).upper() if m else None
