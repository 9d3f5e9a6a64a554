"""Forms for one family member's voice: an adult's preparation, a child's voice, aftercare.

Each form edits a ClientVoice and saves it through its TypingSaver and the
callback it is given; a save that fails keeps the text and tries again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select, Static, TextArea

from leidraad.core.domain import InvalidInput, format_date, parse_date
from leidraad.core.voice import ClientVoice, HearingMode, InformHow
from screens.shown import escape
from screens.widgets.saver import UNSAVED_LINE, TypingSaver, status_text


class VoiceForm(Vertical):
    """Base: read the fields into a ClientVoice and save it while typing."""

    DEFAULT_CSS = """
    VoiceForm { height: auto; }
    VoiceForm Label { color: $text-muted; margin-top: 1; }
    VoiceForm TextArea { height: 5; }
    VoiceForm .professional { border: round $warning; }
    VoiceForm .status { color: $error; text-style: bold; height: auto; }
    VoiceForm .row { height: auto; }
    VoiceForm .row > * { width: 1fr; margin-right: 1; height: auto; }
    """

    def __init__(self, voice: ClientVoice, save: Callable[[ClientVoice], ClientVoice]) -> None:
        super().__init__()
        self.voice = voice
        self._save = save
        self.saver = TypingSaver(self, self._write, self._show_unsaved)
        # What the fields say, read while they exist, so a save on unmount still has it.
        self._pending: ClientVoice | None = None
        self._problem = ""  # a wrong date, which the person must fix
        self._unsaved = ""  # UNSAVED_LINE while a write is failing

    def read(self) -> ClientVoice:
        """The voice as the fields say it; a field with a mistake keeps its stored value."""
        raise NotImplementedError

    def mistake(self) -> str:
        """What the person must still fix ('' when nothing); that field is not saved."""
        return ""

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _changed(self, event: Input.Changed | TextArea.Changed | Select.Changed) -> None:
        event.stop()
        self._pending = self.read()
        mistake = self.mistake()
        if mistake != self._problem:
            self._problem = mistake
            self._show_status()
        self.saver.changed()

    def save_now(self) -> None:
        """Read the fields and write them at once (not typed: a choice made for the person)."""
        self._pending = self.read()
        self.saver.changed()
        self.saver.flush()

    def flush(self) -> bool:
        """Write what is typed now; False when that failed (it is retried)."""
        return self.saver.flush()

    def _write(self) -> None:
        updated = self._pending
        if updated is None or updated == self.voice:
            return
        self.voice = self._save(updated)
        if self._pending is updated:
            self._pending = None

    def _show_unsaved(self, message: str) -> None:
        self._unsaved = UNSAVED_LINE if message else ""
        self._show_status()

    def _show_status(self) -> None:
        for status in self.query(".status").results(Static):  # none while it goes away
            status.update(status_text(self._unsaved, self._problem))

    def on_descendant_blur(self) -> None:
        self.saver.flush()

    def on_unmount(self) -> None:
        self.saver.close()


def _text(widget_id: str, text: str, classes: str = "") -> TextArea:
    return TextArea(text, id=widget_id, soft_wrap=True, tab_behavior="focus", classes=classes)


class PreparationForm(VoiceForm):
    """What the casusregisseur agrees with an adult client before the meeting."""

    def compose(self) -> ComposeResult:
        v = self.voice
        yield Static(f"[b]Voorbereiding met {escape(v.member)}[/]")
        yield Label("Hoe wil de cliënt gehoord worden?")
        yield Select(
            [(mode.label, mode.value) for mode in HearingMode],
            value=v.hearing.value,
            allow_blank=False,
            id="hearing",
        )
        yield Label("Wie brengt de stem in, als de cliënt niet zelf aan tafel zit?")
        yield Input(v.voiced_by, id="voiced-by", placeholder="bijv. casusregisseur, Fatima (ED)")
        yield Label("Waar wil de cliënt zitten?")
        yield Input(v.seat, id="seat", placeholder="bijv. bij de deur, naast de casusregisseur")
        yield Label("Afgesproken teken voor een time-out")
        yield Input(v.timeout_sign, id="timeout-sign", placeholder="bijv. hand omhoog")
        yield Label("Wat wil de cliënt zelf inbrengen?")
        yield _text("topics", v.topics)
        yield Label("Notitie voor professionals (komt nooit op het blad voor de cliënt)")
        yield _text("professional-note", v.professional_note, classes="professional")
        yield Static("", classes="status", markup=False)

    def read(self) -> ClientVoice:
        return replace(
            self.voice,
            hearing=HearingMode(str(self.query_one("#hearing", Select).value)),
            voiced_by=self.query_one("#voiced-by", Input).value.strip(),
            seat=self.query_one("#seat", Input).value.strip(),
            timeout_sign=self.query_one("#timeout-sign", Input).value.strip(),
            topics=self.query_one("#topics", TextArea).text,
            professional_note=self.query_one("#professional-note", TextArea).text,
        )


class ChildVoiceForm(VoiceForm):
    """A child's voice as the casusregisseur heard it, and as jeugd-GGZ sees it."""

    def compose(self) -> ComposeResult:
        v = self.voice
        yield Static(
            f"[b]De stem van {escape(v.member)}[/]\n"
            "[dim]Kinderen komen niet naar het overleg. Hun stem komt via de "
            "casusregisseur. Dit is alleen voor professionals.[/]"
        )
        yield Label("Wat hoorde de casusregisseur van het kind?")
        yield _text("heard", v.heard, classes="professional")
        with Horizontal(classes="row"):
            with Vertical():
                yield Label("Waar?")
                yield Input(v.heard_where, id="heard-where", placeholder="thuis, op school")
            with Vertical():
                yield Label("Door wie?")
                yield Input(v.heard_by, id="heard-by", placeholder="casusregisseur")
        yield Label("Wat heeft dit kind nodig, door de ogen van het kind? (jeugd-GGZ)")
        yield _text("ggz", v.ggz_perspective, classes="professional")
        yield Label("Verwoord door")
        yield Input(v.ggz_by, id="ggz-by", placeholder="bijv. jeugd-GGZ, J. Smit")
        yield Static("", classes="status", markup=False)

    def read(self) -> ClientVoice:
        return replace(
            self.voice,
            heard=self.query_one("#heard", TextArea).text,
            heard_where=self.query_one("#heard-where", Input).value.strip(),
            heard_by=self.query_one("#heard-by", Input).value.strip(),
            ggz_perspective=self.query_one("#ggz", TextArea).text,
            ggz_by=self.query_one("#ggz-by", Input).value.strip(),
        )


