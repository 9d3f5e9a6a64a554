"""Real small and read-only file systems for the tests, where this machine allows it.

As root (CI runs as root) a tmpfs of a few megabytes is mounted, filled to the last
byte, and remounted read-only: SQLite then meets a real ENOSPC and EROFS. Elsewhere
the tests fall back to SQLite's own page limit (a real SQLITE_FULL) and to taking
away write permission.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path


class SmallDisk:
    def __init__(self, root: Path, mounted: bool) -> None:
        self.root = root
        self.mounted = mounted
        self.filler = root / "vulling"
        self.limit: Callable[..., None] | None = None  # the page limit used when not mounted

    def fill(self) -> None:
        """Use up every free byte."""
        with self.filler.open("ab", buffering=0) as handle:
            for block in (65536, 512):
                with suppress(OSError):
                    while True:
                        handle.write(b"\0" * block)

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    def read_only(self, on: bool) -> None:
        option = "remount,ro" if on else "remount,rw"
        subprocess.run(["mount", "-o", option, str(self.root)], check=True, capture_output=True)


@contextmanager
def small_disk(root: Path, size: str = "4m") -> Iterator[SmallDisk]:
    """A tmpfs of `size` at root when we may mount; otherwise a plain folder (mounted=False)."""
    root.mkdir(parents=True, exist_ok=True)
    mounted = False
    if os.geteuid() == 0 and shutil.which("mount"):
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(root)],
            capture_output=True,
        )
        mounted = done.returncode == 0
    try:
        yield SmallDisk(root, mounted)
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(root)], capture_output=True)
