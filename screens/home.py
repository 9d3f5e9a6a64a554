"""The list of cases: find a family, open it, or start a new case."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static

from leidraad.core.domain import Case, format_count, format_date
from screens import probe
from screens.case_cells import actions_cell, closed_hint, phase_cell
from screens.context import AppContext
from screens.shown import cell, escape

if TYPE_CHECKING:
    from storage.case_list import CaseList

# The case screens, the database and the guide are loaded after the first frame
# (see leidraad.app): this module imports only what the list itself needs.


class HomeScreen(Screen[None]):
    CSS_PATH = "home.tcss"
    AUTO_FOCUS = "#cases"  # typing 'n' must reach the binding, not the search box
    BINDINGS = [
        Binding("n", "new_case", "Nieuwe casus"),
        Binding("slash", "search", "Zoeken"),
        Binding("g", "app.open_guide", "Gids"),
        Binding("f2", "app.next_theme", "Thema"),
        Binding("escape", "clear_search", "Zoeken wissen", show=False),
    ]

    def __init__(self, context: AppContext | None, banner: str = "") -> None:
        """`banner` says plainly that this is a demonstration; empty for real cases.

        Without a context the screen shows that the data are being opened, until
        `open_with` hands it over.
        """
        super().__init__()
        self._data = context
        self.banner = banner
        self._ready = False  # the table has its columns: rows can go in
        self._early: CaseList | None = None  # a preview that came before that

    @property
    def context(self) -> AppContext:
        assert self._data is not None, "the case list is used before the data are open"
        return self._data

    def compose(self) -> ComposeResult:
        yield Header()
        if self.banner:
            yield Static(Text(self.banner), id="demo-banner")
        yield Static("Casussen", classes="title")
        yield Input(placeholder="Zoek op naam van de casus  ( / )", id="search")
        yield Static("", id="empty")
        yield DataTable(id="cases", cursor_type="row", zebra_stripes=True)
        yield Static("", id="closed-hint")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one("#cases", DataTable)
        table.add_column("Casus", key="alias")
        table.add_column("Fase", key="phase")
        table.add_column("Laatste overleg", key="last")
        table.add_column("Open acties", key="open")
        self.call_after_refresh(probe.mark, "first_frame")
        table.focus()
        self._ready = True
        if self._data is not None:
            self.open_with(self._data)
        elif self._early is not None:
            self.preview(self._early)
        else:
            self.query_one("#empty", Static).update("De gegevens worden geopend…")

    # The data and the preview come from a worker, and on a busy machine that can
    # be before this screen is mounted: then they wait for on_mount.

    def open_with(self, context: AppContext) -> None:
        """The data are open: show the cases."""
        self._data = context
        if self._ready:
            self.refresh_cases()
            self.call_after_refresh(self._cases_shown)

    def preview(self, listed: CaseList) -> None:
        """The cases, read straight from the file while the rest is still opening."""
        if not self._ready:
            self._early = listed
        elif self._data is None:
            self._fill(listed, "")
            self.call_after_refresh(self._cases_shown)

    def _cases_shown(self) -> None:
        probe.mark("cases_loaded")
        if probe.enabled():
            probe.finish()
            self.app.exit()

    def on_screen_resume(self) -> None:
        if self._data is not None:
            self.refresh_cases()

    def refresh_cases(self) -> None:
        search = self.query_one("#search", Input).value
        self._fill(self.context.repo.case_list(search, self.context.today()), search)

    def _fill(self, listed: CaseList, search: str) -> None:
        cases = listed.cases
        table = self.query_one("#cases", DataTable)
        table.clear()
        for case in cases:
            table.add_row(
                cell(case.alias),
                phase_cell(case),
                format_date(case.last_meeting) or "nog geen",
                actions_cell(case),
                key=str(case.id),
            )
        hints = [closed_hint(listed.closed_hidden, bool(search.strip()))]
        if listed.total > len(cases):
            hints.insert(
                0,
                f"De eerste {len(cases)} van {format_count(listed.total)} casussen staan in "
                "de lijst. "
                "Zoek op naam ( / ) om een andere te vinden.",
            )
        hint = "\n".join(h for h in hints if h)
        closed = self.query_one("#closed-hint", Static)
        closed.update(hint)
        closed.display = bool(hint)
        empty = self.query_one("#empty", Static)
        if cases:
            empty.update("")
        elif search.strip():
            empty.update(f"Geen casus gevonden met '{escape(search.strip())}'.")
        else:
            empty.update("Nog geen casussen. Druk op [b]n[/] om een casus aan te maken.")
        empty.display = not cases

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        if self._data is not None:
            self.refresh_cases()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.query_one("#cases", DataTable).focus()

    @on(DataTable.RowSelected, "#cases")
    def _open_case(self, event: DataTable.RowSelected) -> None:
        from screens.case_detail import CaseScreen

        if self._data is None:
            self.notify("Nog even geduld: de gegevens worden geopend.", markup=False)
            return
        if event.row_key.value is not None:
            self.app.push_screen(CaseScreen(self.context, int(event.row_key.value)))

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        return [
            ("Nieuwe casus", "Een gezin toevoegen", self.action_new_case),
            ("Casus zoeken", "Zoeken op naam", self.action_search),
        ]

    def action_new_case(self) -> None:
        from screens.case_detail import CaseScreen
        from screens.case_form import CaseFormScreen

        if self._data is None:
            self.notify("Nog even geduld: de gegevens worden geopend.", markup=False)
            return

        def created(case: Case | None) -> None:
            if case is not None and case.id is not None:
                self.app.push_screen(CaseScreen(self.context, case.id))

        self.app.push_screen(CaseFormScreen(self.context, None), created)

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        search.value = ""
        self.query_one("#cases", DataTable).focus()
