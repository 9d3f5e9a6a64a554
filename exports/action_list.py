"""The short list of agreements that is sent round by e-mail after the meeting."""

from __future__ import annotations

from exports.minutes import action_table, header, next_meeting_lines
from exports.variants import visible_meeting
from leidraad.core.audience import ALL_PARTNERS
from leidraad.core.domain import Case
from leidraad.core.meeting import Meeting


def render_action_list(case: Case, meeting: Meeting) -> str:
    meeting = visible_meeting(meeting, ALL_PARTNERS)
    out = header(f"Actielijst: {case.alias}", case, meeting, "actielijst", ALL_PARTNERS)
    out += ["## Acties", ""]
    out += action_table(meeting.actions)
    out += next_meeting_lines(meeting)
    return "\n".join(out)
