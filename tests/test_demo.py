"""The demonstration: five invented families, each complete enough to teach with."""

from __future__ import annotations

import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from exports.documents import DocumentRequest, Format, document_filename, save_document
from exports.files import history_filename
from exports.history import save_history
from exports.variants import Variant
from leidraad.cli import main
from leidraad.core.domain import MeetingStatus, Phase
from leidraad.core.voice import clients, voices_for
from leidraad.demo import FAMILIES
from leidraad.demo.seed import demo_database
from leidraad.paths import Paths
from questionsets.loader import load_guide
from screens.case_detail import CaseScreen
from screens.meeting.screen import MeetingScreen
from storage.repository import Repository
from tests.conftest import FIXED_DAY, family_case
from tests.helpers import make_app, screen_text


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built once per test worker; every test gets its own copy of the file."""
    with demo_database(load_guide([]), FIXED_DAY) as session:
        session.repo.engine.dispose()
        folder = tmp_path_factory.mktemp("demo")
        shutil.copy(session.paths.database, folder / "leidraad.db")
    return folder / "leidraad.db"


@pytest.fixture
def demo_repo(built_demo: Path, paths: Paths) -> Iterator[Repository]:
    shutil.copy(built_demo, paths.database)
    repository = Repository.open(paths.database)
    yield repository
    repository.engine.dispose()


def test_one_family_per_profile_each_with_a_history() -> None:
    profiles = {f.profile for f in FAMILIES}
    assert profiles == {
        "intieme terreur",
        "gezin in de stress",
        "kindgedrag en opvoedstress",
        "langdurige zorg",
        "conflictscheiding",
    }
    for family in FAMILIES:
        held = [m for m in family.meetings if m.held]
        assert 2 <= len(held) <= 5, family.alias
        assert all(m.days_ago > 0 for m in held), "held meetings lie in the past"


def test_the_families_are_spread_over_the_phases_and_one_fell_back(
    demo_repo: Repository,
) -> None:
    cases = {c.alias: c for c in demo_repo.list_cases()}
    assert [c.phase for c in cases.values()].count(Phase.HERSTEL) == 1
    flags = demo_repo.case_flags(FIXED_DAY)
    fell_back = [alias for alias, c in cases.items() if flags[c.id].fell_back]
    assert fell_back == ["Familie D."]
    assert {c.phase for c in cases.values()} == set(Phase)
    for case in cases.values():
        history = demo_repo.case_history(case.id)
        held = [m for m in history.meetings if m.status is MeetingStatus.AFGESLOTEN]
        assert all(m.held_on < FIXED_DAY for m in held)
        assert any(a.reviews for a in history.actions), "actions are ticked off later"
        given = [s for s in history.sheets if any(c.score is not None for c in s.scores)]
        assert len(given) >= 2, "scores over time"
        assert any(p.version is not None for p in history.plans)
        assert any(r.outcome is not None for a in history.actions for r in a.reviews)


def test_every_meeting_of_every_demo_case_exports_in_every_version(
    demo_repo: Repository, paths: Paths
) -> None:
    guide = load_guide([])
    written = 0
    for summary in demo_repo.list_cases():
        case = demo_repo.get_case(summary.id)
        for listed in demo_repo.list_meetings(summary.id):
            meeting = demo_repo.get_meeting(listed.id)
            followup = demo_repo.meeting_followup(listed.id)
            requests = [
                DocumentRequest(Variant.VOLLEDIG),
                DocumentRequest(Variant.VOLLEDIG, format=Format.HTML),
                *(DocumentRequest(Variant.CLIENT, client=m.key) for m in case.adults),
                DocumentRequest(Variant.ACTIES),
                *(DocumentRequest(Variant.PARTNER, p.organisation) for p in case.partners),
                *(
                    DocumentRequest(Variant.VOORBEREIDING, client=v.member)
                    for v in clients(voices_for(case, meeting.voices))
                ),
            ]
            for request in requests:
                target = paths.minutes_dir / document_filename(case, meeting, request)
                path = save_document(case, meeting, guide, request, target, False, followup)
                assert case.alias in path.read_text(encoding="utf-8")
                written += 1
        history = demo_repo.case_history(summary.id)
        target = paths.minutes_dir / history_filename(case.alias, FIXED_DAY)
        assert case.alias in save_history(history, target, FIXED_DAY).read_text(encoding="utf-8")
    assert written > 100


def test_what_is_marked_stays_out_of_the_wrong_version(demo_repo: Repository, paths: Paths) -> None:
    def export(*args: str) -> str:
        out = paths.data_dir / "uit.md"
        where = ["--data-dir", str(paths.data_dir)]
        target = ["--out", str(out), "--overschrijven"]
        command = [*where, "export", "Gezin A.", *target, *args, "--ja"]
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 0, result.output
        return out.read_text(encoding="utf-8")

    police_only = "Politie onderzoekt van wie het nieuwe nummer is"
    assert police_only not in export()
    assert police_only in export("--variant", "partner", "--partner", "Politie")
    for who in ("moeder", "vader"):
        client = export("--variant", "client", "--client", who, "--meeting", "1")
        assert "toezicht van de reclassering" not in client


async def test_every_demo_case_opens_and_a_meeting_reads_back(
    demo_repo: Repository, paths: Paths
) -> None:
    app = make_app(paths, demo_repo)
    aliases = [c.alias for c in demo_repo.list_cases()]
    async with app.run_test(size=(120, 40)) as pilot:
        for row, alias in enumerate(aliases):
            await pilot.press("home", *["down"] * row, "enter")
            assert isinstance(app.screen, CaseScreen)
            text = screen_text(pilot)
            assert f"Casus: {alias}" in text and "Veiligheid door de tijd" in text
            if alias == "Gezin A.":  # the newest meeting, as it was typed
                app.screen.query_one("#meetings").focus()
                await pilot.press("enter")
                assert isinstance(app.screen, MeetingScreen)
                assert "overleg 2" in screen_text(pilot)
                await pilot.press("escape")
            await pilot.press("escape")
            await pilot.pause()


def _snapshot(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file and folder under `folder`: mode, modification time and bytes."""
    found: dict[str, tuple[int, int, bytes]] = {}
    for path in sorted([folder, *folder.rglob("*")]):
        info = path.stat()
        content = path.read_bytes() if path.is_file() else b""
        found[str(path.relative_to(folder))] = (info.st_mode, info.st_mtime_ns, content)
    return found


