"""`leidraad serve` opens for its own page with this run's token only (issue 23).

A web page from elsewhere in a browser on this computer, or another account on
it, reaches 127.0.0.1 too: without the token, or from another Origin, every
address answers 403 and no program starts. With real data, one tab at a time,
and each tab's coming and going is told (for the audit log). Only 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable
from pathlib import Path

import aiohttp
import pytest

from leidraad.serve import CONNECTED, LEFT, SECOND_TAB, LocalServer, SessionHook, app_command
from tests.browser import free_port
from tests.served import program, running, starts

# textual-serve 1.1.3 never closes a tab program's stdin; the transport is collected after
# the test's event loop has closed, which asyncio reports. Not something leidraad does.
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")

PROTECTION = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
}


def local_server(
    seen: Path, single_tab: bool = False, on_session: SessionHook | None = None
) -> LocalServer:
    return LocalServer(
        program(seen), free_port(), 20, "test", single_tab=single_tab, on_session=on_session
    )


def assert_protected(response: aiohttp.ClientResponse) -> None:
    for name, value in PROTECTION.items():
        assert response.headers.get(name) == value, name
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


async def refused_websocket(
    url: str, origin: str | None = None, headers: dict[str, str] | None = None
) -> int:
    """The handshake's status: 101 when the websocket opened (and is closed again)."""
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, origin=origin, headers=headers):
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


def test_every_run_has_its_own_long_token_and_the_tab_command_has_none(tmp_path: Path) -> None:
    first, second = local_server(tmp_path / "a"), local_server(tmp_path / "b")
    assert first.token != second.token
    assert len(first.token) >= 22  # token_urlsafe: 22 characters hold 128 bits
    assert first.address == f"http://127.0.0.1:{first.port}/?token={first.token}"
    assert first.token not in app_command(["demo"])


async def test_no_address_answers_without_the_right_token(tmp_path: Path) -> None:
    server = local_server(tmp_path / "seen")
    async with running(server) as base, aiohttp.ClientSession() as session:
        for path in ["/", "/?fontsize=20", "/static/js/textual.js", "/download/x", "/ws"]:
            for query in ["", "token=", "token=fout", f"token={server.token}x"]:
                joiner = "&" if "?" in path else "?"
                async with session.get(base + path + (joiner + query if query else "")) as answer:
                    assert answer.status == 403, (path, query)
                    assert "token" in await answer.text()
                    assert_protected(answer)
    assert starts(tmp_path / "seen") == []


async def test_the_page_with_its_token_keeps_it_through_the_font_size_redirect(
    tmp_path: Path,
) -> None:
    server = local_server(tmp_path / "seen")
    async with running(server) as base, aiohttp.ClientSession() as session:
        async with session.get(server.address, allow_redirects=False) as redirect:
            assert redirect.status == 302
            assert redirect.headers["Location"] == f"/?token={server.token}&fontsize=20"
            assert_protected(redirect)
        async with session.get(base + redirect.headers["Location"]) as page:
            assert page.status == 200
            html = await page.text()
            assert_protected(page)
            policy = page.headers["Content-Security-Policy"]
        async with session.get(f"{base}/static/js/textual.js?token={server.token}") as script:
            assert script.status == 200
            assert_protected(script)
    assert f'data-session-websocket-url="ws://127.0.0.1:{server.port}/ws/{server.token}"' in html
    (nonce,) = re.findall(r"'nonce-([\w-]+)'", policy)
    assert html.count("<script") == 2 and f'<script nonce="{nonce}">' in html
    assert "onclick" not in html.lower(), "inline handlers would need 'unsafe-inline'"
    assert f"connect-src ws://127.0.0.1:{server.port} ws://localhost:{server.port};" in policy
    assert "default-src 'none'" in policy and "'unsafe-eval'" not in policy


async def test_a_page_from_another_origin_is_refused(tmp_path: Path) -> None:
    server = local_server(tmp_path / "seen")
    async with running(server) as base, aiohttp.ClientSession() as session:
        for origin in ["http://evil.example.com", "http://127.0.0.1:9", "null"]:
            headers = {"Origin": origin}
            async with session.get(f"{server.address}&fontsize=20", headers=headers) as answer:
                assert answer.status == 403
        rebound = {"Host": f"evil.example.com:{server.port}"}  # DNS rebinding
        async with session.get(f"{server.address}&fontsize=20", headers=rebound) as answer:
            assert answer.status == 403
    assert base.startswith("http://127.0.0.1:")


