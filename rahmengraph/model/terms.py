"""The dataset's own terms and examples: what a framework calls itself and its units, and which ids
the help texts show, so nothing speaks of Bremen's "Rahmenkonzept", "Ressort" or ``SASJI`` where
another Land is loaded.

Terms come from ``rahmen.csv`` (``begriff_rahmen``, ``begriff_einheit``, ``begriff_einheiten``,
``begriff_neuschnitt``) with German defaults; :func:`in_terms` rewrites a German text written with
the defaults. Examples (``z. B. …`` in help texts) come from the loaded data: per kind the key of
the entity with the most measures (measures: the first in natural order). :func:`in_data` does
both for a help text: an example the loaded data has (Bremen's ``3.1`` in Bremen) stays, any other
is replaced by one of the data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import Final

import networkx as nx

from rahmengraph.model import vocab
from rahmengraph.model.kinds import KINDS
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.questions import Question
from rahmengraph.model.state_cache import once_per_state
from rahmengraph.model.store import GraphStore


@dataclass(frozen=True)
class Terms:
    """A framework's words for itself and its responsible units (German defaults: Bremen's)."""

    framework: str = "Rahmenkonzept"  # rahmen.begriff_rahmen, e.g. Integrationskonzept
    unit: str = "Ressort"  # rahmen.begriff_einheit, e.g. Behörde
    units: str = "Ressorts"  # rahmen.begriff_einheiten, e.g. Behörden
    recut: str = "Ressortneuschnitt"  # rahmen.begriff_neuschnitt, e.g. Behördenneuschnitt


DEFAULT: Final = Terms()

#: Terms field → its predicate on the framework (the columns of rahmen.csv).
PREDICATES: Final[dict[str, str]] = {
    "framework": vocab.TERM_FRAMEWORK,
    "unit": vocab.TERM_UNIT,
    "units": vocab.TERM_UNITS,
    "recut": vocab.TERM_RECUT,
}


def terms(store: GraphStore) -> Terms:
    """The terms of the loaded framework (defaults where it names none; with several frameworks,
    those they agree on)."""
    return once_per_state(store, ("terms",), lambda: _terms(store))


def _terms(store: GraphStore) -> Terms:
    values = " ".join(f"<{p}>" for p in PREDICATES.values())
    rows = store.select(
        f"SELECT ?p ?o WHERE {{ ?fw a <{vocab.FRAMEWORK}> . VALUES ?p {{ {values} }} ?fw ?p ?o }}"
    ).values()
    found: dict[str, set[str]] = {}
    for r in rows:
        found.setdefault(r["p"] or "", set()).add(r["o"] or "")
    chosen = {}
    for name, predicate in PREDICATES.items():
        words = found.get(predicate, set())
        if len(words) == 1:
            chosen[name] = next(iter(words))
    return Terms(**chosen)


def terms_of_graph(g: nx.MultiDiGraph[str]) -> Terms:
    """The terms of the frameworks in a projection (``term_*`` attributes of framework nodes)."""
    chosen = {}
    for name in PREDICATES:
        words = {str(d[f"term_{name}"]) for _n, d in g.nodes(data=True) if d.get(f"term_{name}")}
        if len(words) == 1:
            chosen[name] = next(iter(words))
    return Terms(**chosen)


def in_terms(german: str, t: Terms) -> str:
    """A German text written with the default terms, in the framework's own terms."""
    if t == DEFAULT:
        return german
    out = german
    for f in sorted(fields(Terms), key=lambda f: -len(getattr(DEFAULT, f.name))):  # longest first
        default, own = getattr(DEFAULT, f.name), getattr(t, f.name)
        out = re.sub(rf"\b{re.escape(default)}(?=(?:e|en|es|n|s)?\b)", own, out)
    # compounds take the plural as their stem: Ressortzuschnitt → Behördenzuschnitt,
    # ressortübergreifend → behördenübergreifend
    for default, stem in ((DEFAULT.unit, t.units), (DEFAULT.unit.lower(), t.units[:1].lower() + t.units[1:])):
        out = re.sub(rf"\b{re.escape(default)}(?=[a-zäöüß])", stem, out)
    return out


