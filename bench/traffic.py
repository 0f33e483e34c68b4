"""A bounded load generator: a fixed number of SPARQL requests, a time cap, N client threads.

Each thread keeps one HTTP/1.1 connection to the server (127.0.0.1) and sends POST form queries
(``query=``, ``Accept: application/sparql-results+json``) until the request count is used up or
the time cap has passed; requests in flight then finish (or hit the client timeout). Throughput is
completed requests per wall-clock second; latencies are per request.
"""

from __future__ import annotations

import http.client
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"


@dataclass
class Traffic:
    """What one burst of requests measured."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wall: float = 0.0

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.wall if self.wall > 0 else 0.0


def burst(
    url: str, query: str, *, concurrency: int, requests: int, cap: float, timeout: float = 60.0
) -> Traffic:
    """Send up to ``requests`` queries with ``concurrency`` threads for at most ``cap`` seconds."""
    parts = urllib.parse.urlsplit(url)
    host, port, path = parts.hostname or "127.0.0.1", parts.port or 80, parts.path
    body = urllib.parse.urlencode({"query": query}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT}
    out = Traffic()
    lock = threading.Lock()
    left = [requests]
    start = time.perf_counter()
    deadline = start + cap

    def take() -> bool:
        with lock:
            if left[0] <= 0 or time.perf_counter() > deadline:
                return False
            left[0] -= 1
            return True

    def client() -> None:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)
        try:
            while take():
                t0 = time.perf_counter()
                try:
                    conn.request("POST", path, body, headers)
                    resp = conn.getresponse()
                    resp.read()
                    ok = resp.status == 200
                    note = f"HTTP {resp.status}"
                except (OSError, http.client.HTTPException) as exc:
                    conn.close()
                    conn = http.client.HTTPConnection(host, port, timeout=timeout)
                    ok, note = False, type(exc).__name__
                elapsed = time.perf_counter() - t0
                with lock:
                    if ok:
                        out.latencies.append(elapsed)
                    else:
                        out.errors.append(note)
        finally:
            conn.close()

    threads = [threading.Thread(target=client, daemon=True) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.wall = time.perf_counter() - start
    return out
