"""Afspraken aftikken: what became of the actions still open from earlier meetings.

One key per outcome, a short note per action, everything stored at once.
Actions past their date carry a warning sign and a coloured date, so they
stand out on a projector as well as for someone who cannot see colour.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static

from leidraad.core.domain import format_date
from leidraad.core.followup import Outcome, ReviewItem, overdue_text
from screens.case_cells import OVERDUE_MARK
from screens.meeting.page import MeetingPage
from screens.meeting.session import MeetingSession
from screens.shown import cell, escape
from screens.widgets.saver import UNSAVED_LINE, TypingSaver


def _short(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class ReviewTable(DataTable[Text]):
    BINDINGS = [
        *(Binding(o.key, f"outcome('{o.value}')", o.label, show=False) for o in Outcome),
        Binding("0", "outcome('')", "wissen", show=False),
    ]

    class OutcomeChosen(Message):
        def __init__(self, outcome: Outcome | None) -> None:
            super().__init__()
            self.outcome = outcome

    def action_outcome(self, value: str) -> None:
        self.post_message(self.OutcomeChosen(Outcome(value) if value else None))


class ReviewPage(VerticalScroll, MeetingPage):
    DEFAULT_CSS = """
    ReviewPage #review { height: auto; max-height: 14; margin-bottom: 1; }
    ReviewPage #review-detail { height: auto; margin-bottom: 1; }
    ReviewPage #review-unsaved { color: $error; text-style: bold; height: auto; display: none; }
    """

    def __init__(self, session: MeetingSession, *, id: str) -> None:
        super().__init__(id=id, classes="page review-page")
        self.session = session
        self.items = session.review_items
        self._note_index: int | None = None
        self._note_text = ""  # kept here so it can be saved even while the page unmounts
        self.saver = TypingSaver(self, self._write_note, self._show_unsaved, self._saved_again)

    def compose(self) -> ComposeResult:
        yield Static("Afspraken van eerdere overleggen aftikken", classes="question")
        keys = " · ".join(f"[b]{o.key}[/] {o.label}" for o in Outcome)
        yield Static(
            f"Loop de open acties langs met wie ze uitvoert. {keys} · [b]0[/] wissen · "
            "[b]Enter[/] notitie. Gedaan of niet meer nodig sluit de actie; "
            "de rest komt volgende keer terug.",
            classes="help",
        )
        yield Static("", id="review-summary")
        yield ReviewTable(id="review", cursor_type="row", zebra_stripes=True)
        yield Static("", id="review-detail")
        yield Input(
            placeholder="Korte notitie bij deze actie (Enter: volgende actie)", id="review-note"
        )
        yield Static(UNSAVED_LINE, id="review-unsaved", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(ReviewTable)
        # The date comes early: on a narrow screen the overdue mark must stay in view.
        for label, key in [
            ("Uitkomst", "outcome"),
            ("Wanneer", "due"),
            ("Actie", "action"),
            ("Wie", "owner"),
            ("Notitie", "note"),
        ]:
            table.add_column(label, key=key)
        for i, item in enumerate(self.items):
            table.add_row(*self._cells(item), key=str(i))
        self._summarise()
        self._load_note(0)

    def focus_target(self) -> Widget:
        return self.query_one(ReviewTable)

    # --- showing ---------------------------------------------------------------

    def _style(self, name: str) -> str:
        return self.app.get_css_variables().get(name, "")

    def _cells(self, item: ReviewItem) -> list[Text]:
        held_on = self.session.meeting.held_on
        if item.outcome is None:
            outcome = Text("nog bespreken", style="italic")
        else:
            colour = "success" if item.outcome.closes else "warning"
            outcome = Text(item.outcome.label, style=f"bold {self._style(colour)}")
        due = Text(format_date(item.action.due) or "-")
        if item.overdue(held_on):
            due = Text(f"{OVERDUE_MARK} {due.plain}", style=f"bold {self._style('error')}")
        return [
            outcome,
            due,
            cell(_short(item.action.description, 34)),
            cell(_short(item.action.owner, 16)),
            cell(_short(item.note, 30)),
        ]

    def _refresh_row(self, index: int) -> None:
        table = self.query_one(ReviewTable)
        for column, value in zip(
            ("outcome", "due", "action", "owner", "note"),
            self._cells(self.items[index]),
            strict=True,
        ):
            table.update_cell(str(index), column, value)
        self._summarise()

    def _summarise(self) -> None:
        held_on = self.session.meeting.held_on
        done = sum(1 for i in self.items if i.outcome is not None)
        late = sum(1 for i in self.items if i.overdue(held_on))
        text = f"{len(self.items)} open {'actie' if len(self.items) == 1 else 'acties'}"
        text += f" van eerdere overleggen · {done} besproken"
        if late:
            text += f" · [b $error]{OVERDUE_MARK} {late} over de datum[/]"
        self.query_one("#review-summary", Static).update(text)

    def _describe(self, item: ReviewItem) -> str:
        action = item.action
        lines = [
            f"[b]Uit overleg {item.meeting_number} ({format_date(item.agreed_on)}):[/] "
            f"{escape(action.description)} [dim]· {escape(action.owner or 'niemand genoemd')}[/]"
        ]
        held_on = self.session.meeting.held_on
        late = overdue_text(action, held_on) if item.overdue(held_on) else ""
        if late:
            lines.append(
                f"[b $error]{OVERDUE_MARK} {late} (afgesproken: {format_date(action.due)})[/]"
            )
        for earlier in item.earlier:
            said = earlier.outcome.label if earlier.outcome else "besproken"
            note = f": {escape(earlier.note)}" if earlier.note.strip() else ""
            lines.append(f"[dim]Overleg {earlier.meeting_number}: {said}{note}[/]")
        return "\n".join(lines)

    # --- choosing an outcome -----------------------------------------------------

    def _current(self) -> int | None:
        table = self.query_one(ReviewTable)
        if not self.items or table.cursor_row >= len(self.items):
            return None
        return table.cursor_row

    @on(ReviewTable.OutcomeChosen)
    def _outcome(self, event: ReviewTable.OutcomeChosen) -> None:
        index = self._current()
        if index is None:
            return
        self._flush_note()
        item = self.items[index]
        if not self._store(item, event.outcome, item.note):
            return
        item.outcome = event.outcome
        self._refresh_row(index)
        self.query_one("#review-detail", Static).update(self._describe(item))

    def _store(self, item: ReviewItem, outcome: Outcome | None, note: str) -> bool:
        assert item.action.id is not None
        try:
            self.session.save_review(item.action.id, outcome, note)
        except Exception as error:  # storage errors carry a Dutch message
            self.notify(
                f"Opslaan lukte niet: {error}. Probeer het nog eens.",
                title="Niet opgeslagen",
                severity="error",
                markup=False,
            )
            return False
        return True

    # --- the note ------------------------------------------------------------------

    @on(DataTable.RowHighlighted, "#review")
    def _row_moved(self, event: DataTable.RowHighlighted) -> None:
        self._load_note(event.cursor_row)

    def _load_note(self, index: int) -> None:
        if not self._flush_note():
            return  # the unsaved note stays in the field, with its row, until it is saved
        if not self.items or index >= len(self.items):
            return
        self._note_index = index
        item = self.items[index]
        self.query_one("#review-detail", Static).update(self._describe(item))
        self._note_text = item.note
        note = self.query_one("#review-note", Input)
        with note.prevent(Input.Changed):
            note.value = item.note

    @on(DataTable.RowSelected, "#review")
    def _edit_note(self) -> None:
        self.query_one("#review-note", Input).focus()

    @on(Input.Changed, "#review-note")
    def _note_typed(self, event: Input.Changed) -> None:
        event.stop()
        self._note_text = event.value
        self.saver.changed()

    def _flush_note(self) -> bool:
        """Save the note being typed; False when that failed (the text stays, and is retried)."""
        return self.saver.flush()

    def _write_note(self) -> None:
        if self._note_index is None:
            return
        item = self.items[self._note_index]
        text = self._note_text
        if text == item.note:
            return
        assert item.action.id is not None
        self.session.save_review(item.action.id, item.outcome, text)
        item.note = text
        if self.is_mounted:
            self._refresh_row(self._note_index)

    def _show_unsaved(self, message: str) -> None:
        for status in self.query("#review-unsaved"):  # none while the page goes away
            status.display = bool(message)

    def _saved_again(self) -> None:
        self.notify("De notitie is alsnog opgeslagen.", title="Opgeslagen", markup=False)
        # Meanwhile the cursor may have moved on: show that row's note now.
        if self.is_mounted:
            self._load_note(self.query_one(ReviewTable).cursor_row)

    @on(Input.Submitted, "#review-note")
    def _note_done(self) -> None:
        self._flush_note()
        table = self.query_one(ReviewTable)
        table.focus()
        if table.cursor_row < len(self.items) - 1:
            table.move_cursor(row=table.cursor_row + 1)

    def on_descendant_blur(self) -> None:
        self.saver.flush()

    def on_unmount(self) -> None:
        self.saver.close()
