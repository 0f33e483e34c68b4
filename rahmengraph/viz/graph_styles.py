"""Look of the graph pages as data: colour, shape and German name per node kind and edge relation.

Colours are the Okabe–Ito palette (distinguishable with colour-vision deficiencies); every colour
used for text or a border on white reaches at least 3:1 (WCAG 2.1 AA for graphics), label text is
near-black on white (≥ 4.5:1). Shapes differ per kind so colour is never the only cue. Prominent
kinds (goals, fields, Ressorts, levels) carry short canvas labels sized for a projector; the rest
show on zoom or hover.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from rahmengraph.model.kinds import KINDS as ENTITY_KINDS


@dataclass(frozen=True)
class KindStyle:
    label: str  # German, singular
    plural: str  # German, for the legend and the filter boxes
    color: str
    shape: str  # vis-network shape
    column: int  # position in the layered layout (left to right)
    caption: str  # canvas label: "key", "label" or "key label" (truncated; full text in details)
    prominent: bool  # label readable (≥ 14 px) at the default zoom; others show on zoom and hover


def _style(kind: str, color: str, shape: str, column: int, caption: str, prominent: bool) -> KindStyle:
    k = ENTITY_KINDS[kind]
    return KindStyle(k.singular_de, k.plural_de, color, shape, column, caption, prominent)


#: Node kind (as in the projection's ``kind`` attribute) → style; names from the model's kinds table.
KINDS: Final[dict[str, KindStyle]] = {
    "framework": _style("framework", "#000000", "star", 0, "label", True),
    "goal": _style("goal", "#8a5a00", "triangle", 1, "label", True),
    "field": _style("field", "#b35900", "box", 2, "key label", True),
    "target_group": _style("target_group", "#0066a1", "dot", 3, "label", False),
    "measure": _style("measure", "#007a5a", "dot", 4, "label", False),
    "indicator": _style("indicator", "#6b6b6b", "triangleDown", 5, "key", False),
    "actor": _style("actor", "#b8006b", "diamond", 6, "key", True),
    "body": _style("body", "#5a3d99", "hexagon", 7, "key", True),
    "initiative": _style("initiative", "#4d4d4d", "square", 8, "label", False),
    "level": _style("level", "#a3000b", "ellipse", 9, "label", True),
}

#: Fallback for a kind the projection adds later.
OTHER: Final = KindStyle("Sonstiges", "Sonstiges", "#555555", "dot", 10, "label", False)


@dataclass(frozen=True)
class EdgeStyle:
    label: str  # German, for the legend and the table twin
    color: str
    dashes: bool
    width: float
    arrows: bool


#: Edge relation (the projection's ``rel``, plus the views' own) → style.
RELS: Final[dict[str, EdgeStyle]] = {
    "lead": EdgeStyle("federführend", "#b8006b", False, 3.0, True),
    "partner": EdgeStyle("beteiligt", "#b8006b", True, 1.5, True),
    "field": EdgeStyle("gehört zu Handlungsfeld", "#b35900", False, 1.0, False),
    "targets": EdgeStyle("richtet sich an", "#0066a1", False, 1.0, True),
    "level": EdgeStyle("auf Ebene", "#a3000b", False, 1.0, False),
    "broader": EdgeStyle("Oberbegriff", "#0066a1", True, 1.0, True),
    "intersection_of": EdgeStyle("Schnitt aus", "#0066a1", True, 1.0, True),
    "successor": EdgeStyle("Nachfolger", "#555555", True, 1.0, True),
    "member": EdgeStyle("Mitglied", "#5a3d99", False, 1.0, False),
    "measures": EdgeStyle("misst", "#6b6b6b", False, 1.0, True),
    "depends_on": EdgeStyle("baut auf", "#000000", False, 2.0, True),
    "indicator_field": EdgeStyle("Indikator für Feld", "#6b6b6b", False, 1.0, False),
    "goal": EdgeStyle("dient Ziel", "#8a5a00", False, 1.0, False),
    "collab": EdgeStyle("gemeinsame Maßnahmen", "#b8006b", False, 1.0, False),
    "gap": EdgeStyle("Lücke (nicht belegt)", "#a3000b", True, 2.0, False),
}

OTHER_REL: Final = EdgeStyle("Beziehung", "#555555", False, 1.0, False)

#: Highlight marks a view can set on a node (mark → (German legend text, border colour)).
MARKS: Final[dict[str, tuple[str, str]]] = {
    "gap": ("Lücke: nicht abgedeckt", "#a3000b"),
    "hub": ("Knotenpunkt (viele Abhängigkeiten)", "#000000"),
    "spof": ("Einzelner Ausfallpunkt", "#a3000b"),
}


def node_size(degree: int) -> float:
    """Node radius in canvas units: grows with the square root of the degree, capped for hubs."""
    return round(min(48.0, 10.0 + 4.0 * math.sqrt(degree)), 1)


def kind_style(kind: str) -> KindStyle:
    return KINDS.get(kind, OTHER)


def rel_style(rel: str) -> EdgeStyle:
    return RELS.get(rel, OTHER_REL)
