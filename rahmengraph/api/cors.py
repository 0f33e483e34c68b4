"""Which other sites' pages may read the server's answers (CORS): one rule for the application and
for the queries answered while it starts (:mod:`~rahmengraph.api.launch`)."""

from __future__ import annotations

from typing import Any

from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp

from rahmengraph.api.query_response import MAX_ROWS, TRUNCATED
from rahmengraph.config import Settings


def options(settings: Settings) -> dict[str, Any]:
    """The :class:`CORSMiddleware` arguments for ``settings`` (``cors_origins``)."""
    return {
        "allow_origins": settings.cors_origins,
        "allow_methods": ["GET", "POST", "PATCH", "OPTIONS"],
        "allow_headers": ["*"],
        "expose_headers": [TRUNCATED, MAX_ROWS],
        "max_age": 600,
    }


def with_cors(app: ASGIApp, settings: Settings) -> ASGIApp:
    """``app`` behind the server's CORS rule."""
    return CORSMiddleware(app, **options(settings))
