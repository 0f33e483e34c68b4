"""Look of the graph pages as data: colour, shape and German name per node kind and edge relation.

Colours were chosen so that every pair of the kinds drawn stays apart (CAM02-UCS ΔE ≥ 20) for
normal vision and simulated protanopia, deuteranopia and tritanopia (Machado 2009, full severity;
tested in ``tests/viz/test_graph_palette.py``); each reaches 4.5:1 on white, so white text inside
boxes and ellipses and the colour as a graphic both pass WCAG AA. Shapes differ per kind, so colour
is never the only cue. Every node drawn carries its label, wrapped at ``wrap`` canvas pixels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final

from rahmengraph.model.kinds import KINDS as ENTITY_KINDS

FIELD = "#592400"
MEASURE = "#177360"
GROUP = "#001773"
ACTOR = "#a84dbf"
LEVEL = "#000000"
GAP = "#a3000b"


@dataclass(frozen=True)
class KindStyle:
    label: str  # German, singular
    plural: str  # German, for the legend and the filter boxes
    color: str
    shape: str  # vis-network shape
    column: int  # legend order (left to right in the pictures)
    caption: str  # canvas label: "key", "label" or "key label"
    wrap: int  # widest label line, canvas pixels (longer labels wrap, never cut)
    prominent: bool = False  # whole-graph exports: label large enough to read at the default zoom


def _style(
    kind: str, color: str, shape: str, column: int, caption: str, wrap: int, prominent: bool = False
) -> KindStyle:
    """Style of an entity kind, named as in the model's kinds table."""
    k = ENTITY_KINDS[kind]
    return KindStyle(k.singular_de, k.plural_de, color, shape, column, caption, wrap, prominent)


#: Node kind (as in the projection's ``kind`` attribute, plus the views' aggregates) → style.
KINDS: Final[dict[str, KindStyle]] = {
    "framework": _style("framework", LEVEL, "star", 0, "label", 260, True),
    "goal": _style("goal", FIELD, "triangle", 1, "key label", 260, True),
    "field": _style("field", FIELD, "box", 2, "key label", 330, True),
    "measure": _style("measure", MEASURE, "dot", 3, "label", 330),
    "actor": _style("actor", ACTOR, "diamond", 4, "label", 250, True),
    "actor_group": KindStyle("Akteursgruppe", "weitere Akteure (nach Art)", ACTOR, "square", 5, "label", 250),
    "dimension": KindStyle(
        "Vielfaltsdimension", "Zielgruppen nach Dimension", GROUP, "hexagon", 6, "label", 230
    ),
    "target_group": _style("target_group", GROUP, "dot", 7, "label", 300),
    "level": _style("level", LEVEL, "ellipse", 8, "label", 230, True),
    "indicator": _style("indicator", LEVEL, "triangleDown", 9, "key", 200),
    "body": _style("body", ACTOR, "hexagon", 10, "key", 200, True),
    "initiative": _style("initiative", LEVEL, "square", 11, "label", 200),
}

#: Fallback for a kind the projection adds later.
OTHER: Final = KindStyle("Sonstiges", "Sonstiges", "#555555", "dot", 12, "label", 200)


@dataclass(frozen=True)
class EdgeStyle:
    label: str  # German, for the legend and the table twin
    color: str
    dashes: bool
    width: float
    arrows: bool


#: Edge relation (the projection's ``rel``, plus the views' own) → style.
RELS: Final[dict[str, EdgeStyle]] = {
    "lead": EdgeStyle("federführend", ACTOR, False, 3.0, True),
    "partner": EdgeStyle("beteiligt", ACTOR, True, 1.5, True),
    "former_lead": EdgeStyle("früher federführend", "#555555", True, 1.0, True),
    "field": EdgeStyle("gehört zu Handlungsfeld", FIELD, False, 1.0, False),
    "targets": EdgeStyle("richtet sich an", GROUP, False, 1.0, True),
    "level": EdgeStyle("auf Ebene", LEVEL, False, 1.0, False),
    "broader": EdgeStyle("Oberbegriff", GROUP, True, 1.0, True),
    "intersection_of": EdgeStyle("Schnitt aus", GROUP, True, 1.5, False),
    "successor": EdgeStyle("Nachfolger", "#555555", True, 1.0, True),
    "member": EdgeStyle("Mitglied", ACTOR, False, 1.0, False),
    "measures": EdgeStyle("misst", "#555555", False, 1.0, True),
    "depends_on": EdgeStyle("baut auf", LEVEL, False, 2.0, True),
    "indicator_field": EdgeStyle("Indikator für Feld", "#555555", False, 1.0, False),
    "collab": EdgeStyle("gemeinsame Maßnahmen", ACTOR, False, 1.0, False),
    "reach": EdgeStyle("Maßnahmen für Zielgruppen der Dimension", GROUP, False, 1.0, False),
    "in_field": EdgeStyle("Maßnahmen für die Gruppe im Handlungsfeld", GROUP, False, 1.0, False),
    "gap": EdgeStyle("Lücke: keine Maßnahme", GAP, True, 2.0, False),
    "lead_former": EdgeStyle("früher federführend", "#555555", True, 2.0, True),
}

OTHER_REL: Final = EdgeStyle("Beziehung", "#555555", False, 1.0, False)

#: Highlight marks a view can set on a node (mark → (German legend text, colour, look)): ``border``
#: marks draw the node's border, ``fill`` marks its fill. The four change colours stay ΔE ≥ 20 apart
#: for normal vision and simulated protanopia, deuteranopia and tritanopia (``test_graph_palette``).
MARKS: Final[dict[str, tuple[str, str, str]]] = {
    "gap": ("Lücke: nicht abgedeckt", GAP, "border"),
    "hub": ("Knotenpunkt (viele Verbindungen)", LEVEL, "border"),
    "spof": ("Einzelner Ausfallpunkt", GAP, "border"),
    "neu": ("neu", "#5599aa", "fill"),
    "geaendert": ("geändert", "#aa8800", "fill"),
    "uebertragen": ("Federführung übertragen", "#7711dd", "fill"),
    "eingestellt": ("eingestellt oder aufgegangen", "#aa1155", "fill"),
}


def node_size(degree: int) -> float:
    """Node radius in canvas units: grows with the square root of the degree, capped for hubs."""
    return round(min(48.0, 10.0 + 4.0 * math.sqrt(degree)), 1)


def kind_style(kind: str) -> KindStyle:
    return KINDS.get(kind, OTHER)


def rel_style(rel: str) -> EdgeStyle:
    return RELS.get(rel, OTHER_REL)
