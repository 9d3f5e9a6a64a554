"""Safety scores: a number from 0 to 10 per perspective, and what would make it one higher."""

from __future__ import annotations

from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Input, Static

from exports.variants import score_owner
from leidraad.core.audience import Origin, Restriction
from leidraad.core.domain import InvalidInput, SafetyScore, parse_score
from screens.meeting.divergence_note import DivergenceNote, PreviousScores, ScoresChanged
from screens.meeting.page import MeetingPage, RestrictTarget
from screens.meeting.session import MeetingSession
from screens.shown import escape
from screens.widgets.answer_editor import marking_label
from screens.widgets.prompt import PromptDialog
from screens.widgets.saver import UNSAVED_LINE, TypingSaver, status_text
from screens.widgets.storage_guard import saving


class ScoreRow(Vertical):
    """One perspective. A wrong score is refused with a message; the typed text stays."""

    def __init__(self, session: MeetingSession, score: SafetyScore) -> None:
        super().__init__(classes="score-row")
        self.session = session
        self.score = score
        self._problem = ""  # a wrong score, which the person must fix
        self._unsaved = ""  # UNSAVED_LINE while a write is failing
        self.saver = TypingSaver(self, self._write, self._show_unsaved)
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
            self._check_score()
        else:
            self._higher_text = event.value
        self.saver.changed()

    def _check_score(self) -> None:
        try:
            parse_score(self._score_text)
        except InvalidInput as problem:
            self._problem = f"{problem} Het cijfer is niet opgeslagen."
        else:
            self._problem = ""
        self._show_status()

    def _show_unsaved(self, message: str) -> None:
        self._unsaved = UNSAVED_LINE if message else ""
        self._show_status()

    def _show_status(self) -> None:
        for error in self.query(".error").results(Static):  # none while the row goes away
            error.update(status_text(self._unsaved, self._problem))
        self.set_class(bool(self._problem), "invalid")

    def flush(self) -> bool:
        """Write what is typed now; False when that failed (it is retried)."""
        return self.saver.flush()

    def _write(self) -> None:
        """Save what is typed; a wrong score keeps the last good one in the database."""
        try:
            value = parse_score(self._score_text)
        except InvalidInput:
            value = self.score.score
        updated = replace(self.score, score=value, higher=self._higher_text)
        if updated == self.score:
            return
        self.session.save_score(updated)
        self.score = updated
        self.post_message(ScoresChanged())

    def on_descendant_blur(self) -> None:
        self.saver.flush()

    def on_unmount(self) -> None:
        self.saver.close()


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
