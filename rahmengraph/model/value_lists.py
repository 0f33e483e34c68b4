"""Value lists: the controlled values of the tabular source, each as one table.

Every table maps a German cell value (``Senatsressort``, ``federfuehrend``, ``laufend`` …) to its
ontology term and its German and English label, so the loader, the exporter, the queries and the
API share one table instead of branching. The ontology declares the same terms as SKOS concepts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from rahmengraph.model.namespaces import rg


@dataclass(frozen=True)
class Term:
    """A controlled value: its cell spelling in the tabular source and its ontology IRI."""

    cell: str
    iri: str
    label_de: str
    label_en: str


def _table(*terms: Term) -> dict[str, Term]:
    return {t.cell: t for t in terms}


#: ``akteure.typ`` → actor subclass (all subclasses of rg:Actor ⊑ org:Organization, prov:Agent).
ACTOR_TYPES: Final = _table(
    Term("Senatsressort", rg("Department"), "Ressort", "Government department"),
    Term("Senat", rg("Government"), "Landesregierung", "State government"),
    Term("Parlament", rg("Parliament"), "Parlament oder Deputation", "Parliament or committee"),
    Term("Kommune", rg("Municipality"), "Kommune", "Municipality"),
    Term("Behörde", rg("Authority"), "Behörde", "Public authority"),
    Term("Beauftragte", rg("Commissioner"), "Beauftragte", "Commissioner"),
    Term("Beirat/Gremium", rg("Council"), "Beirat oder Gremium", "Advisory council or board"),
    Term("Bundesbehörde", rg("FederalAuthority"), "Bundesbehörde", "Federal authority"),
    Term("Kammer", rg("Chamber"), "Kammer", "Chamber"),
    Term("Träger/Verein", rg("Association"), "Träger oder Verein", "Provider or association"),
    Term("Religionsgemeinschaft", rg("ReligiousCommunity"), "Religionsgemeinschaft", "Religious community"),
    Term("Sonstige", rg("OtherActor"), "Sonstiger Akteur", "Other actor"),
)

#: Roles in a responsibility (``massnahmen.federfuehrend`` / ``beteiligt``; ``zustaendigkeiten.rolle``).
ROLES: Final = _table(
    Term("federfuehrend", rg("lead"), "federführend", "lead"),
    Term("beteiligt", rg("partner"), "beteiligt", "partner"),
)
LEAD = ROLES["federfuehrend"].iri
PARTNER = ROLES["beteiligt"].iri

#: ``massnahmen.beleg`` → evidence level.
EVIDENCE: Final = _table(
    Term(
        "rahmenkonzept",
        rg("evidenceFramework"),
        "im Rahmenkonzept genannt",
        "named in the framework text",
    ),
    Term(
        "kontext",
        rg("evidenceContext"),
        "Kontextrecherche (Nennung im Rahmenkonzept nicht bestätigt)",
        "context research (not confirmed in the framework text)",
    ),
)

#: First word of ``massnahmen.sicherheit`` → certainty level.
CERTAINTY: Final = _table(
    Term("hoch", rg("certaintyHigh"), "hoch", "high"),
    Term("mittel", rg("certaintyMedium"), "mittel", "medium"),
    Term("niedrig", rg("certaintyLow"), "niedrig", "low"),
)

#: How the levels of a responsibility are known.
LEVEL_BASES: Final = _table(
    Term(
        "belegt",
        rg("levelStated"),
        "Ebene belegt",
        "level stated by the source",
    ),
    Term(
        "abgeleitet",
        rg("levelDerived"),
        "Ebene abgeleitet (aus Ebenen der Maßnahme und des Akteurs)",
        "level derived (from the measure's and the actor's levels)",
    ),
)

#: ``zielgruppen.dimension`` → diversity dimension (SKOS concepts of the ontology).
DIMENSIONS: Final = _table(
    Term("Herkunft/Migration", rg("dimOrigin"), "Herkunft/Migration", "Origin/migration"),
    Term("Aufenthaltsstatus", rg("dimResidence"), "Aufenthaltsstatus", "Residence status"),
    Term("Geschlecht", rg("dimGender"), "Geschlecht", "Gender"),
    Term("Alter", rg("dimAge"), "Alter", "Age"),
    Term("Behinderung", rg("dimDisability"), "Behinderung", "Disability"),
    Term("Religion", rg("dimReligion"), "Religion", "Religion"),
    Term(
        "sexuelle/geschlechtliche Identität",
        rg("dimSexualIdentity"),
        "sexuelle/geschlechtliche Identität",
        "Sexual orientation/gender identity",
    ),
    Term("soziale Lage", rg("dimSocial"), "soziale Lage", "Social situation"),
    Term("Sprache", rg("dimLanguage"), "Sprache", "Language"),
    Term("Familie", rg("dimFamily"), "Familie", "Family"),
    Term("Sonstige", rg("dimOther"), "Sonstige", "Other"),
)

#: ``vorhaben.typ`` → initiative subclass.
INITIATIVE_TYPES: Final = _table(
    Term("Gesetz", rg("Law"), "Gesetzesvorhaben", "Planned law"),
    Term("Bericht", rg("Report"), "Bericht", "Report"),
    Term("Konzept", rg("Concept"), "Konzept", "Strategy or concept"),
    Term("Sonstiges", rg("OtherInitiative"), "Sonstiges Vorhaben", "Other initiative"),
)

#: Leading word of ``gremien.typ`` (free text) → body subclass; the text itself is kept as rg:bodyType.
BODY_TYPES: Final = _table(
    Term("Steuerungsgremium", rg("SteeringBody"), "Steuerungsgremium", "Steering body"),
    Term("Arbeitsgremium", rg("WorkingGroup"), "Arbeitsgremium", "Working group"),
    Term("Beteiligungsformat", rg("ParticipationFormat"), "Beteiligungsformat", "Participation format"),
    Term("Berichtswesen", rg("ReportingFormat"), "Berichtswesen", "Reporting format"),
    Term("Beirat", rg("AdvisoryCouncil"), "Beirat", "Advisory council"),
    Term("Kommission", rg("Commission"), "Kommission", "Commission"),
    Term("Deputation", rg("ParliamentaryCommittee"), "Deputation", "Parliamentary committee"),
    Term("Netzwerk", rg("Network"), "Netzwerk", "Network"),
)

#: Level kinds (``ebenen.typ``), so analyses can tell Land from municipal levels in any framework.
LEVEL_KINDS: Final = _table(
    Term("Land", rg("levelKindState"), "Landesebene", "State level"),
    Term("Kommune", rg("levelKindMunicipal"), "kommunale Ebene", "Municipal level"),
    Term("Bund", rg("levelKindFederal"), "Bundesebene", "Federal level"),
    Term("EU", rg("levelKindEU"), "EU-Ebene", "EU level"),
)

#: Implementation status of a measure at a reporting date (``status.csv``, ``status_zuordnung.csv``).
IMPLEMENTATION_STATUSES: Final = _table(
    Term("geplant", rg("statusPlanned"), "geplant", "planned"),
    Term("in Vorbereitung", rg("statusPreparing"), "in Vorbereitung", "in preparation"),
    Term("laufend", rg("statusOngoing"), "laufend", "ongoing"),
    Term("dauerhaft verankert", rg("statusPermanent"), "dauerhaft verankert", "permanently established"),
    Term("abgeschlossen", rg("statusCompleted"), "abgeschlossen", "completed"),
    Term("eingestellt", rg("statusDiscontinued"), "eingestellt", "discontinued"),
    Term("unbekannt", rg("statusUnknown"), "unbekannt", "unknown"),
)
#: The status that needs a reason (and, where there is one, a successor measure).
DISCONTINUED: Final = "eingestellt"
UNKNOWN_STATUS: Final = "unbekannt"

#: ``indikatoren.richtung``: which way is better.
DIRECTIONS: Final = _table(
    Term("höher ist besser", rg("higherIsBetter"), "höher ist besser", "higher is better"),
    Term("niedriger ist besser", rg("lowerIsBetter"), "niedriger ist besser", "lower is better"),
    Term("neutral", rg("directionNeutral"), "neutral (beschreibend)", "neutral (descriptive)"),
)

#: ``indikatoren.stufe``: level in the results chain. Kontext = figures the measures do not cause.
RESULTS_LEVELS: Final = _table(
    Term("Output", rg("resultsOutput"), "Output (Leistung der Maßnahme)", "Output"),
    Term("Outcome", rg("resultsOutcome"), "Outcome (Wirkung bei der Zielgruppe)", "Outcome"),
    Term("Wirkung", rg("resultsImpact"), "Wirkung (gesellschaftlicher Impact)", "Impact"),
    Term("Kontext", rg("resultsContext"), "Kontext (Rahmendaten, keine Wirkung von Maßnahmen)", "Context"),
)

#: ``kennzahlen_werte.art``: what kind of value an observation is.
VALUE_KINDS: Final = _table(
    Term("Ausgangswert", rg("valueBaseline"), "Ausgangswert", "baseline"),
    Term("Zielwert", rg("valueTarget"), "Zielwert", "target"),
    Term("Istwert", rg("valueActual"), "Istwert", "actual value"),
)

#: Types of change between two editions (SKOS scheme rg:changeTypes). ``cell`` is the spelling in
#: ``aenderungen.art`` and in filters (the source tables' own words where they have one).
CHANGE_TYPES: Final = _table(
    Term("neu", rg("changeAdded"), "Maßnahme neu", "measure added"),
    Term("eingestellt", rg("changeEnded"), "Maßnahme eingestellt", "measure ended"),
    Term("erweitert", rg("changeExtended"), "Maßnahme erweitert", "measure extended"),
    Term("geändert", rg("changeModified"), "Maßnahme geändert", "measure changed"),
    Term("zusammengeführt", rg("changeMerged"), "Maßnahmen zusammengeführt", "measures merged"),
    Term("aufgeteilt", rg("changeSplit"), "Maßnahme aufgeteilt", "measure split"),
    Term("verschoben", rg("changeMoved"), "in anderes Handlungsfeld verschoben", "moved to another field"),
    Term("Ebene geändert", rg("changeLevel"), "Ebene geändert (Land ↔ Kommune)", "level changed"),
    Term(
        "Zuständigkeit übertragen",
        rg("changeTransfer"),
        "Zuständigkeit übertragen",
        "responsibility transferred",
    ),
    Term("Handlungsfeld neu", rg("changeFieldAdded"), "Handlungsfeld neu", "action field added"),
    Term(
        "Handlungsfeld umbenannt", rg("changeFieldRenamed"), "Handlungsfeld umbenannt", "action field renamed"
    ),
    Term(
        "Handlungsfelder zusammengeführt",
        rg("changeFieldMerged"),
        "Handlungsfelder zusammengeführt",
        "action fields merged",
    ),
    Term(
        "Handlungsfeld entfallen", rg("changeFieldRemoved"), "Handlungsfeld entfallen", "action field removed"
    ),
    Term("Status", rg("changeStatus"), "Umsetzungsstand geändert", "implementation status changed"),
    Term("Rahmenkonzept", rg("changeFramework"), "Rahmenkonzept oder Steuerung", "framework or governance"),
)

#: How a responsibility moved (narrower concepts of rg:changeTransfer).
TRANSFER_KINDS: Final = _table(
    Term("Neuschnitt", rg("transferReorganisation"), "durch Ressortneuschnitt", "by re-organisation"),
    Term("Entscheidung", rg("transferDecision"), "durch eigene Entscheidung", "by own decision"),
)

#: Attributes of a measure whose change a diff names (SKOS scheme rg:changedAttributes).
CHANGED_ATTRIBUTES: Final = _table(
    Term("name", rg("attrName"), "Name", "name"),
    Term("beschreibung", rg("attrDescription"), "Beschreibung", "description"),
    Term("zielgruppen", rg("attrTargetGroups"), "Zielgruppen", "target groups"),
    Term("ebene", rg("attrLevel"), "Ebene", "level"),
    Term("handlungsfelder", rg("attrFields"), "Handlungsfelder", "action fields"),
    Term("federfuehrend", rg("attrLead"), "Federführung", "lead"),
    Term("beteiligt", rg("attrPartners"), "Beteiligte", "partners"),
    Term("status", rg("attrStatus"), "Status", "status"),
    Term("zeitraum", rg("attrPeriod"), "Zeitraum", "period"),
    Term("finanzierung", rg("attrFunding"), "Finanzierung", "funding"),
)
