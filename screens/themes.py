"""Colour themes, including high-contrast ones for a projector, and the key that cycles them.

A terminal program cannot choose its font size: that is the terminal's (or,
with `leidraad serve`, the browser page's) setting. The presentation themes do
what a program can: full black and white, strong colours for the cursor and the
focus, bold text and heavier borders, so a room can read the screen from the back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.filter import LineFilter
from textual.screen import Screen
from textual.theme import Theme

from screens.text_guard import ControlGuard
from storage.settings import Display, load_display, save_display

PRESENTATION_DARK = Theme(
    name="leidraad-presentatie",
    primary="#FFD21F",
    secondary="#5CC8FF",
    accent="#FFD21F",
    warning="#FFB000",
    error="#FF5C5C",
    success="#4CFF7A",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1C1C1C",
    dark=True,
    variables={
        "text-muted": "#E6E6E6",
        "text-disabled": "#B4B4B4",
        "foreground-muted": "#E6E6E6",
        "border": "#FFD21F",
        "border-blurred": "#BDBDBD",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFD21F",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-foreground": "#000000",
        "block-cursor-blurred-background": "#BDBDBD",
        "footer-key-foreground": "#FFD21F",
        "footer-description-foreground": "#FFFFFF",
        "input-selection-background": "#FFD21F 60%",
        "scrollbar": "#BDBDBD",
    },
)

PRESENTATION_LIGHT = Theme(
    name="leidraad-presentatie-licht",
    primary="#0030B0",
    secondary="#006060",
    accent="#A0005A",
    warning="#8A4B00",
    error="#B00000",
    success="#006B1E",
    foreground="#000000",
    background="#FFFFFF",
    surface="#FFFFFF",
    panel="#E8E8E8",
    dark=False,
    variables={
        "text-muted": "#1A1A1A",
        "text-disabled": "#4A4A4A",
        "foreground-muted": "#1A1A1A",
        "border": "#0030B0",
        "border-blurred": "#5A5A5A",
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-background": "#0030B0",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-foreground": "#000000",
        "block-cursor-blurred-background": "#C8C8C8",
        "footer-key-foreground": "#0030B0",
        "footer-description-foreground": "#000000",
        "input-selection-background": "#0030B0 35%",
        "scrollbar": "#5A5A5A",
    },
)

PRESENTATION_THEMES = (PRESENTATION_DARK.name, PRESENTATION_LIGHT.name)

# The themes F2 walks through, with the name a user reads.
THEME_CYCLE: dict[str, str] = {
    "textual-dark": "donker (standaard)",
    PRESENTATION_DARK.name: "presentatie: hoog contrast, donker",
    PRESENTATION_LIGHT.name: "presentatie: hoog contrast, licht",
    "textual-light": "licht",
}

# Bold text and heavier lines while a presentation theme is on (the App carries the class).
PRESENTATION_CSS = """
App.-presentatie Screen { text-style: bold; }
App.-presentatie DataTable { text-style: bold; }
App.-presentatie Input { border: tall $border-blurred; }
App.-presentatie Input:focus { border: heavy $border; }
App.-presentatie TextArea { border: tall $border-blurred; }
App.-presentatie TextArea:focus { border: heavy $border; }
App.-presentatie Footer { text-style: bold; }
"""


def next_theme(current: str) -> str:
    names = list(THEME_CYCLE)
    if current not in names:
        return names[0]
    return names[(names.index(current) + 1) % len(names)]


def theme_label(name: str) -> str:
    return THEME_CYCLE.get(name, name)


class ThemedApp(App[None]):
    """An app with the presentation themes, F2 to cycle them, and the choice remembered.

    `settings_path` None keeps the choice for this session only (the demonstration).
    """

    CSS = PRESENTATION_CSS
    BINDINGS = [Binding("f2", "next_theme", "Thema", show=False)]

    def __init__(self, settings_path: Path | None = None) -> None:
        super().__init__()
        self.settings_path = settings_path
        for theme in (PRESENTATION_DARK, PRESENTATION_LIGHT):
            self.register_theme(theme)
        saved = load_display(settings_path).theme if settings_path else ""
        self._saved_theme = saved if saved in self.available_themes else ""
        self._control_guard = ControlGuard()

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then the guard that keeps escape sequences off the terminal."""
        return [*super().get_line_filters(), self._control_guard]

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self._saved_theme:
            self.theme = self._saved_theme
        self._mark_presentation()

    def _mark_presentation(self) -> None:
        self.set_class(self.theme in PRESENTATION_THEMES, "-presentatie")

    def _theme_changed(self, theme: Theme) -> None:
        self._mark_presentation()
        if self.settings_path is not None and theme.name != self._saved_theme:
            self._saved_theme = theme.name
            save_display(self.settings_path, Display(theme=theme.name))

    def action_next_theme(self) -> None:
        self.theme = next_theme(self.theme)
        self.notify(f"Thema: {theme_label(self.theme)}. F2 kiest het volgende.", timeout=3)

    def action_presentation_theme(self) -> None:
        self.theme = PRESENTATION_DARK.name

    def app_commands(self) -> Iterable[SystemCommand]:
        """The app's own palette commands, after the screen's; subclasses add theirs."""
        return ()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Dutch commands for the palette (Ctrl+P): the screen's main actions first."""
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            for title, help_text, callback in commands():
                yield SystemCommand(title, help_text, callback)
        yield from self.app_commands()
        yield SystemCommand(
            "Presentatiethema",
            "Groot contrast voor de beamer: zwart, wit en geel",
            self.action_presentation_theme,
        )
        yield SystemCommand(
            "Volgend thema (F2)",
            "Donker, presentatie donker, presentatie licht, licht",
            self.action_next_theme,
        )
        yield SystemCommand("Thema wisselen", "Kies andere kleuren", self.action_change_theme)
        yield SystemCommand(
            "Sneltoetsen tonen", "Alle toetsen van dit scherm", self.action_show_help_panel
        )
        yield SystemCommand("Stoppen", "Leidraad afsluiten; alles is al opgeslagen", self.exit)