async def test_the_websocket_opens_only_with_token_and_own_origin(tmp_path: Path) -> None:
    seen = tmp_path / "seen"
    server = local_server(seen)
    own = server.public_url
    async with running(server) as base:
        socket = base.replace("http:", "ws:") + "/ws"
        good = f"{socket}/{server.token}"
        assert await refused_websocket(socket, origin=own) == 403
        assert await refused_websocket(f"{socket}/fout", origin=own) == 403
        assert await refused_websocket(f"{socket}/{server.token}x", origin=own) == 403
        assert await refused_websocket(good, origin="http://evil.example.com") == 403
        assert await refused_websocket(good, origin=f"http://127.0.0.1:{free_port()}") == 403
        assert await refused_websocket(good) == 403  # no Origin at all
        rebound = {"Host": f"evil.example.com:{server.port}"}
        assert await refused_websocket(good, origin=own, headers=rebound) == 403
        assert starts(seen) == [], "a refused websocket starts no program"
        assert await refused_websocket(good, origin=own) == 101
        assert await refused_websocket(good, origin=f"http://localhost:{server.port}") == 101
    assert len(starts(seen)) == 2
    assert server.token not in seen.read_text(), "the tab's program never sees the token"


async def test_each_tab_is_told_once_when_it_connects_and_leaves(tmp_path: Path) -> None:
    events: list[str] = []
    server = local_server(tmp_path / "seen", on_session=events.append)
    async with running(server), aiohttp.ClientSession() as session:
        url = f"ws://127.0.0.1:{server.port}/ws/{server.token}"
        async with session.ws_connect(url, origin=server.public_url):
            assert events == [CONNECTED]
        await _until(lambda: events == [CONNECTED, LEFT])
        assert await refused_websocket(url, origin="http://evil.example.com") == 403
        assert events == [CONNECTED, LEFT], "a refused tab is not a session"


async def test_with_real_data_a_second_tab_is_refused_while_the_first_is_open(
    tmp_path: Path,
) -> None:
    events: list[str] = []
    seen = tmp_path / "seen"
    server = local_server(seen, single_tab=True, on_session=events.append)
    server.handover_seconds = 0.05
    async with running(server), aiohttp.ClientSession() as session:
        url = f"ws://127.0.0.1:{server.port}/ws/{server.token}"
        async with session.ws_connect(url, origin=server.public_url):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                async with session.ws_connect(url, origin=server.public_url):
                    pass
            assert refused.value.status == 403
            assert len(starts(seen)) == 1
        await _until(lambda: events == [CONNECTED, LEFT])
        async with session.ws_connect(url, origin=server.public_url):  # free again
            assert events == [CONNECTED, LEFT, CONNECTED]
    assert events == [CONNECTED, LEFT, CONNECTED, LEFT], "stopping the server ends the tab"
    assert "één tabblad" in SECOND_TAB


async def test_a_reloaded_tab_gets_in_while_its_old_program_stops(tmp_path: Path) -> None:
    events: list[str] = []
    server = local_server(tmp_path / "seen", single_tab=True, on_session=events.append)
    async with running(server), aiohttp.ClientSession() as session:
        url = f"ws://127.0.0.1:{server.port}/ws/{server.token}"
        old = await session.ws_connect(url, origin=server.public_url)
        await old.close()  # the old page unloads; the new one connects right away
        async with session.ws_connect(url, origin=server.public_url):
            assert events == [CONNECTED, LEFT, CONNECTED]


async def test_a_failing_audit_hook_refuses_the_tab(tmp_path: Path) -> None:
    def broken(event: str) -> None:
        raise RuntimeError("audit log unavailable")

    seen = tmp_path / "seen"
    server = local_server(seen, single_tab=True, on_session=broken)
    async with running(server):
        url = f"ws://127.0.0.1:{server.port}/ws/{server.token}"
        assert await refused_websocket(url, origin=server.public_url) == 503
        assert await refused_websocket(url, origin=server.public_url) == 503, "the tab is free"
    assert starts(seen) == []


async def _until(condition: Callable[[], bool]) -> None:
    """Wait for the server's side of a closed websocket, without a fixed sleep."""
    for _ in range(400):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the condition did not come true within 4 s")
