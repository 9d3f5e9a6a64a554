"""Runs the real app on a meeting and types into it, for the kill test (a separate process).

It prints a line after each burst of typing and then keeps typing or waits,
so the test can SIGKILL it at a moment of its choosing.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from leidraad.paths import Paths
from screens.meeting.screen import MeetingScreen
from storage.repository import Repository
from tests.helpers import make_app, type_text


async def main(data_dir: str, meeting_id: int, first: str, second: str) -> None:
    paths = Paths(Path(data_dir))
    repo = Repository.open(paths.database)
    app = make_app(paths, repo)
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(MeetingScreen(app.context, meeting_id))
        await pilot.pause()
        await pilot.press("ctrl+n")  # to the client's voice questions: answer field focused
        await pilot.press("pagedown")
        await type_text(pilot, first)
        await pilot.pause(1.0)  # well past the save delay
        print("EERSTE", flush=True)
        await type_text(pilot, second)  # mid-sentence: killed while or right after typing
        print("TWEEDE", flush=True)
        await asyncio.sleep(60)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]))
