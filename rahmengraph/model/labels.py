"""The bilingual label catalogue: every German text a reader sees, with its English twin.

One table, key → (German, English), read by the CLI's text reports, the web pages and the
downloads alike. Keys are grouped by a prefix: ``kind.<kind>`` (plural names of the entity kinds,
from :mod:`rahmengraph.model.kinds`), ``summary.<key>`` (headline numbers of the analyses),
``analysis.<name>.title|help``, ``filter.<name>`` and the interface texts (``nav.…``,
``start.…``, ``fragen.…`` …). The texts are kept by concept: the site's pages in
:mod:`~rahmengraph.model.page_texts`, editions and changes in :mod:`~rahmengraph.model.edition_texts`,
the report in :mod:`~rahmengraph.model.report_texts`, what each headline number means in
:mod:`~rahmengraph.model.summary_texts`, the analyses in :mod:`~rahmengraph.model.analysis_texts`,
participation in :mod:`~rahmengraph.model.participation_texts`; this module joins them into one
catalogue.
"""

from __future__ import annotations

from typing import Final

from rahmengraph.model.analysis_texts import ANALYSES, ANALYSIS_PAGE_TEXTS, FILTERS, SUMMARY
from rahmengraph.model.edition_texts import EDITION_TEXTS
from rahmengraph.model.kinds import KINDS
from rahmengraph.model.page_texts import PAGE_TEXTS
from rahmengraph.model.participation_texts import PARTICIPATION_TEXTS
from rahmengraph.model.report_texts import REPORT_TEXTS
from rahmengraph.model.summary_texts import SUMMARY_HELP

#: Languages of the interface, the first one is the default.
LANGS: Final = ("de", "en")

#: Key → (German, English).
LABELS: Final[dict[str, tuple[str, str]]] = {
    **{f"kind.{k.key}": (k.plural_de, k.plural_en) for k in KINDS.values()},
    # after the kinds: a page's own wording wins ("Akteure und Ressorts")
    **PAGE_TEXTS,
    **EDITION_TEXTS,
    **REPORT_TEXTS,
    **ANALYSIS_PAGE_TEXTS,
    **PARTICIPATION_TEXTS,
    "kind.ontology": ("Ontologie", "Ontology"),
    **{f"summary.{k}": pair for k, pair in SUMMARY.items()},
    **{f"summary_help.{k}": pair for k, pair in SUMMARY_HELP.items()},
    **{f"analysis.{k}": pair for k, pair in ANALYSES.items()},
    **{f"filter.{k}": pair for k, pair in FILTERS.items()},
}


def lang_of(value: str | None) -> str:
    """The interface language for a ``lang`` value (German unless ``en``)."""
    return value if value in LANGS else LANGS[0]


def label(key: str, lang: str = "de") -> str:
    """The text of ``key`` in ``lang``; an unknown key is a programming error (KeyError)."""
    de, en = LABELS[key]
    return en if lang == "en" else de


def label_or(key: str, fallback: str, lang: str = "de") -> str:
    """The text of ``key`` in ``lang``, or ``fallback`` when the catalogue has no such key."""
    return label(key, lang) if key in LABELS else fallback


def summary_label(key: str, lang: str = "de") -> str:
    """Label of an analysis' summary number; unknown keys are shown as they are."""
    return label_or(f"summary.{key}", key, lang)


def summary_help(key: str, lang: str = "de") -> str:
    """One sentence: what an analysis' summary number counts and why it matters ("" if none)."""
    return label_or(f"summary_help.{key}", "", lang)
