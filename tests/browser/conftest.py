"""Browser test world: headless Chromium from Debian driven by Playwright, a live server, a page
that records console errors and every request leaving this machine.

Chromium is ``/usr/bin/chromium`` (installed by ``.ci/run``); Playwright's own browser download is
never used. Every test here is marked ``browser``.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import uvicorn
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Playwright, Request, sync_playwright

from bench.browser import CHROMIUM, CHROMIUM_ARGS
from rahmengraph.config import Settings

LOCAL_HOSTS = {"127.0.0.1", "localhost", ""}
LOCAL_SCHEMES = {"file", "data", "blob", "about", "chrome-error"}


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Name the folder of the screenshots the graph tests took (1920×1080, kept as artifacts)."""
    factory = getattr(terminalreporter.config, "_tmp_path_factory", None)
    if factory is None:
        return
    folder = Path(factory.getbasetemp()) / "screens"
    if folder.is_dir() and any(folder.iterdir()):
        terminalreporter.write_line(f"Bildschirmfotos der Graph-Ansichten (1920×1080): {folder}")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def screens(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the screenshots go (kept after the run; the path is printed at the end)."""
    folder = tmp_path_factory.getbasetemp() / "screens"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def playwright_session() -> Iterator[Playwright]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} fehlt (Debian-Paket chromium)")
    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def browser_context(
    playwright_session: Playwright, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BrowserContext]:
    """One Chromium with a fresh profile (user-data-dir) for the whole session."""
    context = playwright_session.chromium.launch_persistent_context(
        str(tmp_path_factory.mktemp("chromium-profile")),
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        accept_downloads=True,
        viewport={"width": 1400, "height": 900},
    )
    yield context
    context.close()


@dataclass
class PageLog:
    """A page plus what it did: console errors, uncaught exceptions, dialogs, foreign requests."""

    page: Page
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        """No request left the server, no console error, no dialog."""
        assert self.foreign == [], "requests left the server"
        assert self.errors == [], "console errors"
        assert self.dialogs == []


def _foreign(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in LOCAL_SCHEMES and (parts.hostname or "") not in LOCAL_HOSTS


@pytest.fixture
def browser_page(browser_context: BrowserContext) -> Iterator[PageLog]:
    """A fresh tab recording console errors, page errors, dialogs and requests to other hosts."""
    page = browser_context.new_page()
    log = PageLog(page)

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error":
            log.errors.append(msg.text)

    def on_request(request: Request) -> None:
        if _foreign(request.url):
            log.foreign.append(request.url)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: log.errors.append(str(exc)))
    page.on("request", on_request)
    page.on("dialog", lambda d: (log.dialogs.append(d.message), d.dismiss()))
    yield log
    page.close()


@dataclass
class LiveServer:
    url: str
    server: uvicorn.Server
    thread: threading.Thread


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(settings: Settings) -> LiveServer:
    """``create_app(settings)`` under uvicorn in a thread on a free port; returns once it answers."""
    create_app = pytest.importorskip("rahmengraph.api.app").create_app

    port = _free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"Server auf Port {port} startet nicht")
        time.sleep(0.05)
    return LiveServer(f"http://127.0.0.1:{port}", server, thread)


def _settings(dataset: Path) -> Settings:
    return Settings(dataset=dataset, store="oxigraph:memory", query_timeout=5.0, query_workers=1)


@pytest.fixture(scope="session")
def live_server_for() -> Iterator[Callable[[Path], str]]:
    """Factory: base URL of a live server for a dataset folder (one server per folder, session)."""
    servers: dict[Path, LiveServer] = {}

    def get(dataset: Path) -> str:
        if dataset not in servers:
            servers[dataset] = start_server(_settings(dataset))
        return servers[dataset].url

    yield get
    for s in servers.values():
        s.server.should_exit = True
        s.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(live_server_for: Callable[[Path], str], musterland_dir: Path) -> str:
    """Base URL of a live server with the Musterland test framework."""
    return live_server_for(musterland_dir)
