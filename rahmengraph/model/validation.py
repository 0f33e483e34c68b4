"""SHACL validation of a dataset graph, reported in German.

Violations make a dataset invalid (``rahmengraph validate`` exits non-zero); warnings are the
visible gaps of the data (e.g. a measure whose source names no lead) and leave it valid.

pySHACL and rdflib (~40 MB resident) stay out of processes that do not load them anyway: such a
process (the server) has the check run by a short-lived child (``python -m
rahmengraph.model.shacl``) that returns the findings as plain data. A process that has pySHACL
loaded (the command line's checks, tests) runs it itself (:mod:`rahmengraph.model.shacl`). The
findings are a function of the graph's triples and the code (shapes included): an on-disk store
keeps them in :data:`FILE` beside its data, and a start on the same data reads them from there.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import subprocess
import sys
import tempfile
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from itertools import chain
from pathlib import Path
from typing import Final

from rahmengraph import errors
from rahmengraph.model.formats import GRAPH_FORMATS
from rahmengraph.model.loading import digest
from rahmengraph.model.store import GraphStore

#: File in a store folder: graph → digest of its triples and the code, and the findings of its check.
_LOG: Final = logging.getLogger(__name__)
FILE: Final = "rahmengraph-pruefung.json"
#: The package's parent folder (a child process must import the same code).
_ROOT = str(Path(__file__).resolve().parents[2])
#: German name of a severity → sort rank.
RANKS: Final = {"Verstoß": 0, "Warnung": 1, "Hinweis": 2}


@dataclass(frozen=True)
class Finding:
    severity: str  # Verstoß | Warnung | Hinweis
    message: str
    focus: str
    focus_key: str
    focus_label: str
    path: str | None
    value: str | None
    shape: str

    def as_dict(self) -> dict[str, str | None]:
        return {
            "schwere": self.severity,
            "meldung": self.message,
            "fokus": self.focus,
            "id": self.focus_key,
            "name": self.focus_label,
            "pfad": self.path,
            "wert": self.value,
            "shape": self.shape,
        }


@dataclass
class ValidationReport:
    graph: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Verstoß"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Warnung"]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def counts(self) -> dict[str, int]:
        return dict(Counter(f.severity for f in self.findings))

    def grouped(self) -> dict[tuple[str, str], list[Finding]]:
        """Findings grouped by (severity, message), most severe first."""
        groups: dict[tuple[str, str], list[Finding]] = {}
        for f in sorted(self.findings, key=lambda f: (_rank(f.severity), f.message, f.focus_key)):
            groups.setdefault((f.severity, f.message), []).append(f)
        return groups

    def as_dict(self) -> dict[str, object]:
        return {
            "graph": self.graph,
            "gueltig": self.conforms,
            "anzahl": self.counts(),
            "befunde": [f.as_dict() for f in self.findings],
        }

    def text(self) -> str:
        """A German report for the terminal, grouped by message."""
        counts = self.counts()
        head = (
            f"Prüfung von {self.graph}: {counts.get('Verstoß', 0)} Verstöße, "
            f"{counts.get('Warnung', 0)} Warnungen, {counts.get('Hinweis', 0)} Hinweise"
        )
        lines = [head, "=" * len(head)]
        for (severity, message), items in self.grouped().items():
            lines.append(f"\n{severity} ({len(items)}): {message}")
            for f in items:
                what = f" [{f.path.rsplit('#', 1)[-1]}]" if f.path else ""
                value = f" Wert: {f.value}" if f.value else ""
                lines.append(f"  - {f.focus_key} {f.focus_label}{what}{value}".rstrip())
        if self.conforms:
            lines.append("\nErgebnis: gültig (nur Warnungen und Hinweise).")
        else:
            lines.append("\nErgebnis: UNGÜLTIG – bitte die Verstöße beheben.")
        return "\n".join(lines)


def _rank(severity: str) -> int:
    return RANKS.get(severity, 9)


#: Per store: graph → (digest of its N-Triples and the code, its report). Kept across changes of the
#: store, so that after one dataset changed only that one is validated again (pySHACL takes ~0.3 s
#: per framework: 416 of them at national scale).
_REPORTS: weakref.WeakKeyDictionary[GraphStore, dict[str, tuple[str, ValidationReport]]] = (
    weakref.WeakKeyDictionary()
)


def _kept(store: GraphStore) -> dict[str, object]:
    path = digest.beside(store, FILE)
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path is not None else {}
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _read(kept: dict[str, object], graph: str, key: str) -> ValidationReport | None:
    """The report kept in the store folder for ``graph`` in the state ``key``, if any."""
    entry = kept.get(graph)
    if not isinstance(entry, dict) or entry.get("key") != key:
        return None
    try:
        return ValidationReport(graph, [Finding(**f) for f in entry["findings"]])
    except (KeyError, TypeError):
        return None


def _keep(store: GraphStore, reports: dict[str, tuple[str, ValidationReport]]) -> None:
    path = digest.beside(store, FILE)
    if path is None:
        return
    kept = _kept(store) | {
        graph: {"key": key, "findings": [asdict(f) for f in report.findings]}
        for graph, (key, report) in reports.items()
    }
    part = path.with_suffix(".part")
    try:
        part.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
        part.replace(path)
    except OSError as failure:  # only a cache: the next start checks again
        _LOG.warning("SHACL-Befunde nicht gespeichert in %s: %s", path, failure)


def _apart(texts: Iterable[tuple[str, bytes]]) -> Iterator[tuple[str, list[Finding]]]:
    """Findings of one child process that runs pySHACL (the caller never imports it), graph by
    graph: ``GRAPH\\nSIZE\\n`` and the N-Triples in, one JSON line of findings out."""
    path = os.pathsep.join([_ROOT, *filter(None, [os.environ.get("PYTHONPATH")])])
    with (
        tempfile.TemporaryFile() as errors_out,
        subprocess.Popen(
            [sys.executable, "-m", "rahmengraph.model.shacl"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=errors_out,
            env={**os.environ, "PYTHONPATH": path},
        ) as child,
    ):
        assert child.stdin is not None and child.stdout is not None
        try:
            for graph, text in texts:
                child.stdin.write(f"{graph}\n{len(text)}\n".encode() + text)
                child.stdin.flush()
                line = child.stdout.readline()
                if not line:
                    raise OSError("keine Antwort")
                yield graph, [Finding(**f) for f in json.loads(line)]
        except (OSError, ValueError, TypeError) as exc:
            child.kill()
            child.wait()
            errors_out.seek(0)
            why = errors_out.read().decode("utf-8", "replace").strip().splitlines() or [str(exc)]
            raise errors.StoreError(f"SHACL-Prüfung (Kindprozess) gescheitert: {why[-1]}") from exc
        finally:
            child.stdin.close()


def _findings(texts: Iterable[tuple[str, bytes]]) -> Iterator[tuple[str, list[Finding]]]:
    """Findings of each dataset (graph, N-Triples): here when pySHACL is loaded already,
    otherwise in one child process for all of them (none when there is nothing to check)."""
    given = iter(texts)
    first = next(given, None)
    if first is None:
        return iter(())
    if "pyshacl" in sys.modules:
        from rahmengraph.model.shacl import check

        return ((graph, check(text, graph)) for graph, text in chain([first], given))
    return _apart(chain([first], given))


def validate_all(store: GraphStore, graphs: Iterable[str]) -> dict[str, ValidationReport]:
    """Validate the datasets in the named graphs ``graphs`` of ``store`` (one child process for
    all that are not known); the reports are shared (read-only) and reused while a graph's
    triples and the code stay the same. One graph's N-Triples in memory at a time."""
    known = _REPORTS.setdefault(store, {})
    kept = _kept(store)
    out: dict[str, ValidationReport] = {}
    fresh: dict[str, str] = {}

    def unknown() -> Iterator[tuple[str, bytes]]:
        for graph in graphs:
            text = store.dump(GRAPH_FORMATS["nt"], graph)
            key = hashlib.blake2b(digest.code() + text, digest_size=16).hexdigest()
            if graph in known and known[graph][0] == key:
                out[graph] = known[graph][1]
            elif (report := _read(kept, graph, key)) is not None:
                known[graph] = (key, report)
                out[graph] = report
            else:
                fresh[graph] = key
                yield graph, text

    for graph, found in _findings(unknown()):
        report = out[graph] = ValidationReport(graph, found)
        known[graph] = (fresh[graph], report)
    if fresh:
        _keep(store, {graph: known[graph] for graph in fresh})
    return out


def validate(store: GraphStore, graph: str) -> ValidationReport:
    """Validate the dataset in named graph ``graph`` of ``store`` (see :func:`validate_all`)."""
    return validate_all(store, [graph])[graph]
