"""The report's formats as one table: ``html``, ``pdf``, ``docx`` → media type and renderer.

CLI (``rahmengraph bericht``) and web (``/bericht``) both call :func:`render_report`; neither knows
how a format is made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from rahmengraph.errors import ParameterError
from rahmengraph.model.report_content import Bericht


@dataclass(frozen=True)
class ReportFormat:
    media_type: str
    render: Callable[[Bericht, bool, Path | None], bytes]  # (report, vorlage, Word template)


# The renderers import their libraries when first used (WeasyPrint, python-docx, matplotlib: ~1.6 s
# and ~50 MB), not when the server starts: most servers never write a report.


def _html(b: Bericht, vorlage: bool, template: Path | None) -> bytes:
    from rahmengraph.viz.report_html import report_html, vorlage_html

    return (vorlage_html(b) if vorlage else report_html(b)).encode()


def _pdf(b: Bericht, vorlage: bool, template: Path | None) -> bytes:
    from rahmengraph.viz.report_html import report_html, vorlage_html
    from rahmengraph.viz.report_pdf import pdf_bytes

    return pdf_bytes(vorlage_html(b) if vorlage else report_html(b))


def _docx(b: Bericht, vorlage: bool, template: Path | None) -> bytes:
    from rahmengraph.viz.report_docx import docx_bytes

    return docx_bytes(b, template, vorlage)


FORMATS: Final[dict[str, ReportFormat]] = {
    "html": ReportFormat("text/html; charset=utf-8", _html),
    "pdf": ReportFormat("application/pdf", _pdf),
    "docx": ReportFormat("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _docx),
}


def render_report(b: Bericht, fmt: str, vorlage: bool = False, template: Path | None = None) -> bytes:
    """The report (or the Vorlage) in format ``fmt``; an unknown format raises ParameterError."""
    if fmt not in FORMATS:
        raise ParameterError(
            f"Unbekanntes Berichtsformat {fmt!r} (Parameter format); bekannt: {', '.join(FORMATS)}"
        )
    if template is not None and fmt != "docx":
        raise ParameterError("Eine Word-Vorlage (Parameter vorlage-docx) gilt nur für das Format docx")
    return FORMATS[fmt].render(b, vorlage, template)


def file_name(b: Bericht, fmt: str, vorlage: bool = False) -> str:
    """``umsetzungsbericht-2023-2025.pdf`` / ``vorlage-steuerungsrunde-2023-2025.docx``."""
    stem = "vorlage-steuerungsrunde" if vorlage else "umsetzungsbericht"
    return f"{stem}-{b.period_from}-{b.period_to}.{fmt}"
