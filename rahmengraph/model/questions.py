"""Named questions: the planners' recurring questions as SPARQL files with typed parameters.

Each ``model/queries/<name>.rq`` starts with comment lines::

    # title: Maßnahmen eines Handlungsfelds
    # description: Alle Maßnahmen eines Handlungsfelds mit Federführung und Ebenen.
    # param: field | field | required | Handlungsfeld (Nummer, z. B. 3.1)

    # column: massnahmeId | Maßnahme | measure

A parameter is ``name | type | required/optional | help``; a column is ``variable | German
heading`` and, when its cells are ids of an entity kind, ``| kind`` (the pages link them).
Entity parameters (``field``,
``actor``, ``level``, ``target_group``, ``measure``) take the id as in the tables (``3.1``,
``SJIS``, ``Land``, ``gefluechtete``, ``M-3.2-01``) or a full IRI, and are bound with a
``VALUES`` clause at the top of the query's WHERE block, so the SPARQL shown to the user is the
SPARQL that ran. Unset optional parameters leave their variable unbound (no filter).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Final

import pyoxigraph as ox
from pydantic import ValidationError

from rahmengraph.errors import NotFound, ParameterError
from rahmengraph.model import asof, framework_split, frameworks, value_lists, vocab
from rahmengraph.model.graph_view import GraphView, current_graphs
from rahmengraph.model.kinds import KINDS
from rahmengraph.model.loading import cells
from rahmengraph.model.ordering import natural_key
from rahmengraph.model.state_cache import once_per_state
from rahmengraph.model.store import GraphStore, Table, Term, text


@dataclass(frozen=True)
class ParamType:
    name: str
    cls: str | None  # class of the entity, None for literal parameters
    label: str
    help: str


def _entity_param(kind: str) -> ParamType:
    k = KINDS[kind]
    return ParamType(kind, k.cls, k.singular_de, k.id_help)


PARAM_TYPES: Final[dict[str, ParamType]] = {
    t.name: t
    for t in (
        *(_entity_param(k) for k in ("field", "actor", "level", "target_group", "measure", "goal")),
        ParamType("role", vocab.ROLE, "Rolle", "federfuehrend oder beteiligt"),
        ParamType("evidence", vocab.EVIDENCE_LEVEL, "Beleg", "rahmenkonzept oder kontext"),
        ParamType("text", None, "Text", "Freitext"),
        ParamType("date", None, "Datum", "JJJJ-MM-TT"),
    )
}

#: Parameter that a ``stand`` fills when the caller leaves it empty (questions about a day).
STICHTAG: Final = "stichtag"

#: Controlled parameter values that are cells of a vocab table rather than dataset ids.
_VOCAB_PARAMS: Final = {"role": value_lists.ROLES, "evidence": value_lists.EVIDENCE}


@dataclass(frozen=True)
class Param:
    name: str
    type: ParamType
    required: bool
    help: str


@dataclass(frozen=True)
class Column:
    """How an answer column reads: its German heading and the entity kind of its ids (if any)."""

    variable: str
    heading: str
    kind: str | None = None


@dataclass(frozen=True)
class Question:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    sparql: str
    columns: tuple[Column, ...] = ()
    #: Variable of the entity each row rests on (``# anchor:``): lets a store with several
    #: frameworks answer with one query (:mod:`rahmengraph.model.framework_split`).
    anchor: str | None = None

    @property
    def compares(self) -> bool:
        """Does the question compare frameworks (it has the framework column ``rahmen`` itself)?
        Then it runs over all frameworks at once instead of once per framework."""
        return any(c.variable == frameworks.PARAM for c in self.columns)

    def column(self, variable: str) -> Column:
        """The declared column of ``variable`` (its own name as heading when undeclared)."""
        if variable == frameworks.PARAM and all(c.variable != variable for c in self.columns):
            return Column(variable, "Rahmenkonzept", "framework")  # the column of answers over several
        return next((c for c in self.columns if c.variable == variable), Column(variable, variable))


_HEADER = re.compile(r"^#\s*(title|description|param|column|anchor):\s*(.*)$")
#: ``ORDER BY`` of plain ascending variables only: such answers are re-sorted naturally.
_PLAIN_ORDER = re.compile(r"\bORDER\s+BY((?:\s+\?\w+)+)\s*(?:LIMIT\b|OFFSET\b|$)", re.IGNORECASE)


def parse_question(name: str, text: str) -> Question:
    meta: dict[str, str] = {}
    params: list[Param] = []
    columns: list[Column] = []
    for line in text.splitlines():
        m = _HEADER.match(line)
        if not m:
            continue
        key, value = m.groups()
        if key == "param":
            pname, ptype, req, phelp = (x.strip() for x in value.split("|", 3))
            params.append(Param(pname, PARAM_TYPES[ptype], req == "required", phelp))
        elif key == "column":
            var, heading, *kind = (x.strip() for x in value.split("|", 2))
            if kind and kind[0] not in KINDS:
                raise ValueError(f"Frage {name}: Spalte {var}: unbekannte Art {kind[0]!r}")
            columns.append(Column(var, heading, kind[0] if kind else None))
        else:
            meta[key] = (meta.get(key, "") + " " + value.strip()).strip()
    return Question(
        name,
        meta.get("title", name),
        meta.get("description", ""),
        tuple(params),
        text,
        tuple(columns),
        meta.get("anchor") or None,
    )


@cache
def questions() -> dict[str, Question]:
    """All named questions, by name (read once from the package)."""
    root = resources.files("rahmengraph.model.queries")
    found = {}
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name.removesuffix(".rq")
            found[name] = parse_question(name, entry.read_text(encoding="utf-8"))
    return found


def question(name: str) -> Question:
    qs = questions()
    if name not in qs:
        raise NotFound(f"Unbekannte Frage {name!r}; bekannt: {', '.join(qs)}")
    return qs[name]


def resolve(store: GraphStore, param: Param, value: str) -> list[ox.NamedNode | ox.Literal]:
    """Terms for a parameter value: entity ids → IRIs (all datasets), text → literal."""
    ptype = param.type
    if ptype.name == "date":
        try:
            cells.DATE.validate_python(value)
        except ValidationError as exc:
            raise ParameterError(f"Parameter {param.name}: {value!r} – {cells.message(exc)}") from exc
    if ptype.cls is None:
        return [ox.Literal(value)]
    if ptype.name in _VOCAB_PARAMS:
        table = _VOCAB_PARAMS[ptype.name]
        if value not in table:
            raise ParameterError(
                f"Parameter {param.name}: {value!r} ist keine {ptype.label}; erlaubt: {', '.join(table)}"
            )
        return [ox.NamedNode(table[value].iri)]
    if value.startswith(("http://", "https://")):
        return [ox.NamedNode(value)]
    lit, de = ox.Literal(value), ox.Literal(value, language="de")
    found = store.select(
        f"SELECT DISTINCT ?e WHERE {{ ?e a {ox.NamedNode(ptype.cls)} . "
        f"{{ ?e <{vocab.NOTATION}> {lit} }} UNION {{ ?e <{vocab.PREF_LABEL}> {de} }} }}"
    )
    iris = [row[0] for row in found if isinstance(row[0], ox.NamedNode)]
    if not iris:
        raise ParameterError(f"Parameter {param.name}: {ptype.label} {value!r} gibt es nicht ({ptype.help})")
    return sorted(iris, key=lambda n: n.value)


def bind(store: GraphStore, q: Question, values: dict[str, str]) -> str:
    """The question's SPARQL with the given parameter values bound by VALUES clauses."""
    ParameterError.check_known(values, [p.name for p in q.params], f"Frage {q.name}")
    clauses = []
    for p in q.params:
        value = (values.get(p.name) or "").strip()
        if not value:
            if p.required:
                raise ParameterError(f"Frage {q.name}: Parameter {p.name} fehlt ({p.type.label}: {p.help})")
            continue
        terms = " ".join(str(t) for t in resolve(store, p, value))
        clauses.append(f"  VALUES ?{p.name} {{ {terms} }}\n")
    body = "\n".join(line for line in q.sparql.splitlines() if not _HEADER.match(line))
    if not clauses:
        return body.strip() + "\n"
    head, sep, tail = body.partition("WHERE {")
    if not sep:
        raise ParameterError(f"Frage {q.name}: Abfrage ohne 'WHERE {{' kann keine Parameter binden")
    return (head + sep + "\n" + "".join(clauses) + tail).strip() + "\n"


