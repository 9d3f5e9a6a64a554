"""Who knows the current version of the safety plan, the help plan and the recovery plan,
who must know it (also outside the table: huisarts, school) and who must not.

In research on cases in the chain, all parties knew the safety plan in under a
third of the cases, the recovery plan in about one in ten. This screen makes
the gaps visible by name. A veiligheidsplan protects someone from someone: by
default the pleger must not get it, and is never listed as not knowing it yet.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from leidraad.core.domain import DATE_FORMAT_HINT, InvalidInput, format_date, parse_date
from leidraad.core.plans import PlanKind, PlanStatus
from screens.context import AppContext
from screens.shown import cell, escape, line
from screens.widgets.choose_people import ChoosePeopleDialog
from screens.widgets.fields_dialog import FieldsDialog
from screens.widgets.storage_guard import saving

if TYPE_CHECKING:
    from storage.repository import PlanAudienceSetting


class PlanTable(DataTable[Text]):
    """The parties of one plan; Space says whether a party knows the current version."""

    BINDINGS = [
        Binding("space", "toggle_known", "Kent het wel/niet"),
        Binding("d", "date", "Andere datum"),
    ]

    class Requested(Message):
        def __init__(self, table: PlanTable, what: str) -> None:
            super().__init__()
            self.table = table
            self.what = what

    def __init__(self, kind: PlanKind) -> None:
        super().__init__(id=f"plan-{kind.value}", cursor_type="row", zebra_stripes=True)
        self.kind = kind

    def action_toggle_known(self) -> None:
        self.post_message(self.Requested(self, "toggle"))

    def action_date(self) -> None:
        self.post_message(self.Requested(self, "date"))


class PlansScreen(Screen[None]):
    DEFAULT_CSS = """
    PlansScreen .title { text-style: bold; color: $accent; padding: 1 2 0 2; }
    PlansScreen .help { color: $text-muted; padding: 0 2; }
    PlansScreen #plans { padding: 0 2; }
    PlansScreen .plan-head { text-style: bold; margin-top: 1; border-bottom: solid $primary; }
    PlansScreen .plan-state { margin-bottom: 0; }
    PlansScreen .plan-state.missing { color: $warning; text-style: bold; }
    PlansScreen .plan-audience { color: $text-muted; }
    PlansScreen PlanTable { height: auto; max-height: 12; }
    """
    BINDINGS = [
        Binding("v", "new_version", "Nieuwe versie"),
        Binding("b", "outside", "Buiten tafel"),
        Binding("n", "must_not", "Mag het niet krijgen"),
        Binding("escape", "app.pop_screen", "Terug"),
    ]

    def __init__(self, context: AppContext, case_id: int, on_day: date) -> None:
        super().__init__()
        self.context = context
        self.case_id = case_id
        self.on_day = on_day
        self.statuses: dict[PlanKind, PlanStatus] = {}
        self.settings: dict[PlanKind, PlanAudienceSetting] = {}

    def compose(self) -> ComposeResult:
        case = self.context.repo.get_case(self.case_id)
        yield Header()
        yield Static(
            f"Plannen van {escape(case.alias)}: wie kent de huidige versie?", classes="title"
        )
        yield Static(
            f"[b]Spatie[/]: kent deze versie wel of niet (sinds {format_date(self.on_day)}) · "
            "[b]d[/]: andere datum · [b]v[/]: nieuwe versie · [b]b[/]: wie buiten tafel het "
            "moet kennen · [b]n[/]: wie het niet mag krijgen · [b]Tab[/]: volgend plan. "
            "Alles wordt meteen bewaard.",
            classes="help",
        )
        with VerticalScroll(id="plans", can_focus=False):
            for kind in PlanKind:
                yield Static(kind.label, classes="plan-head")
                yield Static("", id=f"state-{kind.value}", classes="plan-state")
                yield Static("", id=f"audience-{kind.value}", classes="plan-audience")
                yield PlanTable(kind)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        for table in self.query(PlanTable):
            table.add_column("Partij of gezinslid", key="party")
            table.add_column("Kent deze versie", key="known")
        self.refresh_plans()
        self.query(PlanTable).first().focus(scroll_visible=False)
        # Moving the tables' cursors scrolls them into view; start at the first plan's head,
        # so who must not get it is seen on a small screen too.
        self.call_after_refresh(self.query_one("#plans").scroll_home, animate=False)

    def refresh_plans(self) -> None:
        repo = self.context.repo
        self.statuses = {s.kind: s for s in repo.plan_statuses(self.case_id)}
        self.settings = {kind: repo.plan_audience(self.case_id, kind) for kind in PlanKind}
        for table in self.query(PlanTable):
            status = self.statuses[table.kind]
            self.query_one(f"#audience-{table.kind.value}", Static).update(
                describe_audience(self.settings[table.kind])
            )
            state = self.query_one(f"#state-{table.kind.value}", Static)
            summary = escape(status.summary())
            if status.version is None:
                summary += (
                    " [dim]Ga naar deze tabel en druk op v om de eerste versie vast te leggen.[/]"
                )
            state.update(summary)
            state.set_class(status.version is not None and bool(status.unaware()), "missing")
            cursor = table.cursor_row
            table.clear()
            for i, party in enumerate(status.parties):
                since = status.known_since(party)
                known = (
                    Text(f"ja, sinds {format_date(since)}")
                    if since
                    else Text("weet het nog niet", style="bold")
                )
                if status.version is None:
                    known = Text("-")
                table.add_row(cell(party), known, key=str(i))
            if status.parties:
                table.move_cursor(row=min(cursor, len(status.parties) - 1))

    def _focused_kind(self) -> PlanKind:
        focused = self.focused
        return focused.kind if isinstance(focused, PlanTable) else PlanKind.VEILIGHEIDSPLAN

    @on(PlanTable.Requested)
    def _requested(self, event: PlanTable.Requested) -> None:
        status = self.statuses[event.table.kind]
        if status.version is None or status.version.id is None:
            self.notify(
                f"Leg eerst een versie van het {status.kind.value} vast met v.", severity="warning"
            )
            return
        if not status.parties:
            return
        party = status.parties[event.table.cursor_row]
        version_id = status.version.id
        if event.what == "toggle":
            since = None if status.known_since(party) else self.on_day
            with saving(self):
                self.context.repo.set_plan_known(version_id, party, since)
                self.refresh_plans()
            return

        def set_date(values: list[str]) -> date:
            when = parse_date(values[0])
            if when is None:
                raise InvalidInput("Vul een datum in.")
            self.context.repo.set_plan_known(version_id, party, when)
            return when

        current = status.known_since(party) or self.on_day
        self.app.push_screen(
            FieldsDialog(
                f"Sinds wanneer kent {escape(party)} deze versie?",
                [(f"Datum ({DATE_FORMAT_HINT})", format_date(current))],
                set_date,
            ),
            lambda _: self.refresh_plans(),
        )

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        return [
            ("Nieuwe versie van een plan", "Nog niemand kent die versie", self.action_new_version),
            (
                "Wie buiten tafel moet het plan kennen",
                "Bijvoorbeeld de huisarts of school",
                self.action_outside,
            ),
            ("Wie mag het plan niet krijgen", "Standaard de pleger", self.action_must_not),
        ]

    def action_outside(self) -> None:
        """People outside the table who must know the plan, typed with commas between."""
        kind = self._focused_kind()
        setting = self.settings[kind]
        keep = list(setting.must_not) if setting.chosen else None
        label = "Namen met komma's ertussen, bijv. huisarts, school"

        def store(values: list[str]) -> object:
            names = [n for n in values[0].split(",") if n.strip()]
            return self.context.repo.set_plan_audience(self.case_id, kind, names, keep)

        self.app.push_screen(
            FieldsDialog(
                f"Wie buiten tafel moet het {kind.value} kennen?",
                [(label, ", ".join(setting.outside))],
                store,
                note="Zij komen in de lijst van wie het plan moet kennen.",
            ),
            lambda _: self.refresh_plans(),
        )

    def action_must_not(self) -> None:
        """Who must not get the plan: by default the pleger, for the veiligheidsplan."""
        kind = self._focused_kind()
        setting = self.settings[kind]
        case = self.context.repo.get_case(self.case_id)
        people = [(f"{line(m.name)} ({m.position.label})", m.key) for m in case.members]

        def chosen(keys: list[str] | None) -> None:
            if keys is None:
                return
            with saving(self):
                self.context.repo.set_plan_audience(self.case_id, kind, setting.outside, keys)
            self.refresh_plans()

        self.app.push_screen(
            ChoosePeopleDialog(
                f"Wie mag het {kind.value} niet krijgen?",
                "Wie je aanvinkt, staat nooit in de lijst van wie het nog niet kent. Bij het "
                "veiligheidsplan is dat standaard de pleger.",
                people,
                setting.must_not,
            ),
            chosen,
        )

    def action_new_version(self) -> None:
        kind = self._focused_kind()
        status = self.statuses[kind]
        count = len([v for v in self.context.repo.plan_versions(self.case_id) if v.kind is kind])

        def add(values: list[str]) -> object:
            when = parse_date(values[1]) or self.on_day
            return self.context.repo.add_plan_version(self.case_id, kind, values[0], when)

        note = (
            "Na een nieuwe versie kent nog niemand het plan: vink daarna aan wie de nieuwe "
            "versie heeft gekregen."
            if status.version
            else ""
        )
        self.app.push_screen(
            FieldsDialog(
                f"Nieuwe versie van het {kind.value}",
                [
                    ("Welke versie? (een nummer of korte omschrijving)", f"versie {count + 1}"),
                    (f"Van welke datum? ({DATE_FORMAT_HINT})", format_date(self.on_day)),
                ],
                add,
                note=note,
            ),
            lambda _: self.refresh_plans(),
        )


def describe_audience(setting: PlanAudienceSetting) -> str:
    """Who outside the table must know it, and who must not: one line under the plan."""
    outside = ", ".join(setting.outside) or "niemand"
    barred = ", ".join(setting.audience.must_not_know) or "niemand"
    default = "" if setting.chosen else " (standaard)"
    return escape(f"Buiten tafel (b): {outside} · Mag het niet krijgen (n): {barred}{default}")
