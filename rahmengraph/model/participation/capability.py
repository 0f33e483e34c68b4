"""The token of an event: a capability to write input, shown once, stored only as a hash.

Whoever holds the token (in the link or QR code of the event) may add contributions while the event
is open (``beginn`` ≤ now ≤ ``ende``). The store keeps ``sha256:<hex>`` of it; the token itself is
256 random bits, so its hash reveals nothing. Everything else is refused with 403 and a German message.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime

from rahmengraph.errors import Forbidden
from rahmengraph.model.participation.register import Event


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return "sha256:" + hashlib.sha256(token.encode()).hexdigest()


def check(event: Event, token: str, moment: datetime) -> None:
    """Refuse (403) a wrong or missing token, or an event that is not open at ``moment``."""
    # compared in constant time; an event without a token (imported from a file) takes no input online
    if not event.token_hash or not hmac.compare_digest(token_hash(token.strip()), event.token_hash):
        raise Forbidden(
            f"Der Zugangscode für die Veranstaltung {event.id!r} fehlt oder ist falsch "
            "(Header X-Beteiligung-Token oder Formularfeld token). Bitte den Link oder QR-Code "
            "der Veranstaltung verwenden."
        )
    if moment < event.start:
        raise Forbidden(
            f"Die Veranstaltung {event.id!r} ist noch nicht geöffnet: Beiträge ab "
            f"{event.start.isoformat(timespec='minutes')}."
        )
    if moment > event.end:
        raise Forbidden(
            f"Die Veranstaltung {event.id!r} ist geschlossen (seit "
            f"{event.end.isoformat(timespec='minutes')}): keine neuen Beiträge mehr."
        )
