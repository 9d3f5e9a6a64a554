"""A text area that saves what is typed within a fraction of a second, without a save key."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from textual.widgets import TextArea

from leidraad.core.audience import Restriction
from leidraad.core.domain import Answer
from screens.widgets.saver import UNSAVED, TypingSaver


class AnswerEditor(TextArea):
    """Edits one answer; its saver writes while typing, and on leaving the field or the screen."""

    def __init__(
        self,
        answer: Answer,
        save: Callable[[Answer], None],
        *,
        id: str | None = None,
        names: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(answer.text, soft_wrap=True, tab_behavior="focus", id=id)
        self.answer = answer
        self.names = dict(names or {})  # key -> name, to say whose words and for whom
        self._save = save
        self.saver = TypingSaver(self, self._write, lambda _message: self._show_marks())
        self.border_title = "Antwoord"
        self._show_marks()

    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        if self.text != self.answer.text:
            self.saver.changed()

    def _write(self) -> None:
        answer = replace(self.answer, text=self.text)
        self._save(answer)
        self.answer = answer

    def flush(self) -> bool:
        """Write the answer now if it changed; False when that failed (it is retried)."""
        return self.saver.flush()

    def next_speaker(self, speakers: Sequence[str]) -> None:
        """Ctrl+O: not someone's own words, then each person's in turn, then someone's
        whose we do not know, and round again. Whose words they are decides who may read them."""
        self._mark(cycle_speaker(self.answer, speakers))

    def speaker_label(self) -> str:
        """'eigen woorden van moeder', or '' when these are no one's own words."""
        if not self.answer.client_words:
            return ""
        name = self.names.get(self.answer.speaker, "")
        return f"eigen woorden van {name}" if name else "eigen woorden (van wie is onbekend)"

    def set_restriction(self, restriction: Restriction) -> None:
        self._mark(replace(self.answer, restriction=restriction))

    def _mark(self, answer: Answer) -> None:
        # Keep what is typed: the marking is saved together with the current text.
        self.answer = answer
        self._show_marks()
        self.saver.changed()
        self.saver.flush()

    def _show_marks(self) -> None:
        marks = [self.speaker_label()] if self.answer.client_words else []
        marking = marking_label(self.answer.restriction, self.names)
        marks += [marking] if marking else []
        # The notification goes away; this stays until the text is safe.
        marks += [UNSAVED] if self.saver.failed else []
        self.border_subtitle = " · ".join(marks)
        self.set_class(self.answer.client_words, "client-words")
        self.set_class(self.answer.restriction.is_restricted, "restricted")

    def on_blur(self) -> None:
        self.saver.flush()

    def on_unmount(self) -> None:
        self.saver.close()


def cycle_speaker(answer: Answer, speakers: Sequence[str]) -> Answer:
    """The next state of 'whose own words': none, each speaker, unknown whose, none again."""
    states = [(False, ""), *((True, key) for key in speakers), (True, "")]
    now = (answer.client_words, answer.speaker if answer.client_words else "")
    following = states[(states.index(now) + 1) % len(states)] if now in states else states[1]
    return replace(answer, client_words=following[0], speaker=following[1])


def marking_label(restriction: Restriction, names: Mapping[str, str]) -> str:
    """How a marking shows on screen: 'afgeschermd: niet voor vader', 'gedeeld met moeder',
    or '' for the default."""
    if restriction.is_restricted:
        return f"afgeschermd: {restriction.describe(dict(names))}"
    return restriction.describe(dict(names)) if restriction.shared_with else ""