def run(
    store: GraphStore, name: str, values: dict[str, str], stand: str | None = None, rahmen: str | None = None
) -> tuple[Table, str]:
    """Answer a named question: rows and the SPARQL that produced them.

    ``stand`` (a date or an edition, see :mod:`rahmengraph.model.asof`) runs it on the editions in
    force then, and is the question's ``stichtag`` unless that is given. In a store with several
    frameworks the answer is per framework (see :mod:`rahmengraph.model.frameworks`): ``rahmen``
    chooses one; without it each framework answers with its own entities for the parameter ids,
    and the first column ``rahmen`` says which framework a row is from.
    """
    q = question(name)
    view, at = asof.resolve(store, stand)
    if at.date and any(p.name == STICHTAG for p in q.params) and not values.get(STICHTAG):
        values = {**values, STICHTAG: at.date}
    known = frameworks.frameworks(view)
    if (rahmen or "").strip():
        return _within(view, q, values, frameworks.chosen(view, rahmen or ""))
    if len(known) <= 1 or q.compares:
        sparql = bind(view, q, values)
        return natural_order(view.select(sparql), sparql), sparql
    return _per_framework(view, q, values, known)


def _within(
    view: GraphStore, q: Question, values: dict[str, str], fw: frameworks.Framework
) -> tuple[Table, str]:
    """The question asked of one framework: ids resolved in it, the query over its graphs."""
    for value in values.values():
        other = frameworks.owner(view, value.strip()) if value.strip().startswith("http") else None
        if other is not None and other != fw:
            raise ParameterError(
                f"Frage {q.name}: {value} gehört zum Rahmenkonzept {other.ident}, nicht zu {fw.ident} "
                f"(Parameter {frameworks.PARAM})"
            )
    scope = frameworks.scoped(view, fw)
    sparql = frameworks.with_from(bind(scope, q, values), frameworks.graphs_of(view, fw))
    return natural_order(scope.select(sparql), sparql), sparql


