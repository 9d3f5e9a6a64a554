"""The one way a field saves what a person types, and writing every such field at once.

Every widget a person types into owns a `TypingSaver`. It calls `changed()` on each
key; the saver writes a quarter of a second after the last key, and at least every
0.4 s while typing goes on, so a crash loses at most that much. Leaving the field,
and anything that exports, closes, pauses or quits, calls `flush` (or `flush_all`
for everything under a screen). A write that fails keeps the text, says so in the
field, and is tried again every two seconds until it works, without a key pressed.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from time import monotonic

from textual.dom import DOMNode
from textual.timer import Timer
from textual.widget import Widget

from storage.errors import StorageError

SAVE_DELAY = 0.25  # seconds of quiet typing before the text is written
MAX_DELAY = 0.4  # typing on without a pause still writes at least this often
RETRY_DELAY = 2.0  # after a failed write, the next try
UNSAVED = "nog niet opgeslagen, leidraad probeert het opnieuw"
UNSAVED_LINE = f"Je tekst is {UNSAVED}."  # the same, as a sentence in a form's status line


def status_text(unsaved: str, problem: str | None) -> str:
    """A form's status line: what is not stored yet, then what is wrong; one wording everywhere."""
    return " ".join(p for p in (unsaved, problem) if p)


SAVED_AGAIN = "Je tekst is alsnog opgeslagen."

_SAVERS: weakref.WeakSet[TypingSaver] = weakref.WeakSet()


class TypingSaver:
    """Debounced, bounded, retried writing for one field or form.

    `write` stores what the owner shows now and raises when that fails (a storage
    error carries a Dutch message). A problem the person must fix, such as a wrong
    date, is the owner's to show: `write` then stores what it can and returns.
    `show` puts UNSAVED in the field while a write is failing, and '' once it worked.
    """

    def __init__(
        self,
        owner: Widget,
        write: Callable[[], object],
        show: Callable[[str], object] | None = None,
        saved_again: Callable[[], object] | None = None,
    ) -> None:
        self.owner = owner
        self._write = write
        self._show = show
        self._saved_again = saved_again
        self._timer: Timer | None = None
        self._dirty = False
        self._dirty_since = 0.0
        self._failed = False
        _SAVERS.add(self)

    @property
    def dirty(self) -> bool:
        """Something typed is not stored yet."""
        return self._dirty

    @property
    def failed(self) -> bool:
        """The last write failed; the text waits for the next try."""
        return self._failed

    def changed(self) -> None:
        """A key changed the text: write soon, and never later than MAX_DELAY from the
        first unsaved key, however fast the typing goes on."""
        now = monotonic()
        if not self._dirty:
            self._dirty_since = now
        self._dirty = True
        if self._failed:
            return  # the retry writes the latest text; no attempt per key meanwhile
        # Never a zero delay: a Textual timer of 0 s divides by zero when it runs late.
        self._schedule(max(0.01, min(SAVE_DELAY, MAX_DELAY - (now - self._dirty_since))))

    def flush(self) -> bool:
        """Write now if anything waits; False when that failed (the text stays, a retry
        follows)."""
        self._stop()
        if not self._dirty:
            return True
        self._dirty = False  # a key typed while writing makes it dirty again
        try:
            self._write()
        except Exception as error:
            self._dirty = True
            self._fail(error)
            return False
        if self._failed:
            self._failed = False
            if self._show is not None:
                self._show("")
            if self._saved_again is not None:
                self._saved_again()
            else:
                self.owner.notify(SAVED_AGAIN, title="Opgeslagen", markup=False)
        return True

    def close(self) -> None:
        """The field goes away: write what it holds, and forget it."""
        self.flush()
        self._stop()
        _SAVERS.discard(self)

    def _fail(self, error: Exception) -> None:
        if not self._failed:
            self.owner.notify(
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
        if self._show is not None:
            self._show(UNSAVED)  # the notification goes away; this stays until it is saved
        self._schedule(RETRY_DELAY)

    def _schedule(self, delay: float) -> None:
        self._stop()
        if self.owner.is_mounted:
            self._timer = self.owner.set_timer(delay, self.flush)

    def _stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None


def flush_all(node: DOMNode) -> None:
    """Write every field under `node` (or owned by it) now: before an export, a close, a
    time-out or quitting, nothing may still wait for a typing pause."""
    for saver in list(_SAVERS):
        owner = saver.owner
        if owner is node or node in owner.ancestors:
            saver.flush()
