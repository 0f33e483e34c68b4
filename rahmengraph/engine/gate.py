"""Opening the store and changing it exclude each other (the pool's workers copy exact generations)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class Gate:
    """Workers opening the store (many at once) and a change of the store (one, alone) exclude
    each other, so a worker's copy is exactly the store at one generation."""

    def __init__(self) -> None:
        self._cond = asyncio.Condition()
        self._opening = 0
        self._writing = False

    @asynccontextmanager
    async def opening(self) -> AsyncIterator[None]:
        async with self._cond:
            await self._cond.wait_for(lambda: not self._writing)
            self._opening += 1
        try:
            yield
        finally:
            async with self._cond:
                self._opening -= 1
                self._cond.notify_all()

    @asynccontextmanager
    async def writing(self) -> AsyncIterator[None]:
        async with self._cond:
            await self._cond.wait_for(lambda: not self._writing and self._opening == 0)
            self._writing = True
        try:
            yield
        finally:
            async with self._cond:
                self._writing = False
                self._cond.notify_all()
