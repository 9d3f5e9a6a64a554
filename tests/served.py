"""A LocalServer running inside the test's own event loop, on a free port of 127.0.0.1.

Its "program" per tab is a few lines of Python instead of leidraad: it greets
textual-serve, notes its command line and environment in a file (so a test can
check that no token reached it) and quits at the first thing it is sent.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from aiohttp import web

from leidraad.serve import LocalServer

_PROGRAM = """
import os, sys
with open(sys.argv[1], "a") as seen:
    seen.write(repr(sys.argv) + repr(dict(os.environ)) + "\\n")
print("__GANGLION__", flush=True)
sys.stdin.buffer.read(1)
"""


def program(seen: Path) -> str:
    """The command for each tab; every start adds a line to `seen`."""
    return shlex.join([sys.executable, "-c", _PROGRAM, str(seen)])


def starts(seen: Path) -> list[str]:
    return seen.read_text().splitlines() if seen.exists() else []


@asynccontextmanager
async def running(server: LocalServer) -> AsyncIterator[str]:
    """Serve until the block ends; yields the base address, e.g. http://127.0.0.1:PORT."""
    runner = web.AppRunner(await server._make_app())  # what serve() runs, without its signals
    await runner.setup()
    try:
        await web.TCPSite(runner, "127.0.0.1", server.port).start()
        yield server.public_url
    finally:
        await runner.cleanup()
