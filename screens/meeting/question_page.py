"""One question of the guide, its follow-up prompts, and the answer typed live."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from leidraad.core.domain import Answer, worry_answer_id
from leidraad.core.flow import Step
from screens.meeting.page import MeetingPage
from screens.meeting.session import MeetingSession
from screens.shown import escape
from screens.widgets.answer_editor import AnswerEditor


class QuestionPage(VerticalScroll, MeetingPage):
    """Scrolls when the question and its prompts leave no room for the answer (80x24),
    so Tab brings the answer into view instead of focusing it below the screen."""

    def __init__(self, session: MeetingSession, step: Step, *, id: str) -> None:
        super().__init__(id=id, classes="page question-page", can_focus=False)
        question = step.question
        assert question is not None
        self.session = session
        self.step = step
        self.answer: Answer = session.answer(question.id, question.text, step.part.value)

    def compose(self) -> ComposeResult:
        question = self.step.question
        assert question is not None
        yield Static(escape(question.text), classes="question")
        if question.help:
            yield Static(escape(question.help), classes="help")
        if question.followups:
            prompts = "\n".join(f"  • {escape(f)}" for f in question.followups)
            yield Static(f"[b]Doorvragen[/]\n{prompts}", classes="followups")
        yield Static("", classes="worry-note")
        yield AnswerEditor(self.answer, self.session.save_answer, names=self.session.names())

    def on_mount(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        """Show that a worry was made concrete here, so nobody asks it all again."""
        prefix = worry_answer_id(self.answer.question_id, "")
        answers = self.session.meeting.answers
        count = sum(1 for k, a in answers.items() if k.startswith(prefix) and a.text.strip())
        note = self.query_one(".worry-note", Static)
        said = "1 antwoord" if count == 1 else f"{count} antwoorden"
        note.update(f"Zorg concreet gemaakt bij deze vraag ({said}). Ctrl+R opent ze.")
        note.display = count > 0

    def focus_target(self) -> Widget:
        return self.query_one(AnswerEditor)

    def worry_origin(self) -> AnswerEditor:
        return self.query_one(AnswerEditor)
