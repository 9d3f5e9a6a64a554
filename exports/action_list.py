"""The short list of agreements that is sent round by e-mail after the meeting."""

from __future__ import annotations

from exports.minutes import action_table, header
from exports.variants import visible_meeting
from leidraad.audience import ALL_PARTNERS
from leidraad.domain import Case, Meeting, format_date


def render_action_list(case: Case, meeting: Meeting) -> str:
    meeting = visible_meeting(meeting, ALL_PARTNERS)
    out = header(f"Actielijst: {case.alias}", case, meeting, "actielijst", ALL_PARTNERS)
    out += ["## Acties", ""]
    out += action_table(meeting.actions)
    next_on = format_date(meeting.next_meeting) or "nog niet gepland"
    out += [f"**Volgend overleg:** {next_on}", ""]
    return "\n".join(out)
