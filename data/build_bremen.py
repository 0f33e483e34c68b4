"""Build ``data/bremen/`` (the default dataset) from the sourced Bremen fact base.

    python data/build_bremen.py [--shared ../shared/bremen]

Reads every CSV of the fact base, adds the two files our format needs beyond it (``rahmen.csv``:
the framework itself; ``ebenen.csv``: the level scheme), checks everything with the real loader
and writes the files back in the canonical form (the same form ``rahmengraph export --format csv``
writes). Facts are not changed; list cells without a meaningful order are sorted. The editions
(``ausgaben.csv``, ``ausgaben/``, ``aenderungen.csv``) come from ``bremen_editions.py``.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from bremen_editions import write_editions  # noqa: E402

from data.bremen_indicators import INDICATOR_HEADER, indicator_rows  # noqa: E402
from data.bremen_status import MAPPING_HEADER, STATUS_HEADER, mapping_rows, status_rows  # noqa: E402
from rahmengraph.errors import InputError  # noqa: E402
from rahmengraph.model.edition_build import read_with_editions  # noqa: E402
from rahmengraph.model.export import write_folder  # noqa: E402
from rahmengraph.model.loading.checking import read_dataset  # noqa: E402
from rahmengraph.model.loading.csv_text import write_csv  # noqa: E402
from rahmengraph.model.loading.mapping import to_triples  # noqa: E402
from rahmengraph.model.stores.oxigraph import OxigraphStore  # noqa: E402
from rahmengraph.model.tabulation import read_tables  # noqa: E402

SEED = "Seed: Fachtag-Folien 16.11.2023 (000_9e78c3a089644d82.txt)"
TOC = "https://9dok.net/document/zpngx9xo-rahmenkonzept-gesellschaftliche-teilhabe-und-diversity.html"
FACTS = "Faktenbasis Land Bremen, README (Senatsressorts 2019–2023 und ab 05.07.2023)"

RAHMEN = (
    [
        "id",
        "titel",
        "kurztitel",
        "ausgabe",
        "beschlossen",
        "beschlossen_von",
        "basis_iri",
        "stand",
        "quelle",
        "anmerkung",
    ],
    [
        [
            "bremen-2021",
            "Rahmenkonzept gesellschaftliche Teilhabe und Diversity",
            "Rahmenkonzept Teilhabe und Diversity",
            "Oktober 2021",
            "2021-10",
            "SENAT",
            "https://w3id.org/rahmengraph/bremen/",
            "Öffentliche Quellen bis Ende 2025",
            f"{SEED} | {TOC}",
            "Genaues Datum und Drucksachennummer des Senatsbeschlusses sind nicht gefunden; der Seed nennt "
            "Oktober 2021, der Bremer Rat November 2021. Der Text des Rahmenkonzepts ist nur auszugsweise "
            "abrufbar (Inhaltsverzeichnis und Kapitelanfänge); die Anlage mit den Indikatoren und der "
            "Maßnahmenplan 2022 fehlen. Bremerhaven ist schwächer abgedeckt als die Stadtgemeinde Bremen.",
        ]
    ],
)

EBENEN = (
    ["name", "id", "label_en", "typ", "uebergeordnet", "quelle"],
    [
        ["Land", "land", "State of Bremen", "Land", "", f"{SEED} | {FACTS}"],
        [
            "Stadtgemeinde Bremen",
            "stadtgemeinde-bremen",
            "Municipality of Bremen",
            "Kommune",
            "Land",
            f"{SEED} | {FACTS}",
        ],
        [
            "Stadt Bremerhaven",
            "stadt-bremerhaven",
            "City of Bremerhaven",
            "Kommune",
            "Land",
            f"{SEED} | {FACTS}",
        ],
        ["Bund", "bund", "Federal level", "Bund", "", FACTS],
        ["EU", "eu", "European Union", "EU", "", FACTS],
    ],
)


def _dicts(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _monitoring(work: Path) -> None:
    """Status records and their mapping table; indicators without values in their names; values by id."""
    status, unmapped = status_rows(_dicts(work / "massnahmen.csv"))
    for wording in sorted(set(unmapped)):
        print(f"Status-Wortlaut ohne Zuordnung (→ unbekannt): {wording!r}", file=sys.stderr)
    (work / "status.csv").write_text(write_csv(STATUS_HEADER, status), encoding="utf-8")
    (work / "status_zuordnung.csv").write_text(write_csv(MAPPING_HEADER, mapping_rows()), encoding="utf-8")
    values = _dicts(work / "kennzahlen_werte.csv")
    indicators, values = indicator_rows(_dicts(work / "indikatoren.csv"), values)
    (work / "indikatoren.csv").write_text(write_csv(INDICATOR_HEADER, indicators), encoding="utf-8")
    header = list(values[0])
    rows = [[v[c] for c in header] for v in values]
    (work / "kennzahlen_werte.csv").write_text(write_csv(header, rows), encoding="utf-8")


def _lead_history(work: Path) -> None:
    """The fact base writes a measure's lead history as a chain in ``federfuehrend`` (``SJIS;SASJI``,
    in order of time); our format keeps the current lead there and the earlier ones in
    ``federfuehrung_bisher`` (several in ``federfuehrend`` would mean a joint lead)."""
    path = work / "massnahmen.csv"
    rows = _dicts(path)
    header = [*rows[0], "federfuehrung_bisher"]
    for row in rows:
        *before, now = row["federfuehrend"].split(";") if row["federfuehrend"] else [""]
        row["federfuehrend"], row["federfuehrung_bisher"] = now, ";".join(before)
    path.write_text(write_csv(header, [[r[c] for c in header] for r in rows]), encoding="utf-8")


def build(shared: Path, out: Path) -> list[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for csv_file in sorted(shared.glob("*.csv")):
            if csv_file.name != "aenderungen.csv":  # the editions' change records, written below
                shutil.copy(csv_file, work / csv_file.name)
        (work / "rahmen.csv").write_text(write_csv(*RAHMEN), encoding="utf-8")
        (work / "ebenen.csv").write_text(write_csv(*EBENEN), encoding="utf-8")
        _monitoring(work)
        _lead_history(work)
        ds = read_dataset(work)
        store = OxigraphStore()
        store.replace_graph(ds.graph, to_triples(ds))
        written = write_folder(read_tables(store, ds.graph), out, canonical=True)
    written += write_editions(out, shared)
    read_with_editions(out)  # the editions and the change records check out
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared" / "bremen")
    parser.add_argument("--out", type=Path, default=HERE / "bremen")
    args = parser.parse_args()
    try:
        written = build(args.shared, args.out)
    except InputError as exc:
        print(exc, file=sys.stderr)
        return 2
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
