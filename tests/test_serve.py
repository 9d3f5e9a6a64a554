"""`leidraad serve` in a real browser: the home screen reaches its own page, nothing reaches others.

The page draws the terminal on a canvas (xterm.js), so its DOM holds no text.
The test reads what the page's own websocket received (DevTools network
events), strips the terminal's escape codes, and checks that the home screen
arrived; that the page's script took it in (`-first-byte` on the body) and drew
a terminal; that the page asked nothing of any host but 127.0.0.1 and its
Content-Security-Policy blocked nothing it needs. A hostile page served from
another local port, in the same browser, gets no websocket and no page.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from aiohttp import web

from leidraad.serve import CONNECTED, LocalServer
from tests.browser import chromium_available, chromium_page, free_port, read_address
from tests.served import program, running, starts

pytestmark = pytest.mark.skipif(
    not chromium_available(),
    reason="Chromium is not installed (apt-get install chromium); "
    "the browser test of `leidraad serve` needs Debian's /usr/bin/chromium",
)


async def test_served_demo_shows_the_home_screen_in_chromium(tmp_path: Path) -> None:
    port = free_port()
    temporary = tmp_path / "tmp"  # where the served demonstration keeps its database
    temporary.mkdir()
    server = subprocess.Popen(
        [sys.executable, "-m", "leidraad", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "TMPDIR": str(temporary)},
    )
    try:
        address, printed = read_address(server, 30)
        async with chromium_page(tmp_path / "chromium") as page:
            await page.send("Page.navigate", url=address)
            text = await page.wait_for_text(["Casussen", "Gezin A.", "Familie D."], timeout=60)
            assert "DEMONSTRATIE" in text
            assert await page.evaluate("document.body.classList.contains('-first-byte')")
            assert await page.evaluate("document.querySelectorAll('.xterm-screen').length") == 1
            assert await page.evaluate("document.title") == "leidraad: demonstratie"
            local = (f"http://127.0.0.1:{port}/", f"ws://127.0.0.1:{port}/")
            outside = [u for u in page.requests if not u.startswith(local)]
            assert outside == [], "the page loads nothing from another host"
            assert await page.evaluate("window.__blocked") == []
            assert [p.name[:14] for p in temporary.iterdir()] == ["leidraad-demo-"]
    finally:
        server.terminate()
        try:
            output, _ = server.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            output, _ = server.communicate()
    output = printed + output
    assert f"{address}\n".encode() in output
    assert b"Tabblad verbonden." in output and b"Tabblad verlaten." in output
    assert list(temporary.iterdir()) == [], "stopping the server removes the demo database"


HOSTILE = """<!DOCTYPE html><script>
window.results = {};
function attempt(name, url) {
  const socket = new WebSocket(url);
  socket.onopen = () => { window.results[name] = "open"; };
  socket.onerror = () => { window.results[name] = "refused"; };
}
attempt("leaked token", "ws://127.0.0.1:PORT/ws/TOKEN?width=80&height=24");
attempt("via localhost", "ws://localhost:PORT/ws/TOKEN?width=80&height=24");
attempt("no token", "ws://127.0.0.1:PORT/ws?width=80&height=24");
fetch("http://127.0.0.1:PORT/?token=TOKEN&fontsize=20").then(
  (answer) => answer.text().then(() => { window.results["page"] = "read"; }),
  () => { window.results["page"] = "refused"; },
);
</script>"""


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # see served.py
async def test_a_page_from_another_local_port_gets_nothing(tmp_path: Path) -> None:
    seen = tmp_path / "seen"
    events: list[str] = []
    server = LocalServer(program(seen), free_port(), 20, "leidraad", on_session=events.append)
    hostile_page = HOSTILE.replace("PORT", str(server.port)).replace("TOKEN", server.token)
    hostile = web.Application()  # even knowing the token, it is not the server's own page

    async def hostile_index(request: web.Request) -> web.Response:
        return web.Response(text=hostile_page, content_type="text/html")

    hostile.router.add_get("/", hostile_index)
    runner = web.AppRunner(hostile)
    await runner.setup()
    hostile_port = free_port()
    await web.TCPSite(runner, "127.0.0.1", hostile_port).start()
    try:
        async with running(server), chromium_page(tmp_path / "chromium") as page:
            await page.send("Page.navigate", url=f"http://127.0.0.1:{hostile_port}/")
            await page.wait_for("Object.keys(window.results || {}).length === 4", timeout=30)
            assert await page.evaluate("window.results") == {
                "leaked token": "refused",
                "via localhost": "refused",
                "no token": "refused",
                "page": "refused",
            }
            assert (starts(seen), events) == ([], [])
            await page.send("Page.navigate", url=server.address)  # its own page gets in
            await page.wait_for("document.body.classList.contains('-loaded')", timeout=30)
            assert events == [CONNECTED]
            # and its policy keeps even the page itself from connecting anywhere else
            await page.evaluate("try { new WebSocket('ws://127.0.0.1:1/') } catch (e) {}")
            blocked = await page.wait_for("window.__blocked.length && window.__blocked", 10)
            assert blocked == ["connect-src ws://127.0.0.1:1/"]
    finally:
        await runner.cleanup()
