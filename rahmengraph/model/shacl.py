"""The SHACL check itself, with pySHACL on an rdflib graph (~40 MB resident once imported).

Only processes that need it import this module: ``rahmengraph validate``, the participation
separation check, and ``python -m rahmengraph.model.shacl`` — the short-lived child that
:func:`rahmengraph.model.validation.validate_all` starts for the server (one for all the graphs it
checks). The child reads each graph's N-Triples on stdin and writes its findings as a JSON line.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Final

import pyshacl
import rdflib
from rdflib.namespace import SH

from rahmengraph.model import vocab
from rahmengraph.model.ontology import shapes_graph
from rahmengraph.model.validation import RANKS, Finding, ValidationReport

#: SHACL severity → German name (ranked in :data:`rahmengraph.model.validation.RANKS`).
SEVERITIES: Final = {str(SH.Violation): "Verstoß", str(SH.Warning): "Warnung", str(SH.Info): "Hinweis"}


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
        severity = SEVERITIES.get(str(results.value(res, SH.resultSeverity)), "Hinweis")
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
    report.findings.sort(key=lambda f: (RANKS.get(f.severity, 9), f.message, f.focus_key))
    return report


def check(text: bytes, graph: str) -> list[Finding]:
    """Findings of the dataset ``text`` (N-Triples) in graph ``graph``."""
    data = rdflib.Graph()
    data.parse(data=text, format="nt")
    return validate_graph(data, graph).findings


def main() -> None:
    """``python -m rahmengraph.model.shacl``: per dataset ``GRAPH\\nSIZE\\n`` and SIZE bytes of
    N-Triples on stdin, one JSON line of its findings on stdout; ends with stdin."""
    given, out = sys.stdin.buffer, sys.stdout
    while graph := given.readline().decode("utf-8").strip():
        text = given.read(int(given.readline()))
        out.write(json.dumps([asdict(f) for f in check(text, graph)], ensure_ascii=False) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
