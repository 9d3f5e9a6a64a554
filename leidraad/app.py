"""The Textual application: wires storage, the guide and the screens together."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path

from textual.app import SystemCommand
from textual.binding import Binding

from leidraad.demo import BANNER, home_banner
from leidraad.guide import Guide
from leidraad.paths import Paths
from screens.context import AppContext
from screens.guide_browser import GuideBrowserScreen
from screens.home import HomeScreen
from screens.themes import ThemedApp
from storage.display import settings_file
from storage.repository import Repository


class LeidraadApp(ThemedApp):
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
        demo: bool = False,
    ) -> None:
        """`demo`: invented families; said on every screen, and the theme is kept per session.

        A demonstration never writes to a data folder, not even the theme setting.
        """
        super().__init__(None if demo else settings_file(paths.data_dir))
        self.demo = demo
        if demo:
            self.sub_title = BANNER
        self.context = AppContext(repo, guide, paths.minutes_dir, today)
        if now is not None:
            self.context.now = now
        self.startup_notices = list(notices)

    def on_mount(self) -> None:
        if self.demo:
            self._exit_on_signals()
        self.push_screen(HomeScreen(self.context, home_banner() if self.demo else ""))
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

    def _exit_on_signals(self) -> None:
        """A closed terminal or a stopped server ends the demonstration the normal way,
        so its temporary folder is removed."""
        loop = asyncio.get_running_loop()
        for name in ("SIGTERM", "SIGHUP"):
            number = getattr(signal, name, None)
            if number is not None:
                with contextlib.suppress(NotImplementedError, RuntimeError):
                    loop.add_signal_handler(number, self.exit)

    def action_open_guide(self) -> None:
        if not isinstance(self.screen, GuideBrowserScreen):
            self.push_screen(GuideBrowserScreen(self.context.guide))

    def app_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Gids bekijken",
            "De vragen per fase en per stap, zonder casus",
            self.action_open_guide,
        )


class GuideApp(ThemedApp):
    """Only the guide browser (`leidraad gids`): no database, no case, nothing written."""

    TITLE = "leidraad"
    SUB_TITLE = "de vragen van de leidraad"
    BINDINGS = [Binding("ctrl+q", "quit", "Stoppen", priority=True)]

    def __init__(self, guide: Guide, settings_path: Path | None = None) -> None:
        super().__init__(settings_path)
        self.guide = guide

    def on_mount(self) -> None:
        self.push_screen(GuideBrowserScreen(self.guide), lambda _: self.exit())
        for problem in self.guide.problems:
            self.notify(problem, title="Vragenset overgeslagen", severity="warning", markup=False)
