"""The Textual application: wires storage, the guide and the screens together."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from leidraad.guide import Guide
from leidraad.paths import Paths
from screens.context import AppContext
from screens.home import HomeScreen
from storage.repository import Repository


class LeidraadApp(App[None]):
    TITLE = "leidraad"
    SUB_TITLE = "Gezamenlijke analyse en planvorming"
    BINDINGS = [Binding("ctrl+q", "quit", "Stoppen", priority=True)]

    def __init__(
        self,
        repo: Repository,
        guide: Guide,
        paths: Paths,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] | None = None,
        notices: Iterable[str] = (),
    ) -> None:
        super().__init__()
        self.context = AppContext(repo, guide, paths.minutes_dir, today)
        if now is not None:
            self.context.now = now
        self.startup_notices = list(notices)

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.context))
        for problem in self.context.guide.problems:
            self.notify(
                problem,
                title="Vragenset overgeslagen",
                severity="warning",
                timeout=20,
                markup=False,
            )
        for notice in self.startup_notices:
            self.notify(notice, title="Gegevens", severity="warning", timeout=20, markup=False)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Dutch commands for the palette (Ctrl+P): the screen's main actions first."""
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            for title, help_text, callback in commands():
                yield SystemCommand(title, help_text, callback)
        yield SystemCommand("Thema wisselen", "Kies andere kleuren", self.action_change_theme)
        yield SystemCommand(
            "Sneltoetsen tonen", "Alle toetsen van dit scherm", self.action_show_help_panel
        )
        yield SystemCommand("Stoppen", "Leidraad afsluiten; alles is al opgeslagen", self.exit)
