"""When someone raises an alarm: make the worry concrete instead of jumping into action.

The answers are kept under the question where the worry came up (Ctrl+R there).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static

from leidraad.core.domain import Answer, worry_answer_id
from leidraad.core.guide import Question, WorrySet
from leidraad.core.meeting import Meeting
from screens.meeting.page import MeetingPage
from screens.shown import escape
from screens.widgets.answer_editor import AnswerEditor
from screens.widgets.storage_guard import saving


class WorryDialog(ModalScreen[None]):
    CSS_PATH = "meeting.tcss"
    AUTO_FOCUS = ""  # focused by hand below, without scrolling the first question away
    BINDINGS = [Binding("escape", "close", "Terug naar de vraag")]

    def __init__(
        self,
        worry: WorrySet,
        origin: Answer,
        meeting: Meeting,
        save: Callable[[Answer], None],
    ) -> None:
        super().__init__()
        self.worry, self.origin, self.meeting, self.save = worry, origin, meeting, save

    def _answer(self, question: Question) -> Answer:
        answer_id = worry_answer_id(self.origin.question_id, question.id)
        return self.meeting.answers.get(answer_id) or Answer(
            answer_id, question.text, self.origin.part
        )

    def compose(self) -> ComposeResult:
        with Vertical(id="worry-dialog"):
            yield Static(escape(self.worry.title), classes="title")
            yield Static(
                f"Bij de vraag: {escape(self.origin.question_text)}\n"
                "Eerst de zorg concreet, dan pas actie. Esc brengt je terug.",
                classes="help",
            )
            with VerticalScroll(can_focus=False):
                for question in self.worry.questions:
                    answer = self._answer(question)  # keeps the text it was first asked with
                    with Vertical(classes="worry-question"):
                        yield Static(escape(answer.question_text), classes="question")
                        if question.followups:
                            yield Static(
                                "  " + " · ".join(escape(f) for f in question.followups),
                                classes="followups",
                            )
                        yield AnswerEditor(answer, self.save)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query(AnswerEditor).first().focus(scroll_visible=False)

    @on(events.DescendantFocus)
    def _keep_question_in_view(self, event: events.DescendantFocus) -> None:
        """Show the question with its answer box, not just the box."""
        group = event.widget.parent
        if isinstance(group, Vertical) and group.has_class("worry-question"):
            self.call_after_refresh(group.scroll_visible, animate=False, top=True)

    def action_close(self) -> None:
        for editor in self.query(AnswerEditor):
            editor.flush()
        self.dismiss(None)


def make_worry_concrete(screen: Screen[Any], page: MeetingPage) -> None:
    """Open the worry questions for the answer on `page`, or say why that is not possible."""
    session = page.session
    worry = session.guide.worry
    editor = page.worry_origin()
    if worry is None or editor is None:
        screen.notify(
            "Ga eerst naar een vraag: de zorg wordt bij die vraag bewaard.",
            severity="warning",
            markup=False,
        )
        return
    editor.flush()
    if editor.answer.question_id not in session.meeting.answers:
        with saving(screen) as saved:  # so the minutes can show the worry under its question
            session.save_answer(editor.answer)
        if not saved.ok:
            return

    def back(_: None) -> None:
        page.refresh_data()
        screen.set_focus(page.focus_target(), scroll_visible=False)

    dialog = WorryDialog(worry, editor.answer, session.meeting, session.save_answer)
    screen.app.push_screen(dialog, back)
