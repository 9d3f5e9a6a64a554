"""The parts of the minutes that look back and ahead: earlier agreements, the score trend,
phase decisions and who knows the plans. Pure functions; every user text is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence

from exports import markdown as md
from leidraad.core.domain import format_date
from leidraad.core.followup import MeetingFollowUp, ReviewItem, overdue_text
from leidraad.core.phases import PhaseChange, phase_name
from leidraad.core.plans import PlanStatus
from leidraad.core.trend import ScoreSheet, Trend, change_text, divergence, trend_text, trends


def review_section(followup: MeetingFollowUp | None) -> list[str]:
    """'Afspraken aftikken': what became of the actions still open from earlier meetings."""
    if followup is None or not followup.review:
        return []
    lines = ["## Afspraken van eerdere overleggen", ""]
    lines += [md.table(_REVIEW_HEADERS, [_review_row(i, followup) for i in followup.review]), ""]
    late = [i for i in followup.review if i.overdue(followup.held_on)]
    if late:
        count = len(late)
        lines += [
            f"**Let op:** {count} {'actie is' if count == 1 else 'acties zijn'} over de "
            "afgesproken datum en nog niet klaar.",
            "",
        ]
    return lines


_REVIEW_HEADERS = ["Actie", "Wie", "Wanneer", "Uit overleg", "Uitkomst", "Notitie"]


def _review_row(item: ReviewItem, followup: MeetingFollowUp) -> list[str]:
    when = format_date(item.action.due) or "-"
    if item.overdue(followup.held_on):
        when += f" ({overdue_text(item.action, followup.held_on)})"
    outcome = item.outcome.label if item.outcome else "nog niet besproken"
    number = str(item.meeting_number)
    return [item.action.description, item.action.owner, when, number, outcome, item.note]


def trend_lines(sheets: Sequence[ScoreSheet]) -> list[str]:
    """The scores of every meeting so far, per perspective, as a table in words."""
    return _trend_table(sheets, trends(sheets))


def _trend_table(sheets: Sequence[ScoreSheet], found: Sequence[Trend]) -> list[str]:
    if not found:
        return []
    meetings = ", ".join(f"{s.number} ({format_date(s.held_on)})" for s in sheets)
    rows = [[t.label, trend_text(t), _latest(t.latest), change_text(t)] for t in found]
    return [
        f"Overleggen: {meetings}. Een streepje betekent: geen cijfer gegeven.",
        "",
        md.table(["Perspectief", "Verloop", "Laatste", "Verandering"], rows),
        "",
    ]


def _latest(score: int | None) -> str:
    return "-" if score is None else str(score)


def divergence_lines(sheet: ScoreSheet | None) -> list[str]:
    spread = divergence(sheet.scores) if sheet else None
    if spread is None:
        return []
    if spread.needs_discussion:
        return [
            f"**Let op: de perspectieven liggen {spread.spread} punten uit elkaar.** "
            + md.inline(spread.describe()),
            "",
        ]
    return [f"**Verschil tussen de perspectieven:** {md.inline(spread.describe())}", ""]


def trend_section(followup: MeetingFollowUp | None) -> list[str]:
    """Under the scores of this meeting: how they moved since the first meeting."""
    if followup is None or not followup.sheets:
        return []
    lines = divergence_lines(followup.sheets[-1])
    found = trends(followup.sheets) if len(followup.sheets) > 1 else []
    if found:
        lines += ["### Verloop van de veiligheidscijfers", ""]
        lines += _trend_table(followup.sheets, found)
    return lines


def phase_lines(changes: Sequence[PhaseChange]) -> list[str]:
    lines = []
    for change in changes:
        if change.falls_back:
            head = (
                f"**Terug naar directe veiligheid** (was {phase_name(change.from_phase)}). "
                "De veiligheid staat weer voorop."
            )
        else:
            head = f"**{change.describe()}.**"
        lines += [f"{head} Reden: {md.inline(change.reason)}", ""]
    return lines


def plan_lines(plans: Sequence[PlanStatus]) -> list[str]:
    """Per plan: its version, how many know it, and by name who does not know it yet."""
    lines = []
    for plan in plans:
        if plan.version is None:
            lines.append(f"- **{plan.kind.label}:** nog niet vastgelegd.")
            continue
        head = f"- **{plan.kind.label}** ({md.inline(plan.version.describe())}): "
        missing, aware = plan.unaware(), plan.aware()
        barred = ", ".join(md.inline(p) for p in plan.must_not)
        tail = f" **Mag het niet krijgen:** {barred}." if barred else ""
        if not missing and not aware:
            lines.append(head + "nog geen partijen bij de casus." + tail)
        elif not missing:
            lines.append(head + "iedereen kent deze versie." + tail)
        else:
            names = ", ".join(md.inline(p) for p in missing)
            known = f"{len(aware)} van {len(aware) + len(missing)} kennen deze versie. "
            lines.append(head + known + f"**Nog niet:** {names}." + tail)
    return [*lines, ""]


def decisions_section(followup: MeetingFollowUp | None) -> list[str]:
    """Phase decisions of this meeting and who knows the current plans."""
    if followup is None:
        return []
    lines = ["## Fase en plannen", ""]
    lines += phase_lines(followup.phase_changes) or ["Geen besluit over de fase.", ""]
    lines += ["### Wie kent de plannen", ""]
    lines += plan_lines(followup.plans)
    return lines
