"""The preparation sheet a casusregisseur goes through with one client before the meeting.

Plain language (B1): short sentences, no jargon. It holds only this client's
own choices; notes for professionals and other family members' answers are
never passed in, so they cannot appear. `preparation_view` is what the sheet
shows, for the renderer and the reading check alike.
"""

from __future__ import annotations

from dataclasses import replace

from exports import markdown as md
from exports.variants import participant_member, visible_meeting
from leidraad.core.audience import Reader
from leidraad.core.domain import PURPOSE_ID, Case, Participant, format_date
from leidraad.core.guide import ClientVoiceSet
from leidraad.core.meeting import Meeting
from leidraad.core.voice import ClientVoice

__all__ = ["at_the_table", "participant_member", "preparation_view", "render_preparation"]

DEFAULT_PURPOSE = "We praten samen over hoe het thuis veiliger kan worden."


def render_preparation(
    case: Case, meeting: Meeting, voice_set: ClientVoiceSet, voice: ClientVoice
) -> str:
    out = [
        "# Voorbereiding op het overleg",
        "",
        f"- **Voor:** {md.inline(voice.member)}",
        f"- **Datum van het overleg:** {format_date(meeting.held_on)}",
        f"- **Casus:** {md.inline(case.alias)}",
        "- **Versie:** voorbereiding voor de cliënt",
        "",
        "*Dit blad is voor jou. Er staat persoonlijke informatie op. Bewaar het goed.*",
        "",
        "## Waarom we bij elkaar komen",
        "",
    ]
    purpose = meeting.answer_text(PURPOSE_ID)
    out += [md.paragraph(purpose) if purpose.strip() else DEFAULT_PURPOSE, ""]
    people = at_the_table(case, meeting, voice.member_key)
    if people:
        out += ["## Wie er aan tafel zitten", ""]
        out += [f"- {md.inline(p.name)} ({md.inline(p.role)})" for p in people]
        out += [""]
    out += [
        "## Wat we je gaan vragen",
        "",
        f"- {md.inline(voice_set.scale_question)}",
        f"- {md.inline(voice_set.higher_question)}",
        "",
        "Je kunt er vast over nadenken. Je mag ook zeggen: ik weet het niet.",
        "",
        "## Wat we samen hebben afgesproken",
        "",
        f"- {voice.hearing.for_client}",
    ]
    if voice.seat.strip():
        out.append(f"- Hier wil je zitten: {md.inline(voice.seat)}")
    if voice.timeout_sign.strip():
        out.append(f"- Je teken voor een time-out: {md.inline(voice.timeout_sign)}")
    out += [""]
    if voice.topics.strip():
        out += ["Dit wil je zelf vertellen:", "", md.quote(voice.topics), ""]
    out += [
        "## Goed om te weten",
        "",
        "- Je mag boos zijn. Je mag alles zeggen.",
        "- Het gaat om de veiligheid van jou en je kinderen. Daarom moet er iets veranderen.",
        "- Wordt het te veel? Geef je teken. Dan stoppen we even.",
        "- Na het overleg hoor je wat we hebben besloten.",
    ]
    if voice.inform_by.strip():
        when = f" Dat is uiterlijk {format_date(voice.inform_due)}." if voice.inform_due else ""
        out.append(
            f"- {md.inline(voice.inform_by)} vertelt het je, {voice.inform_how.label}.{when}"
        )
    out += ["", "## Vragen?", "", "Bel of app je casusregisseur.", ""]
    return "\n".join(out)


def at_the_table(case: Case, meeting: Meeting, reader_key: str) -> list[Participant]:
    """Who a client will meet: the partners, and only the clients really invited.

    Pass a meeting already filtered for the reader (`visible_meeting`): whose presence
    the reader may not know (the slachtoffer's, for a pleger) is then not in it."""
    invited = set(meeting.invited)
    people = []
    for p in meeting.participants:
        member = participant_member(case, p)
        seated = member.key in invited and member.key != reader_key if member else True
        if seated and not (member and member.is_child):
            people.append(p)
    return people


def preparation_view(
    case: Case, meeting: Meeting, reader: Reader, safety_plan_ids: frozenset[str]
) -> Meeting:
    """The meeting as the sheet for `reader` shows it: the purpose, who sits at the table,
    and the reader's own voice; nothing else."""
    seen = visible_meeting(meeting, reader, safety_plan_ids, case)
    purpose = seen.answers.get(PURPOSE_ID)
    return replace(
        seen,
        participants=at_the_table(case, seen, reader.member),
        answers={PURPOSE_ID: purpose} if purpose else {},
        scores=[],
        actions=[],
        voices=[v for v in seen.voices if v.member_key == reader.member and not v.is_child],
    )
