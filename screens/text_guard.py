"""The last guard between stored text and the terminal.

Screens show stored text through `leidraad.core.text.visible`, which turns
control characters into placeholders. Any widget that shows a value as it is
(an `Input` or `TextArea` being edited, a place a screen forgot) still must not
send an escape sequence to the terminal: Textual strips only BEL, BS, VT, FF and
CR, and passes ESC and C1 controls through. This line filter, applied by the app
to every rendered line, removes what is left. Control characters take no cell,
so removing them leaves the layout as Textual computed it.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

from leidraad.core.text import CONTROL


class ControlGuard(LineFilter):
    """Drops control characters from the text of every rendered segment."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        if not any(CONTROL.search(segment.text) for segment in segments):
            return segments
        return [
            segment
            if segment.control
            else Segment(CONTROL.sub("", segment.text), segment.style, segment.control)
            for segment in segments
        ]
