"""The same commands work against a team's PostgreSQL server, and a wrong address is explained."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from leidraad.cli import main
from leidraad.paths import Paths
from storage.database import Location
from storage.repository import Repository
from tests.conftest import family_case
from tests.postgres import PostgresServer


def run(paths: Paths, *args: str) -> Result:
    return CliRunner().invoke(main, ["--data-dir", str(paths.data_dir), *args])


def test_commands_use_the_server_given_by_url_or_environment(
    paths: Paths,
    postgres_server: PostgresServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = postgres_server.new_database()
    repo = Repository.open(Location(url=url))
    case = repo.save_case(family_case())
    assert case.id is not None
    repo.start_meeting(case.id, "Directe veiligheid")
    repo.engine.dispose()

    result = run(paths, "--database-url", url, "export", "Gezin J.")
    assert result.exit_code == 0, result.output
    monkeypatch.setenv("LEIDRAAD_DATABASE_URL", url)
    result = run(paths, "--gebruiker", "P. Jansen", "audit", "1")
    assert result.exit_code == 0, result.output
    assert "P. Jansen" not in result.output  # the export was logged under the login name
    assert "geëxporteerd" in result.output
    copy = tmp_path / "team.db"
    result = run(paths, "backup", "--out", str(copy))
    assert result.exit_code == 0, result.output
    assert copy.exists()
    assert not paths.database.exists()  # nothing was stored in a local database
    postgres_server.drop_database(url)


def test_an_unreachable_server_is_explained(paths: Paths) -> None:
    result = run(paths, "--database-url", "postgresql://niemand@127.0.0.1:1/leidraad", "backup")
    assert result.exit_code == 2
    assert "De databaseserver is niet bereikbaar" in result.output


def test_an_address_that_is_not_postgresql_is_explained(paths: Paths) -> None:
    result = run(paths, "--database-url", "mysql://server/leidraad", "backup")
    assert result.exit_code == 2
    assert "geen PostgreSQL-adres" in result.output
