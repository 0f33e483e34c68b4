"""The report and the Vorlage as Word documents (python-docx), for the working group to edit.

Headings use Word's built-in heading styles (navigation pane, table of contents), every table has
a header row, charts are PNG pictures with a text alternative, and every statement with sources
ends with a real Word footnote (:mod:`rahmengraph.viz.report_footnotes`) naming them by their
number in the "Quellenverzeichnis".

A ministry's own template (``.docx`` or ``.dotx`` saved as ``.docx``) can be passed in: its styles,
page setup, header and footer are kept, its body text is replaced. Output is byte-identical for the
same report: core properties carry the declared creation date, ZIP entries a fixed timestamp.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Cm
from docx.table import Table
from docx.text.paragraph import Paragraph

from rahmengraph.errors import InputError, Problem
from rahmengraph.model.bericht import CONTEXT_NOTE, PARTICIPATION_NOTE
from rahmengraph.model.report_content import Bericht, Cited
from rahmengraph.viz.report_charts import has_chart, png
from rahmengraph.viz.report_footnotes import Footnotes
from rahmengraph.viz.report_html import VORLAGE_LINES

INTRO = (
    "erstellt aus dem Wissensgraphen (rahmengraph). "
    "Die Fußnoten nennen die Quellen jeder Aussage mit ihrer Nummer im Quellenverzeichnis."
)
CONTEXT_CHAPTER = (
    "Kontextkennzahlen (Stufe „Kontext“, z. B. aus dem Integrationsmonitoring der Länder) "
    "beschreiben die Lage im Land. Sie sind keine Wirkung der Maßnahmen des Rahmenkonzepts."
)


def _open(template: Path | None) -> DocxDocument:
    if template is None:
        return Document()
    try:
        doc = Document(str(template))
    except Exception as exc:  # python-docx raises several types for a file that is no Word document
        raise InputError(
            f"Word-Vorlage {template} ist kein lesbares DOCX", [Problem(str(exc), template.name)]
        ) from exc
    body = doc.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return doc


_STYLE_NAMES: dict[int, set[str]] = {}


def _style(doc: DocxDocument, name: str, fallback: str = "Normal") -> str:
    """``name`` if the document (or the ministry's template) has that style, else ``fallback``."""
    names = _STYLE_NAMES.get(id(doc))
    if names is None:
        names = _STYLE_NAMES[id(doc)] = {str(s.name) for s in doc.styles}
    return name if name in names else fallback


class Sourced(Footnotes):
    """The document's footnotes, each naming sources of :attr:`Bericht.sources` by number."""

    def __init__(self, sources: list[str]) -> None:
        super().__init__()
        self.sources = sources

    def cite(self, p: Paragraph, refs: list[int]) -> None:
        if refs:
            self.add(p, "; ".join(f"[{n}] {self.sources[n - 1]}" for n in refs))


def _para(doc: DocxDocument, notes: Sourced, c: Cited | str, style: str = "Normal") -> Paragraph:
    cited = c if isinstance(c, Cited) else Cited(c)
    p = doc.add_paragraph(cited.text, style=_style(doc, style))
    notes.cite(p, cited.refs)
    return p


def _table(doc: DocxDocument, notes: Sourced, header: list[str], rows: list[list[Cited | str]]) -> Table:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = _style(doc, "Table Grid", table.style.name if table.style else "Normal")
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.font.bold = True
    # the header row repeats on every page and marks the table's header for screen readers
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(
        tr_pr.makeelement("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblHeader", {})
    )
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cited = value if isinstance(value, Cited) else Cited(value)
            cell.text = cited.text
            notes.cite(cell.paragraphs[0], cited.refs)
    return table  # type: ignore[no-any-return]


def _picture(doc: DocxDocument, data: bytes, alt: str) -> None:
    doc.add_picture(io.BytesIO(data), width=Cm(16))
    inline = doc.paragraphs[-1].runs[-1]._r.xpath(".//wp:docPr")
    for pr in inline:
        pr.set("descr", alt)
        pr.set("title", alt)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {s}" for s, n in counts.items())


def _sources(doc: DocxDocument, items: list[tuple[int, str]]) -> None:
    doc.add_heading("Quellenverzeichnis", level=1)
    for n, s in items:
        doc.add_paragraph(f"[{n}] {s}", style=_style(doc, "Normal"))


def _report(doc: DocxDocument, notes: Sourced, b: Bericht) -> None:
    doc.add_heading(b.title, level=0)
    _para(doc, notes, f"Berichtszeitraum {b.period_from} bis {b.period_to} · Stand {b.created} · {INTRO}")
    doc.add_heading("1 Überblick", level=1)
    for c in b.overview:
        _para(doc, notes, c)
    _table(doc, notes, ["Status", "Maßnahmen"], [[s, str(n)] for s, n in b.status_counts.items()])
    doc.add_heading("2 Handlungsfelder und Maßnahmen", level=1)
    for f in b.fields:
        doc.add_heading(f"{f.key} {f.title}", level=2)
        _para(doc, notes, Cited(f"{len(f.measures)} Maßnahmen: {_counts(f.status_counts)}.", f.refs))
        _table(
            doc,
            notes,
            ["ID", "Maßnahme", "Status", "Federführung", "Beteiligte", "Ebenen", "Zielgruppen"],
            [
                [
                    m.key,
                    Cited(m.name, m.refs),
                    f"{m.status}\n{m.status_note}".strip(),
                    m.leads,
                    m.partners,
                    m.levels,
                    m.groups,
                ]
                for m in f.measures
            ],
        )
    doc.add_heading("3 Änderungen seit dem vorigen Bericht", level=1)
    for c in b.changes:
        _para(doc, notes, c)
    doc.add_heading("Statusmeldungen im Berichtszeitraum", level=2)
    for c in b.status_changes or [Cited("Keine datierte Statusmeldung im Berichtszeitraum.")]:
        _para(doc, notes, c, "List Bullet")
    doc.add_heading("Ereignisse im Berichtszeitraum", level=2)
    for c in b.events or [Cited("Keine datierten Ereignisse im Berichtszeitraum.")]:
        _para(doc, notes, c, "List Bullet")
    doc.add_heading("4 Kennzahlen", level=1)
    _para(doc, notes, CONTEXT_CHAPTER)
    for e in b.indicators:
        doc.add_heading(f"{e.key} {e.name}", level=2)
        _para(
            doc,
            notes,
            Cited(
                f"Stufe: {e.level} · Einheit: {e.unit or 'nicht belegt'} · Richtung: {e.direction} · "
                f"jüngster Istwert: {e.latest}",
                e.refs,
            ),
        )
        if e.context:
            _para(doc, notes, CONTEXT_NOTE, "Intense Quote")
        if has_chart(e):
            _picture(doc, png(e), f"Diagramm: {e.key} {e.name}, Zeitreihe je Gebiet und Gruppe")
            _para(doc, notes, f"Abbildung: {e.key} {e.name}. Werte und Quellen in der Tabelle.", "Caption")
        if e.values:
            _table(doc, notes, ["Zeitraum · Gebiet · Art: Wert"], [[v] for v in e.values])
    doc.add_heading("5 Land, Stadtgemeinde Bremen und Bremerhaven", level=1)
    _table(
        doc,
        notes,
        ["Ebene", "Maßnahmen", "Umsetzungsstand"],
        [[Cited(lv.name, lv.refs), str(lv.measures), _counts(lv.status_counts)] for lv in b.levels],
    )
    doc.add_heading("6 Lücken und Messbarkeit", level=1)
    doc.add_heading("Lücken", level=2)
    for c in b.gaps:
        _para(doc, notes, c, "List Bullet")
    doc.add_heading("Messbarkeit und Evaluation", level=2)
    for c in b.measurability:
        _para(doc, notes, c, "List Bullet")
    doc.add_heading("Entscheidungsbedarf", level=2)
    for c in b.decisions:
        _para(doc, notes, c, "List Bullet")
    if b.participation is not None:
        doc.add_heading("7 Ergebnisse der Beteiligung", level=1)
        _para(doc, notes, PARTICIPATION_NOTE)
        for c in b.participation or [Cited("Keine Beteiligungsveranstaltung im Berichtszeitraum.")]:
            _para(doc, notes, c, "List Bullet")
    _sources(doc, list(enumerate(b.sources, start=1)))


def _vorlage(doc: DocxDocument, notes: Sourced, b: Bericht) -> None:
    doc.add_heading("Vorlage für die Steuerungsrunde", level=0)
    _para(
        doc, notes, f"{b.framework} · Berichtszeitraum {b.period_from} bis {b.period_to} · Stand {b.created}"
    )
    doc.add_heading("1 Umsetzungsstand", level=1)
    _table(
        doc,
        notes,
        [*b.status_counts, "gesamt"],
        [[*(str(n) for n in b.status_counts.values()), str(sum(b.status_counts.values()))]],
    )
    doc.add_heading("2 Wichtigste Änderungen", level=1)
    top = [*b.changes, *b.status_changes[-VORLAGE_LINES:]]
    for c in top:
        _para(doc, notes, c, "List Bullet")
    doc.add_heading("3 Offene Lücken", level=1)
    for c in [*b.gaps, *b.measurability[: max(0, VORLAGE_LINES - len(b.gaps))]]:
        _para(doc, notes, c, "List Bullet")
    doc.add_heading("4 Entscheidungsbedarf", level=1)
    for c in b.decisions:
        _para(doc, notes, c, "List Number")
    numbers = sorted({n for c in [*top, *b.decisions] for n in c.refs})
    _sources(doc, [(n, b.sources[n - 1]) for n in numbers])


def _reproducible(data: bytes, created: dt.datetime) -> bytes:
    """The same package with every ZIP entry dated ``created`` (python-docx stamps the current time)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    stamp = (max(created.year, 1980), created.month, created.day, 0, 0, 0)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(entry, src.read(info.filename))
    return out.getvalue()


def docx_bytes(b: Bericht, template: Path | None = None, vorlage: bool = False) -> bytes:
    """The report (or, with ``vorlage``, the two-page Vorlage) as DOCX."""
    doc = _open(template)
    notes = Sourced(b.sources)
    try:
        (_vorlage if vorlage else _report)(doc, notes, b)
    finally:
        _STYLE_NAMES.pop(id(doc), None)
    notes.write(doc)
    created = dt.datetime.fromisoformat(_iso(b.created))
    props = doc.core_properties
    props.title = "Vorlage für die Steuerungsrunde" if vorlage else b.title
    props.author = props.last_modified_by = "rahmengraph"
    props.language = "de-DE"
    props.created = props.modified = props.last_printed = created
    props.revision = 1
    buf = io.BytesIO()
    doc.save(buf)
    return _reproducible(buf.getvalue(), created)


def _iso(date: str) -> str:
    """``2026``/``2026-01``/``2026-01-15`` → a full ISO date."""
    parts = date.split("-")
    return "-".join([parts[0], *[*parts[1:], "01", "01"][:2]])
