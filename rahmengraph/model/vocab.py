"""Namespaces and controlled vocabularies: the one place where IRIs are spelled.

Everything that maps a value of the tabular source (a German cell value such as
``Senatsressort`` or ``federfuehrend``) to an ontology term lives here as data, so the
loader, the exporter, the queries and the API share one table instead of branching.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

#: Root of every IRI the project mints.
ROOT: Final = "https://w3id.org/rahmengraph/"
#: The ontology namespace (classes, properties, individuals of controlled vocabularies).
RG: Final = ROOT + "ontology#"
#: The ontology document itself (``owl:Ontology`` subject and named graph of the ontology).
ONTOLOGY_IRI: Final = ROOT + "ontology"
#: Version of the ontology and the IRI of that version (``owl:versionIRI``; served like the ontology).
ONTOLOGY_VERSION: Final = "0.1.0"
ONTOLOGY_VERSION_IRI: Final = f"{ONTOLOGY_IRI}/{ONTOLOGY_VERSION}"
#: Namespace of the SHACL shapes, and the shapes document (``shapes.ttl``, served at ``/shapes``).
SHAPES: Final = ROOT + "shapes#"
SHAPES_IRI: Final = ROOT + "shapes"
#: Default data base of the Bremen dataset (every dataset declares its own in ``rahmen.csv``).
BREMEN_BASE: Final = ROOT + "bremen/"

RDF: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS: Final = "http://www.w3.org/2000/01/rdf-schema#"
OWL: Final = "http://www.w3.org/2002/07/owl#"
XSD: Final = "http://www.w3.org/2001/XMLSchema#"
SKOS: Final = "http://www.w3.org/2004/02/skos/core#"
DCT: Final = "http://purl.org/dc/terms/"
PROV: Final = "http://www.w3.org/ns/prov#"
ORG: Final = "http://www.w3.org/ns/org#"
TIME: Final = "http://www.w3.org/2006/time#"
FOAF: Final = "http://xmlns.com/foaf/0.1/"
DCAT: Final = "http://www.w3.org/ns/dcat#"
SH: Final = "http://www.w3.org/ns/shacl#"
SD: Final = "http://www.w3.org/ns/sparql-service-description#"
QB: Final = "http://purl.org/linked-data/cube#"
#: W3C unique URIs for file formats (SPARQL service descriptions name result formats with them).
FORMATS: Final = "http://www.w3.org/ns/formats/"

#: Prefixes declared for every query (named questions, SPARQL editor, CLI) and for Turtle output.
PREFIXES: Final[dict[str, str]] = {
    "rg": RG,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "dcterms": DCT,
    "prov": PROV,
    "org": ORG,
    "time": TIME,
    "foaf": FOAF,
    "dcat": DCAT,
    "qb": QB,
}


def sparql_prologue() -> str:
    """PREFIX lines for every namespace in :data:`PREFIXES`."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def rg(local: str) -> str:
    """Full IRI of an ontology term."""
    return RG + local


# --- Classes -----------------------------------------------------------------------------------

FRAMEWORK = rg("Framework")
GOAL = rg("Goal")
ACTION_FIELD = rg("ActionField")
MEASURE = rg("Measure")
RESPONSIBILITY = rg("Responsibility")
ROLE = rg("Role")
ACTOR = rg("Actor")
LEVEL = rg("Level")
TARGET_GROUP = rg("TargetGroup")
INTERSECTIONAL_GROUP = rg("IntersectionalGroup")
DIMENSION = rg("DiversityDimension")
BODY = rg("GovernanceBody")
INDICATOR = rg("Indicator")
EVENT = rg("Event")
INITIATIVE = rg("Initiative")
SOURCE = rg("Source")
EVIDENCE_LEVEL = rg("EvidenceLevel")
CERTAINTY_LEVEL = rg("CertaintyLevel")
LEVEL_BASIS = rg("LevelBasis")
STATUS_RECORD = rg("StatusRecord")
STATUS_WORDING = rg("StatusWording")
IMPLEMENTATION_STATUS_CLASS = rg("ImplementationStatus")
OBSERVATION = QB + "Observation"
QB_DATASET = QB + "DataSet"
STAT_AREA = rg("StatisticalArea")
#: The Data Cube structure of every dataset's indicator values (declared in the ontology).
INDICATOR_STRUCTURE = rg("indicatorStructure")

# Concept schemes of the ontology's controlled vocabularies.


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

# --- Properties ---------------------------------------------------------------------------------

# Identity and text (reused vocabularies).
LABEL = RDFS + "label"
COMMENT = RDFS + "comment"
TYPE = RDF + "type"
NOTATION = SKOS + "notation"
PREF_LABEL = SKOS + "prefLabel"
NOTE = SKOS + "note"
BROADER = SKOS + "broader"
IN_SCHEME = SKOS + "inScheme"
CONCEPT_SCHEME = SKOS + "ConceptScheme"
TOP_CONCEPT_OF = SKOS + "topConceptOf"
DESCRIPTION = DCT + "description"
TITLE = DCT + "title"
ISSUED = DCT + "issued"
DCT_SOURCE = DCT + "source"
HAS_MEMBER = ORG + "hasMember"
QUALIFIED_ASSOCIATION = PROV + "qualifiedAssociation"
PROV_AGENT = PROV + "agent"
HAD_ROLE = PROV + "hadRole"
IN_XSD_DATE = TIME + "inXSDDate"
IN_XSD_GYEAR_MONTH = TIME + "inXSDgYearMonth"
IN_XSD_GYEAR = TIME + "inXSDgYear"
CHANGE_EVENT = ORG + "ChangeEvent"
ORIGINAL_ORG = ORG + "originalOrganization"
RESULTING_ORG = ORG + "resultingOrganization"

