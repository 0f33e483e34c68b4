"""Render a view's page data into one HTML page (served, or standalone with everything inlined).

The data goes into ``<script type="application/json">`` via :func:`embed_json` (``<``, ``>`` and
``&`` escaped as ``\\u003c`` …, so no string can close the element); the page script shows every
string with ``textContent``. The template is autoescaped. A Content-Security-Policy forbids any
request outside the page (standalone) or outside our own server (served).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any, Final

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from rahmengraph.viz.assets import SCRIPTS, STYLES, inline_script, inline_style

#: Content-Security-Policy per mode: a written file may load nothing, a served page only from us.
CSP: Final[dict[bool, str]] = {
    True: "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:",
    False: "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'",
}


@cache
def environment() -> Environment:
    """The graph pages' Jinja2 environment (autoescape on for HTML templates)."""
    return Environment(
        loader=PackageLoader("rahmengraph.viz", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def embed_json(data: Any) -> Markup:
    """JSON safe inside a ``<script type="application/json">`` element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(raw, esc)
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def render_page(data: dict[str, Any], views: list[tuple[str, str]], *, standalone: bool) -> str:
    """The full HTML page of one view (``views``: (name, German title) for the navigation)."""
    template = environment().get_template("graph.html")
    return template.render(
        title=data["title"],
        view=data["view"],
        note=data.get("note", ""),
        matrix=bool(data.get("matrices")),
        views=views,
        standalone=standalone,
        csp=CSP[standalone],
        data_json=embed_json(data),
        scripts=[Markup(inline_script(s)) for s in SCRIPTS] if standalone else [],
        styles=[Markup(inline_style(s)) for s in STYLES] if standalone else [],
        script_urls=[f"/viz/static/{s}" for s in SCRIPTS],
        style_urls=[f"/viz/static/{s}" for s in STYLES],
    )
