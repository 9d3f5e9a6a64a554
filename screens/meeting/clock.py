"""The meeting clock: time spent talking, without the time-outs, and taking a time-out."""

from __future__ import annotations

from textual import work
from textual.widgets import Static

from leidraad.core.voice import format_duration, meeting_time
from screens.meeting.session import MeetingSession
from screens.meeting.timeout_screen import TimeOutScreen
from screens.widgets.storage_guard import saving

TICK = 15  # seconds; the clock shows minutes


class MeetingClock(Static):
    """'tijd' while the meeting runs, 'duur' once it is closed; still during a time-out."""

    def __init__(self, session: MeetingSession, *, id: str = "clock") -> None:
        super().__init__("", id=id)
        self.session = session

    def on_mount(self) -> None:
        self.set_interval(TICK, self.tick)

    def tick(self) -> None:
        m = self.session.meeting
        if m.started_at is None:
            self.update("nog niet begonnen")
            return
        end = m.closed_at if self.session.closed and m.closed_at else None
        length = meeting_time(m.started_at, m.timeouts, end or self.session.context.now())
        self.update(f"{'duur' if end else 'tijd'} {format_duration(length)}")

    @work(exclusive=True, group="timeout")
    async def take_timeout(self) -> None:
        """Pause the meeting: logged at once, so a crash during the pause still records it."""
        with saving(self) as saved:
            timeout = self.session.start_timeout()
        if not saved.ok:
            return
        await self.app.push_screen_wait(TimeOutScreen(timeout.started_at, self.session.context.now))
        with saving(self):
            self.session.end_timeout(timeout)
        assert timeout.ended_at is not None
        minutes = max(1, round((timeout.ended_at - timeout.started_at).total_seconds() / 60))
        self.notify(
            f"Time-out van {minutes} {'minuut' if minutes == 1 else 'minuten'} vastgelegd.",
            markup=False,
        )
        self.tick()
