"""A headless Chromium driven over the DevTools protocol, for the test of `leidraad serve`.

Debian's chromium is started by the test itself with every background service
off, on a private profile folder; it talks only to 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import os
import re
import select
import shutil
import socket
import subprocess
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
    "--window-size=1280,800",
]
_ANSI = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC: titles, links
    rb"|\x1b[()][0-9A-Za-z]|\x1b[=>78]"
)


ADDRESS = re.compile(rb"http://127\.0\.0\.1:\d+/\?token=[\w-]+")
# Every page records what its Content-Security-Policy blocked (DevTools scripts are exempt).
_WATCH_POLICY = """
window.__blocked = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__blocked.push(e.effectiveDirective + " " + e.blockedURI);
});
"""


def chromium_available() -> bool:
    return Path(CHROMIUM).exists()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, timeout: float, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped with code {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


def read_address(process: subprocess.Popen[bytes], timeout: float) -> tuple[str, bytes]:
    """The address with token that `leidraad serve` prints, and all it printed up to there."""
    assert process.stdout is not None
    printed = b""
    deadline = time.monotonic() + timeout
    while (found := ADDRESS.search(printed)) is None:
        left = deadline - time.monotonic()
        if left <= 0 or process.poll() is not None:
            raise RuntimeError(f"no address with a token in the server's output: {printed!r}")
        if select.select([process.stdout], [], [], left)[0]:
            printed += os.read(process.stdout.fileno(), 4096)
    return found.group().decode(), printed


def screen_text(data: bytes) -> str:
    """The characters a terminal stream writes, without its escape sequences."""
    return _ANSI.sub(b"", data).decode("utf-8", errors="replace")


@dataclass
class Page:
    """One browser tab: what it asked for over the network and what its websockets received."""

    socket: aiohttp.ClientWebSocketResponse
    requests: list[str] = field(default_factory=list)
    received: bytearray = field(default_factory=bytearray)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _replies: dict[int, dict[str, Any]] = field(default_factory=dict)

    async def send(self, method: str, **params: Any) -> int:
        number = next(self._ids)
        await self.socket.send_str(json.dumps({"id": number, "method": method, "params": params}))
        return number

    async def call(self, method: str, timeout: float = 10, **params: Any) -> dict[str, Any]:
        number = await self.send(method, **params)
        deadline = time.monotonic() + timeout
        while number not in self._replies:
            await self._read(deadline)
        return self._replies.pop(number)

    async def evaluate(self, expression: str) -> Any:
        reply = await self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return reply.get("result", {}).get("result", {}).get("value")

    async def wait_for(self, expression: str, timeout: float) -> Any:
        """Evaluate until the page's script makes the expression true; its value."""
        deadline = time.monotonic() + timeout
        while not (value := await self.evaluate(expression)):
            if time.monotonic() > deadline:
                raise TimeoutError(f"the page never made {expression!r} true")
            await asyncio.sleep(0.05)
        return value

    async def wait_for_text(self, words: list[str], timeout: float) -> str:
        """Read events until every word has reached the page's terminal, or time runs out."""
        deadline = time.monotonic() + timeout
        while not all(w in screen_text(bytes(self.received)) for w in words):
            await self._read(deadline)
        return screen_text(bytes(self.received))

    async def _read(self, deadline: float) -> None:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the page did not show what was expected in time")
        message = await asyncio.wait_for(self.socket.receive(), left)
        if message.type != aiohttp.WSMsgType.TEXT:
            raise RuntimeError(f"DevTools connection closed: {message.type}")
        event = json.loads(message.data)
        if "id" in event:
            self._replies[event["id"]] = event
        elif event.get("method") == "Network.requestWillBeSent":
            self.requests.append(event["params"]["request"]["url"])
        elif event.get("method") == "Network.webSocketCreated":
            self.requests.append(event["params"]["url"])
        elif event.get("method") == "Network.webSocketFrameReceived":
            frame = event["params"]["response"]
            payload = frame["payloadData"]
            data = base64.b64decode(payload) if frame["opcode"] == 2 else payload.encode()
            self.received.extend(data)


@asynccontextmanager
async def chromium_page(profile: Path) -> AsyncIterator[Page]:
    """A fresh headless Chromium with one blank tab, watched over the DevTools protocol."""
    browser = subprocess.Popen(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        active = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (active.exists() and active.read_text().strip()):
            if browser.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("Chromium did not start its DevTools endpoint")
            await asyncio.sleep(0.1)
        port = int(active.read_text().split()[0])
        async with aiohttp.ClientSession() as session:
            async with session.get(f"http://127.0.0.1:{port}/json/list") as response:
                targets = await response.json()
            url = next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")
            async with session.ws_connect(url, max_msg_size=0) as socket_:
                page = Page(socket_)
                await page.call("Network.enable")
                await page.call("Page.enable")
                await page.call("Page.addScriptToEvaluateOnNewDocument", source=_WATCH_POLICY)
                yield page
    finally:
        browser.terminate()
        try:
            browser.wait(10)
        except subprocess.TimeoutExpired:
            browser.kill()
            browser.wait()
