"""The Textual application: wires storage, the guide and the screens together."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.app import App
from textual.binding import Binding

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
    ) -> None:
        super().__init__()
        self.context = AppContext(repo, guide, paths.minutes_dir, today)

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.context))
        for problem in self.context.guide.problems:
            self.notify(problem, title="Vragenset overgeslagen", severity="warning", timeout=20)
