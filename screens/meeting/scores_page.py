"""Safety scores: a number from 0 to 10 per perspective, and what would make it one higher."""

from __future__ import annotations

from dataclasses import replace

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from exports.variants import score_owner
from leidraad.core.audience import Origin, Restriction
from leidraad.core.domain import InvalidInput, SafetyScore, parse_score
from screens.meeting.divergence_note import DivergenceNote, PreviousScores, ScoresChanged
from screens.meeting.page import MeetingPage, RestrictTarget
from screens.meeting.session import MeetingSession
from screens.widgets.answer_editor import marking_label
from screens.widgets.pending import SAVES_WHILE_TYPING
from screens.widgets.prompt import PromptDialog
from screens.widgets.storage_guard import saving

SAVE_DELAY = 0.25
RETRY_DELAY = 2.0


class ScoreRow(Vertical):
    """One perspective. A wrong score is refused with a message; the typed text stays."""

    def __init__(self, session: MeetingSession, score: SafetyScore) -> None:
        super().__init__(classes=f"score-row {SAVES_WHILE_TYPING}")
        self.session = session
        self.score = score
        self._timer: Timer | None = None
        self._failed = False  # told once; the retry goes on quietly until it works
        self._score_text = "" if score.score is None else str(score.score)
        self._higher_text = score.higher

    def compose(self) -> ComposeResult:
        yield Static(self._who(), classes="perspective")
        with Horizontal():
            yield Input(self._score_text, placeholder="0-10", classes="score", max_length=4)
            yield Input(
                self.score.higher, placeholder="Wat maakt het één punt hoger?", classes="higher"
            )
        yield Static("", classes="error", markup=False)

    def _who(self) -> str:
        who = escape(self.score.perspective)
        if self.score.voiced_by:
            who += f" [dim](verwoord door {escape(self.score.voiced_by)})[/]"
        marking = marking_label(self.score.restriction, self.session.names())
        if marking:
            who += f"  [b $warning]{escape(marking)}[/]"
        return who

    def set_restriction(self, restriction: Restriction) -> None:
        self.flush()
        updated = replace(self.score, restriction=restriction)
        try:
            self.session.save_score(updated)
        except Exception as error:  # storage errors carry a Dutch message
            self.notify(f"Opslaan lukte niet: {error}", severity="error", markup=False)
            return
        self.score = updated
        self.query_one(".perspective", Static).update(self._who())

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.input.has_class("score"):
            self._score_text = event.value
            self._show_problem()
        else:
            self._higher_text = event.value
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self.flush)

    def _show_problem(self) -> None:
        try:
            parse_score(self._score_text)
        except InvalidInput as problem:
            message = f"{problem} Het cijfer is niet opgeslagen."
        else:
            message = ""
        self.query_one(".error", Static).update(message)
        self.set_class(bool(message), "invalid")

    def flush(self) -> None:
        """Save what is typed; a wrong score keeps the last good one in the database."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        try:
            value = parse_score(self._score_text)
        except InvalidInput:
            value = self.score.score
        updated = replace(self.score, score=value, higher=self._higher_text)
        if updated == self.score:
            return
        try:
            self.session.save_score(updated)
        except Exception as error:  # storage errors carry a Dutch message
            if not self._failed:
                self.notify(
                    f"Opslaan lukte niet: {error}. Je tekst blijft staan en leidraad "
                    "probeert het opnieuw.",
                    title="Niet opgeslagen",
                    severity="error",
                    markup=False,
                )
            self._failed = True
            if self.is_mounted:
                self._timer = self.set_timer(RETRY_DELAY, self.flush)
            return
        if self._failed:
            self.notify("Het cijfer is alsnog opgeslagen.", title="Opgeslagen", markup=False)
        self._failed = False
        self.score = updated
        self.post_message(ScoresChanged())

    def on_unmount(self) -> None:
        self.flush()


class ScoresPage(VerticalScroll, MeetingPage):
    def __init__(self, session: MeetingSession, *, id: str) -> None:
        super().__init__(id=id, classes="page", can_focus=False)
        self.session = session

    def compose(self) -> ComposeResult:
        voice = self.session.guide.client_voice
        yield Static("Veiligheidscijfers", classes="question")
        yield Static(
            f"Vraag aan iedereen: “{escape(voice.scale_question)}” "
            f"en “{escape(voice.higher_question)}”",
            classes="help",
        )
        yield PreviousScores(self.session.context, self.session.meeting)
        with Vertical(id="scores"):
            for score in self.session.meeting.scores:
                yield ScoreRow(self.session, score)
        yield DivergenceNote()
        yield Button("+ Perspectief", id="add-perspective")

    def on_mount(self) -> None:
        self.query_one(DivergenceNote).show(self.session.meeting.scores, announce=False)

    @on(ScoresChanged)
    def _scores_changed(self) -> None:
        self.query_one(DivergenceNote).show([row.score for row in self.query(ScoreRow)])

    def focus_target(self) -> Widget | None:
        rows = self.query(".score")
        return rows.first() if rows else None

    def restrict_target(self, focused: Widget | None) -> RestrictTarget | None:
        """The score whose row has the cursor."""
        rows = (a for a in focused.ancestors if isinstance(a, ScoreRow)) if focused else iter(())
        row = next(rows, None)
        if row is None:
            return None
        owner = score_owner(self.session.case, row.score)
        return RestrictTarget(
            f"Cijfer van {row.score.perspective}",
            row.score.restriction,
            row.set_restriction,
            Origin(speaker=owner),
        )

    @on(Button.Pressed, "#add-perspective")
    def _add(self) -> None:
        async def added(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            with saving(self) as attempt:
                saved = self.session.add_score(SafetyScore(result[0], result[1]))
            if not attempt.ok:
                return
            row = ScoreRow(self.session, saved)
            await self.query_one("#scores").mount(row)
            row.query_one(".score").focus()

        self.app.push_screen(
            PromptDialog(
                "Perspectief toevoegen",
                "Wiens perspectief? (bijv. 'Perspectief van Sam, 8 jaar')",
                "Verwoord door (bijv. casusregisseur, jeugd-GGZ)",
                "Vul in wiens perspectief het is.",
            ),
            added,
        )
