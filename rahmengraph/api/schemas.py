"""Response models of the JSON API (pydantic), built from the model's dataclasses."""

from __future__ import annotations

from urllib.parse import quote

from pydantic import BaseModel, Field

from rahmengraph.model import catalog
from rahmengraph.model.iri_paths import local_path
from rahmengraph.model.kinds import kind_of_iri
from rahmengraph.model.partners import Entity, Partner
from rahmengraph.model.relations import Duty, Incoming, Source
from rahmengraph.model.responsibility import Actor, Succession


def api_href(iri: str, ident: str) -> str | None:
    """The JSON API URL of an entity (``None`` for vocabulary terms and unlisted kinds)."""
    col = catalog.BY_ENTITY.get(kind_of_iri(iri) or "")
    return f"/api/{col.path}/{quote(ident, safe='')}" if col else None


class RefOut(BaseModel):
    id: str = Field(description="ID wie in den Tabellen")
    label: str = Field(description="deutsche Bezeichnung")
    iri: str
    href: str | None = Field(None, description="URL in dieser API")
    seite: str | None = Field(None, description="Linked-Data-Seite auf diesem Server")

    @classmethod
    def of(cls, ref: catalog.Ref | Entity | Actor) -> RefOut:
        href = api_href(ref.iri, ref.id)
        return cls(id=ref.id, label=ref.label, iri=ref.iri, href=href, seite=local_path(ref.iri))


class ItemOut(BaseModel):
    id: str
    label: str
    iri: str
    href: str | None
    seite: str | None
    werte: dict[str, list[str]] = Field(description="Textspalten")
    bezuege: dict[str, list[RefOut]] = Field(description="Verweise auf andere Einträge")

    @classmethod
    def of(cls, item: catalog.Item) -> ItemOut:
        return cls(
            id=item.id,
            label=item.label,
            iri=item.iri,
            href=api_href(item.iri, item.id),
            seite=local_path(item.iri),
            werte=item.texts,
            bezuege={k: [RefOut.of(r) for r in refs] for k, refs in item.refs.items()},
        )


class PageOut(BaseModel):
    liste: str
    gesamt: int = Field(description="Zahl der Treffer vor dem Blättern")
    limit: int
    offset: int
    filter: dict[str, str]
    eintraege: list[ItemOut]


class SourceOut(BaseModel):
    label: str
    iri: str
    haupt: bool = Field(description="Hauptquelle")

    @classmethod
    def of(cls, s: Source) -> SourceOut:
        return cls(label=s.label, iri=s.iri, haupt=s.primary)


class IncomingOut(BaseModel):
    beziehung: str = Field(description="Eigenschaft (deutsche Bezeichnung)")
    eigenschaft: str = Field(description="IRI der Eigenschaft")
    eintrag: RefOut

    @classmethod
    def of(cls, x: Incoming) -> IncomingOut:
        return cls(beziehung=x.relation_label, eigenschaft=x.relation, eintrag=RefOut.of(x.item))


class DutyOut(BaseModel):
    rolle: str
    akteur: RefOut
    ebenen: list[RefOut]
    ebenen_grundlage: str = Field(description="belegt oder abgeleitet")

    @classmethod
    def of(cls, d: Duty) -> DutyOut:
        return cls(
            rolle=d.role,
            akteur=RefOut.of(d.actor),
            ebenen=[RefOut.of(x) for x in d.levels],
            ebenen_grundlage=d.basis,
        )


class ItemDetailOut(ItemOut):
    quellen: list[SourceOut]
    verweise_auf_diesen: list[IncomingOut] = Field(description="Einträge, die auf diesen verweisen")
    zustaendigkeiten: list[DutyOut] = Field(description="nur bei Maßnahmen")


class CollectionOut(BaseModel):
    name: str
    titel: str
    href: str
    spalten: list[str]


class LinkOut(BaseModel):
    eigene_rolle: str
    partner_rolle: str
    ebene: RefOut | None = Field(description="gemeinsame Ebene; null: keine gemeinsame Ebene angegeben")
    massnahmen: list[str]


class PartnerOut(BaseModel):
    akteur: RefOut
    gemeinsame_massnahmen: list[str]
    verbindungen: list[LinkOut] = Field(description="je Rollenpaar und Ebene")
    gemeinsame_handlungsfelder: list[RefOut]

    @classmethod
    def of(cls, p: Partner) -> PartnerOut:
        return cls(
            akteur=RefOut.of(p.actor),
            gemeinsame_massnahmen=p.measures,
            verbindungen=[
                LinkOut(
                    eigene_rolle=k.own_role,
                    partner_rolle=k.partner_role,
                    ebene=RefOut.of(k.level) if k.level else None,
                    massnahmen=k.measures,
                )
                for k in p.links
            ],
            gemeinsame_handlungsfelder=[RefOut.of(f) for f in p.fields],
        )


class TodayOut(BaseModel):
    akteur: RefOut
    weg: list[str] = Field(description="Kürzel vom genannten Akteur über die Nachfolger bis heute")
    aufgeloest_ohne_nachfolger: bool


class SuccessionOut(BaseModel):
    rolle: str
    genannt: RefOut = Field(description="Akteur, wie ihn die Quelle nennt")
    genannt_gueltig_bis: str | None
    geaendert: bool = Field(description="heute ist ein anderer Akteur zuständig")
    heute: list[TodayOut]

    @classmethod
    def of(cls, s: Succession) -> SuccessionOut:
        return cls(
            rolle=s.role,
            genannt=RefOut.of(s.named),
            genannt_gueltig_bis=s.named.valid_until,
            geaendert=s.changed,
            heute=[
                TodayOut(
                    akteur=RefOut.of(t.actor),
                    weg=list(t.path),
                    aufgeloest_ohne_nachfolger=t.actor.valid_until is not None,
                )
                for t in s.today
            ],
        )


class ParamOut(BaseModel):
    name: str
    typ: str
    bezeichnung: str
    pflicht: bool
    hilfe: str


class QuestionOut(BaseModel):
    name: str
    titel: str
    beschreibung: str
    href: str
    parameter: list[ParamOut]


class AnswerOut(BaseModel):
    name: str
    titel: str
    sparql: str = Field(description="die SPARQL-Abfrage, die die Zeilen erzeugt hat")
    spalten: list[str]
    zeilen: list[dict[str, str | None]]
