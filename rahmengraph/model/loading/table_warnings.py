"""Warnings of the tables: valid input that is probably not meant so (file, line, column, value).

They do not stop the load; ``rahmengraph validate`` lists them beside the SHACL findings.

* ``federfuehrend`` names an actor and its predecessor or successor: several leads lead jointly,
  an earlier lead belongs into ``federfuehrung_bisher`` (the lead history).
* a column under its old name (``ziele.kurztitel_seed``, now ``kurztitel``): read, but deprecated.
* ``gremien.typ`` starts with a word that is no known body type: the body is kept as a general
  ``rg:Body`` (the first word decides the class).
"""

from __future__ import annotations

from rahmengraph.errors import Problem
from rahmengraph.model import value_lists
from rahmengraph.model.loading.cells import body_type_word
from rahmengraph.model.loading.dataset import Dataset, split_list
from rahmengraph.model.schema import FILES_BY_ENTITY


def _relatives(ds: Dataset) -> dict[str, set[str]]:
    """Actor key → the actors before or after it in a re-organisation (any distance)."""
    direct: dict[str, set[str]] = {}
    for row in ds.rows(FILES_BY_ENTITY["actor"]):
        me = row.get("kuerzel")
        for other in split_list(row.get("nachfolger")):
            direct.setdefault(me, set()).add(other)
        for other in split_list(row.get("vorgaenger")):
            direct.setdefault(other, set()).add(me)
    later: dict[str, set[str]] = {}
    for start in direct:
        seen: set[str] = set()
        todo = list(direct[start])
        while todo:
            a = todo.pop()
            if a not in seen:
                seen.add(a)
                todo.extend(direct.get(a, ()))
        later[start] = seen
    out: dict[str, set[str]] = {}
    for a, succs in later.items():
        for b in succs:
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    return out


def _joint_history(ds: Dataset, warnings: list[Problem]) -> None:
    relatives = _relatives(ds)
    for row in ds.rows(FILES_BY_ENTITY["measure"]):
        leads = split_list(row.get("federfuehrend"))
        pairs = [(a, b) for i, a in enumerate(leads) for b in leads[i + 1 :] if b in relatives.get(a, ())]
        for a, b in pairs:
            warnings.append(
                row.problem(
                    "federfuehrend",
                    f"{a} und {b} sind Vorgänger und Nachfolger (Neuschnitt) und stehen beide in "
                    "federfuehrend, das heißt: gemeinsam federführend. War einer früher federführend, gehört "
                    "er in die Spalte federfuehrung_bisher",
                    f"{a};{b}",
                )
            )


def _body_types(ds: Dataset, warnings: list[Problem]) -> None:
    known = ", ".join(value_lists.BODY_TYPES)
    for row in ds.rows(FILES_BY_ENTITY["body"]):
        first = body_type_word(row.get("typ"))
        if first and first not in value_lists.BODY_TYPES:
            warnings.append(
                row.problem(
                    "typ",
                    f"unbekannter Gremientyp {first!r}: das Gremium wird als allgemeines Gremium geführt; "
                    f"bekannt (erstes Wort): {known}",
                    first,
                )
            )


def _renamed_columns(ds: Dataset, warnings: list[Problem]) -> None:
    for f in ds.files.values():
        for old, new in f.renamed:
            message = f"Spalte {old!r} heißt jetzt {new!r}: gelesen wie {new!r}, bitte umbenennen (veraltet)"
            warnings.append(Problem(message, f.name, 1, old, old))


def table_warnings(ds: Dataset) -> list[Problem]:
    """Every warning of the dataset's tables, in file order."""
    warnings: list[Problem] = []
    _renamed_columns(ds, warnings)
    _joint_history(ds, warnings)
    _body_types(ds, warnings)
    return warnings