def test_the_demo_never_touches_the_real_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leidraad.app import LeidraadApp

    real = Paths(tmp_path / "echt")
    real.prepare()
    repository = Repository.open(real.database)
    repository.save_case(family_case())
    repository.engine.dispose()
    (real.minutes_dir / "gezin-j-overleg-1.md").write_text("echt verslag\n")
    (real.data_dir / "weergave.json").write_text('{"theme": "textual-light"}\n')
    loose = real.data_dir / "vragensets"
    loose.mkdir()
    (loose / "eigen.toml").write_text("# een eigen set\n")
    # A loosened mode would be tightened by any start on this folder: the demo must not.
    (loose / "eigen.toml").chmod(0o644)
    before = _snapshot(real.data_dir)
    monkeypatch.setenv("LEIDRAAD_DATA_DIR", str(real.data_dir))
    monkeypatch.setenv("LEIDRAAD_QUESTIONSETS", str(loose))
    seen: dict[str, object] = {}

    async def look_around(pilot) -> None:  # type: ignore[no-untyped-def]
        app = pilot.app
        await pilot.pause()
        seen["banner"] = screen_text(pilot)
        seen["folder"] = app.context.minutes_dir.parent
        seen["cases"] = len(app.context.repo.list_cases())
        await pilot.press("f2")  # a theme change is kept for the session only
        await pilot.press("enter", "n")  # open a case, start a meeting, type something
        await pilot.pause()
        await pilot.press("ctrl+q")

    def run_headless(self: LeidraadApp) -> None:
        LeidraadApp.__bases__[0].run(self, headless=True, size=(100, 30), auto_pilot=look_around)

    monkeypatch.setattr(LeidraadApp, "run", run_headless)
    result = CliRunner().invoke(main, ["--data-dir", str(real.data_dir), "demo"])
    assert result.exit_code == 0, result.output
    assert "DEMONSTRATIE – verzonnen gezinnen, geen echte gegevens" in str(seen["banner"])
    assert "Gezin A.: intieme terreur" in str(seen["banner"])
    assert seen["cases"] == 5
    demo_folder = Path(str(seen["folder"]))
    assert real.data_dir not in demo_folder.parents
    assert not demo_folder.exists(), "the temporary demo folder is removed on exit"
    assert _snapshot(real.data_dir) == before


