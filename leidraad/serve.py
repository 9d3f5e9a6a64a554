"""`leidraad serve`: the program in a browser on this computer, for projectors and training rooms.

An entry point like cli.py. textual-serve starts one leidraad process per
browser tab and streams its screen to the page. It listens on 127.0.0.1 only,
so no other computer can connect, and the page loads nothing from the
internet: our own page template replaces textual-serve's, which fetches a font
from an outside server.
"""

from __future__ import annotations

import shlex
import socket
import sys
from pathlib import Path
from typing import Any

from aiohttp import web
from textual_serve.server import Server

HOST = "127.0.0.1"
TEMPLATES = Path(__file__).parent / "serve_templates"


def app_command(arguments: list[str]) -> str:
    """The shell command textual-serve runs for each tab: this Python, this leidraad."""
    return shlex.join([sys.executable, "-m", "leidraad", *arguments])


def port_free(port: int) -> bool:
    """Checked before starting, so a taken port gives one clear message and no start-up text."""
    with socket.socket() as probe:
        try:
            probe.bind((HOST, port))
        except OSError:
            return False
    return True


class LocalServer(Server):
    """textual-serve, bound to this computer only, with a larger default font for a room."""

    def __init__(self, command: str, port: int, font_size: int, title: str) -> None:
        super().__init__(command, host=HOST, port=port, title=title, templates_path=TEMPLATES)
        self.font_size = font_size

    async def handle_index(self, request: web.Request) -> Any:
        if "fontsize" not in request.query:  # ?fontsize=N in the address still wins
            raise web.HTTPFound(request.rel_url.update_query(fontsize=self.font_size))
        return await super().handle_index(request)

    async def on_startup(self, app: web.Application) -> None:
        self.console.print(f"leidraad is te zien op [b]{self.public_url}[/]", highlight=False)
        self.console.print(
            "Open dit adres in een browser op deze computer. Lettergrootte aanpassen: "
            f"{self.public_url}/?fontsize=28. Stoppen: Ctrl+C.",
            highlight=False,
        )
