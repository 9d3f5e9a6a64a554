"""Nothing typed is lost when the process is killed: at most the last moment of typing."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from leidraad.paths import Paths
from screens.widgets.answer_editor import MAX_DELAY
from storage.repository import Repository
from tests.conftest import family_case

ROOT = Path(__file__).resolve().parent.parent
# The promise: a kill loses at most the last half second of typing. MAX_DELAY is how
# long the editor may wait; the rest covers the write itself and a busy CI machine.
WINDOW = 0.5
SLACK = 0.4
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
    return meeting.id


def _type_and_kill(
    paths: Paths, meeting_id: int, seed: int
) -> tuple[dict[str, str], list[tuple[float, str, int]]]:
    """Let the app type; kill it at a random moment after it started typing.

    Returns the answers it set out to type and, per key, how long before the kill it
    was on screen (as far as this process could see it), with the question and length.
    """
    rng = random.Random(seed)
    process = _start(str(paths.data_dir), str(meeting_id), str(seed))
    answers: dict[str, str] = {}
    keys: list[tuple[float, str, int]] = []  # (when seen, question id, characters on screen)
    try:
        assert process.stdout is not None
        fd = process.stdout.fileno()
        os.set_blocking(fd, False)
        pending = b""
        kill_at = None
        deadline = time.monotonic() + 60
        while time.monotonic() < (kill_at or deadline):
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:
                time.sleep(0.005)
                continue
            assert chunk, "the app stopped before it was killed"
            *lines, pending = (pending + chunk).split(b"\n")
            for raw in lines:
                kind, _, rest = raw.decode().partition(" ")
                if kind == "KLAAR":
                    kill_at = time.monotonic() + rng.uniform(0.5, 5.0)
                elif kind == "ANTWOORD":
                    question, _, text = rest.partition(" ")
                    answers[question] = text
                elif kind == "KEY":
                    question, _, count = rest.partition(" ")
                    keys.append((time.monotonic(), question, int(count)))
        assert kill_at is not None, "the app never got to typing"
        os.kill(process.pid, signal.SIGKILL)
        killed = time.monotonic()
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    return answers, [(killed - seen, question, count) for seen, question, count in keys]


@pytest.mark.parametrize("seed", range(KILL_RUNS))
def test_sigkill_at_a_random_moment_loses_at_most_the_last_half_second(
    paths: Paths, repo: Repository, seed: int
) -> None:
    meeting_id = _meeting(repo)
    answers, keys = _type_and_kill(paths, meeting_id, seed)
    saved = {
        a.question_id: a.text
        for a in Repository.open(paths.database).get_meeting(meeting_id).answers.values()
    }
    assert keys, "nothing was typed before the kill"
    for question, typed in answers.items():
        on_screen_long_enough = max(
            (count for age, q, count in keys if q == question and age > WINDOW + SLACK),
            default=0,
        )
        text = saved.get(question, "")
        context = f"seed {seed}, question {question}: typed {typed!r}, saved {text!r}"
        assert typed.startswith(text), context  # never anything that was not typed
        assert len(text) >= on_screen_long_enough, context
    assert MAX_DELAY < WINDOW
