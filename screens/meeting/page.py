"""What the meeting screen needs of every page, so it never asks a page what it is.

A page is made with the meeting session (data goes down) and reports with
messages (they go up). The screen asks every page the same few things: where
the keys go, which answer Ctrl+O marks, what Ctrl+L shields, whether a worry can
be made concrete here, to flush what is typed, and to show the session again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from exports.variants import answer_origin
from leidraad.core.audience import NO_ORIGIN, Origin, Restriction
from leidraad.core.voice import ClientVoice
from screens.meeting.session import MeetingSession
from screens.widgets.answer_editor import AnswerEditor
from screens.widgets.saver import flush_all


@dataclass(frozen=True)
class RestrictTarget:
    """The item a 'wie mag dit lezen' choice applies to, and how to apply it."""

    what: str
    current: Restriction
    apply: Callable[[Restriction], None]
    origin: Origin = NO_ORIGIN  # whose words it is, or a veiligheidsplan: the defaults


class MeetingPage(Widget):
    """Mixed in after a container: `class OpeningPage(VerticalScroll, MeetingPage)`.

    Textual takes a widget's CSS and type name from its first base, so a page looks,
    scrolls and takes keys exactly as that container does. The flip side: a query
    for `MeetingPage` finds nothing; look at the page switcher's children instead.
    """

    session: MeetingSession

    class DataChanged(Message):
        """This page stored what other pages show (aftercare is an action in the plan)."""

    def focus_target(self) -> Widget | None:
        """Where the keys go when the page is shown."""
        return None

    def answer_editor(self, focused: Widget | None) -> AnswerEditor | None:
        """The answer under the cursor, else the first one on the page (Ctrl+O, Ctrl+L)."""
        if isinstance(focused, AnswerEditor):
            return focused
        found = self.query(AnswerEditor)
        return found.first() if found else None

    def restrict_target(self, focused: Widget | None) -> RestrictTarget | None:
        """What Ctrl+L applies to here: by default the answer under the cursor."""
        editor = self.answer_editor(focused)
        if editor is None:
            return None
        answer = editor.answer
        origin = answer_origin(answer, self.session.guide.safety_plan_ids())
        return RestrictTarget(
            answer.question_text, answer.restriction, editor.set_restriction, origin
        )

    def worry_origin(self) -> AnswerEditor | None:
        """The answer a worry made concrete belongs to; only a question page has one."""
        return None

    def save_voice(self, voice: ClientVoice) -> ClientVoice:
        """Save through the session, and tell the screen when the plan changed with it."""
        stored, plan_changed = self.session.save_voice(voice)
        if plan_changed:
            self.post_message(self.DataChanged())
        return stored

    def flush(self) -> None:
        """Write what is still waiting for a typing pause."""
        flush_all(self)

    def refresh_data(self) -> None:
        """Show the session again after another page or a dialog changed it."""


class EmptyPage(Static, MeetingPage):
    """A part this question set has no questions for."""