#: Kinds whose help texts show an example id, and how the example is chosen.
_EXAMPLE_KINDS: Final = ("field", "actor", "level", "target_group", "goal", "measure")
_EXAMPLE = re.compile(r"z\.\s*B\.\s*[^)]*")


def examples(store: GraphStore) -> dict[str, str]:
    """Kind → an id of the loaded data to show as example (``z. B. …``)."""
    return once_per_state(store, ("examples",), lambda: _examples(store))


def _examples(store: GraphStore) -> dict[str, str]:
    out: dict[str, str] = {}
    for kind in _EXAMPLE_KINDS:
        name = (
            f'<{vocab.PREF_LABEL}> ?key FILTER(LANG(?key) = "de")'
            if kind == "level"
            else f"<{vocab.NOTATION}> ?key"
        )
        rows = store.select(
            f"SELECT ?key (COUNT(DISTINCT ?m) AS ?n) WHERE {{ ?e a <{KINDS[kind].cls}> ; {name} "
            f"OPTIONAL {{ ?m a <{vocab.MEASURE}> . {{ ?m ?p ?e }} UNION {{ ?e ?q ?m }} }} }} GROUP BY ?key"
        ).values()
        ranked = [(-int(r["n"] or 0), natural_key(r["key"] or ""), r["key"] or "") for r in rows if r["key"]]
        if kind == "measure":
            ranked = [(0, k, key) for _n, k, key in ranked]
        if ranked:
            out[kind] = min(ranked)[2]
    return out


def with_example(help_text: str, example: str | None) -> str:
    """``help_text`` with its ``z. B. …`` replaced by ``example`` (dropped when there is none)."""
    if not _EXAMPLE.search(help_text):
        return f"{help_text}, z. B. {example}" if example and help_text else help_text
    if example:
        return _EXAMPLE.sub(f"z. B. {example}", help_text, count=1)
    return re.sub(r",?\s*z\.\s*B\.\s*[^)]*", "", help_text, count=1).strip()


def _keys(store: GraphStore) -> dict[str, frozenset[str]]:
    """Kind → every id and German name of its entities in the store."""

    def compute() -> dict[str, frozenset[str]]:
        out: dict[str, frozenset[str]] = {}
        for kind in _EXAMPLE_KINDS:
            rows = store.select(
                f"SELECT DISTINCT ?key WHERE {{ ?e a <{KINDS[kind].cls}> . "
                f"{{ ?e <{vocab.NOTATION}> ?key }} UNION "
                f'{{ ?e <{vocab.PREF_LABEL}> ?key FILTER(LANG(?key) = "de") }} }}'
            ).values()
            out[kind] = frozenset(r["key"] or "" for r in rows)
        return out

    return once_per_state(store, ("example-keys",), compute)


def in_data(store: GraphStore, help_text: str, kind: str | None) -> str:
    """``help_text`` in the loaded framework's terms, its ``z. B. …`` an id of the loaded data: the
    text's own example when the data has every id it names, else the data's example of ``kind``."""
    shown = _EXAMPLE.search(help_text)
    named = (
        re.split(r",\s*|\s+oder\s+", re.sub(r"^z\.\s*B\.\s*", "", shown.group(0)).strip()) if shown else []
    )
    keys = _keys(store).get(kind or "", frozenset())
    if kind in _EXAMPLE_KINDS and not (named and all(n in keys for n in named)):
        help_text = with_example(help_text, examples(store).get(kind))
    return in_terms(help_text, terms(store))


def question_in_terms(store: GraphStore, q: Question) -> Question:
    """Question ``q`` as the loaded framework speaks: title, description, column headings in its
    terms, every parameter's help with an example of the loaded data (:func:`in_data`)."""
    own = terms(store)
    return replace(
        q,
        title=in_terms(q.title, own),
        description=in_terms(q.description, own),
        params=tuple(replace(p, help=in_data(store, p.help, p.type.name)) for p in q.params),
        columns=tuple(replace(c, heading=in_terms(c.heading, own)) for c in q.columns),
    )
