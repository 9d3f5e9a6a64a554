"""`leidraad serve` in a real browser: the home screen of the demonstration reaches the page.

The page draws the terminal on a canvas (xterm.js), so its DOM holds no text.
The test reads what the page's own websocket received (DevTools network
events), strips the terminal's escape codes, and checks that the home screen
arrived; that the page's script took it in (`-first-byte` on the body) and drew
a terminal; and that the page asked nothing of any host but 127.0.0.1.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser import chromium_available, chromium_page, free_port, wait_for_port

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
        wait_for_port(port, 30, server)
        async with chromium_page(tmp_path / "chromium") as page:
            await page.send("Page.navigate", url=f"http://127.0.0.1:{port}/")
            text = await page.wait_for_text(["Casussen", "Gezin A.", "Familie D."], timeout=60)
            assert "DEMONSTRATIE" in text
            assert await page.evaluate("document.body.classList.contains('-first-byte')")
            assert await page.evaluate("document.querySelectorAll('.xterm-screen').length") == 1
            assert await page.evaluate("document.title") == "leidraad: demonstratie"
            local = (f"http://127.0.0.1:{port}/", f"ws://127.0.0.1:{port}/")
            outside = [u for u in page.requests if not u.startswith(local)]
            assert outside == [], "the page loads nothing from another host"
            assert [p.name[:14] for p in temporary.iterdir()] == ["leidraad-demo-"]
    finally:
        server.terminate()
        try:
            output, _ = server.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            output, _ = server.communicate()
    assert b"127.0.0.1" in output
    assert list(temporary.iterdir()) == [], "stopping the server removes the demo database"
