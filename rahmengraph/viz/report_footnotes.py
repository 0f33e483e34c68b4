"""Real Word footnotes for the DOCX report (python-docx has no footnote API).

Written as ECMA-376 Part 1 §17.11 defines them: a footnotes part ``word/footnotes.xml`` (its own
content type, related to the main document), holding the two separator footnotes (ids -1 and 0)
and one ``w:footnote`` per note, each referenced from the body by a ``w:footnoteReference`` run.
Word, LibreOffice and screen readers then show them as footnotes at the foot of the page. A
template's own footnotes part is replaced (its body text is replaced anyway).
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.text.paragraph import Paragraph
from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: Footnote text size in half-points (9 pt), smaller than the body text.
NOTE_SIZE = "18"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _superscript(parent: etree._Element) -> None:
    rpr = etree.SubElement(parent, _w("rPr"))
    etree.SubElement(rpr, _w("vertAlign"), {_w("val"): "superscript"})


class Footnotes:
    """The footnotes of one document, numbered in the order they are referenced."""

    def __init__(self) -> None:
        self.notes: list[str] = []

    def add(self, paragraph: Paragraph, text: str) -> int:
        """Append a reference to a new footnote with ``text`` to ``paragraph``; its number."""
        self.notes.append(text)
        number = len(self.notes)
        run = paragraph.add_run()._r
        rpr = run.get_or_add_rPr()
        align = OxmlElement("w:vertAlign")
        align.set(qn("w:val"), "superscript")
        rpr.append(align)
        ref = OxmlElement("w:footnoteReference")
        ref.set(qn("w:id"), str(number))
        run.append(ref)
        return number

    def xml(self) -> bytes:
        root = etree.Element(_w("footnotes"), nsmap={"w": W})
        for number, kind, mark in (
            (-1, "separator", "separator"),
            (0, "continuationSeparator", "continuationSeparator"),
        ):
            note = etree.SubElement(root, _w("footnote"), {_w("type"): kind, _w("id"): str(number)})
            p = etree.SubElement(note, _w("p"))
            ppr = etree.SubElement(p, _w("pPr"))
            etree.SubElement(
                ppr, _w("spacing"), {_w("after"): "0", _w("line"): "240", _w("lineRule"): "auto"}
            )
            etree.SubElement(etree.SubElement(p, _w("r")), _w(mark))
        for number, text in enumerate(self.notes, start=1):
            note = etree.SubElement(root, _w("footnote"), {_w("id"): str(number)})
            p = etree.SubElement(note, _w("p"))
            ref = etree.SubElement(p, _w("r"))
            _superscript(ref)
            etree.SubElement(ref, _w("footnoteRef"))
            run = etree.SubElement(p, _w("r"))
            rpr = etree.SubElement(run, _w("rPr"))
            etree.SubElement(rpr, _w("sz"), {_w("val"): NOTE_SIZE})
            t = etree.SubElement(run, _w("t"))
            t.text = " " + text
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))

    def write(self, doc: DocxDocument) -> None:
        """Put the footnotes part into ``doc`` (replacing a template's), if there are notes."""
        main = doc.part
        for r_id, rel in list(main.rels.items()):
            if rel.reltype == RELATIONSHIP_TYPE.FOOTNOTES:
                main.drop_rel(r_id)
        if not self.notes:
            return
        part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, self.xml(), main.package)
        main.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
