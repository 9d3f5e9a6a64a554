"""Every kind of typed field, not only answers, loses at most the last moment of typing
when the process is killed: the one saver keeps the same promise everywhere."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from leidraad.paths import Paths
from storage.repository import Repository
from tests.test_kill import SLACK, WINDOW, _start
from tests.typed_fields import KINDS, meeting_with_history, stored

KILLS_PER_FIELD = 2  # the answer test kills more; a few per field keep the suite quick


class FieldTypist:
    """One app process typing on and on into one field, killed at a random moment."""

    def __init__(self, paths: Paths, kind: str, seed: int) -> None:
        self.paths, self.kind, self.seed = paths, kind, seed
        self.rng = random.Random(seed)
        repo = Repository.open(paths.database)
        self.meeting_id = meeting_with_history(repo)
        repo.engine.dispose()
        self.process = _start(str(paths.data_dir), str(self.meeting_id), str(seed), kind)
        assert self.process.stdout is not None
        self.fd = self.process.stdout.fileno()
        os.set_blocking(self.fd, False)
        self.pending = b""
        self.kill_at: float | None = None
        self.killed: float | None = None
        self.text = ""
        self.keys: list[tuple[float, int]] = []  # (when seen, characters typed)

    def poll(self, now: float) -> None:
        if self.killed is not None:
            return
        if self.kill_at is not None and now >= self.kill_at:
            os.kill(self.process.pid, signal.SIGKILL)
            self.killed = time.monotonic()
            self.process.wait(timeout=10)
            return
        try:
            chunk = os.read(self.fd, 65536)
        except BlockingIOError:
            return
        assert chunk, f"{self.kind}, seed {self.seed}: the app stopped before it was killed"
        *lines, self.pending = (self.pending + chunk).split(b"\n")
        for raw in lines:
            kind, _, rest = raw.decode().partition(" ")
            if kind == "KLAAR":
                self.kill_at = time.monotonic() + self.rng.uniform(0.8, 4.0)
            elif kind == "TEKST":
                self.text = rest
            elif kind == "KEY":
                self.keys.append((time.monotonic(), int(rest)))

    def check(self) -> None:
        assert self.process.returncode == -signal.SIGKILL
        assert self.keys, f"{self.kind}, seed {self.seed}: nothing was typed before the kill"
        assert self.killed is not None
        repo = Repository.open(self.paths.database)
        text = stored(repo, self.kind, self.meeting_id)
        repo.engine.dispose()
        long_enough = max(
            (count for seen, count in self.keys if self.killed - seen > WINDOW + SLACK), default=0
        )
        # A field that trims its text stores no trailing space; that is not a lost key.
        expected = self.text[:long_enough].rstrip()
        context = f"{self.kind}, seed {self.seed}: typed {self.text[: len(self.keys)]!r}, "
        context += f"saved {text!r}"
        assert self.text.startswith(text), context  # never anything that was not typed
        assert len(text) >= len(expected), context


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "answer"])  # answers: test_kill
def test_sigkill_while_typing_into_any_field_loses_at_most_the_last_half_second(
    tmp_path: Path, kind: str
) -> None:
    typists = []
    for seed in range(KILLS_PER_FIELD):
        paths = Paths(tmp_path / f"data-{seed}")
        paths.prepare()
        typists.append(FieldTypist(paths, kind, seed))
    try:
        deadline = time.monotonic() + 90
        while any(t.killed is None for t in typists):
            assert time.monotonic() < deadline, "the apps never got to typing"
            for typist in typists:
                typist.poll(time.monotonic())
            time.sleep(0.005)
    finally:
        for typist in typists:
            if typist.process.poll() is None:
                typist.process.kill()
    for typist in typists:
        typist.check()
