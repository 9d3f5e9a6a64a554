"""One question of the guide, its follow-up prompts, and the answer typed live."""

from __future__ import annotations

from collections.abc import Callable

from rich.markup import escape
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from leidraad.domain import Answer
from leidraad.flow import Step
from screens.widgets.answer_editor import AnswerEditor


class QuestionPage(Vertical):
    def __init__(self, step: Step, answer: Answer, save: Callable[[Answer], None], id: str) -> None:
        super().__init__(id=id, classes="page question-page")
        assert step.question is not None
        self.step = step
        self.answer = answer
        self.save = save

    def compose(self) -> ComposeResult:
        question = self.step.question
        assert question is not None
        yield Static(escape(question.text), classes="question")
        if question.help:
            yield Static(escape(question.help), classes="help")
        if question.followups:
            prompts = "\n".join(f"  • {escape(f)}" for f in question.followups)
            yield Static(f"[b]Doorvragen[/]\n{prompts}", classes="followups")
        yield AnswerEditor(self.answer, self.save)

    def focus_main(self) -> None:
        self.query_one(AnswerEditor).focus()
