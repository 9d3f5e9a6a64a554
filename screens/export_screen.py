"""Choosing a version of the minutes, seeing exactly what will be written, and saving it.

A version for one client or one partner, and a preparation sheet, is read before it
leaves: the reading check says what in it came from or is about someone else, and
the file is only written once the user confirms that (exports/publish.py).
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, Markdown, Select, Static

from exports.documents import DocumentRequest, Format
from exports.publish import (
    ExportNotLogged,
    MinutesJob,
    NotConfirmed,
    Prepared,
    ReadOnce,
    prepare,
    write_prepared,
)
from exports.variants import UnknownClient, UnknownPartner, Variant
from leidraad.core.domain import name_key
from leidraad.core.people import document_clients
from screens.context import AppContext
from screens.shown import escape, line
from screens.widgets.prompt import ConfirmDialog

_FOR_SOMEONE = (Variant.PARTNER, Variant.CLIENT, Variant.VOORBEREIDING)


class ExportScreen(Screen[None]):
    CSS_PATH = "export_screen.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Bewaren", priority=True),
        Binding("escape", "app.pop_screen", "Terug"),
    ]

    def __init__(
        self,
        context: AppContext,
        meeting_id: int,
        variant: Variant = Variant.VOLLEDIG,
        person: str = "",
    ) -> None:
        super().__init__()
        self.context = context
        # Read once: every preview and the save use the same case and meeting.
        self.source = ReadOnce(context.repo)
        self.meeting_id = meeting_id
        self.meeting = self.source.get_meeting(meeting_id)
        self.case = self.source.get_case(self.meeting.case_id)
        self.initial_variant, self.initial_person = variant, person
        self.prepared: Prepared | None = None
        self._path_edited = False

    def _people(self, variant: Variant) -> list[tuple[str, str]]:
        """Whom a version can be for, as (shown, value): a partner by organisation, or a
        client (an adult, never a child) by member key."""
        if variant.for_one_client:
            return [(m.name, m.key) for m in document_clients(self.case)]
        return [(p, p) for p in dict.fromkeys(p.organisation for p in self.case.partners)]

    def _initial_value(self, people: list[tuple[str, str]]) -> str:
        """The person asked for at the start, given by key or by name."""
        wanted = self.initial_person
        for label, value in people:
            if wanted and (value == wanted or name_key(label) == name_key(wanted)):
                return value
        return ""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="choices"):
            with Vertical():
                yield Label("Versie")
                yield Select(
                    [(v.label, v.value) for v in Variant],
                    value=self.initial_variant.value,
                    allow_blank=False,
                    id="variant",
                )
            with Vertical():
                yield Label("Voor wie", id="person-label")
                people = self._people(self.initial_variant)
                yield Select(
                    people,
                    prompt="kies voor wie",
                    value=self._initial_value(people) or Select.NULL,
                    id="partner",
                    disabled=True,
                )
            with Vertical(id="format-box"):
                yield Label("Bestand")
                yield Select(
                    [("markdown (.md)", Format.MD.value), ("HTML om af te drukken", "html")],
                    value=Format.MD.value,
                    allow_blank=False,
                    id="format",
                )
        yield Static("", id="about", markup=False)
        with VerticalScroll(id="preview-box"):
            yield Static("", id="check", markup=False)
            yield Markdown("", id="preview")
        with Horizontal(id="save-row"):
            yield Input(id="path")
            yield Button("Bewaren (Ctrl+S)", id="save", variant="primary")
        yield Static("", id="status", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title = f"Verslag: {line(self.case.alias)}, overleg {self.meeting.number}"
        self.query_one("#preview-box").border_title = "Voorbeeld: precies wat er wordt bewaard"
        self._update()
        self.query_one("#variant", Select).focus()

    def request(self) -> DocumentRequest | None:
        """The chosen version, or None while it still needs to know for whom."""
        variant = Variant(str(self.query_one("#variant", Select).value))
        person_value = self.query_one("#partner", Select).value
        person = person_value if isinstance(person_value, str) else ""
        if variant in _FOR_SOMEONE and not person:
            return None
        fmt = Format(str(self.query_one("#format", Select).value))
        return DocumentRequest(
            variant,
            person if variant is Variant.PARTNER else "",
            fmt,
            person if variant.for_one_client else "",
        )

    @on(Select.Changed, "#variant")
    def _variant_changed(self, event: Select.Changed) -> None:
        variant = Variant(str(event.value))
        people = self.query_one("#partner", Select)
        current = people.value
        options = self._people(variant)
        people.set_options(options)
        if isinstance(current, str) and current in [value for _, value in options]:
            people.value = current
        self._update()

    @on(Select.Changed, "#partner, #format")
    def _choice_changed(self) -> None:
        self._update()

    @on(Input.Changed, "#path")
    def _path_changed(self, event: Input.Changed) -> None:
        if event.input.has_focus:
            self._path_edited = True

    def _update(self) -> None:
        variant = Variant(str(self.query_one("#variant", Select).value))
        partner = self.query_one("#partner", Select)
        partner.disabled = variant not in _FOR_SOMEONE
        about = self.query_one("#about", Static)
        request = self.request()
        self.prepared = None
        check = self.query_one("#check", Static)
        check.display = False
        if request is None:
            who = "cliënt" if variant.for_one_client else "partner"
            about.update(f"Kies voor welke {who} deze versie is.")
            self.query_one("#preview", Markdown).update("")
            return
        about.update(variant.description)
        job = MinutesJob(self.meeting_id, request)
        context = self.context
        try:
            self.prepared = prepare(
                self.source, context.guide, job, context.minutes_dir, context.today()
            )
        except (UnknownClient, UnknownPartner) as problem:
            about.update(str(problem))
            self.query_one("#preview", Markdown).update("")
            return
        notes = [note.text for note in self.prepared.notes]
        check.update(reading_check_text(notes, self.prepared.needs_confirmation))
        check.display = bool(notes)
        self.query_one("#preview", Markdown).update(self.prepared.markdown)
        if not self._path_edited:
            self.query_one("#path", Input).value = str(self.prepared.default_path)

    def action_save(self) -> None:
        status = self.query_one("#status", Static)
        if self.prepared is None:
            status.update("Kies eerst voor wie deze versie is.")
            return
        raw = self.query_one("#path", Input).value.strip()
        if not raw:
            status.update("Vul in waar het bestand moet komen.")
            return
        self._save(self.prepared, Path(raw).expanduser(), overwrite=False)

    def reader(self) -> str:
        """The name of whom the chosen version is for, as the 'Voor wie' list shows it."""
        variant = Variant(str(self.query_one("#variant", Select).value))
        value = self.query_one("#partner", Select).value
        names = dict((v, label) for label, v in self._people(variant))
        return names.get(value, "deze lezer") if isinstance(value, str) else "deze lezer"

    async def _confirmed(self, prepared: Prepared) -> bool:
        """Shows the reading check and asks whether this may go to its reader."""
        notes = "\n".join(f"• {escape(note.text)}" for note in prepared.notes)
        reader = escape(self.reader())
        answer = await self.app.push_screen_wait(
            ConfirmDialog(
                f"[b]Leescontrole[/]\n\n{notes}\n\nMag dit zo naar {reader}? Kijk bij twijfel "
                "eerst in het voorbeeld, en scherm af met Ctrl+L in het overleg.",
                yes="Ja, bewaren",
            )
        )
        return bool(answer)

    @work(exclusive=True, group="save")
    async def _save(
        self, prepared: Prepared, path: Path, overwrite: bool, confirmed: bool = False
    ) -> None:
        """Write what the preview shows and log it once; a taken name only when asked,
        a version for one reader only once the reading check is confirmed."""
        status = self.query_one("#status", Static)
        if prepared.needs_confirmation and not confirmed:
            if not await self._confirmed(prepared):
                status.update("Niet bewaard: de leescontrole is niet bevestigd.")
                return
            confirmed = True
        try:
            written = write_prepared(self.source, prepared, path, overwrite, confirmed=confirmed)
        except NotConfirmed:
            status.update("Niet bewaard: de leescontrole is niet bevestigd.")
            return
        except FileExistsError:
            replace = await self.app.push_screen_wait(
                ConfirmDialog(
                    f"{escape(str(path))} bestaat al.\n\nWil je het vervangen door deze versie?",
                    yes="Vervangen",
                )
            )
            if replace:
                self._save(prepared, path, overwrite=True, confirmed=confirmed)
            else:
                status.update("Niet bewaard: het bestaande bestand is niet aangeraakt.")
            return
        except OSError as error:
            status.update(f"Bewaren lukte niet: {error.strerror or error}. Kies een andere map.")
            return
        except ExportNotLogged as error:
            status.update(str(error))
            self.notify(str(error), title="Logboek", severity="warning", markup=False)
            return
        status.update(f"Bewaard: {written}")
        self.notify(f"Bewaard: {written}", title="Verslag", markup=False)


def reading_check_text(notes: list[str], asks: bool) -> str:
    """The reading check above the preview, where a trainer can point at it."""
    if not notes:
        return ""
    head = (
        "Leescontrole (je bevestigt dit bij Bewaren):" if asks else "Leescontrole (ter informatie):"
    )
    return "\n".join([head, *(f"• {note}" for note in notes)])
