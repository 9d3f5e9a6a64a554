"""`leidraad serve` on the command line: demo by default, real data only when asked, local only."""

from __future__ import annotations

import shlex
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from leidraad.cli import main
from leidraad.serve import HOST, LocalServer


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[LocalServer]:
    started: list[LocalServer] = []
    monkeypatch.setattr(LocalServer, "serve", lambda self, debug=False: started.append(self))
    return started


def test_serve_shows_the_demonstration_on_this_computer_only(served: list[LocalServer]) -> None:
    result = CliRunner().invoke(main, ["serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    (server,) = served
    assert (server.host, server.port, HOST) == ("127.0.0.1", 8123, "127.0.0.1")
    assert shlex.split(server.command)[-3:] == ["-m", "leidraad", "demo"]
    assert server.font_size == 20


def test_real_data_needs_the_flag_and_gets_a_warning(
    served: list[LocalServer], tmp_path: Path
) -> None:
    folder = tmp_path / "echt"
    result = CliRunner().invoke(
        main, ["--data-dir", str(folder), "serve", "--echte-gegevens", "--port", "8124"]
    )
    assert result.exit_code == 0, result.output
    assert "echte gegevens" in result.output
    assert shlex.split(served[0].command)[-2:] == ["--data-dir", str(folder.resolve())]


def test_a_taken_port_gets_a_dutch_message(served: list[LocalServer]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 1
    assert f"poort {port} op 127.0.0.1 is al in gebruik" in result.output
    assert served == []


def test_real_data_serves_one_tab_and_logs_each_tab_without_a_case(
    served: list[LocalServer], tmp_path: Path
) -> None:
    from leidraad.paths import Paths
    from storage.repository import Repository

    folder = tmp_path / "echt"
    result = CliRunner().invoke(
        main, ["--data-dir", str(folder), "serve", "--echte-gegevens", "--port", "8125"]
    )
    assert result.exit_code == 0, result.output
    (server,) = served
    assert server.single_tab
    assert server.on_session is not None
    server.on_session("verbonden")
    server.on_session("verlaten")
    repo = Repository.open(Paths(folder.resolve()).database)
    lines = [(e.case_id, e.detail) for e in repo.audit_log(None) if e.action == "browser"]
    assert lines == [(None, "tabblad verbonden"), (None, "tabblad verlaten")]


def test_the_demonstration_is_not_limited_to_one_tab(served: list[LocalServer]) -> None:
    result = CliRunner().invoke(main, ["serve", "--port", "8126"])
    assert result.exit_code == 0, result.output
    assert not served[0].single_tab
    assert served[0].on_session is None
