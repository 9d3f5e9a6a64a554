"""Putting user text into markdown so it can never change the document's structure.

Whatever a user types (a '|' in a table cell, a '#' or '-' at the start of a
line, a code fence, HTML) must come out as the same words, inside the paragraph
or cell it was written for.
"""

from __future__ import annotations

import re

# Characters that mean something inline anywhere in a line (CommonMark lets
# every ASCII punctuation character be escaped with a backslash).
_INLINE = re.compile(r"([\\`*_\[\]<>|~&!])")
# Characters that start a block construct when they open a line.
_BLOCK_START = re.compile(r"^([#>+\-=:{}]|\d+[.)])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean_line(line: str, starts_line: bool = True) -> str:
    # Leading spaces would make an indented code block; tabs likewise.
    line = _CONTROL.sub("", line.replace("\t", " ")).strip()
    line = _INLINE.sub(r"\\\1", line)
    if not starts_line:
        # After a prefix ('# ', '- **Fase:** ', a cell) only a heading's closing '#' can bite.
        return line.replace("#", "\\#")
    match = _BLOCK_START.match(line)
    if match:
        token = match.group(1)
        # '12.' -> '12\.' keeps the number but stops the ordered list.
        line = token[:-1] + "\\" + token[-1] + line[len(token) :]
    return line


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").split("\n")


def paragraph(text: str) -> str:
    """User text as one or more paragraphs; its line breaks stay line breaks."""
    blocks: list[list[str]] = [[]]
    for raw in _lines(text):
        line = _clean_line(raw)
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    # A trailing backslash is CommonMark's hard line break.
    return "\n\n".join("\\\n".join(block) for block in blocks if block)


def inline(text: str) -> str:
    """User text on one line after a prefix, e.g. in a heading or a list item."""
    return " ".join(_clean_line(line, False) for line in _lines(text) if line.strip())


def cell(text: str) -> str:
    """User text inside a table cell: pipes escaped, line breaks as <br>."""
    return "<br>".join(_clean_line(line, False) for line in _lines(text) if line.strip())


def quote(text: str) -> str:
    """User text as a block quote, e.g. a client's own words."""
    body = paragraph(text)
    return "\n".join(f"> {line}" if line else ">" for line in body.split("\n"))


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A table whose header and cells are all user-safe."""
    lines = [
        "| " + " | ".join(cell(h) for h in headers) + " |",
        "|" + "|".join("---" for _ in headers) + "|",
    ]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)
