"""One event's contributions as a table for the working group: CSV for German Excel and XLSX.

Participants' text is data, never a formula: in the XLSX every cell is a text cell (openpyxl would
otherwise turn ``=…`` into a formula), in the CSV a cell that Excel would read as a formula
(starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) gets a leading apostrophe.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Final

from rahmengraph.model.export import finish_sheet
from rahmengraph.model.loading.csv_text import excel_csv
from rahmengraph.model.participation.register import Entry, Event, entries, event
from rahmengraph.model.participation.register import names as node_names
from rahmengraph.model.participation.terms import KINDS, STATUSES
from rahmengraph.model.store import GraphStore

#: Columns of the table (``name`` only for facilitators).
COLUMNS: Final = (
    "id",
    "veranstaltung",
    "art",
    "ziel",
    "ziel_name",
    "luecke_spalte",
    "luecke_spalte_name",
    "ansicht",
    "text",
    "gruppe",
    "name",
    "erstellt",
    "status",
    "grund",
    "aenderung",
    "verborgen",
    "vorschlag_titel",
    "vorschlag_zielgruppen",
    "vorschlag_ebene",
    "vorschlag_federfuehrung",
)
_FORMULA: Final = ("=", "+", "-", "@", "\t", "\r")


def _proposal(e: Entry, key: str) -> str:
    value = e.proposal.get(key, "")
    return " | ".join(str(v) for v in value) if isinstance(value, list) else str(value)


def rows(
    found: Sequence[Entry], labels: dict[str, str], *, with_names: bool
) -> tuple[list[str], list[list[str]]]:
    """Header and rows; ``labels`` names target IRIs (German labels of the official nodes)."""
    header = [c for c in COLUMNS if with_names or c != "name"]
    out = []
    for e in found:
        cells = {
            "id": e.id,
            "veranstaltung": e.event,
            "art": KINDS[e.kind].label_de,
            "ziel": e.target,
            "ziel_name": labels.get(e.target, ""),
            "luecke_spalte": e.gap_column,
            "luecke_spalte_name": labels.get(e.gap_column, ""),
            "ansicht": e.gap_view,
            "text": e.text,
            "gruppe": e.group,
            "name": e.name,
            "erstellt": e.created,
            "status": STATUSES[e.status].label_de,
            "grund": e.reason,
            "aenderung": e.adopted_in,
            "verborgen": "ja" if e.hidden else "nein",
            "vorschlag_titel": _proposal(e, "titel"),
            "vorschlag_zielgruppen": _proposal(e, "zielgruppen"),
            "vorschlag_ebene": _proposal(e, "ebene"),
            "vorschlag_federfuehrung": _proposal(e, "federfuehrung"),
        }
        out.append([cells[c] for c in header])
    return header, out


def _inert(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA) else cell


def csv_text(header: list[str], table: list[list[str]]) -> str:
    """CSV for German Excel (BOM, ``;``, CRLF), formulas defused."""
    return excel_csv(header, [[_inert(c) for c in row] for row in table])


def xlsx_bytes(event: Event, header: list[str], table: list[list[str]]) -> bytes:
    """One worksheet ``Beitraege`` (every cell text) and one ``Veranstaltung`` with the event's data."""
    from openpyxl import Workbook  # on first use: a server that writes no workbook need not hold it

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Beitraege"
    for r, row in enumerate([header, *table], start=1):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            cell.data_type = "s"  # text, never a formula
    finish_sheet(ws, text=True)
    info = wb.create_sheet("Veranstaltung")
    facts = [
        ("id", event.id),
        ("titel", event.title),
        ("datum", event.date),
        ("beginn", event.start.isoformat()),
        ("ende", event.end.isoformat()),
        ("format", event.format),
        ("graph", event.graph),
    ]
    for r, (key, value) in enumerate(facts, start=1):
        info.cell(row=r, column=1, value=key).data_type = "s"
        info.cell(row=r, column=2, value=value).data_type = "s"
    finish_sheet(info, text=True)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _labels(store: GraphStore, found: Sequence[Entry]) -> dict[str, str]:
    return node_names(store, [i for e in found for i in (e.target, e.gap_column)])


def event_table(
    store: GraphStore, base: str, event_id: str, suffix: str, *, names: bool
) -> tuple[bytes, int]:
    """One event's contributions as ``csv`` or ``xlsx`` bytes, and how many; with ``names`` (facilitators)
    the names and the hidden contributions too."""
    ev = event(store, base, event_id)
    found = entries(store, base, event_id, hidden=names)
    header, table = rows(found, _labels(store, found), with_names=names)
    if suffix == "csv":
        return csv_text(header, table).encode("utf-8"), len(table)
    return xlsx_bytes(ev, header, table), len(table)
