"""The client's voice, time-outs and aftercare as sections of the partners' minutes."""

from __future__ import annotations

from datetime import datetime

from exports import markdown as md
from exports.variants import Marks
from leidraad.core.domain import format_date
from leidraad.core.meeting import Meeting
from leidraad.core.voice import ClientVoice, HearingMode, children, clients, describe_timeouts

AAN_TAFEL = HearingMode.AAN_TAFEL


def voice_section(meeting: Meeting) -> list[str]:
    """How each client was heard, and each child's voice as brought in for them."""
    out: list[str] = []
    adults = [v for v in clients(meeting.voices) if v.hearing is not AAN_TAFEL or v.voiced_by]
    if adults:
        out += ["### Hoe de cliënten gehoord zijn", ""]
        for v in adults:
            who = f" (verwoord door {md.inline(v.voiced_by)})" if v.voiced_by.strip() else ""
            out.append(f"- **{md.inline(v.member)}:** {v.hearing.label}{who}")
        out += [""]
    kids = [v for v in children(meeting.voices) if v.heard.strip() or v.ggz_perspective.strip()]
    if kids:
        out += ["### De stem van de kinderen", "", "*(alleen professionals)*", ""]
        for v in kids:
            out += [f"#### {md.inline(v.member)}", ""]
            if v.heard.strip():
                where = f", {md.inline(v.heard_where)}" if v.heard_where.strip() else ""
                out += [f"*Gehoord door {md.inline(v.heard_by or 'casusregisseur')}{where}:*", ""]
                out += [md.quote(v.heard), ""]
            if v.ggz_perspective.strip():
                by = md.inline(v.ggz_by or "jeugd-GGZ")
                out += [f"*Vanuit het kind gezien, verwoord door {by}:*", ""]
                out += [md.paragraph(v.ggz_perspective), ""]
    return out


def timeout_line(meeting: Meeting, now: datetime) -> list[str]:
    text = describe_timeouts(meeting.timeouts, now)
    return [f"**Time-outs:** {text}.", ""] if text else []


def aftercare_section(meeting: Meeting, marks: Marks | None = None) -> list[str]:
    """Who tells each client and child the outcome, how and by when; with `marks`, who
    may not read a line (that of its inform action)."""

    def who(voice: ClientVoice) -> str:
        label = marks.aftercare(voice, meeting.actions) if marks else ""
        return voice.member + (f" ({label})" if label else "")

    rows = [
        [who(v), v.inform_by, v.inform_how.label, format_date(v.inform_due)]
        for v in meeting.voices
        if v.inform_by.strip()
    ]
    if not rows:
        return []
    return [
        "### Nazorg: wie vertelt de uitkomst",
        "",
        md.table(["Aan wie", "Wie vertelt het", "Hoe", "Wanneer"], rows),
        "",
    ]
