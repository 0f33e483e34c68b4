"""Writing checked datasets into a store: each dataset in its own named graph, plus the ontology.

``load`` and ``load_all`` read and check first (:mod:`rahmengraph.model.loading.checking`, then
the editions: :mod:`rahmengraph.model.edition_build`) and write only when every dataset is valid;
each graph is written in one transaction.
"""

from __future__ import annotations

from pathlib import Path

from rahmengraph.model import namespaces
from rahmengraph.model.edition_build import with_editions
from rahmengraph.model.loading import digest
from rahmengraph.model.loading.checking import read_all
from rahmengraph.model.loading.dataset import Dataset
from rahmengraph.model.loading.mapping import to_triples
from rahmengraph.model.ontology import ontology_triples
from rahmengraph.model.store import GraphStore, Triple


def _ensure_ontology(store: GraphStore) -> None:
    onto = ontology_triples()
    if store.count(namespaces.ONTOLOGY_IRI) != len(onto):
        store.replace_graph(namespaces.ONTOLOGY_IRI, onto)


def write(store: GraphStore, datasets: list[Dataset]) -> None:
    """Write checked datasets, each into its own named graph, and the ontology if it is missing.

    A graph that exists is replaced in one transaction; new graphs go in together (Oxigraph's bulk
    loader for an empty store). With many datasets only base and keys are kept once mapped.
    """
    for ds in datasets:  # editions are checked before anything is written (raise InputError)
        with_editions(ds)
    digest.forget(store, [ds.graph for ds in datasets])
    existing = set(store.graphs())
    release = len(datasets) > 1

    def mapped(ds: Dataset) -> list[tuple[str, list[Triple]]]:
        triples = ds.editions.current if ds.editions else to_triples(ds)
        if release:
            ds.files = {}
        return [(ds.graph, triples), *(ds.editions.graphs(triples) if ds.editions else [])]

    with store.first_load():  # an empty store is complete only with every graph and the ontology
        for ds in datasets:
            for graph, triples in mapped(ds) if ds.graph in existing else ():
                store.replace_graph(graph, triples)
        store.add_graphs(g for ds in datasets if ds.graph not in existing for g in mapped(ds))
        _ensure_ontology(store)


def load_all(store: GraphStore, folders: list[Path]) -> list[Dataset]:
    """Read and check every dataset first, then write them; nothing is written unless all are valid."""
    datasets = read_all(folders)
    write(store, datasets)
    return datasets


def load(store: GraphStore, folder: Path, *, reuse: bool = False) -> Dataset:
    """Read, check and map one dataset, then write it (and the ontology if missing) into ``store``.
    With ``reuse`` (server start-up), a store folder that holds this dataset as loaded before from
    the same files by the same code (:mod:`~rahmengraph.model.loading.digest`) is not written again."""
    if not reuse:
        return load_all(store, [folder])[0]
    [ds] = read_all([folder])
    if digest.holds(store, ds.graph, folder):
        return ds
    write(store, [ds])
    digest.note(store, ds.graph, folder)
    return ds