class AftercareRow(VoiceForm):
    """Who tells this person the outcome, how and by when; it becomes an action."""

    DEFAULT_CSS = """
    AftercareRow { height: auto; margin-bottom: 1; }
    AftercareRow .row > * { width: 1fr; margin-right: 1; }
    AftercareRow .row > .due { width: 16; }
    """

    def compose(self) -> ComposeResult:
        v = self.voice
        who = "kind" if v.is_child else "cliënt"
        yield Static(f"[b]{escape(v.member)}[/] [dim]({who})[/]")
        with Horizontal(classes="row"):
            yield Input(v.inform_by, id="inform-by", placeholder="Wie vertelt het?")
            yield Select(
                [(how.label, how.value) for how in InformHow],
                value=v.inform_how.value,
                allow_blank=False,
                id="inform-how",
            )
            yield Input(
                format_date(v.inform_due), id="inform-due", placeholder="uiterlijk", classes="due"
            )
        yield Static("", classes="status", markup=False)

    def read(self) -> ClientVoice:
        try:
            due = parse_date(self.query_one("#inform-due", Input).value)
        except InvalidInput:
            due = self.voice.inform_due  # the rest of the row is saved all the same
        return replace(
            self.voice,
            inform_by=self.query_one("#inform-by", Input).value.strip(),
            inform_how=InformHow(str(self.query_one("#inform-how", Select).value)),
            inform_due=due,
        )

    def mistake(self) -> str:
        try:
            parse_date(self.query_one("#inform-due", Input).value)
        except InvalidInput as problem:
            return f"{problem} De datum is nog niet opgeslagen."
        return ""


class AbsentVoiceRow(VoiceForm):
    """For a client who is not at the table: how their view was brought in, and by whom."""

    DEFAULT_CSS = """
    AbsentVoiceRow { height: auto; }
    AbsentVoiceRow .row > * { width: 1fr; margin-right: 1; }
    """

    def compose(self) -> ComposeResult:
        v = self.voice
        yield Static(f"[b]{escape(v.member)}[/] is er niet. Hoe is de stem ingebracht?")
        with Horizontal(classes="row"):
            yield Select(
                [
                    (mode.label, mode.value)
                    for mode in HearingMode
                    if mode is not HearingMode.AAN_TAFEL
                ],
                value=(
                    v.hearing.value
                    if v.hearing is not HearingMode.AAN_TAFEL
                    else HearingMode.CASUSREGISSEUR.value
                ),
                allow_blank=False,
                id="hearing",
            )
            yield Input(v.voiced_by, id="voiced-by", placeholder="Door wie?")
        yield Static("", classes="status", markup=False)

    def on_mount(self) -> None:
        if self.voice.hearing is HearingMode.AAN_TAFEL:
            # Absent: record at once that the voice came in another way.
            self.save_now()

    def read(self) -> ClientVoice:
        return replace(
            self.voice,
            hearing=HearingMode(str(self.query_one("#hearing", Select).value)),
            voiced_by=self.query_one("#voiced-by", Input).value.strip(),
        )
