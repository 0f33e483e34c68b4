"""The report and the Vorlage as HTML documents (standalone: styles inline, charts as inline SVG).

The same HTML is the PDF's source (:mod:`rahmengraph.viz.report_pdf`), so both say the same.
"""

from __future__ import annotations

from typing import Final

from markupsafe import Markup, escape

from rahmengraph.model.bericht import CONTEXT_NOTE, PARTICIPATION_NOTE
from rahmengraph.model.report_content import Bericht, Cited
from rahmengraph.viz.report_charts import has_chart, svg
from rahmengraph.viz.templating import ENV

#: Lines of "Wichtigste Änderungen" and "Offene Lücken" on the two-page Vorlage.
VORLAGE_LINES: Final = 8


def _accessible(entry_name: str, document: str) -> Markup:
    """An SVG chart marked as an image with a text alternative (PDF/UA, screen readers)."""
    label = escape(f"Diagramm: {entry_name}")
    return Markup(document.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))


def report_html(b: Bericht) -> str:
    """The whole draft report."""
    charts = {e.key: _accessible(e.name, svg(e)) if has_chart(e) else "" for e in b.indicators}
    return ENV.get_template("bericht.html").render(
        b=b, charts=charts, context_note=CONTEXT_NOTE, participation_note=PARTICIPATION_NOTE
    )


def _cited(b: Bericht, items: list[Cited]) -> list[tuple[int, str]]:
    numbers = sorted({n for c in items for n in c.refs})
    return [(n, b.sources[n - 1]) for n in numbers]


def vorlage_html(b: Bericht) -> str:
    """The two-page Vorlage for the Steuerungsrunde."""
    top_changes = b.status_changes[-VORLAGE_LINES:]
    top_measurability = b.measurability[: max(0, VORLAGE_LINES - len(b.gaps))]
    shown = [*b.changes, *top_changes, *b.decisions]
    return ENV.get_template("vorlage.html").render(
        b=b, top_changes=top_changes, top_measurability=top_measurability, cited=_cited(b, shown)
    )
