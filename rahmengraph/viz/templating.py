"""The one Jinja2 environment of the web interface, and the language in its links.

Templates live in ``rahmengraph/viz/templates`` (package data) and are rendered with autoescape
on: data never reaches the page unescaped. The language comes from ``?lang=de|en`` (German when
absent or unknown); every visible text of a template is a key of the one label catalogue
(:data:`rahmengraph.model.labels.LABELS`, ``t("key")`` in a template).
"""

from __future__ import annotations

from typing import Final
from urllib.parse import parse_qsl, urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from rahmengraph.model.labels import LANGS, label
from rahmengraph.model.terms import DEFAULT, Terms, in_terms


def with_lang(path: str, lang: str, params: dict[str, str] | None = None) -> str:
    """A local URL with ``params`` and ``lang`` added (``lang`` only for English: German is the
    default); an existing query string and ``#fragment`` of ``path`` are kept."""
    base, _, fragment = path.partition("#")
    base, _, existing = base.partition("?")
    query = dict(parse_qsl(existing))
    query.update({k: v for k, v in (params or {}).items() if v})
    query.pop("lang", None)
    if lang != LANGS[0]:
        query["lang"] = lang
    out = f"{base}?{urlencode(query)}" if query else base
    return f"{out}#{fragment}" if fragment else out


def local(href: str, lang: str) -> str:
    """``href`` with the language kept when it is one of our pages, unchanged when external."""
    return with_lang(href, lang) if href.startswith("/") else href


ENV: Final = Environment(
    loader=PackageLoader("rahmengraph.viz", "templates"),
    autoescape=select_autoescape(["html"], default_for_string=True, default=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(
    template: str,
    lang: str,
    path: str,
    params: dict[str, str] | None = None,
    *,
    own: Terms = DEFAULT,
    **context: object,
) -> str:
    """Render a page template; ``path``/``params`` give the address for the language switch, ``own``
    the loaded framework's terms that the German texts (``t("key")``) speak in."""
    other = "en" if lang == "de" else "de"
    return ENV.get_template(template).render(
        lang=lang,
        t=lambda key: in_terms(label(key, lang), own) if lang == "de" else label(key, lang),
        link=lambda h: local(h, lang),
        url=lambda p, **q: with_lang(p, lang, {k: str(v) for k, v in q.items() if v is not None}),
        switch_url=with_lang(path, other, {k: v for k, v in (params or {}).items() if k != "lang"}),
        **context,
    )
