"""Stored text as it may be shown: control characters become visible placeholders.

Text reaches the screen from a colleague on the team database, a restored backup
or a question-set file. An escape sequence in it must never act on the terminal
(rename the window, make text blink); the person should see that something odd
is there. Only the display changes: the stored text stays exactly as it was.
"""

from __future__ import annotations

import re
from typing import Final

_PICTURES: Final[dict[int, str]] = {code: chr(0x2400 + code) for code in range(0x20)}
_PICTURES[0x7F] = "\u2421"  # ␡
_PICTURES.update({code: "\ufffd" for code in range(0x80, 0xA0)})  # C1: �

_SHOWN: Final = str.maketrans(_PICTURES)
_SHOWN_LINES: Final = str.maketrans(
    {code: picture for code, picture in _PICTURES.items() if code not in (0x09, 0x0A)}
)

CONTROL: Final = re.compile("[\x00-\x1f\x7f-\x9f]")
"""Every C0 and C1 control character, DEL included."""


def visible(text: str, *, lines: bool = True) -> str:
    """`text` with every control character replaced by a visible placeholder.

    ESC becomes "␛", other C0 controls their Unicode control picture, DEL "␡",
    C1 controls "�". With `lines` (a widget that shows several lines) newline
    and tab stay; without it they are shown as "␊" and "␉" too.
    """
    return text.translate(_SHOWN_LINES if lines else _SHOWN)


def line(text: str) -> str:
    """`visible` for a place that shows one line: a table cell, a title, a name."""
    return visible(text, lines=False)