# Own properties (rg:).
IN_FRAMEWORK = rg("inFramework")
EDITION = rg("edition")
ADOPTED_BY = rg("adoptedBy")
STATUS_NOTE = rg("statusNote")
CHAPTER = rg("chapter")
SHORT_TITLE = rg("shortTitle")
SLIDE_TITLE = rg("slideTitle")
PAGE = rg("page")
SUBSECTION = rg("subsection")
FIELD = rg("field")
PRIMARY_FIELD = rg("primaryField")
LEVEL_P = rg("level")
TARGET_GROUP_P = rg("targetGroup")
PERIOD = rg("period")
STATUS = rg("status")
FUNDING = rg("funding")
EVIDENCE_P = rg("evidence")
CERTAINTY_P = rg("certainty")
CERTAINTY_REASON = rg("certaintyReason")
DEPENDS_ON = rg("dependsOn")
LED_BY = rg("ledBy")
PARTNER_P = rg("hasPartner")
RESPONSIBILITY_OF = rg("responsibilityOf")
LEVEL_BASIS_P = rg("levelBasis")
POSITION = rg("position")
VALID_FROM = rg("validFrom")
VALID_UNTIL = rg("validUntil")
SUCCESSOR = rg("successor")
PREDECESSOR = rg("predecessor")
DIMENSION_P = rg("dimension")
INTERSECTION_OF = rg("intersectionOf")
BODY_TYPE = rg("bodyType")
RHYTHM = rg("rhythm")
SINCE = rg("since")
ACTS_AS = rg("actsAs")
AREA = rg("area")
MEASURES_P = rg("measures")
CONCERNS = rg("concerns")
PLANNED = rg("planned")
PRIMARY_SOURCE = rg("primarySource")
SOURCE_NOTE = rg("sourceNote")
LEVEL_KIND = rg("levelKind")
IMPLEMENTATION_STATUS = rg("implementationStatus")
STATUS_OF = rg("statusOf")
STATUS_WORDING_P = rg("statusWording")
REPORTING_DATE = rg("reportingDate")
STATUS_REASON = rg("statusReason")
SUCCESSOR_MEASURE = rg("successorMeasure")
UNIT = rg("unit")
DIRECTION = rg("direction")
RESULTS_LEVEL = rg("resultsLevel")
GOAL_P = rg("goal")
REALISED_BY = rg("realisedBy")
QB_DATASET_P = QB + "dataSet"
QB_STRUCTURE = QB + "structure"
OBS_INDICATOR = rg("indicator")
REF_PERIOD = rg("refPeriod")
REF_AREA = rg("refArea")
POPULATION_GROUP = rg("populationGroup")
OBS_VALUE = rg("obsValue")
VALUE_KIND = rg("valueKind")
PERIOD_END = rg("periodEnd")
GERMAN = "de"

# --- Editions and changes (see rahmengraph/model/editions.py, diff.py) ---------------------------

EDITION_CLASS = rg("Edition")
CHANGE_CLASS = rg("Change")
CHANGE_TYPE_CLASS = rg("ChangeType")
CHANGED_ATTRIBUTE_CLASS = rg("ChangedAttribute")
CHANGE_TYPE_SCHEME = rg("changeTypes")
CHANGED_ATTRIBUTE_SCHEME = rg("changedAttributes")
DCAT_VERSION = DCAT + "version"
DCAT_PREVIOUS_VERSION = DCAT + "previousVersion"
DCAT_HAS_VERSION = DCAT + "hasVersion"
DCAT_HAS_CURRENT_VERSION = DCAT + "hasCurrentVersion"
DCT_IS_VERSION_OF = DCT + "isVersionOf"
DCT_DATE = DCT + "date"
DCT_IS_REPLACED_BY = DCT + "isReplacedBy"
WAS_REVISION_OF = PROV + "wasRevisionOf"
WAS_ASSOCIATED_WITH = PROV + "wasAssociatedWith"
PROV_USED = PROV + "used"
PROV_GENERATED = PROV + "generated"
DECIDED_BY = rg("decidedBy")
EDITION_GRAPH = rg("graph")
CHANGE_TYPE = rg("changeType")
CHANGED_ATTRIBUTE = rg("changedAttribute")
CHANGED_ENTITY = rg("changedEntity")
CHANGE_SUBJECT = rg("changeSubject")
REASON = rg("reason")
FROM_VALUE = rg("fromValue")
TO_VALUE = rg("toValue")
COMPUTED = rg("computed")
DOCUMENTED = rg("documented")
REPLACES = rg("replaces")

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
