"""Seeded synthetic frameworks in the project's tabular format (``data/README.md``) for the benchmark.

``python -m bench.generate --scale bremen|laender|kreise --out DIR [--seed N] [--xss]`` writes one
dataset folder per framework (``DIR/<name>/``, base IRI ``https://w3id.org/rahmengraph/synth/<name>/``).
Same seed → byte-identical files. Every row is valid for the loader: references resolve, ids are
unique, dates are ISO, every row has a source. Frameworks are built and written one at a time, so
memory stays flat at every scale.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Final

from bench.framework import PROFILES, XSS_NAME, Framework
from rahmengraph.errors import ParameterError
from rahmengraph.model import namespaces

__all__ = ["HEADERS", "SCALES", "SYNTH_BASE", "XSS_NAME", "frameworks", "generate", "main"]

#: Root of the base IRIs of all synthetic datasets.
SYNTH_BASE: Final = namespaces.ROOT + "synth/"

#: File → header, exactly as in data/README.md (optional columns included, at the end).
HEADERS: Final[dict[str, tuple[str, ...]]] = {
    "rahmen.csv": (
        "id", "titel", "kurztitel", "ausgabe", "beschlossen", "beschlossen_von", "basis_iri", "stand",
        "quelle", "anmerkung",
    ),
    "ebenen.csv": ("name", "id", "label_en", "typ", "uebergeordnet", "quelle"),
    "handlungsfelder.csv": ("nummer", "titel", "kurztitel", "seite", "unterabschnitte", "quelle"),
    "ziele.csv": ("id", "nummer", "titel", "kurztitel", "beschreibung", "quelle", "handlungsfelder"),
    "akteure.csv": (
        "kuerzel", "name", "typ", "ebene", "gueltig_von", "gueltig_bis", "nachfolger", "vorgaenger",
        "quelle", "anmerkung",
    ),
    "zielgruppen.csv": ("id", "label_de", "label_en", "dimension", "oberbegriff", "schnitt_aus", "quelle"),
    "massnahmen.csv": (
        "id", "name", "beschreibung", "handlungsfelder", "federfuehrend", "beteiligt", "ebene",
        "zielgruppen", "zeitraum", "status", "finanzierung", "quelle_url", "quelle_hinweis", "beleg",
        "sicherheit", "abhaengig_von", "federfuehrung_bisher",
    ),
    "zustaendigkeiten.csv": ("massnahme", "rolle", "akteur", "ebene", "quelle", "anmerkung"),
    "gremien.csv": (
        "id", "name", "typ", "mitglieder", "turnus", "seit", "quelle", "akteur", "anmerkung",
        "handlungsfelder",
    ),
    "ereignisse.csv": ("datum", "ereignis", "bezug", "quelle"),
    "vorhaben.csv": ("id", "name", "typ", "federfuehrend", "stand", "quelle", "bezug", "anmerkung"),
    "indikatoren.csv": ("id", "name", "bereich", "handlungsfeld", "quelle", "massnahmen"),
    "kennzahlen_werte.csv": (
        "indikator", "zeitraum", "gebiet", "gruppe", "wert", "einheit", "art", "quelle", "anmerkung",
    ),
    "status.csv": (
        "massnahme", "stichtag", "status", "wortlaut", "grund", "nachfolger", "quelle", "anmerkung",
    ),
    "status_zuordnung.csv": ("wortlaut", "status", "begruendung"),
}  # fmt: skip

#: Columns of ``ausgaben.csv`` (data/README.md).
EDITION_HEADER: Final = ("id", "titel", "datum", "beschlossen_von", "quelle", "ordner", "anmerkung")

#: Two-letter codes of the 16 Länder (one framework each at scales laender and kreise).
LAENDER: Final = (
    "bw", "by", "be", "bb", "hb", "hh", "he", "mv", "ni", "nw", "rp", "sl", "sn", "st", "sh", "th",
)  # fmt: skip
#: District frameworks per Land at scale kreise (16 × 25 = 400).
KREISE_JE_LAND: Final = 25


def _laender() -> Iterator[tuple[str, str]]:
    return ((f"land-{code}", "land") for code in LAENDER)


def _kreise() -> Iterator[tuple[str, str]]:
    yield from _laender()
    for code in LAENDER:
        for i in range(1, KREISE_JE_LAND + 1):
            yield f"kreis-{code}-{i:02d}", "kreis"


#: Scale → (help, frameworks as (name, profile) in generation order).
SCALES: Final[dict[str, tuple[str, Callable[[], Iterator[tuple[str, str]]]]]] = {
    "bremen": ("ein Rahmenkonzept, ~100 Maßnahmen, ~5k Tripel", lambda: iter([("bremen", "bremen")])),
    "laender": ("16 Länder-Rahmenkonzepte, ~50k Tripel", _laender),
    "kreise": ("16 Länder + 400 Kreise, ~1M Tripel", _kreise),
}


def frameworks(scale: str) -> Iterator[tuple[str, str]]:
    """(name, profile) of every framework of a scale; ParameterError for an unknown scale."""
    if scale not in SCALES:
        known = ", ".join(SCALES)
        raise ParameterError(f"Unbekannte Größe {scale!r} (Parameter scale); bekannt: {known}")
    return SCALES[scale][1]()


def _write(path: Path, header: Sequence[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([row.get(col, "") for col in header] for row in rows)


def write_framework(folder: Path, fw: Framework, editions: int = 0) -> Path:
    """Write every file of one framework into ``folder`` (created if needed), with ``editions``
    editions (``ausgaben.csv``; 0: none)."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = fw.tables()
    for name, rows in tables.items():
        _write(folder / name, HEADERS[name], rows)
    if editions:
        write_editions(folder, tables["massnahmen.csv"], editions)
    return folder