def _per_framework(
    view: GraphStore, q: Question, values: dict[str, str], known: list[frameworks.Framework]
) -> tuple[Table, str]:
    """The question asked of each framework in turn, rows marked with the framework's id; a
    framework where a parameter id does not exist (or names another framework's entity) is left out.
    A question with an anchor asks all frameworks with one query (same rows)."""
    at_once = _all_at_once(view, q, values, known)
    if at_once is not None:
        return at_once
    rows: list[list[Term | None]] = []
    texts: list[str] = []
    variables: list[str] = []
    missing: list[str] = []
    for fw in known:
        try:
            table, sparql = _within(view, q, values, fw)
        except ParameterError as exc:
            missing.append(f"{fw.ident}: {exc.message}")
            continue
        variables = table.variables
        rows += [[ox.Literal(fw.ident), *row] for row in table]
        texts.append(f"# Rahmenkonzept {fw.ident} ({fw.title})\n{sparql}")
    if not texts:
        raise ParameterError(
            f"Frage {q.name}: in keinem Rahmenkonzept zu beantworten – " + "; ".join(missing)
        )
    return Table([frameworks.PARAM, *variables], rows), "\n".join(texts)


def _all_at_once(
    view: GraphStore, q: Question, values: dict[str, str], known: list[frameworks.Framework]
) -> tuple[Table, str] | None:
    """The per-framework answer from one query (None: ask framework by framework). Not for IRI
    parameters (they belong to one framework) nor ids no framework has (the per-framework path
    names what is missing in each)."""
    if q.anchor is None or any(v.strip().startswith(("http://", "https://")) for v in values.values()):
        return None
    if not _union_default(view):
        return None  # Oxigraph reads a default graph of many graphs graph by graph: slower than per framework
    try:
        sparql = bind(view, q, values)
    except ParameterError:
        return None
    answered = framework_split.ask_all(view, sparql, q.anchor, known)
    if answered is None:
        return None
    parts, ran = answered
    rows: list[list[Term | None]] = []
    variables = next(iter(parts.values())).variables if parts else []
    for fw in known:
        rows += [[ox.Literal(fw.ident), *row] for row in natural_order(parts[fw.ident], sparql)]
    return Table([frameworks.PARAM, *variables], rows), ran


def _union_default(view: GraphStore) -> bool:
    """Is the default graph of ``view`` the union of all graphs (no editions, no as-of view)?"""
    if isinstance(view, GraphView):
        return False
    return once_per_state(view, ("union default",), lambda: current_graphs(view.graphs()) is None)


def as_values_query(table: Table) -> str:
    """A query whose answer is ``table`` (a ``VALUES`` block), so an engine serialises an answer
    put together here (several frameworks, natural order) in any SPARQL results format."""
    if not table.variables:
        return "SELECT * WHERE { }"
    head = " ".join(f"?{v}" for v in table.variables)
    rows = "\n".join(
        "  (" + " ".join("UNDEF" if t is None or isinstance(t, ox.BlankNode) else str(t) for t in row) + ")"
        for row in table
    )
    return f"SELECT {head} WHERE {{ VALUES ({head}) {{\n{rows}\n}} }}"


def natural_order(table: Table, sparql: str) -> Table:
    """Rows re-sorted naturally (``3.2`` before ``3.10``) by the query's plain ``ORDER BY ?a ?b``;
    an answer ordered otherwise (``DESC``, expressions) or not at all keeps the engine's order."""
    # an aggregate over no solutions is one row of nothing on some engines (rdflib): no answer
    table = Table(table.variables, [row for row in table.rows if any(c is not None for c in row)])
    m = _PLAIN_ORDER.search(sparql.strip())
    if not m:
        return table
    names = [v.removeprefix("?") for v in m.group(1).split()]
    at = [table.variables.index(v) for v in names if v in table.variables]
    rows = sorted(table.rows, key=lambda row: [natural_key(text(row[i]) or "") for i in at])
    return Table(table.variables, rows)
