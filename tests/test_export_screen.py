"""Marking who may read an item, and saving the version of the minutes a reader needs."""

from __future__ import annotations

from textual.widgets import Input, Select

from leidraad.core.audience import Restriction
from leidraad.core.flow import Part
from leidraad.paths import Paths
from screens.export_screen import ExportScreen
from screens.meeting.screen import MeetingScreen
from screens.widgets.prompt import ConfirmDialog
from screens.widgets.restriction_dialog import RestrictionDialog
from storage.repository import Repository
from tests.conftest import family_case
from tests.followup_data import three_meetings
from tests.helpers import make_app, screen_text, settle, type_text, wait_until

EXPORTED = "geëxporteerd"


async def test_an_answer_marked_for_one_partner_stays_out_of_the_full_minutes(
    paths: Paths, repo: Repository
) -> None:
    case = repo.save_case(family_case())
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "n")
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await pilot.press("ctrl+n", "ctrl+n")
        await type_text(pilot, "Er loopt een strafrechtelijk onderzoek")
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, RestrictionDialog)
        assert "Alleen voor Politie" in screen_text(pilot)
        await pilot.press("down", "down", "down", "enter")  # Veilig Thuis, then Politie
        await pilot.pause()
        assert app.screen is screen
        assert "afgeschermd: alleen voor Politie" in screen_text(pilot)

        await pilot.press("ctrl+e")
        await pilot.pause()
        export = app.screen
        assert isinstance(export, ExportScreen)
        assert "Er loopt een strafrechtelijk onderzoek" not in export_preview(export)
        export.query_one("#variant", Select).value = "partner"
        await pilot.pause()
        export.query_one("#partner", Select).value = "Politie"
        await pilot.pause()
        assert "Er loopt een strafrechtelijk onderzoek" in export_preview(export)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Bewaard:" in screen_text(pilot)

    assert case.id is not None
    meeting = repo.meeting_by_number(case.id)
    [answer] = [a for a in meeting.answers.values() if a.text.startswith("Er loopt")]
    assert answer.restriction == Restriction.only_for("Politie")
    written = paths.minutes_dir / "gezin-j-1-overleg-1-2026-11-24-voor-politie.md"
    assert "Er loopt een strafrechtelijk onderzoek" in written.read_text(encoding="utf-8")
    assert exported(repo, case.id) == ["verslag overleg 1 (partner: Politie)"]


def export_preview(screen: ExportScreen) -> str:
    from textual.widgets import Markdown

    return screen.query_one("#preview", Markdown).source


async def test_saving_over_an_existing_file_asks_first(paths: Paths, repo: Repository) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid")
    existing = paths.minutes_dir / "bestaand.md"
    existing.write_text("eerder verslag", encoding="utf-8")
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        assert meeting.id is not None
        app.push_screen(ExportScreen(app.context, meeting.id))
        await pilot.pause()
        app.screen.query_one("#path", Input).value = str(existing)
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("escape")  # no
        await settle(pilot)
        assert "niet aangeraakt" in screen_text(pilot)
        assert existing.read_text(encoding="utf-8") == "eerder verslag"
        assert exported(repo, case.id) == []
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.click("#yes")
        await settle(pilot)
        assert "Bewaard:" in screen_text(pilot)
    assert "Verslag casuïstiekbespreking" in existing.read_text(encoding="utf-8")
    assert exported(repo, case.id) == ["verslag overleg 1 (volledig)"]


def exported(repo: Repository, case_id: int) -> list[str]:
    """The "geëxporteerd" lines of the case's logboek: one per file written."""
    return [e.detail for e in repo.audit_log(case_id) if e.action == EXPORTED]


async def test_closing_again_does_not_replace_the_minutes_without_asking(
    paths: Paths, repo: Repository
) -> None:
    repo.save_case(family_case())
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "n")
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        await screen.goto(screen.flow.start_of(Part.AFSLUITING))
        await pilot.pause()
        await pilot.click("#close-meeting")
        await settle(pilot)
        [minutes] = paths.minutes_dir.glob("*.md")
        minutes.write_text("met de hand verbeterd", encoding="utf-8")
        await pilot.click("#close-meeting")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("escape")
        await settle(pilot)
    assert minutes.read_text(encoding="utf-8") == "met de hand verbeterd"


async def test_text_that_looks_like_markup_is_shown_as_typed(
    paths: Paths, repo: Repository
) -> None:
    case = family_case()
    case.alias = "Gezin [/] [b]X"
    case.members[0].name = "[red]moeder"
    repo.save_case(case)
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        assert "Gezin [/] [b]X" in screen_text(pilot)
        await pilot.press("enter", "n", "pagedown")
        await type_text(pilot, "[/]")
        await settle(pilot)
        text = screen_text(pilot)
        assert "'[/]' is geen cijfer" in text
        await pilot.press("pageup")
        assert "[red]moeder" in screen_text(pilot)


async def test_the_saved_full_minutes_hold_the_follow_up_of_earlier_meetings(
    paths: Paths, repo: Repository
) -> None:
    case_id, ids, _ = three_meetings(repo, scores=True)
    target = paths.minutes_dir / "volledig.md"
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(ExportScreen(app.context, ids[2]))
        await pilot.pause()
        export = app.screen
        assert isinstance(export, ExportScreen)
        assert export.query_one("#variant", Select).value == "volledig"
        assert "## Afspraken van eerdere overleggen" in export_preview(export)
        export.query_one("#path", Input).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Bewaard:" in screen_text(pilot)
    assert exported(repo, case_id) == ["verslag overleg 3 (volledig)"]
    text = target.read_text(encoding="utf-8")
    review = text[text.index("## Afspraken van eerdere overleggen") : text.index("## Stem")]
    assert "| Huisbezoek | Veilig Thuis |" in review
    assert "| Gesprek met school |" in review
    assert "### Verloop van de veiligheidscijfers" in text
    assert "## Fase en plannen" in text
    assert "### Wie kent de plannen" in text
