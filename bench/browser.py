"""Headless Chromium from Debian, as the benchmark and the browser tests launch it (never a download)."""

from __future__ import annotations

from typing import Final

CHROMIUM: Final = "/usr/bin/chromium"
#: Flags for a closed network: no background connections, no first-run or sync traffic.
CHROMIUM_ARGS: Final = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
