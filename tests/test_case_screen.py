"""The case screen and its form read and write no more than they must."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input

from leidraad.paths import Paths
from screens.audit_log import AuditLogScreen
from screens.case_detail import CaseScreen
from screens.case_form import CaseFormScreen
from screens.export_screen import ExportScreen
from screens.preparation import PreparationScreen
from screens.widgets.fields_dialog import FieldsDialog
from screens.widgets.prompt import ConfirmDialog
from storage.repository import Repository
from tests.conftest import family_case
from tests.followup_data import three_meetings
from tests.helpers import make_app, notices, screen_text, settle, type_into, type_text, wait_until

COUNTED = ("case_history", "get_case", "list_meetings", "save_case")


def count_calls(repo: Repository, monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often the screens ask the repository for these, calls from inside it included.

    Counted at the stores the repository passes each call to, where its own calls land too.
    """
    calls: Counter[str] = Counter()
    stores = {"case_history": repo.followup, "list_meetings": repo.meetings}
    for name in COUNTED:
        store = stores.get(name, repo.cases)
        original = getattr(store, name)

        def counted(
            *args: object, _name: str = name, _original: Callable[..., object] = original
        ) -> object:
            calls[_name] += 1
            return _original(*args)

        monkeypatch.setattr(store, name, counted)
    return calls


async def test_the_case_screen_loads_the_case_once_each_time_it_is_shown(
    paths: Paths, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    three_meetings(repo)
    calls = count_calls(repo, monkeypatch)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        calls.clear()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert "Casus: Gezin J." in screen_text(pilot)
        # The history holds the case and its meetings: nothing is read beside it.
        assert calls["case_history"] == 1
        assert calls["list_meetings"] == 1

        calls.clear()
        await pilot.press("l")
        assert isinstance(app.screen, AuditLogScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert calls["case_history"] == 1

        # A dialog that changes the case: its callback does not load it a second time.
        await pilot.press("o")
        assert isinstance(app.screen, FieldsDialog)
        await type_text(pilot, "01-12-2026")
        calls.clear()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert calls["case_history"] == 1
        assert "01-12-2026" in screen_text(pilot)

        await pilot.press("s")
        assert isinstance(app.screen, FieldsDialog)
        await type_text(pilot, "verhuisd")
        calls.clear()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert calls["case_history"] == 1
        assert "Gesloten op" in screen_text(pilot)


async def test_the_preparation_screen_has_every_family_member(
    paths: Paths, repo: Repository
) -> None:
    _, ids, _ = three_meetings(repo)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PreparationScreen)
        # The newest meeting is on top of the list, so it is the one chosen.
        assert screen.meeting.id == ids[-1]
        assert screen.voices == repo.client_voices(ids[-1])
        assert [v.member for v in screen.voices] == ["moeder", "vader", "Sam"]


@pytest.mark.both_backends  # PostgreSQL never gives a rewritten member its old id back
async def test_leaving_the_case_form_unchanged_writes_nothing(
    paths: Paths, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    # A later case, so SQLite cannot give rewritten members their old ids back either.
    later = family_case()
    later.alias = "Gezin K."
    repo.save_case(later)
    calls = count_calls(repo, monkeypatch)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "b")
        await pilot.pause()
        assert isinstance(app.screen, CaseFormScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert calls["save_case"] == 0

        # Once saved, the members have new ids but the form's rows the old ones:
        # that alone is no change.
        await pilot.press("b")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, CaseFormScreen)
        await type_into(pilot, form.query_one("#regie", Input), "Wijkteam, C. Smit")
        await wait_until(pilot, lambda: calls["save_case"] == 1, "the save after typing")
        await settle(pilot)
        assert calls["save_case"] == 1
        stored = repo.get_case(case.id)
        log = repo.audit_log(case.id)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert calls["save_case"] == 1

    assert stored.regie == "Wijkteam, C. Smit"
    assert repo.get_case(case.id) == stored  # the same member and partner ids
    assert repo.audit_log(case.id) == log


def exported(repo: Repository, case_id: int) -> list[str]:
    """The "geëxporteerd" lines of the case's logboek: one per file written."""
    return [e.detail for e in repo.audit_log(case_id) if e.action == "geëxporteerd"]


async def run_from_palette(pilot: Pilot[None], words: str) -> None:
    """Ctrl+P, type, and Enter once the command the words find is highlighted."""
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), "the palette")
    await type_text(pilot, words)
    results = pilot.app.screen.query_one(CommandList)
    await wait_until(pilot, lambda: results.highlighted is not None, f"a command for {words!r}")
    await pilot.press("enter")
    await wait_until(pilot, lambda: not isinstance(pilot.app.screen, CommandPalette), "to close")


async def test_the_course_of_the_case_is_saved_from_the_palette_and_logged_once(
    paths: Paths, repo: Repository
) -> None:
    case_id, _, _ = three_meetings(repo)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, CaseScreen), "the case")
        await run_from_palette(pilot, "verloop exporteren")
        await settle(pilot)
        [written] = paths.minutes_dir.glob("gezin-j-1-verloop-*.md")
        assert written.read_text(encoding="utf-8").startswith("# Verloop van de casus: Gezin J.")
        assert f"Verloop opgeslagen: {written}" in notices(pilot)
        assert exported(repo, case_id) == ["verloop van de casus"]

        # The same day again: the file that is there is only replaced when asked.
        written.write_text("met de hand aangevuld", encoding="utf-8")
        await run_from_palette(pilot, "verloop exporteren")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("escape")
        await settle(pilot)
        assert written.read_text(encoding="utf-8") == "met de hand aangevuld"
        await run_from_palette(pilot, "verloop exporteren")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.click("#yes")
        await settle(pilot)
        assert written.read_text(encoding="utf-8").startswith("# Verloop van de casus")
    assert len(exported(repo, case_id)) == 1  # one file: its lines fold into one


async def test_the_minutes_saved_from_the_case_screen_are_logged_once(
    paths: Paths, repo: Repository
) -> None:
    case_id, _, _ = three_meetings(repo)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter", "v")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen), "the export screen")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Bewaard:" in screen_text(pilot)
    [written] = paths.minutes_dir.glob("*.md")
    assert written.name == "gezin-j-1-overleg-3-2026-09-08.md"
    assert exported(repo, case_id) == ["verslag overleg 3 (volledig)"]
