"""The course of a case as one markdown document ('verloop'): phases, meetings, the score
trend, actions and what became of them, the plans and a timeline.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from exports import markdown as md
from exports.files import write_private
from exports.followup_sections import divergence_lines, plan_lines, trend_lines
from exports.html import to_html
from exports.minutes import SENSITIVE
from exports.variants import Marks, visible_history
from leidraad.core.audience import ALL_PARTNERS
from leidraad.core.domain import MeetingStatus, format_date
from leidraad.core.followup import ActionRecord, CaseHistory, is_overdue, overdue_text, timeline
from leidraad.core.phases import phase_name


def render_history(history: CaseHistory, today: date) -> str:
    """The course of the case for the partners at the table: nothing marked for one partner."""
    history = visible_history(history, ALL_PARTNERS)
    case = history.case
    out = [f"# Verloop van de casus: {md.inline(case.alias)}", ""]
    if history.closed_on:
        status = f"gesloten op {format_date(history.closed_on)}"
        if history.closed_reason:
            status += f" ({history.closed_reason})"
    else:
        status = "loopt"
    meetings = history.meetings
    period = (
        f"{format_date(meetings[0].held_on)} tot en met {format_date(meetings[-1].held_on)}, "
        f"{len(meetings)} {'overleg' if len(meetings) == 1 else 'overleggen'}"
        if meetings
        else "nog geen overleg"
    )
    facts = [
        ("Fase nu", phase_name(case.phase)),
        ("Status", status),
        ("Regie", case.regie),
        ("Overleggen", period),
        ("Gemaakt op", format_date(today)),
    ]
    out += [f"- **{label}:** {md.inline(value)}" for label, value in facts if value]
    out += ["", SENSITIVE, ""]
    if history.fallback is not None:
        change = history.fallback
        out += [
            f"**Terug naar directe veiligheid sinds {format_date(change.decided_on)}.** "
            f"Reden: {md.inline(change.reason)}",
            "",
        ]
    out += _phases(history)
    out += _meetings(history)
    out += ["## Veiligheidscijfers", ""]
    lines = trend_lines(history.sheets)
    out += lines or ["Nog geen veiligheidscijfers gegeven.", ""]
    scored = [s for s in history.sheets if any(c.score is not None for c in s.scores)]
    latest = scored[-1] if scored else None
    differ = divergence_lines(latest)
    if latest is not None and differ:
        out += [f"In overleg {latest.number} ({format_date(latest.held_on)}):", ""]
        out += differ
    out += _actions(history, today, Marks(case))
    out += ["## Plannen: wie kent de huidige versie", ""]
    out += plan_lines(history.plans)
    out += ["## Tijdlijn", ""]
    for event in timeline(history):
        mark = "**Let op:** " if event.warning else ""
        text = md.inline(event.text)
        out.append(f"- {format_date(event.on)} · {event.kind.label} · {mark}{text}")
    out.append("")
    return "\n".join(out)


def _phases(history: CaseHistory) -> list[str]:
    start = f"Begonnen in {phase_name(history.initial_phase)}"
    rows = [[format_date(history.created_on), start, "", ""]]
    for change in history.phase_changes:
        decision = change.describe()
        if change.falls_back:
            decision = "⚠ " + decision
        rows.append([format_date(change.decided_on), decision, change.where, change.reason])
    return ["## Fasen", "", md.table(["Datum", "Besluit", "Waar", "Reden"], rows), ""]


def _meetings(history: CaseHistory) -> list[str]:
    if not history.meetings:
        return ["## Overleggen", "", "Nog geen overleg.", ""]
    agreed: dict[int, int] = {}
    for record in history.actions:
        agreed[record.meeting_number] = agreed.get(record.meeting_number, 0) + 1
    rows = [
        [
            str(m.number),
            format_date(m.held_on),
            phase_name(m.phase),
            "afgesloten" if m.status is MeetingStatus.AFGESLOTEN else "open",
            str(agreed.get(m.number, 0)),
        ]
        for m in history.meetings
    ]
    headers = ["Nr.", "Datum", "Fase", "Status", "Acties afgesproken"]
    return ["## Overleggen", "", md.table(headers, rows), ""]


def _actions(history: CaseHistory, today: date, marks: Marks) -> list[str]:
    out = ["## Acties en wat ervan terechtkwam", ""]
    if not history.actions:
        return [*out, "Nog geen acties afgesproken.", ""]
    rows = [_action_row(record, today, marks) for record in history.actions]
    headers = ["Actie", "Wie", "Afgesproken", "Wanneer", "Uitkomst", "Verloop"]
    out += [md.table(headers, rows), ""]
    late = [r for r in history.actions if r.is_open and is_overdue(r.action, today)]
    if late:
        out += [
            f"**Let op:** {len(late)} open {'actie is' if len(late) == 1 else 'acties zijn'} "
            "over de afgesproken datum.",
            "",
        ]
    return out


def _action_row(record: ActionRecord, today: date, marks: Marks) -> list[str]:
    """One action; it says whom it may not reach, since the course goes to every partner."""
    action = record.action
    label = marks.action(action)
    described = action.description + (f" ({label})" if label else "")
    when = format_date(action.due) or "-"
    if record.is_open and is_overdue(action, today):
        when += f" ({overdue_text(action, today)})"
    outcome = record.outcome.label if record.outcome and record.outcome.closes else "open"
    steps = []
    for review in record.reviews:
        text = f"overleg {review.meeting_number}: "
        text += review.outcome.label if review.outcome else "besproken"
        if review.note.strip():
            text += f" ({review.note.strip()})"
        steps.append(text)
    agreed = f"overleg {record.meeting_number}, {format_date(record.agreed_on)}"
    return [described, action.owner, agreed, when, outcome, "; ".join(steps)]


def save_history(
    history: CaseHistory, path: Path, today: date, html: bool = False, overwrite: bool = False
) -> Path:
    """Write the case history for the partners; an existing file only with `overwrite`."""
    text = render_history(history, today)
    if html:
        text = to_html(text, f"Verloop van de casus: {history.case.alias}")
    return write_private(path, text, overwrite)
