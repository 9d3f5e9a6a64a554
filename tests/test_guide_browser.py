"""The guide browser: every question set readable without a case, from the keyboard."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static, Tree

from leidraad.app import GuideApp
from leidraad.core.domain import Phase, Stage
from leidraad.paths import Paths
from questionsets.loader import load_guide
from screens.guide_browser import GuideBrowserScreen, GuidePlace, describe
from screens.home import HomeScreen
from storage.repository import Repository
from tests.helpers import make_app, screen_text


def detail(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one("#detail", Static).render())


async def test_g_on_the_home_screen_opens_the_guide_and_esc_returns(
    paths: Paths, repo: Repository
) -> None:
    app = make_app(paths, repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g")
        assert isinstance(app.screen, GuideBrowserScreen)
        text = screen_text(pilot)
        for line in ("1. Directe veiligheid", "Beeldvorming (7)", "Stem van de cliënt"):
            assert line in text
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_page_down_walks_question_by_question_with_help_and_follow_ups(
    paths: Paths, repo: Repository
) -> None:
    app = make_app(paths, repo)
    first, second = app.context.guide.for_phase(Phase.DIRECTE_VEILIGHEID).stages[
        Stage.BEELDVORMING
    ][:2]
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "pagedown")
        await pilot.pause()
        shown = detail(pilot)
        assert first.text in shown and first.followups[0] in shown and "Doorvragen" in shown
        await pilot.press("pagedown", "pagedown", "pageup")  # fast, like a clicker
        await pilot.pause()
        assert second.text in detail(pilot)


async def test_number_and_letter_keys_jump_to_a_phase_the_client_voice_and_the_worry_set(
    paths: Paths, repo: Repository
) -> None:
    app = make_app(paths, repo)
    guide = app.context.guide
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("g", "3")
        await pilot.pause()
        tree = app.screen.query_one("#guide-tree", Tree)
        assert tree.cursor_node is not None and tree.cursor_node.data == GuidePlace(
            "phase", Phase.HERSTEL
        )
        assert "Fase 3: Herstel" in detail(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert guide.client_voice.scale_question in detail(pilot)
        await pilot.press("z")
        await pilot.pause()
        assert guide.worry is not None and guide.worry.questions[0].text in detail(pilot)


def test_every_set_describes_itself_and_escapes_markup() -> None:
    guide = load_guide([])
    for phase in Phase:
        text = describe(guide, GuidePlace("phase", phase))
        assert f"Fase {phase.number}" in text
        for stage in Stage:
            assert stage.label in describe(guide, GuidePlace("stage", phase, stage))
    question = guide.for_phase(Phase.HERSTEL).stages[Stage.BESLUITVORMING][0]
    odd = GuidePlace("question", question=question, where="[b]regio[/b]")
    assert "\\[b]regio" in describe(guide, odd)


async def test_leidraad_gids_opens_on_the_guide_and_esc_quits() -> None:
    app = GuideApp(load_guide([]))
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, GuideBrowserScreen)
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code == 0


def test_the_guide_browser_looks_right(snap_compare) -> None:
    async def to_a_question(pilot: Pilot[None]) -> None:
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()

    app = GuideApp(load_guide([]))
    assert snap_compare(app, terminal_size=(100, 30), run_before=to_a_question)
