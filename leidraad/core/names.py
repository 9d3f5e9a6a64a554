"""How people and organisations are compared by name, in one place."""

from __future__ import annotations


def name_key(text: str) -> str:
    """How names are compared: runs of whitespace as one space, without upper/lower case."""
    return " ".join(text.split()).casefold()
