"""Stored text on its way into a widget: the two forms screens need.

Every screen that puts stored text (an alias, a name, an answer, an action)
into markup or a table cell goes through here, so control characters show as
placeholders (see `leidraad.core.text`) and never act on the terminal.
"""

from __future__ import annotations

from rich.text import Text

from leidraad.core.text import line, visible


def escape(text: str) -> str:
    """Stored text for Textual markup: placeholders for controls, every "[" literal.

    Textual's markup reads more than rich's tags (``[5m`` of a blink code starts
    one), so every bracket is escaped, not only those that look like a tag. A
    backslash at the end would escape the markup that follows it; a zero-width
    space after it keeps it a plain backslash.
    """
    shown = visible(text).replace("[", "\\[")
    return shown + "\u200b" if shown.endswith("\\") else shown


def cell(text: str, style: str = "") -> Text:
    """Stored text for one line (a table cell, a tree label): nothing acts as markup."""
    return Text(line(text), style=style)


__all__ = ["cell", "escape", "line", "visible"]
