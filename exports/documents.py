"""Turning a meeting into a file on disk, shared by the meeting screen and the command line."""

from __future__ import annotations

from pathlib import Path

from exports.files import minutes_filename, write_private
from exports.minutes import render_minutes
from leidraad.domain import Case, Meeting
from leidraad.flow import MeetingFlow
from leidraad.followup import MeetingFollowUp
from leidraad.guide import Guide


def question_order(guide: Guide, meeting: Meeting) -> list[str]:
    flow = MeetingFlow(guide.for_phase(meeting.phase), guide.client_voice)
    return [question.id for _, question in flow.questions()]


def save_minutes(
    case: Case,
    meeting: Meeting,
    guide: Guide,
    folder: Path,
    target: Path | None = None,
    followup: MeetingFollowUp | None = None,
) -> Path:
    """Write the minutes; without a target they go to the minutes folder under a stable name."""
    worry_order = [q.id for q in guide.worry.questions] if guide.worry else []
    text = render_minutes(case, meeting, question_order(guide, meeting), worry_order, followup)
    path = target or folder / minutes_filename(case.alias, meeting.number, meeting.held_on)
    return write_private(path, text)
