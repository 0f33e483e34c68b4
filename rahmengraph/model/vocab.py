"""The ontology's classes and properties, and the reused vocabularies' terms the project uses.

Namespaces are in :mod:`rahmengraph.model.namespaces`; the controlled values of the tabular source
(actor types, roles, statuses, change types …) are tables in :mod:`rahmengraph.model.value_lists`.
"""

from __future__ import annotations

from rahmengraph.model.namespaces import DCAT, DCT, ORG, PROV, QB, RDF, RDFS, SKOS, TIME, rg

# --- Classes -----------------------------------------------------------------------------------

FRAMEWORK = rg("Framework")
GOAL = rg("Goal")
ACTION_FIELD = rg("ActionField")
MEASURE = rg("Measure")
RESPONSIBILITY = rg("Responsibility")
EARLIER_LEAD = rg("EarlierLead")
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
LEAD_HISTORY = rg("leadHistory")
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
LEVEL_KIND_CLASS = rg("LevelKind")
PART_OF_KIND = rg("partOfKind")
OWN_LEVEL = rg("ownLevel")
COMPARE_UNITS = rg("compareUnits")
EXPECT_COUNTERPART = rg("expectCounterpart")
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
SUB_GOAL_OF = rg("subGoalOf")
TERM_FRAMEWORK = rg("termFramework")
TERM_UNIT = rg("termUnit")
TERM_UNITS = rg("termUnits")
TERM_RECUT = rg("termRecut")
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
