"""One question of the guide, its follow-up prompts, and the answer typed live."""

from __future__ import annotations

from collections.abc import Callable

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from leidraad.core.domain import Answer, worry_answer_id
from leidraad.core.flow import Step
from leidraad.core.meeting import Meeting
from screens.widgets.answer_editor import AnswerEditor


class QuestionPage(Vertical):
    def __init__(
        self,
        step: Step,
        answer: Answer,
        save: Callable[[Answer], None],
        meeting: Meeting,
        id: str,
    ) -> None:
        super().__init__(id=id, classes="page question-page")
        assert step.question is not None
        self.step = step
        self.answer = answer
        self.save = save
        self.meeting = meeting

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
        yield AnswerEditor(self.answer, self.save)

    def on_mount(self) -> None:
        self.refresh_worry_note(self.meeting)

    def refresh_worry_note(self, meeting: Meeting) -> None:
        """Show that a worry was made concrete here, so nobody asks it all again."""
        prefix = worry_answer_id(self.answer.question_id, "")
        count = sum(
            1 for k, a in meeting.answers.items() if k.startswith(prefix) and a.text.strip()
        )
        note = self.query_one(".worry-note", Static)
        answers = "1 antwoord" if count == 1 else f"{count} antwoorden"
        note.update(f"Zorg concreet gemaakt bij deze vraag ({answers}). Ctrl+R opent ze.")
        note.display = count > 0

    def main_widget(self) -> Widget:
        return self.query_one(AnswerEditor)
