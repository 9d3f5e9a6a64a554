"""Runs the real app on a meeting and types into it, for the kill test (a separate process).

It types answer after answer like a person (5 to 20 keys a second, now and then a
pause, PgDn to the next question; keys arrive as from a terminal, without waiting
for the screen) and reports every key on stdout as
`KEY <question id> <characters typed>`, so the test can kill it at a random moment
and know what was on screen when.

Given a field kind (tests/typed_fields.py) it types one long text into that field
instead, and reports `TEKST <text>` once and `KEY <characters typed>` per key.
"""

from __future__ import annotations

import asyncio
import random
import sys
from pathlib import Path

from textual import events
from textual.app import App

from leidraad.core.flow import Part
from leidraad.paths import Paths
from screens.meeting.screen import MeetingScreen
from storage.repository import Repository
from tests.helpers import make_app
from tests.typed_fields import open_field

SENTENCE = (
    "moeder zegt dat het thuis onrustig is vader komt vaak onverwacht langs school ziet "
    "dat Sam moe is de buren bellen de politie als het misgaat oma helpt met de kinderen"
)
WORDS = SENTENCE.split(" ")


def send_key(app: App[None], key: str, char: str) -> None:
    """Deliver a key the way the terminal driver does: at once, not waiting for the app."""
    event = events.Key(key, char)
    event.set_sender(app)
    assert app._driver is not None
    app._driver.send_message(event)


def answer_text(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 5)))


async def typing(paths: Paths, meeting_id: int, seed: int) -> None:
    rng = random.Random(seed)
    app = make_app(paths, Repository.open(paths.database))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = MeetingScreen(app.context, meeting_id)
        app.push_screen(screen)
        await pilot.pause()
        await screen.goto(screen.flow.start_of(Part.BEELDVORMING))
        await pilot.pause()
        print("KLAAR", flush=True)
        while True:
            question = screen.flow.steps[screen.position].question
            assert question is not None
            text = answer_text(rng)
            print(f"ANTWOORD {question.id} {text}", flush=True)
            for count, char in enumerate(text, start=1):
                send_key(app, "space" if char == " " else char, char)
                print(f"KEY {question.id} {count}", flush=True)
                pause = rng.uniform(0.05, 0.2) if rng.random() > 0.05 else rng.uniform(0.3, 0.8)
                await asyncio.sleep(pause)
            await pilot.press("pagedown")
            await pilot.pause()


async def typing_field(paths: Paths, meeting_id: int, seed: int, kind: str) -> None:
    rng = random.Random(seed)
    app = make_app(paths, Repository.open(paths.database))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_field(app, pilot, kind, meeting_id)
        text = " ".join(rng.choice(WORDS) for _ in range(40))
        print("KLAAR", flush=True)
        print(f"TEKST {text}", flush=True)
        for count, char in enumerate(text, start=1):
            send_key(app, "space" if char == " " else char, char)
            print(f"KEY {count}", flush=True)
            pause = rng.uniform(0.05, 0.2) if rng.random() > 0.05 else rng.uniform(0.3, 0.8)
            await asyncio.sleep(pause)
        await asyncio.sleep(3600)  # typed it all: wait for the kill


if __name__ == "__main__":
    paths, meeting_id, seed = Paths(Path(sys.argv[1])), int(sys.argv[2]), int(sys.argv[3])
    if len(sys.argv) > 4:
        asyncio.run(typing_field(paths, meeting_id, seed, sys.argv[4]))
    else:
        asyncio.run(typing(paths, meeting_id, seed))
