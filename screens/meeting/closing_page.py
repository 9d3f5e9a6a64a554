"""Closing: summary, aftercare, the next meeting, and the minutes."""

from __future__ import annotations

from collections.abc import Callable

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from leidraad.core.domain import (
    AFTERCARE_ID,
    DATE_FORMAT_HINT,
    SUMMARY_ID,
    Answer,
    InvalidInput,
    MeetingStatus,
    format_date,
    parse_date,
)
from leidraad.core.flow import Part
from leidraad.core.meeting import Meeting
from leidraad.core.voice import ClientVoice
from screens.context import AppContext
from screens.meeting.phase_decision import PhaseDecision
from screens.voice_forms import AftercareRow
from screens.widgets.answer_editor import AnswerEditor


class ClosingPage(VerticalScroll):
    class CloseRequested(Message):
        """The user wants the meeting closed and the minutes written."""

    def __init__(
        self,
        context: AppContext,
        meeting: Meeting,
        save: Callable[[Answer], None],
        voices: list[ClientVoice],
        save_voice: Callable[[ClientVoice], ClientVoice],
        id: str,
    ) -> None:
        super().__init__(id=id, classes="page", can_focus=False)
        self.context = context
        self.meeting = meeting
        self.save = save
        self.voices = voices
        self.save_voice = save_voice

    def _answer(self, question_id: str, text: str) -> Answer:
        return self.meeting.answers.get(question_id) or Answer(
            question_id, text, Part.AFSLUITING.value
        )

    def compose(self) -> ComposeResult:
        yield Static("Samenvatting: wat is besloten?", classes="question")
        yield AnswerEditor(self._answer(SUMMARY_ID, "Samenvatting"), self.save, id="summary")
        yield Static("Nazorg: wie vertelt elke cliënt en elk kind de uitkomst?", classes="question")
        yield Static(
            "Vul in wie het vertelt, hoe en uiterlijk wanneer. Het wordt een actie in het plan, "
            "zodat het volgende overleg ziet of het is gebeurd.",
            classes="help",
        )
        for voice in self.voices:
            yield AftercareRow(voice, self.save_voice)
        yield Label("Verder over de nazorg (vrije tekst)")
        yield AnswerEditor(
            self._answer(AFTERCARE_ID, "Wie informeert de cliënten na het overleg"),
            self.save,
            id="aftercare",
        )
        yield Label(f"Volgend overleg ({DATE_FORMAT_HINT})")
        yield Input(format_date(self.meeting.next_meeting), id="next-meeting")
        yield Static("", classes="error", id="next-error", markup=False)
        yield PhaseDecision(self.context, self.meeting)
        closed = self.meeting.status is MeetingStatus.AFGESLOTEN
        # Docked, so closing the meeting is in reach however long the page is.
        with Horizontal(id="closing-bar"):
            yield Button(
                "Verslag opnieuw maken" if closed else "Overleg afsluiten en verslag maken",
                id="close-meeting",
                variant="success",
            )
            yield Static("", id="result")

    def main_widget(self) -> Widget:
        return self.query_one("#summary", AnswerEditor)

    @on(Input.Changed, "#next-meeting")
    def _next_meeting(self, event: Input.Changed) -> None:
        error = self.query_one("#next-error", Static)
        try:
            when = parse_date(event.value)
        except InvalidInput as problem:
            error.update(f"{problem} De datum is nog niet opgeslagen.")
            return
        if when != self.meeting.next_meeting and self.meeting.id is not None:
            try:
                self.context.repo.set_next_meeting(self.meeting.id, when)
            except Exception as problem:  # storage errors carry a Dutch message
                error.update(f"Opslaan lukte niet: {problem}. Typ de datum straks nog eens.")
                return
            self.meeting.next_meeting = when
        error.update("")

    @on(Button.Pressed, "#close-meeting")
    def _close(self) -> None:
        self.post_message(self.CloseRequested())

    def show_result(self, text: str) -> None:
        result = self.query_one("#result", Static)
        result.update(escape(text))
        result.scroll_visible()
        self.query_one("#close-meeting", Button).label = "Verslag opnieuw maken"