def _never_open_the_program(monkeypatch: pytest.MonkeyPatch) -> None:
    from leidraad.app import LeidraadApp

    def refuse(self: LeidraadApp) -> None:
        raise AssertionError("demo --bewaar must not start the program")

    monkeypatch.setattr(LeidraadApp, "run", refuse)


def test_demo_bewaar_keeps_the_families_in_an_ordinary_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _never_open_the_program(monkeypatch)
    folder = tmp_path / "training" / "demo"
    result = CliRunner().invoke(main, ["demo", "--bewaar", str(folder)])
    assert result.exit_code == 0, result.output
    assert f"De demonstratie is bewaard in {folder}" in result.output
    assert "Gezin A. (intieme terreur)" in result.output
    assert f"uv run leidraad --data-dir {folder}" in result.output
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "leidraad.db").stat().st_mode) == 0o600

    export = ["--data-dir", str(folder), "export", "Gezin A.", "--variant", "client"]
    result = CliRunner().invoke(main, [*export, "--client", "vader", "--ja"])
    assert result.exit_code == 0, result.output
    [written] = (folder / "verslagen").glob("*-voor-vader.md")
    text = written.read_text(encoding="utf-8")
    assert "Dit verslag is voor jou, vader." in text
    for hers in ("Ik ga niet terug", "over mijn schouder", "nieuw telefoonnummer", "moeder gaf"):
        assert hers not in text
    log = CliRunner().invoke(main, ["--data-dir", str(folder), "audit", "Gezin A."])
    assert log.exit_code == 0, log.output
    assert "verslag overleg 2 (client, persoon 2); gecontroleerd:" in log.output


def test_demo_bewaar_refuses_a_folder_that_holds_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _never_open_the_program(monkeypatch)
    real = Paths(tmp_path / "echt")
    real.prepare()
    repository = Repository.open(real.database)
    repository.save_case(family_case())
    repository.engine.dispose()
    before = _snapshot(real.data_dir)
    result = CliRunner().invoke(main, ["demo", "--bewaar", str(real.data_dir)])
    assert result.exit_code == 1
    assert "is niet leeg. De demonstratie komt alleen in een nieuwe of lege map" in result.output
    assert _snapshot(real.data_dir) == before

    empty = tmp_path / "leeg"
    empty.mkdir(mode=0o755)
    result = CliRunner().invoke(main, ["demo", "--bewaar", str(empty)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(empty.stat().st_mode) == 0o700


def test_demo_bewaar_leaves_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import leidraad.demo.seed as seed

    def broken(*args: object, **kwargs: object) -> list[int]:
        raise seed.DemoContentError("Gezin A.: kapot")

    monkeypatch.setattr(seed, "build_demo", broken)
    folder = tmp_path / "nieuw"
    result = CliRunner().invoke(main, ["demo", "--bewaar", str(folder)])
    assert result.exit_code != 0
    assert not folder.exists()
