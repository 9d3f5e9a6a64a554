"""Saving from a screen without ever crashing on a database problem.

A full disk, a read-only folder or a busy database raise a StorageError with a Dutch
message. Wrapped in `saving`, the message is shown, the rest of the block is skipped
(so a form stays open with what was typed), and the program goes on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from textual.widget import Widget

from storage.errors import StorageError


class SaveResult:
    ok = True


@contextmanager
def saving(node: Widget) -> Iterator[SaveResult]:
    result = SaveResult()
    try:
        yield result
    except StorageError as error:
        result.ok = False
        node.notify(str(error), title="Niet opgeslagen", severity="error", timeout=12, markup=False)
