"""Themes for a projector: F2 cycles them, the palette lists them, the choice is remembered."""

from __future__ import annotations

import stat
from pathlib import Path

from leidraad.app import LeidraadApp
from leidraad.paths import Paths
from questionsets.loader import load_guide
from screens.themes import PRESENTATION_DARK, THEME_CYCLE, next_theme
from storage.repository import Repository
from storage.settings import Display, display_file, load_display, save_display
from tests.conftest import FIXED_DAY
from tests.helpers import make_app


def test_next_theme_walks_the_cycle_and_starts_over() -> None:
    names = list(THEME_CYCLE)
    assert [next_theme(n) for n in names] == [*names[1:], names[0]]
    assert next_theme("een-onbekend-thema") == names[0]


async def test_f2_switches_to_the_presentation_theme_and_remembers_it(
    paths: Paths, repo: Repository
) -> None:
    app = make_app(paths, repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert app.theme == PRESENTATION_DARK.name
        assert app.has_class("-presentatie")
    saved = display_file(paths.data_dir)
    assert load_display(saved).theme == PRESENTATION_DARK.name
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    again = make_app(paths, repo)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert again.theme == PRESENTATION_DARK.name


async def test_a_demonstration_keeps_the_theme_for_the_session_only(
    paths: Paths, repo: Repository
) -> None:
    app = LeidraadApp(repo, load_guide([]), paths, today=lambda: FIXED_DAY, demo=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f2", "f2")
        await pilot.pause()
        assert "DEMONSTRATIE" in app.sub_title
    assert not display_file(paths.data_dir).exists()


async def test_the_palette_lists_the_main_actions(paths: Paths, repo: Repository) -> None:
    app = make_app(paths, repo)
    async with app.run_test(size=(100, 30)):
        titles = [c.title for c in app.get_system_commands(app.screen)]
    for title in ("Nieuwe casus", "Gids bekijken", "Presentatiethema", "Volgend thema (F2)"):
        assert title in titles


def test_a_damaged_settings_file_gives_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "weergave.json"
    for content in ("", "{niet json", '{"theme": 12}', "[]"):
        path.write_text(content)
        assert load_display(path) == Display()
    assert load_display(tmp_path / "bestaat-niet.json") == Display()
    save_display(path, Display(theme="textual-light"))
    assert load_display(path).theme == "textual-light"
