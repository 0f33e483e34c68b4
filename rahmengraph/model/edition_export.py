"""The editions as files of a dataset folder, read back from the store (the inverse of loading them).

``ausgaben.csv`` from the catalogue graph, one folder ``ausgaben/<id>/`` per earlier edition with
the tables that differ from the current ones (read from the edition's graph), and
``aenderungen.csv`` with every documented change. ``rahmengraph export -f csv`` writes them beside
the current tables, so an exported dataset loads again with its editions. Not in the graph, so not
exported: the ``sicherheit`` of a documented change (left empty).
"""

from __future__ import annotations

from urllib.parse import unquote

from rahmengraph.model import value_lists, vocab
from rahmengraph.model.change_records import RECORDS_FILE
from rahmengraph.model.editions import CATALOGUE_COLUMNS, CATALOGUE_FILE, catalogue_iri, date_key
from rahmengraph.model.loading.dataset import LIST_SEP
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.store import GraphStore
from rahmengraph.model.tabulation import Graph, Tables, read_tables

#: Columns of ``aenderungen.csv`` as the export writes them (all that ``change_records`` reads).
RECORD_COLUMNS = (
    "datum",
    "massnahme",
    "art",
    "was",
    "quelle",
    "sicherheit",
    "anmerkung",
    "beschlossen_von",
    "nachfolger",
    "ausgabe",
)
_TYPES = {t.iri: t.cell for t in value_lists.CHANGE_TYPES.values()}


def _catalogue(store: GraphStore, base: str) -> Graph | None:
    """The catalogue graph together with the dataset graph (whose bodies and actors decide)."""
    catalogue = catalogue_iri(base)
    if catalogue not in store.graphs():
        return None
    triples = store.construct(
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {{ GRAPH <{catalogue}> {{ ?s ?p ?o }} }} "
        f"UNION {{ GRAPH <{base}> {{ ?s ?p ?o }} }} }}"
    )
    return Graph(triples, base)


def _version(g: Graph, edition: str) -> str:
    return g.literal(edition, vocab.DCAT_VERSION) or ""


def _record(g: Graph, change: str) -> list[str]:
    generated = g.iris(change, vocab.PROV_GENERATED)
    return [
        g.literal(change, vocab.DCT_DATE) or "",
        g.literal(change, vocab.CHANGE_SUBJECT, vocab.GERMAN) or "",
        next((_TYPES[t] for t in g.iris(change, vocab.CHANGE_TYPE) if t in _TYPES), ""),
        g.literal(change, vocab.REASON, vocab.GERMAN) or "",
        g.sources(change),
        "",
        g.literal(change, vocab.NOTE, vocab.GERMAN) or "",
        LIST_SEP.join(g.key(a) for a in g.iris(change, vocab.WAS_ASSOCIATED_WITH)),
        LIST_SEP.join(
            sorted(
                (unquote(s.rsplit("/", 1)[1]) for s in g.iris(change, vocab.DCT_IS_REPLACED_BY)),
                key=natural_key,
            )
        ),
        _version(g, generated[0]) if generated else "",
    ]


def edition_tables(store: GraphStore, base: str) -> Tables:
    """The edition files of the dataset with base IRI ``base`` (none without editions), keyed by
    their path relative to the dataset folder."""
    g = _catalogue(store, base)
    if g is None:
        return Tables({})
    current = read_tables(store, base).files
    editions = sorted(
        g.of_type(vocab.EDITION_CLASS), key=lambda e: date_key(g.literal(e, vocab.ISSUED) or "")
    )
    now = {
        e
        for e in editions
        for fw in g.iris(e, vocab.DCT_IS_VERSION_OF)
        if e in g.iris(fw, vocab.DCAT_HAS_CURRENT_VERSION)
    }
    files: dict[str, tuple[list[str], list[list[str]]]] = {}
    rows = []
    for e in editions:
        version = _version(g, e)
        folder = "" if e in now else f"{CATALOGUE_FILE.removesuffix('.csv')}/{version}"
        rows.append(
            [
                version,
                g.literal(e, vocab.TITLE, vocab.GERMAN) or "",
                g.literal(e, vocab.ISSUED) or "",
                LIST_SEP.join(g.key(a) for a in g.iris(e, vocab.DECIDED_BY)),
                g.sources(e),
                folder,
                g.literal(e, vocab.NOTE, vocab.GERMAN) or "",
            ]
        )
        if folder:
            own = read_tables(store, e, base).files
            for name, (header, _rows) in current.items():  # a file the edition lacks: empty, not inherited
                own.setdefault(name, (header, []))
            for name, table in own.items():
                if current.get(name) != table:
                    files[f"{folder}/{name}"] = table
    files[CATALOGUE_FILE] = (list(CATALOGUE_COLUMNS), rows)
    documented = [c for c in g.of_type(vocab.CHANGE_CLASS) if g.literal(c, vocab.DOCUMENTED) == "true"]
    # by date, then in the order the changes were numbered (ties keep the source file's order)
    documented.sort(key=natural_key)
    records = sorted((_record(g, c) for c in documented), key=lambda r: date_key(r[0]))
    if records:
        files[RECORDS_FILE] = (list(RECORD_COLUMNS), records)
    return Tables(files)


def with_editions(store: GraphStore, base: str) -> Tables:
    """The dataset's current tables and its edition files: a whole dataset folder."""
    return Tables({**read_tables(store, base).files, **edition_tables(store, base).files})
