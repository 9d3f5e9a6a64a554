"""The minutes for the client: plain language (B1), short sentences, nothing restricted.

"Niet óver maar mét": the client reads what was decided and what they can
do themselves, in words without the jargon of the chain.
"""

from __future__ import annotations

from exports import markdown as md
from exports.variants import visible_meeting
from leidraad.core.audience import CLIENT, Reader
from leidraad.core.domain import (
    AFTERCARE_ID,
    PURPOSE_ID,
    SUMMARY_ID,
    Attendance,
    Case,
    Phase,
    format_date,
    name_key,
)
from leidraad.core.meeting import Meeting

_PHASE_WORDS = {
    Phase.DIRECTE_VEILIGHEID: "Eerst zorgen we dat het thuis nu veilig is.",
    Phase.STABIELE_VEILIGHEID: (
        "We werken aan de dingen die de onveiligheid veroorzaken. Zo blijft het veilig."
    ),
    Phase.HERSTEL: "We werken aan herstel van wat er is gebeurd.",
}

_PRESENT = {
    Attendance.AANWEZIG: "was erbij",
    Attendance.TELEFONISCH: "was erbij via de telefoon",
    Attendance.AFWEZIG: "was er niet",
}


def render_client_minutes(
    case: Case,
    meeting: Meeting,
    reader: Reader = CLIENT,
    safety_plan_ids: frozenset[str] = frozenset(),
) -> str:
    meeting = visible_meeting(meeting, reader, safety_plan_ids, case)
    out = [f"# Verslag van het overleg over {md.inline(case.alias)}", ""]
    out += [
        f"- **Datum:** {format_date(meeting.held_on)}",
        f"- **Overleg:** nummer {meeting.number}",
        "- **Versie:** versie voor de cliënt",
        "",
        "*Dit verslag gaat over jou en je gezin. Er staat persoonlijke informatie in. "
        "Bewaar het goed. Laat het alleen zien aan wie je dat wilt.*",
        "",
        "## Waar we nu aan werken",
        "",
        _PHASE_WORDS[meeting.phase],
        "",
    ]
    purpose = meeting.answer_text(PURPOSE_ID)
    if purpose.strip():
        out += ["## Waarom we bij elkaar kwamen", "", md.paragraph(purpose), ""]
    if meeting.participants:
        out += ["## Wie er waren", ""]
        out += [
            f"- {md.inline(p.name)} ({md.inline(p.role)}): {_PRESENT[p.attendance]}"
            for p in meeting.participants
        ]
        out += [""]
    own_words = [
        a
        for a in meeting.answers.values()
        if a.client_words and a.text.strip() and reader.member and a.speaker == reader.member
    ]
    if own_words:
        out += ["## Wat je zelf zei", ""]
        for answer in own_words:
            out += [md.quote(answer.text), ""]
    scores = [s for s in meeting.scores if s.score is not None]
    if scores:
        out += [
            "## Cijfers voor de veiligheid thuis",
            "",
            "Iedereen gaf een cijfer van 0 tot 10. Een 0 is helemaal niet veilig. "
            "Een 10 is helemaal veilig.",
            "",
        ]
        for s in scores:
            line = f"- {md.inline(s.perspective)}: **{s.score}**."
            if s.higher.strip():
                line += f" Wat het cijfer één punt hoger maakt: {md.inline(s.higher)}"
            out.append(line)
        out += [""]
    summary = meeting.answer_text(SUMMARY_ID)
    if summary.strip():
        out += ["## Wat we hebben besloten", "", md.paragraph(summary), ""]
    if meeting.actions:
        out += ["## Wat er gaat gebeuren", ""]
        rows = [
            [a.description, a.owner or "nog niet bekend", format_date(a.due) or "nog niet bekend"]
            for a in meeting.actions
        ]
        out += [md.table(["Wat", "Wie", "Wanneer"], rows), ""]
    family = {name_key(m.name) for m in case.members}
    own = [a for a in meeting.actions if name_key(a.owner) in family]
    if own:
        out += ["## Wat je zelf kunt doen", ""]
        for a in own:
            when = f" Graag voor {format_date(a.due)}." if a.due else ""
            out.append(f"- {md.inline(a.owner)}: {md.inline(a.description)}.{when}")
        out += [""]
    out += ["## Hoe het verder gaat", ""]
    if meeting.next_meeting:
        out.append(f"Het volgende overleg is op {format_date(meeting.next_meeting)}.")
    else:
        out.append("Er is nog geen datum voor het volgende overleg.")
    out += [""]
    aftercare = meeting.answer_text(AFTERCARE_ID)
    if aftercare.strip():
        out += ["Wie je vertelt wat er is besproken:", "", md.paragraph(aftercare), ""]
    out += ["Heb je een vraag over dit verslag? Bel of app je casusregisseur.", ""]
    return "\n".join(out)
