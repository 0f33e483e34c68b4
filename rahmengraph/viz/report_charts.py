"""Charts of the report: an indicator's time series per area and group, target values as dashed
lines with markers. SVG for HTML/PDF, PNG for DOCX; both deterministic (fixed SVG ids, no dates).

Drawn with matplotlib's object API (no pyplot state); matplotlib's style settings are global, so
one lock serialises drawing. Charts are remembered by their content (a report drawn twice, or its
HTML, PDF and DOCX, draws each chart once per format).
"""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from typing import Final

import matplotlib as mpl
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from rahmengraph.model.report_content import IndicatorEntry

_LOCK = threading.Lock()
_MEMO: OrderedDict[tuple[str, str], str | bytes] = OrderedDict()
#: Charts remembered (a Bremen report has about 25 per format).
MAX_CHARTS: Final = 200

#: Colour-blind safe palette (Okabe–Ito), one colour per series.
COLOURS: Final = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
_STYLE: Final[dict[str, object]] = {
    "svg.hashsalt": "rahmengraph",
    "svg.fonttype": "none",  # text stays text: searchable in the PDF, readable by screen readers
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def has_chart(entry: IndicatorEntry) -> bool:
    """A chart needs at least one dated value."""
    return any(s.points or s.targets for s in entry.series)


def _figure(entry: IndicatorEntry) -> Figure:
    fig = Figure(figsize=(6.4, 2.8), dpi=100)
    fig.subplots_adjust(left=0.1, right=0.6, top=0.88, bottom=0.12)
    ax = fig.add_subplot()
    for colour, s in zip(COLOURS, entry.series, strict=False):
        if s.points:
            xs, ys = [p[0] for p in s.points], [p[2] for p in s.points]
            ax.plot(xs, ys, marker="o", color=colour, label=s.label, linewidth=1.6)
        for x, period, y in s.targets:
            ax.axhline(y, color=colour, linestyle="--", linewidth=1)
            ax.plot([x], [y], marker="*", markersize=10, color=colour, linestyle="none")
            ax.annotate(f"Zielwert {period}", (x, y), textcoords="offset points", xytext=(4, 4), fontsize=8)
    xs_all = [p[0] for s in entry.series for p in [*s.points, *s.targets]]
    if xs_all:
        ax.set_xlim(min(xs_all) - 1, max(xs_all) + 1)
    ax.set_ylabel(entry.unit or "Wert")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    if any(s.points for s in entry.series):
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), fontsize=7, frameon=False)
    ax.set_title(f"{entry.key} {entry.name[:70]}", fontsize=9, loc="left")
    return fig


def _memo(kind: str, entry: IndicatorEntry, draw: object) -> str | bytes:
    key = (kind, repr((entry.key, entry.name, entry.unit, entry.series)))
    with _LOCK:
        if key in _MEMO:
            _MEMO.move_to_end(key)
            return _MEMO[key]
        with mpl.rc_context(_STYLE):  # type: ignore[arg-type]
            value: str | bytes = draw(entry)  # type: ignore[operator]
        _MEMO[key] = value
        while len(_MEMO) > MAX_CHARTS:
            _MEMO.popitem(last=False)
        return value


def _svg(entry: IndicatorEntry) -> str:
    buf = io.StringIO()
    _figure(entry).savefig(buf, format="svg", metadata={"Date": None, "Creator": None, "Title": entry.name})
    text = buf.getvalue()
    return text[text.index("<svg") :]


def _png(entry: IndicatorEntry) -> bytes:
    buf = io.BytesIO()
    _figure(entry).savefig(buf, format="png", dpi=120, metadata={"Software": None})
    return buf.getvalue()


def svg(entry: IndicatorEntry) -> str:
    """The chart as an SVG document (text kept as text, so it can be read and searched)."""
    return str(_memo("svg", entry, _svg))


def png(entry: IndicatorEntry) -> bytes:
    """The chart as PNG (for Word), 120 dpi."""
    value = _memo("png", entry, _png)
    assert isinstance(value, bytes)
    return value
