"""The language of an answer, as a ``Depends`` provider (German unless English is asked for).

* :data:`PageLang` – the web pages, the HTML of a linked-data IRI included: ``?lang=en`` only
  (links keep it; the switch sets it), so a page looks the same in every browser.
* :data:`ReaderLang` – the SPARQL editor at ``/sparql``, reached from outside the site: ``?lang=``,
  else the browser's ``Accept-Language``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from rahmengraph.model.labels import LANGS, lang_of


async def page_lang(request: Request) -> str:
    return lang_of(request.query_params.get("lang"))


async def reader_lang(request: Request) -> str:
    lang = request.query_params.get("lang")
    if lang in LANGS:
        return lang
    return "en" if request.headers.get("accept-language", "").lower().startswith("en") else "de"


PageLang = Annotated[str, Depends(page_lang)]
ReaderLang = Annotated[str, Depends(reader_lang)]