def write_editions(folder: Path, measures: list[dict[str, str]], count: int) -> None:
    """``count`` editions two years apart, the dataset folder the newest: going back, each earlier
    edition lacks ~10 % of the measures (added later) and shows ~10 % with another status."""
    order = sorted(
        (m["id"] for m in measures), key=lambda i: hashlib.sha1(f"{folder.name}/{i}".encode()).digest()
    )
    step = max(1, len(order) // 10)
    catalogue = []
    for k in range(count):
        version = f"{2018 + 2 * k}-06"
        sub = "" if k == count - 1 else f"ausgaben/{version}"
        source = f"https://synth.example/{folder.name}/{version}"
        catalogue.append({"id": version, "titel": f"Fassung {version}", "datum": version,
                          "beschlossen_von": "", "quelle": source, "ordner": sub,
                          "anmerkung": "synthetisch"})  # fmt: skip
        if not sub:
            continue
        later = set(order[: step * (count - 1 - k)])
        other = set(order[step * count + step * k : step * count + step * (k + 1)])
        rows = [
            {**m, "status": "geplant" if m["id"] in other else m["status"],
             "abhaengig_von": ";".join(d for d in m.get("abhaengig_von", "").split(";") if d not in later)}
            for m in measures
            if m["id"] not in later
        ]  # fmt: skip
        (folder / sub).mkdir(parents=True, exist_ok=True)
        _write(folder / sub / "massnahmen.csv", HEADERS["massnahmen.csv"], rows)
    _write(folder / "ausgaben.csv", EDITION_HEADER, catalogue)


def generate(scale: str, out_dir: Path, seed: int = 42, xss: bool = False, editions: int = 0) -> list[Path]:
    """Write the frameworks of ``scale`` under ``out_dir``; return their dataset folders.
    ``editions``: editions per framework (0: none, as the default benchmark).

    ``xss`` names the first measure of the first framework ``<img src=x onerror=alert(1)>``
    (for the safety tests of the visualisations).
    """
    folders = []
    for i, (name, profile) in enumerate(frameworks(scale)):
        fw = Framework(name, PROFILES[profile], seed, f"{SYNTH_BASE}{name}/", xss=xss and i == 0)
        folders.append(write_framework(out_dir / name, fw, editions))
    return folders


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m bench.generate --scale … --out … [--seed N] [--xss]``."""
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scale",
        required=True,
        choices=list(SCALES),
        help="; ".join(f"{k}: {h}" for k, (h, _) in SCALES.items()),
    )
    parser.add_argument("--out", required=True, type=Path, help="Zielordner (ein Unterordner je Rahmen)")
    parser.add_argument("--seed", type=int, default=42, help="Zufalls-Seed (gleicher Seed → gleiche Bytes)")
    parser.add_argument("--xss", action="store_true", help=f"erste Maßnahme heißt {XSS_NAME}")
    parser.add_argument("--ausgaben", type=int, default=0, help="Ausgaben je Rahmen (z. B. 4; Standard 0)")
    args = parser.parse_args(argv)
    folders = generate(args.scale, args.out, args.seed, args.xss, args.ausgaben)
    print(f"{len(folders)} Datensätze in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
