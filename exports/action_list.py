"""The short list of agreements that is sent round by e-mail after the meeting.

It goes to every partner, also to one that works with a pleger: each action says
who it may not reach, as in the full minutes.
"""

from __future__ import annotations

from dataclasses import replace

from exports.minutes import action_table, header, next_meeting_lines
from exports.variants import Marks, visible_meeting
from leidraad.core.audience import ALL_PARTNERS
from leidraad.core.domain import Case
from leidraad.core.meeting import Meeting
from leidraad.core.people import table_reader


def action_list_view(case: Case, meeting: Meeting) -> Meeting:
    """The meeting as the action list shows it: the actions the table may read, no more."""
    seen = visible_meeting(meeting, table_reader(case), case=case)
    return replace(seen, participants=[], answers={}, scores=[], voices=[])


def render_action_list(case: Case, meeting: Meeting) -> str:
    marks = Marks(case, voices=meeting.voices)
    meeting = action_list_view(case, meeting)
    out = header(f"Actielijst: {case.alias}", case, meeting, "actielijst", ALL_PARTNERS)
    out += ["## Acties", ""]
    out += action_table(meeting.actions, marks)
    out += next_meeting_lines(meeting)
    return "\n".join(out)
