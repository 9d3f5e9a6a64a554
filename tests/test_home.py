"""The home screen: finding a case, and the list shown while the data are still opening."""

from __future__ import annotations

import threading

from textual.pilot import Pilot

from leidraad.app import LeidraadApp, Opened
from leidraad.core.domain import Case, format_count
from leidraad.paths import Paths
from questionsets.loader import load_guide
from screens.case_detail import CaseScreen
from storage.case_list import LIST_LIMIT, quick_case_list
from storage.repository import Repository
from tests.conftest import FIXED_DAY, family_case
from tests.helpers import make_app, notices, screen_text, type_text, wait_until


async def test_searching_narrows_the_list_and_says_when_nothing_matches(
    paths: Paths, repo: Repository
) -> None:
    repo.save_case(family_case())
    repo.save_case(Case("Familie K."))
    app = make_app(paths, repo)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "Gezin J." in screen_text(pilot) and "Familie K." in screen_text(pilot)
        await pilot.press("/")
        await type_text(pilot, "famil")
        text = screen_text(pilot)
        assert "Familie K." in text and "Gezin J." not in text
        await type_text(pilot, "x")
        assert "Geen casus gevonden met 'familx'." in screen_text(pilot)
        await pilot.press("escape")  # clears the search
        await pilot.pause()
        assert "Gezin J." in screen_text(pilot)


async def test_a_long_list_shows_a_page_and_says_how_to_find_the_rest(
    paths: Paths, repo: Repository
) -> None:
    for i in range(LIST_LIMIT + 2):
        repo.save_case(Case(f"Gezin {i:04d}"))
    app = make_app(paths, repo)
    async with app.run_test(size=(100, 30)) as pilot:
        assert f"De eerste {LIST_LIMIT} van {LIST_LIMIT + 2} casussen" in screen_text(pilot)
        await pilot.press("/")
        await type_text(pilot, "0301")
        text = screen_text(pilot)
        assert "Gezin 0301" in text and "De eerste" not in text


async def opened(pilot: Pilot[None], app: LeidraadApp) -> None:
    """Wait until the worker has handed the data to the screen."""
    await wait_until(pilot, lambda: app.has_data, "the data to open")
    await pilot.pause()


def test_large_numbers_are_written_the_dutch_way() -> None:
    assert [format_count(n) for n in (7, 300, 10_000, 1_234_567)] == [
        "7",
        "300",
        "10.000",
        "1.234.567",
    ]


async def test_the_cases_show_before_the_data_are_open_and_open_once_they_are(
    paths: Paths, repo: Repository
) -> None:
    """The start-up path: the list read straight from the file, the rest in a worker."""
    repo.save_case(family_case())
    release = threading.Event()

    def load() -> Opened:
        release.wait(10)
        return Opened(repo, load_guide([]))

    app = LeidraadApp(
        None,
        None,
        paths,
        today=lambda: FIXED_DAY,
        loader=load,
        preview=lambda: quick_case_list(paths.database, FIXED_DAY),
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "Gezin J." in screen_text(pilot), "the quick list")
        assert not app.has_data
        await pilot.press("enter")
        assert "Nog even geduld" in notices(pilot)
        assert not isinstance(app.screen, CaseScreen)

        release.set()
        await opened(pilot, app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)


async def test_a_search_typed_while_opening_is_applied_when_the_data_are_open(
    paths: Paths, repo: Repository
) -> None:
    repo.save_case(family_case())
    repo.save_case(Case("Familie K."))
    release = threading.Event()

    def load() -> Opened:
        release.wait(10)
        return Opened(repo, load_guide([]))

    app = LeidraadApp(None, None, paths, today=lambda: FIXED_DAY, loader=load)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("/")
        await type_text(pilot, "famil")
        release.set()
        await opened(pilot, app)
        text = screen_text(pilot)
        assert "Familie K." in text and "Gezin J." not in text


async def test_a_list_that_arrives_before_the_screen_is_ready_is_shown_once_it_is(
    paths: Paths, repo: Repository
) -> None:
    """On a busy laptop the worker can be quicker than the first screen."""
    from screens.home import HomeScreen

    repo.save_case(family_case())
    listed = quick_case_list(paths.database, FIXED_DAY)
    assert listed is not None
    early = HomeScreen(None)
    early.preview(listed)
    app = make_app(paths, repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(early)
        await pilot.pause()
        assert "Gezin J." in screen_text(pilot)
