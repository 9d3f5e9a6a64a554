"""A calm pause view while the table takes a time-out; the meeting clock stands still."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static


class TimeOutScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    TimeOutScreen { background: $background; align: center middle; }
    TimeOutScreen #pause { width: 64; height: auto; }
    TimeOutScreen Static { width: 100%; text-align: center; }
    TimeOutScreen #title {
        text-style: bold; color: $success; padding: 1 0; border: round $success;
    }
    TimeOutScreen #calm { margin-top: 1; color: $text; }
    TimeOutScreen #clock { margin-top: 1; color: $text-muted; }
    TimeOutScreen #how { margin-top: 2; color: $text-muted; }
    """
    BINDINGS = [
        Binding("enter,escape,ctrl+t", "resume", "Verder met het overleg", priority=True),
    ]

    def __init__(self, started_at: datetime, now: Callable[[], datetime]) -> None:
        super().__init__()
        self.started_at = started_at
        self.now = now

    def compose(self) -> ComposeResult:
        with Vertical(id="pause"):
            yield Static("Time-out", id="title")
            yield Static(
                "We nemen even pauze.\nHaal rustig adem. Neem wat te drinken.\n"
                "We gaan verder als iedereen er weer klaar voor is.",
                id="calm",
            )
            yield Static("", id="clock")
            yield Static("Druk op Enter om verder te gaan.", id="how")

    def on_mount(self) -> None:
        self._tick()
        self.set_interval(1, self._tick)

    def _tick(self) -> None:
        seconds = max(0, int((self.now() - self.started_at).total_seconds()))
        self.query_one("#clock", Static).update(f"Pauze: {seconds // 60}:{seconds % 60:02d}")

    def action_resume(self) -> None:
        self.dismiss(None)
