"""Fields that save while the user types, and writing them all out at once.

Every widget that keeps typed text for a short debounce carries the CSS class
`SAVES_WHILE_TYPING` and has a `flush()` that writes it now. Before a screen
exports, closes, pauses or moves on it calls `flush_all`, so nothing still
waiting in a timer is missed, whatever kind of field holds it.
"""

from __future__ import annotations

from typing import Protocol, cast

from textual.dom import DOMNode

SAVES_WHILE_TYPING = "saves-while-typing"


class Flushable(Protocol):
    def flush(self) -> object: ...


def flush_all(node: DOMNode) -> None:
    for widget in node.query(f".{SAVES_WHILE_TYPING}"):
        cast(Flushable, widget).flush()
