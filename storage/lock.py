"""One leidraad per data folder: a lock file that says who holds it.

The lock is an OS file lock (flock) on `leidraad.lock`; the file also holds the
process id, host, user and start time, so a second start can say who is working.
The OS drops the lock when the holder dies, even by kill -9, so a lock left by a
dead process is simply taken over. On Windows msvcrt.locking plays flock's part, on
a byte far past the text so the text stays readable (not tried on Windows yet).
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

from storage.errors import DatabaseInUse, from_os_error

_WINDOWS_LOCK_OFFSET = 1 << 20


def _try_lock(fd: int) -> bool:
    """Take the OS lock without waiting; False when another process has it."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class Holder:
    pid: int
    host: str
    user: str
    started: str
    command: str

    def describe(self) -> str:
        where = "op deze computer" if self.host == socket.gethostname() else f"op {self.host}"
        try:
            started = datetime.fromisoformat(self.started).strftime("%d-%m-%Y %H:%M")
        except ValueError:
            started = self.started
        return (
            f"proces {self.pid} {where} (gebruiker {self.user}, {self.command}, gestart {started})"
        )


class DataLock:
    """Held for as long as the program runs; released on exit or by the OS on a crash."""

    def __init__(self, data_dir: Path, command: str = "leidraad") -> None:
        self.path = data_dir / "leidraad.lock"
        self.command = command
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> DataLock:
        """Take the lock or raise DatabaseInUse naming the process that has it."""
        if self._handle is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise from_os_error(error, self.path.parent) from error
        handle = os.fdopen(fd, "r+", encoding="utf-8")
        if not _try_lock(handle.fileno()):
            holder = read_holder(self.path)
            handle.close()
            raise DatabaseInUse(_in_use_message(self.path.parent, holder))
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": _user(),
            "started": datetime.now().isoformat(timespec="seconds"),
            "command": self.command,
        }
        handle.seek(0)
        handle.truncate()
        handle.write(json.dumps(info) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
        self._handle = handle
        return self

    def release(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        try:
            handle.seek(0)
            handle.truncate()  # no stale name left behind
        except OSError:
            pass
        handle.close()  # closing drops the flock

    def __enter__(self) -> DataLock:
        return self.acquire()

    def __exit__(self, *_exc: object) -> None:
        self.release()


def read_holder(path: Path) -> Holder | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "null")
        return Holder(
            int(data["pid"]),
            str(data["host"]),
            str(data.get("user", "?")),
            str(data.get("started", "?")),
            str(data.get("command", "leidraad")),
        )
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _in_use_message(data_dir: Path, holder: Holder | None) -> str:
    who = holder.describe() if holder else "een ander proces"
    return (
        f"De gegevens in {data_dir} zijn in gebruik door leidraad: {who}. "
        "Sluit dat programma eerst af, of kies een andere map met --data-dir. "
        "Exporteren en een reservekopie maken kan wel terwijl het draait."
    )


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "?"
