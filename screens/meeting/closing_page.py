"""Closing: summary, aftercare, the next meeting, and the minutes."""

from __future__ import annotations

from rich.markup import escape
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from leidraad.core.domain import (
    AFTERCARE_ID,
    DATE_FORMAT_HINT,
    SUMMARY_ID,
    Answer,
    InvalidInput,
    format_date,
    parse_date,
)
from leidraad.core.flow import Part
from screens.meeting.page import MeetingPage
from screens.meeting.phase_decision import PhaseDecision
from screens.meeting.session import MeetingSession
from screens.voice_forms import AftercareRow
from screens.widgets.answer_editor import AnswerEditor
from screens.widgets.saver import UNSAVED_LINE, TypingSaver


class ClosingPage(Vertical, MeetingPage):
    """The fields scroll; the closing button sits below them, always in view.

    The button is not docked inside the scrolling part: Textual orders Tab by where a
    widget is, so a docked button came between the fields (typing landed on the button
    and every later field was one off), and it hid the field scrolled under it.
    """

    class CloseRequested(Message):
        """The user wants the meeting closed and the minutes written."""

    def __init__(self, session: MeetingSession, *, id: str) -> None:
        super().__init__(id=id, classes="page")
        self.session = session
        # The date of the next meeting, saved while typing like every other field.
        self._next_text = format_date(session.meeting.next_meeting)
        self._next_problem = ""
        self._next_unsaved = ""
        self.saver = TypingSaver(self, self._write_next_meeting, self._show_unsaved)

    def _answer(self, question_id: str, text: str) -> Answer:
        return self.session.answer(question_id, text, Part.AFSLUITING.value)

    def compose(self) -> ComposeResult:
        # Below the scrolling fields, so closing the meeting is in reach however long they are.
        with VerticalScroll(id="closing-fields", can_focus=False):
            yield from self._fields()
        closed = self.session.closed
        with Horizontal(id="closing-bar"):
            yield Button(
                "Verslag opnieuw maken" if closed else "Overleg afsluiten en verslag maken",
                id="close-meeting",
                variant="success",
            )
            yield Static("", id="result")

    def _fields(self) -> ComposeResult:
        yield Static("Samenvatting: wat is besloten?", classes="question")
        save, names = self.session.save_answer, self.session.names()
        yield AnswerEditor(
            self._answer(SUMMARY_ID, "Samenvatting"), save, id="summary", names=names
        )
        yield Static("Nazorg: wie vertelt elke cliënt en elk kind de uitkomst?", classes="question")
        yield Static(
            "Vul in wie het vertelt, hoe en uiterlijk wanneer. Het wordt een actie in het plan, "
            "zodat het volgende overleg ziet of het is gebeurd.",
            classes="help",
        )
        for voice in self.session.voices:
            yield AftercareRow(voice, self.save_voice)
        yield Label("Verder over de nazorg (vrije tekst)")
        yield AnswerEditor(
            self._answer(AFTERCARE_ID, "Wie informeert de cliënten na het overleg"),
            save,
            id="aftercare",
            names=names,
        )
        yield Label(f"Volgend overleg ({DATE_FORMAT_HINT})")
        yield Input(format_date(self.session.meeting.next_meeting), id="next-meeting")
        yield Static("", classes="error", id="next-error", markup=False)
        yield PhaseDecision(self.session)

    def focus_target(self) -> Widget:
        return self.query_one("#summary", AnswerEditor)

    @on(Input.Changed, "#next-meeting")
    def _next_meeting(self, event: Input.Changed) -> None:
        event.stop()
        if event.value != self._next_text:
            self._next_text = event.value
            self.saver.changed()

    def _write_next_meeting(self) -> None:
        try:
            when = parse_date(self._next_text)
        except InvalidInput as problem:
            self._next_problem = f"{problem} De datum is nog niet opgeslagen."
        else:
            self._next_problem = ""
            if when != self.session.meeting.next_meeting:
                self.session.set_next_meeting(when)
        self._show_next_status()

    def _show_unsaved(self, message: str) -> None:
        self._next_unsaved = UNSAVED_LINE if message else ""
        self._show_next_status()

    def _show_next_status(self) -> None:
        text = " ".join(p for p in (self._next_unsaved, self._next_problem) if p)
        for error in self.query("#next-error").results(Static):  # none while it goes away
            error.update(text)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if event.widget.id == "next-meeting":
            self.saver.flush()

    def on_unmount(self) -> None:
        self.saver.close()

    @on(Button.Pressed, "#close-meeting")
    def _close(self) -> None:
        self.post_message(self.CloseRequested())

    def change_phase(self) -> None:
        self.query_one(PhaseDecision).change()

    def show_result(self, text: str) -> None:
        result = self.query_one("#result", Static)
        result.update(escape(text))
        result.scroll_visible()
        self.query_one("#close-meeting", Button).label = "Verslag opnieuw maken"
