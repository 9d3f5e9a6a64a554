"""Nothing typed is lost when the process is killed mid-sentence."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from leidraad.paths import Paths
from storage.repository import Repository
from tests.conftest import family_case

ROOT = Path(__file__).resolve().parent.parent


def test_sigkill_mid_answer_keeps_what_was_typed_before(paths: Paths, repo: Repository) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid")
    assert meeting.id is not None
    first, second = "Moeder zegt dat het thuis onrustig is", " en dat vader vaak"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.kill_target",
            str(paths.data_dir),
            str(meeting.id),
            first,
            second,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 60
        line = ""
        while "EERSTE" not in line and time.monotonic() < deadline:
            line = process.stdout.readline()
        assert "EERSTE" in line, "the app never got to typing"
        process.stdout.readline()  # TWEEDE: the second burst was just typed
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL

    after = Repository.open(paths.database).get_meeting(meeting.id)
    texts = [a.text for a in after.answers.values()]
    assert len(texts) == 1
    # The sentence typed before the pause is there in full; the rest at most lost in part.
    assert texts[0].startswith(first)
    assert (first + second).startswith(texts[0])
