"""SHACL validation of a dataset graph with pySHACL, reported in German.

Violations make a dataset invalid (``rahmengraph validate`` exits non-zero); warnings are the
visible gaps of the data (e.g. a measure whose source names no lead) and leave it valid.
"""

from __future__ import annotations

import hashlib
import weakref
from collections import Counter
from dataclasses import dataclass, field
from typing import Final

import pyshacl
import rdflib
from rdflib.namespace import SH

from rahmengraph.model import vocab
from rahmengraph.model.formats import GRAPH_FORMATS
from rahmengraph.model.ontology import shapes_graph
from rahmengraph.model.store import GraphStore

#: SHACL severity → (German name, sort rank).
SEVERITIES: Final = {
    str(SH.Violation): ("Verstoß", 0),
    str(SH.Warning): ("Warnung", 1),
    str(SH.Info): ("Hinweis", 2),
}


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
    return next((rank for name, rank in SEVERITIES.values() if name == severity), 9)


def _short(node: rdflib.term.Node | None) -> str | None:
    return None if node is None else str(node)


def validate_graph(data: rdflib.Graph, graph: str, shapes: rdflib.Graph | None = None) -> ValidationReport:
    """Validate an rdflib graph of one dataset against the shapes, exactly as
    ``pyshacl -s shapes.ttl data.ttl`` does (the shapes need no ontology: they list the subclasses);
    ``shapes``: other shapes (a fresh graph: pySHACL may add to it)."""
    _conforms, results, _text = pyshacl.validate(
        data,
        shacl_graph=shapes_graph() if shapes is None else shapes,
        inference="none",
        allow_warnings=True,
        inplace=True,  # ``data`` is a private copy: no need to clone it
    )
    assert isinstance(results, rdflib.Graph)
    report = ValidationReport(graph)
    for res in results.objects(None, SH.result):  # top-level results (not their sh:detail)
        focus = results.value(res, SH.focusNode)
        severity = SEVERITIES.get(str(results.value(res, SH.resultSeverity)), ("Hinweis", 2))[0]
        message = str(results.value(res, SH.resultMessage) or "Regel verletzt")
        key = data.value(focus, rdflib.URIRef(vocab.NOTATION)) if focus is not None else None
        label = data.value(focus, rdflib.URIRef(vocab.LABEL)) if focus is not None else None
        report.findings.append(
            Finding(
                severity=severity,
                message=message,
                focus=str(focus),
                focus_key=str(key) if key is not None else str(focus).rsplit("/", 1)[-1],
                focus_label=str(label or ""),
                path=_short(results.value(res, SH.resultPath)),
                value=_short(results.value(res, SH.value)),
                shape=str(results.value(res, SH.sourceShape)),
            )
        )
    report.findings.sort(key=lambda f: (_rank(f.severity), f.message, f.focus_key))
    return report


#: Per store: graph → (digest of its N-Triples, its report). Kept across changes of the store, so
#: that after one dataset changed only that one is validated again (pySHACL takes ~0.3 s per
#: framework: 416 of them at national scale).
_REPORTS: weakref.WeakKeyDictionary[GraphStore, dict[str, tuple[bytes, ValidationReport]]] = (
    weakref.WeakKeyDictionary()
)


def validate(store: GraphStore, graph: str) -> ValidationReport:
    """Validate the dataset in named graph ``graph`` of ``store``; the report is shared (read-only)
    and reused while the graph's triples stay the same."""
    text = store.dump(GRAPH_FORMATS["nt"], graph)
    digest = hashlib.blake2b(text, digest_size=16).digest()
    known = _REPORTS.setdefault(store, {})
    if graph in known and known[graph][0] == digest:
        return known[graph][1]
    data = rdflib.Graph()
    data.parse(data=text, format="nt")
    report = validate_graph(data, graph)
    known[graph] = (digest, report)
    return report
