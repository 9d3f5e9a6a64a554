"""The Textual application: wires storage, the guide and the screens together."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import SystemCommand
from textual.binding import Binding

from leidraad.core.guide import Guide
from leidraad.paths import Paths
from screens import probe
from screens.context import AppContext
from screens.home import HomeScreen
from screens.themes import ThemedApp
from storage.settings import display_file

if TYPE_CHECKING:
    from storage.case_list import CaseList
    from storage.repository import Repository

# Only Textual and the case list are imported before the first frame. The database
# layer, the question sets and the other screens follow in a worker thread.


@dataclass
class Opened:
    """What the loader brings: the data, the guide, and what to tell the user."""

    repo: Repository
    guide: Guide
    notices: list[str] = field(default_factory=list)


class OpenFailed(Exception):
    """Opening the data failed; the message is Dutch and the code is the exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


class LeidraadApp(ThemedApp):
    TITLE = "leidraad"
    SUB_TITLE = "Gezamenlijke analyse en planvorming"
    BINDINGS = [Binding("ctrl+q", "quit", "Stoppen", priority=True)]

    def __init__(
        self,
        repo: Repository | None,
        guide: Guide | None,
        paths: Paths,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] | None = None,
        notices: Iterable[str] = (),
        demo: bool = False,
        loader: Callable[[], Opened] | None = None,
        preview: Callable[[], CaseList | None] | None = None,
    ) -> None:
        """Either the data (`repo`, `guide`) or a `loader` that opens them after the first frame.

        `demo`: invented families; said on every screen, and the theme is kept per
        session. A demonstration never writes to a data folder, not even the theme.
        """
        super().__init__(None if demo else display_file(paths.data_dir))
        self.demo = demo
        if demo:
            from leidraad.demo import BANNER

            self.sub_title = BANNER
        self.paths, self.today, self.now_function = paths, today, now
        self.loader = loader
        self.preview = preview
        self.failure: OpenFailed | None = None  # why the data could not be opened
        self._data: AppContext | None = None
        if repo is not None and guide is not None:
            self._open(Opened(repo, guide, list(notices)))
        elif loader is None:
            raise ValueError("LeidraadApp needs the data or a loader")

    @property
    def has_data(self) -> bool:
        return self._data is not None

    @property
    def context(self) -> AppContext:
        assert self._data is not None, "the data are not open yet"
        return self._data

    def _open(self, opened: Opened) -> AppContext:
        context = AppContext(opened.repo, opened.guide, self.paths.minutes_dir, self.today)
        if self.now_function is not None:
            context.now = self.now_function
        self._data = context
        self.startup_notices = opened.notices
        return context

    def on_mount(self) -> None:
        if self.demo:
            self._exit_on_signals()
        banner = ""
        if self.demo:
            from leidraad.demo import home_banner

            banner = home_banner()
        self.push_screen(HomeScreen(self._data, banner))
        if self._data is None:
            self._load()
        else:
            self._tell_problems()

    @work(thread=True, exclusive=True, group="open")
    def _load(self) -> None:
        """Open the database and the guide off the first frame; heavy imports happen here."""
        assert self.loader is not None
        listed = self.preview() if self.preview is not None else None
        if listed is not None:
            self.call_from_thread(self._previewed, listed)
        try:
            opened = self.loader()
        except OpenFailed as failure:
            self.failure = failure
            self.call_from_thread(self.exit, None, failure.code)
            return
        probe.mark("data_open")
        self.call_from_thread(self._loaded, opened)

    def _previewed(self, listed: CaseList) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.preview(listed)

    def _loaded(self, opened: Opened) -> None:
        context = self._open(opened)
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.open_with(context)
        self._tell_problems()

    def _tell_problems(self) -> None:
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
        from screens.guide_browser import GuideBrowserScreen

        if self._data is not None and not isinstance(self.screen, GuideBrowserScreen):
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
        from screens.guide_browser import GuideBrowserScreen

        self.push_screen(GuideBrowserScreen(self.guide), lambda _: self.exit())
        for problem in self.guide.problems:
            self.notify(problem, title="Vragenset overgeslagen", severity="warning", markup=False)
