"""Per-client rate limit for participation input, in memory only: no address is ever stored.

A client is the device id the participation page sends (``X-Beteiligung-Client``, random, kept in
the browser) or, without one, its network address; a second, higher limit counts per address,
because a room's phones share one address through the venue's WLAN. Both keys are kept only as
HMACs under a salt that lives in this process's memory and is never written anywhere.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque
from typing import Final

from rahmengraph.errors import TooManyRequests

#: Length of the window the limits count in, in seconds.
WINDOW: Final = 60.0


class RateLimit:
    """Sliding one-minute windows per client and per address."""

    def __init__(self, per_client: int, per_address: int) -> None:
        self.per_client = per_client
        self.per_address = per_address
        self._salt = secrets.token_bytes(32)
        self._seen: dict[bytes, deque[float]] = {}
        self._lock = threading.Lock()

    def _key(self, kind: str, value: str) -> bytes:
        return hmac.new(self._salt, f"{kind}:{value}".encode(), hashlib.sha256).digest()

    def _full(self, key: bytes, limit: int, now: float) -> bool:
        times = self._seen.setdefault(key, deque())
        while times and times[0] <= now - WINDOW:
            times.popleft()
        return len(times) >= limit

    def admit(self, client: str, address: str) -> None:
        """Count one request, or raise :class:`TooManyRequests` (429) without counting it."""
        now = time.monotonic()
        device = self._key("client", client) if client else self._key("address-device", address)
        net = self._key("address", address)
        with self._lock:
            if len(self._seen) > 100_000:  # forget idle keys now and then (bounded memory)
                self._seen = {k: v for k, v in self._seen.items() if v and v[-1] > now - WINDOW}
            if self._full(device, self.per_client, now) or self._full(net, self.per_address, now):
                raise TooManyRequests(
                    "Zu viele Beiträge in kurzer Zeit von diesem Gerät oder Netz: bitte eine Minute "
                    "warten und dann erneut senden (Grenze: "
                    f"{self.per_client} je Gerät, {self.per_address} je Netz und Minute)."
                )
            self._seen[device].append(now)
            self._seen[net].append(now)
