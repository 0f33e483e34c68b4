"""Where a project IRI is served: ``https://w3id.org/rahmengraph/<rest>`` at ``/<rest>`` (linked data).

The fragment is dropped (``…/ontology#Measure`` → ``/ontology``): browsers never send it, the
ontology document answers for all its terms. Percent-escapes stay as they are in the IRI, so the
path of an IRI minted from a key with special characters is exactly the IRI's own spelling.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from rahmengraph.model import namespaces

#: Characters kept unescaped when a request path is turned back into an IRI (as the loader mints).
_SAFE = "/-._~"
_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")


def local_path(iri: str) -> str | None:
    """The path on this server that serves ``iri``; ``None`` for IRIs outside the project root."""
    if not iri.startswith(namespaces.ROOT):
        return None
    rest = iri[len(namespaces.ROOT) :].split("#", 1)[0]
    return "/" + rest


def iri_for_path(path: str) -> str:
    """The IRI a request path stands for (the inverse of :func:`local_path`, fragment aside).

    Accepts the raw path (escapes kept, hex digits upper-cased) or a decoded one (characters outside
    the loader's safe set are escaped as the loader does).
    """
    rest = quote(path.lstrip("/"), safe=_SAFE + "%")
    return namespaces.ROOT + _ESCAPE.sub(lambda m: m.group(0).upper(), rest)
