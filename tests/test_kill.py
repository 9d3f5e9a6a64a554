"""Nothing typed is lost when the process is killed: at most the last moment of typing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from leidraad.paths import Paths
from screens.widgets.saver import MAX_DELAY
from storage.repository import Repository
from tests.conftest import family_case

ROOT = Path(__file__).resolve().parent.parent
# The promise: a kill loses at most the last half second of typing. MAX_DELAY is how
# long the editor may wait; the rest covers the write itself and a busy CI machine.
WINDOW = 0.5
SLACK = 0.6
KILL_RUNS = 3


def _start(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.kill_target", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _meeting(repo: Repository) -> int:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid")
    assert meeting.id is not None
    repo.engine.dispose()
    return meeting.id


class Typist:
    """One app process typing into its own data folder, and what it said it typed."""

    def __init__(self, paths: Paths, seed: int) -> None:
        self.paths, self.seed = paths, seed
        self.rng = random.Random(seed)
        self.meeting_id = _meeting(Repository.open(paths.database))
        self.process = _start(str(paths.data_dir), str(self.meeting_id), str(seed))
        assert self.process.stdout is not None
        self.fd = self.process.stdout.fileno()
        os.set_blocking(self.fd, False)
        self.pending = b""
        self.kill_at: float | None = None
        self.killed: float | None = None
        self.answers: dict[str, str] = {}
        self.keys: list[tuple[float, str, int]] = []  # (when seen, question, characters)

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
        assert chunk, f"seed {self.seed}: the app stopped before it was killed"
        *lines, self.pending = (self.pending + chunk).split(b"\n")
        for raw in lines:
            kind, _, rest = raw.decode().partition(" ")
            if kind == "KLAAR":
                self.kill_at = time.monotonic() + self.rng.uniform(0.5, 5.0)
            elif kind == "ANTWOORD":
                question, _, text = rest.partition(" ")
                self.answers[question] = text
            elif kind == "KEY":
                question, _, count = rest.partition(" ")
                self.keys.append((time.monotonic(), question, int(count)))

    def check(self) -> None:
        assert self.process.returncode == -signal.SIGKILL
        assert self.keys, f"seed {self.seed}: nothing was typed before the kill"
        assert self.killed is not None
        meeting = Repository.open(self.paths.database).get_meeting(self.meeting_id)
        saved = {a.question_id: a.text for a in meeting.answers.values()}
        for question, typed in self.answers.items():
            on_screen_long_enough = max(
                (
                    count
                    for seen, q, count in self.keys
                    if q == question and self.killed - seen > WINDOW + SLACK
                ),
                default=0,
            )
            text = saved.get(question, "")
            context = f"seed {self.seed}, question {question}: typed {typed!r}, saved {text!r}"
            assert typed.startswith(text), context  # never anything that was not typed
            assert len(text) >= on_screen_long_enough, context


def test_sigkill_at_random_moments_loses_at_most_the_last_half_second(tmp_path: Path) -> None:
    """Several apps type at once (it is the kill moments that matter), each killed at random."""
    typists = []
    for seed in range(KILL_RUNS):
        paths = Paths(tmp_path / f"data-{seed}")
        paths.prepare()
        typists.append(Typist(paths, seed))
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
    assert MAX_DELAY < WINDOW
