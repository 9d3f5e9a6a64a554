"""Fixtures make data, never share it: every test gets its own data folder."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from leidraad.core.domain import Case, FamilyMember, MemberRole, Partner, Phase, Stage
from leidraad.core.guide import ClientVoiceSet, Guide, PhaseSet, Question
from leidraad.paths import Paths
from storage.database import Location
from storage.repository import Repository
from tests.postgres import SKIP_REASON, PostgresServer, find_binaries

FIXED_DAY = date(2026, 11, 24)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "both_backends: run the test on SQLite and on a real PostgreSQL server"
    )
    config.addinivalue_line("markers", "sqlite_only: about the SQLite file itself")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked both_backends (and using the database) run once per backend."""
    if "backend" not in metafunc.fixturenames:
        return
    node = metafunc.definition
    if node.get_closest_marker("both_backends") and not node.get_closest_marker("sqlite_only"):
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    binaries = find_binaries()
    if binaries is None:
        pytest.skip(SKIP_REASON)
    server = PostgresServer(binaries).start()
    yield server
    server.stop()


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def location(backend: str, paths: Paths, request: pytest.FixtureRequest) -> Iterator[Location]:
    """The test's database: the data folder's SQLite file, or a fresh database on the server."""
    if backend == "sqlite":
        yield Location(path=paths.database)
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.new_database()
    yield Location(url=url)
    server.drop_database(url)


@pytest.fixture(autouse=True)
def _no_real_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that forgets its data folder writes to a temporary one, never the user's."""
    monkeypatch.setenv("LEIDRAAD_DATA_DIR", str(tmp_path / "standaard"))


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    result = Paths(tmp_path / "data")
    result.prepare()
    return result


@pytest.fixture
def repo(location: Location) -> Iterator[Repository]:
    repository = Repository.open(location)
    yield repository
    repository.engine.dispose()


def small_guide() -> Guide:
    """A guide built in code, so domain and storage tests do not depend on the content files."""

    def questions(prefix: str, count: int) -> tuple[Question, ...]:
        return tuple(
            Question(f"{prefix}-{i}", f"Vraag {prefix} {i}?", "", ("Doorvraag?",))
            for i in range(1, count + 1)
        )

    phases = {
        phase: PhaseSet(
            id=phase.value,
            phase=phase,
            title=phase.label,
            version="test",
            based_on="test",
            stages={stage: questions(f"{phase.value[:2]}-{stage.value[:2]}", 2) for stage in Stage},
        )
        for phase in Phase
    }
    voice = ClientVoiceSet(
        "clientstem", "Stem", "test", "test", "Welk cijfer?", "Hoe hoger?", questions("cs", 1)
    )
    return Guide(phases, voice)


def family_case() -> Case:
    return Case(
        alias="Gezin J.",
        phase=Phase.DIRECTE_VEILIGHEID,
        regie="Veilig Thuis, A. de Vries",
        members=[
            FamilyMember("moeder", MemberRole.OUDER),
            FamilyMember("vader", MemberRole.PARTNER),
            FamilyMember("Sam", MemberRole.KIND, 8),
        ],
        partners=[Partner("Veilig Thuis", "A. de Vries"), Partner("Politie", "B. Bakker")],
    )


@pytest.fixture(autouse=True)
def _steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor made the screen snapshots depend on timing; keep it still."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)
