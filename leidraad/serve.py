"""`leidraad serve`: the program in a browser on this computer, for projectors and training rooms.

An entry point like cli.py. textual-serve starts one leidraad process per
browser tab and streams its screen to the page. It listens on 127.0.0.1 only,
so no other computer can connect, and the page loads nothing from the
internet: our own page template replaces textual-serve's, which fetches a font
from an outside server.

Listening on 127.0.0.1 does not keep out a web page from elsewhere open in a
browser on this computer, nor another account on it. So every run makes a
secret token that every address needs (the page passes it on in the
websocket's address), the websocket only opens for the server's own page
(its Origin), and nothing is cached, indexed or framed.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import shlex
import socket
import sys
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

import aiohttp_jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

HOST = "127.0.0.1"
TEMPLATES = Path(__file__).parent / "serve_templates"
CONNECTED = "verbonden"
LEFT = "verlaten"
REFUSED = "Geen toegang. Open het adres met ?token=… dat `leidraad serve` in de terminal toont."
UNRECORDED = "Het tabblad kon niet worden vastgelegd in het auditlog; zie de terminal."
SECOND_TAB = (
    "Er is al een tabblad verbonden. Met echte gegevens kan één tabblad tegelijk open zijn: "
    "sluit het andere tabblad en laad deze pagina opnieuw."
)

SessionHook = Callable[[str], None]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def app_command(arguments: list[str]) -> str:
    """The shell command textual-serve runs for each tab: this Python, this leidraad.

    It carries no token: a command line is visible to every account (`ps`).
    """
    return shlex.join([sys.executable, "-m", "leidraad", *arguments])


def port_free(port: int) -> bool:
    """Checked before starting, so a taken port gives one clear message and no start-up text."""
    with socket.socket() as probe:
        if sys.platform != "win32":  # as aiohttp does: a just-stopped server's port is free
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError:
            return False
    return True


class LocalServer(Server):
    """textual-serve, bound to this computer only, behind a token, for its own page only.

    Written against textual-serve 1.1.3, whose Server checks no token, no Origin and no
    Host, and sets no headers: this class adds a middleware (`_guard`), a response hook
    (`_headers`), its own index page and a `/ws/{token}` route (its page script appends
    `?width=` to the websocket address, so the token cannot go in the query there).

    `single_tab` (for real data) allows one websocket at a time; `on_session` is told
    CONNECTED and LEFT for each tab, e.g. to write an audit line. It runs on the event
    loop, so it must be quick; when it fails on connect the tab is refused (503), so no
    session goes unrecorded.
    """

    # A reloaded tab connects again while its old program is still stopping: wait that long.
    handover_seconds = 5.0

    def __init__(
        self,
        command: str,
        port: int,
        font_size: int,
        title: str,
        *,
        single_tab: bool = False,
        on_session: SessionHook | None = None,
    ) -> None:
        super().__init__(command, host=HOST, port=port, title=title, templates_path=TEMPLATES)
        self.font_size = font_size
        self.token = secrets.token_urlsafe(24)  # 192 bits, new for every run
        self.single_tab = single_tab
        self.on_session = on_session
        self.own_hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.own_origins = {f"http://{host}" for host in self.own_hosts}
        self._tab = asyncio.Lock()
        self._open: set[asyncio.Transport] = set()  # of the tabs' websockets

    @property
    def address(self) -> str:
        """What the user opens; printed in the terminal only, never on a command line."""
        return f"{self.public_url}/?token={self.token}"

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_get("/ws/{token}", self.handle_websocket, name="session")
        app.middlewares.append(self._guard)
        app.on_response_prepare.append(self._headers)
        return app

    def _allowed(self, request: web.Request) -> bool:
        given = request.match_info.get("token") or request.query.get("token", "")
        if not secrets.compare_digest(given.encode(), self.token.encode()):
            return False
        if request.host not in self.own_hosts:  # a rebound DNS name is someone else's page
            return False
        origin = request.headers.get("Origin")
        if request.match_info.route.name in ("websocket", "session"):
            return origin in self.own_origins  # browsers always send it with a websocket
        return origin is None or origin in self.own_origins  # not sent when a page is opened

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Every address, the static files included, answers 403 without token and own Origin."""
        if not self._allowed(request):
            raise web.HTTPForbidden(text=REFUSED)
        return await handler(request)

    async def _headers(self, request: web.Request, response: web.StreamResponse) -> None:
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers.setdefault(
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"
        )

    def _page_policy(self, nonce: str) -> str:
        """The page's own files only, its websocket to this server only.

        xterm.js adds <style> elements while it runs, hence inline styles; scripts need
        the nonce of this one response.
        """
        sockets = " ".join(f"ws://{host}" for host in sorted(self.own_hosts))
        return (
            f"default-src 'none'; script-src 'self' 'nonce-{nonce}'; "
            "style-src 'self' 'unsafe-inline'; img-src 'self'; font-src 'self'; "
            f"connect-src {sockets}; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'"
        )

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        if "fontsize" not in request.query:  # ?fontsize=N in the address still wins
            raise web.HTTPFound(request.rel_url.update_query(fontsize=self.font_size))
        nonce = secrets.token_urlsafe(16)
        context = {
            "title": self.title,
            "font_size": to_int(request.query["fontsize"], self.font_size),
            "token": self.token,
            "nonce": nonce,
            "websocket_url": f"ws://{request.host}/ws/{self.token}",
            "single_tab": self.single_tab,
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Content-Security-Policy"] = self._page_policy(nonce)
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if self.single_tab:
            try:
                await asyncio.wait_for(self._tab.acquire(), self.handover_seconds)
            except TimeoutError:
                self._say("Tweede tabblad geweigerd: er is al een tabblad verbonden.")
                raise web.HTTPForbidden(text=SECOND_TAB) from None
        transport = request.transport
        try:
            if not self._tell(CONNECTED):
                raise web.HTTPServiceUnavailable(text=UNRECORDED)
            try:
                if isinstance(transport, asyncio.Transport):
                    self._open.add(transport)
                return await super().handle_websocket(request)
            finally:
                self._open.discard(transport)  # type: ignore[arg-type]
                self._tell(LEFT)
        finally:
            if self.single_tab:
                self._tab.release()

    async def on_shutdown(self, app: web.Application) -> None:
        """Ctrl+C ends open tabs at once, not at a timeout: their programs quit, LEFT is told."""
        for transport in list(self._open):
            transport.close()

    def _tell(self, event: str) -> bool:
        """Tell the terminal and the hook; False when the hook failed (said in the terminal)."""
        try:
            if self.on_session is not None:
                self.on_session(event)
        except Exception as error:
            self._say(f"Tabblad {event}, maar vastleggen lukte niet: {error!r}.")
            return False
        self._say(f"Tabblad {event}.")
        return True

    def _say(self, text: str) -> None:
        self.console.print(f"{datetime.now():%H:%M:%S} {text}", highlight=False)

    def initialize_logging(self) -> None:
        """textual-serve's logging, without aiohttp's access log: its lines carry the token."""
        super().initialize_logging()
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

    async def on_startup(self, app: web.Application) -> None:
        self.console.print("leidraad is te zien op dit adres:", highlight=False)
        self.console.print(f"[b]{self.address}[/]", highlight=False, soft_wrap=True)
        self.console.print(
            "Open het in een browser op deze computer; zonder het token erin opent de pagina "
            "niet. Lettergrootte aanpassen: zet &fontsize=28 achter het adres. Stoppen: Ctrl+C.",
            highlight=False,
        )
