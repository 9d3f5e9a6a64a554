"""A text area that saves what is typed within a fraction of a second, without a save key."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from time import monotonic

from textual.timer import Timer
from textual.widgets import TextArea

from leidraad.core.audience import Restriction
from leidraad.core.domain import Answer
from screens.widgets.pending import SAVES_WHILE_TYPING
from storage.errors import StorageError

SAVE_DELAY = 0.25  # seconds of quiet typing before the text is written
MAX_DELAY = 0.4  # typing on without a pause still writes at least this often
RETRY_DELAY = 2.0


class AnswerEditor(TextArea):
    """Edits one answer; saving is debounced, and flushed on leaving the field or the screen."""

    def __init__(
        self,
        answer: Answer,
        save: Callable[[Answer], None],
        *,
        id: str | None = None,
        names: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            answer.text, soft_wrap=True, tab_behavior="focus", id=id, classes=SAVES_WHILE_TYPING
        )
        self.answer = answer
        self.names = dict(names or {})  # key -> name, to say whose words and for whom
        self._save = save
        self._timer: Timer | None = None
        self._dirty = False
        self._dirty_since = 0.0
        self._failed = False
        self.border_title = "Antwoord"
        self._show_marks()

    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        if self.text == self.answer.text:
            return
        if not self._dirty:
            self._dirty_since = monotonic()
        self._dirty = True
        if self._failed:
            return  # the retry timer saves the latest text; no attempt per key meanwhile
        # Debounced, but never later than MAX_DELAY after the first unsaved key, so
        # a crash while someone types on and on loses at most that much.
        # (Never a zero delay: a Textual timer of 0 s divides by zero when it runs late.)
        waited = monotonic() - self._dirty_since
        self._schedule(max(0.01, min(SAVE_DELAY, MAX_DELAY - waited)))

    def _schedule(self, delay: float) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(delay, self.flush)

    def flush(self) -> bool:
        """Write the answer now if it changed; on failure keep the text and try again soon."""
        if not self._dirty:
            return True
        answer = replace(self.answer, text=self.text)
        try:
            self._save(answer)
        except Exception as error:
            if not self._failed:
                self.notify(
                    str(error)  # already says what happened and that the text stays
                    if isinstance(error, StorageError)
                    else f"Opslaan lukte niet: {error}. Je tekst blijft staan en leidraad "
                    "probeert het opnieuw.",
                    title="Niet opgeslagen",
                    severity="error",
                    timeout=10,
                    markup=False,
                )
            self._failed = True
            # The notification goes away; this stays until the text is safe.
            self.border_subtitle = "nog niet opgeslagen, leidraad probeert het opnieuw"
            if self.is_mounted:
                self._schedule(RETRY_DELAY)
            return False
        recovered = self._failed
        self.answer, self._dirty, self._failed = answer, False, False
        if recovered:
            self.notify("Je tekst is alsnog opgeslagen.", title="Opgeslagen", markup=False)
            self._show_marks()  # the 'nog niet opgeslagen' note goes
        return True

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
        self._dirty = True
        self._show_marks()
        self.flush()

    def _show_marks(self) -> None:
        marks = [self.speaker_label()] if self.answer.client_words else []
        marking = marking_label(self.answer.restriction, self.names)
        marks += [marking] if marking else []
        self.border_subtitle = " · ".join(marks)
        self.set_class(self.answer.client_words, "client-words")
        self.set_class(self.answer.restriction.is_restricted, "restricted")

    def on_blur(self) -> None:
        self.flush()

    def on_unmount(self) -> None:
        self.flush()


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
