"""A throwaway PostgreSQL server for the tests, started from the Debian package's binaries.

initdb refuses to run as root, so as root the server runs as the 'postgres' user the
package creates. It listens on 127.0.0.1 only, on a free port, with durability
switched off (the tests do not survive a crash on purpose), and is removed afterwards.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

SKIP_REASON = (
    "PostgreSQL is niet geïnstalleerd (geen initdb in /usr/lib/postgresql/*/bin); "
    "installeer het Debian-pakket 'postgresql' om ook tegen PostgreSQL te testen"
)


def find_binaries() -> Path | None:
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    found = shutil.which("initdb")
    if found:
        candidates.append(Path(found).parent)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServer:
    def __init__(self, binaries: Path) -> None:
        self.binaries = binaries
        self.base = Path(tempfile.mkdtemp(prefix="leidraad-pg-"))
        self.data = self.base / "data"
        self.port = _free_port()
        self._counter = itertools.count(1)
        self._as_user: Callable[[], None] | None = None
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                raise RuntimeError("als root is de gebruiker 'postgres' nodig") from None
            os.chown(self.base, user.pw_uid, user.pw_gid)

            def drop() -> None:
                os.setgid(user.pw_gid)
                os.setuid(user.pw_uid)

            self._as_user = drop

    def _run(self, *args: str) -> None:
        subprocess.run(
            args,
            check=True,
            capture_output=True,
            preexec_fn=self._as_user,  # the server process is started before any thread
            cwd=self.base,
            env={**os.environ, "LC_ALL": "C"},
        )

    def start(self) -> PostgresServer:
        self._run(
            str(self.binaries / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        )
        options = (
            f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            str(self.binaries / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.base / "server.log"),
            "-w",
            "start",
        )
        return self

    def stop(self) -> None:
        try:
            pg_ctl = str(self.binaries / "pg_ctl")
            self._run(pg_ctl, "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.base, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def _admin(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as connection:
            connection.execute(statement)  # type: ignore[arg-type]

    def new_database(self) -> str:
        """A fresh empty database for one test; its URL."""
        name = f"test_{os.getpid()}_{next(self._counter)}"
        self._admin(f"CREATE DATABASE {name}")
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
