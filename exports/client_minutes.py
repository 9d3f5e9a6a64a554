"""The minutes for one client, in plain language (B1): addressed to them, about their family.

"Niet óver maar mét": the client reads what was decided and what it means for
them. It is written for one named person and holds only what that person may
know (see exports.variants and core.audience); people are named by what they
are to the reader, every organisation is explained, and for each action the
reader reads first what it means for them, the professionals' wording after.
`client_view` is what the version shows, for the renderer and the reading check alike.
"""

from __future__ import annotations

from dataclasses import replace

from exports import markdown as md
from exports.plain_words import Namer
from exports.variants import visible_meeting
from leidraad.core.audience import CLIENT, Reader
from leidraad.core.domain import (
    AFTERCARE_ID,
    PURPOSE_ID,
    SUMMARY_ID,
    Action,
    Answer,
    Attendance,
    Case,
    FamilyMember,
    Participant,
    Phase,
    Priority,
    SafetyScore,
    format_date,
)
from leidraad.core.meeting import Meeting
from leidraad.core.people import find_client

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
    """The minutes for `reader`, one client of the case (core.people.client_reader)."""
    meeting = client_view(case, meeting, reader, safety_plan_ids)
    me = find_client(case, reader.member) if reader.member else None
    namer = Namer(case, me)
    hello = f"Dit verslag is voor jou, {md.inline(me.name)}." if me else "Dit verslag is voor jou."
    out = [f"# Verslag van het overleg over {md.inline(case.alias)}", ""]
    out += [
        f"{hello} Het gaat over het overleg van {format_date(meeting.held_on)}. "
        f"Dat was overleg nummer {meeting.number}.",
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
        out += [f"- {_participant(namer, p)}" for p in meeting.participants]
        out += [""]
    own_words = [
        a
        for a in meeting.answers.values()
        if a.client_words and a.text.strip() and me is not None and a.speaker == me.key
    ]
    if own_words:
        out += ["## Wat je zelf zei", ""]
        for answer in own_words:
            out += [md.quote(answer.text), ""]
    out += _scores(namer, meeting.scores)
    summary = meeting.answer_text(SUMMARY_ID)
    if summary.strip():
        out += ["## Wat we hebben besloten", "", md.paragraph(summary), ""]
    mine = [a for a in meeting.actions if me is not None and namer.member(a.owner) is me]
    others = [a for a in meeting.actions if a not in mine]
    if mine:
        out += ["## Wat jij gaat doen", ""]
        for i, action in enumerate(mine, start=1):
            out += _action(namer, action, i)
    if others:
        out += ["## Wat anderen gaan doen", ""]
        for i, action in enumerate(others, start=len(mine) + 1):
            out += _action(namer, action, i)
    out += ["## Hoe het verder gaat", ""]
    if meeting.next_meeting:
        out.append(f"Het volgende overleg is op {format_date(meeting.next_meeting)}.")
    else:
        out.append("Er is nog geen datum voor het volgende overleg.")
    out += [""]
    out += _told_by(namer, meeting, me)
    aftercare = meeting.answer_text(AFTERCARE_ID)
    if aftercare.strip():
        out += ["Afspraken over wie je vertelt wat er is besproken:", "", md.paragraph(aftercare)]
        out += [""]
    out += ["Heb je een vraag over dit verslag? Bel of app je casusregisseur.", ""]
    namer.who("casusregisseur")
    out += ["## Wie is wie", ""]
    out += [f"- **{md.inline(_capital(name))}:** {text}" for name, text in namer.explanations()]
    out += [""]
    return "\n".join(out)


_FIXED = {PURPOSE_ID, SUMMARY_ID, AFTERCARE_ID}


def client_view(
    case: Case, meeting: Meeting, reader: Reader, safety_plan_ids: frozenset[str] = frozenset()
) -> Meeting:
    """The meeting as this client's version shows it: of the answers only the reader's own
    words and the closing texts, of the voices only the reader's own."""
    seen = visible_meeting(meeting, reader, safety_plan_ids, case)
    me = reader.member

    def shown(answer: Answer) -> bool:
        if answer.question_id in _FIXED:
            return True
        return (
            bool(me) and answer.client_words and answer.speaker == me and bool(answer.text.strip())
        )

    return replace(
        seen,
        answers={k: a for k, a in seen.answers.items() if shown(a)},
        voices=[v for v in seen.voices if me and v.member_key == me],
    )


def _participant(namer: Namer, participant: Participant) -> str:
    member = namer.case.member(participant.key) or namer.member(participant.name)
    present = _PRESENT[participant.attendance]
    if member is not None:
        who = namer.who(member.key)
        return f"{md.inline(_capital(who))} {present}"
    partner = namer.case.partner(participant.key) or namer.partner(participant.role)
    if partner is not None:
        namer.who(partner.organisation)
        name = participant.name.strip()
        if name and name != partner.organisation:
            return f"{md.inline(name)}, van {md.inline(partner.organisation)}, {present}"
        return f"{md.inline(partner.organisation)} {present}"
    return f"{md.inline(namer.who(participant.name))} {present}"


def _scores(namer: Namer, scores: list[SafetyScore]) -> list[str]:
    given = [s for s in scores if s.score is not None]
    if not given:
        return []
    out = [
        "## Cijfers voor de veiligheid thuis",
        "",
        "Iedereen gaf een cijfer van 0 tot 10. Een 0 is helemaal niet veilig. "
        "Een 10 is helemaal veilig.",
        "",
    ]
    for s in given:
        owner = namer.case.member(s.member_key)
        who = namer.who(owner.key) if owner else namer.who(s.perspective)
        line = f"- {md.inline(_capital(who))} gaf een **{s.score}**."
        if s.higher.strip():
            line += f" Wat het cijfer één punt hoger maakt: {md.inline(s.higher)}"
        out.append(line)
    return [*out, ""]


def _action(namer: Namer, action: Action, number: int) -> list[str]:
    owner = namer.member(action.owner) if action.owner.strip() else None
    if not action.owner.strip():
        who, meaning = "Nog niet bekend", "Wie dit doet, is nog niet afgesproken."
    elif owner is not None and owner is namer.reader:
        who = "Jij"
        meaning = "Dit doe jij zelf. Lukt het niet? Zeg het tegen je casusregisseur."
    else:
        who = _capital(namer.who(action.owner))
        meaning = (
            f"{who} doet dit. Jij hoeft hier niets voor te doen. "
            "Wil je weten hoe het gaat? Vraag het je casusregisseur."
        )
    if action.due:
        when = f"Uiterlijk {format_date(action.due)}."
    elif action.priority is Priority.NU:
        when = "Zo snel mogelijk."
    else:
        when = "Later. Eerst gebeurt wat nu het belangrijkst is."
    return [
        f"**{number}. Wie: {md.inline(who)}**",
        "",
        f"- **Wat betekent dit voor jou?** {md.inline(meaning)}",
        f"- **Wanneer?** {when}",
        f"- *Zo staat het in het verslag van de hulpverleners:* {md.inline(action.description)}",
        "",
    ]


def _told_by(namer: Namer, meeting: Meeting, me: FamilyMember | None) -> list[str]:
    voice = next((v for v in meeting.voices if me is not None and v.inform_by.strip()), None)
    if voice is None:
        return []
    who = namer.who(voice.inform_by)
    when = f" Dat is uiterlijk {format_date(voice.inform_due)}." if voice.inform_due else ""
    told = f"{md.inline(_capital(who))} vertelt je wat er is besloten, {voice.inform_how.label}."
    return [told + when, ""]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
