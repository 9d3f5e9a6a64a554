"""A question that can cost or leak data: Enter never says yes by accident, `j` does."""

from __future__ import annotations

import pytest
from textual.app import App

from screens.widgets.prompt import ConfirmDialog


class _Asker(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.answers: list[bool | None] = []

    def on_mount(self) -> None:
        self.push_screen(
            ConfirmDialog("Mag dit zo naar vader?", yes="Ja, bewaren"), self.answers.append
        )


@pytest.mark.parametrize(
    ("keys", "answer"),
    [(("enter",), False), (("j",), True), (("left", "enter"), True), (("escape",), False)],
)
async def test_the_answer_follows_the_keys(keys: tuple[str, ...], answer: bool) -> None:
    app = _Asker()
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        assert app.answers == [answer]
