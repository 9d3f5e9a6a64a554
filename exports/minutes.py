"""The minutes of one meeting as markdown: a pure function of the case and the meeting."""

from __future__ import annotations

from collections.abc import Sequence

from exports import markdown as md
from exports.followup_sections import decisions_section, review_section, trend_section
from leidraad.domain import (
    AFTERCARE_ID,
    PURPOSE_ID,
    SUMMARY_ID,
    Answer,
    Case,
    Meeting,
    MeetingStatus,
    format_date,
    is_worry_answer,
    worry_answer_id,
)
from leidraad.flow import Part
from leidraad.followup import MeetingFollowUp

_FIXED = {PURPOSE_ID, SUMMARY_ID, AFTERCARE_ID}
_QUESTION_PARTS = (Part.CLIENTSTEM, Part.BEELDVORMING, Part.OORDEELSVORMING, Part.BESLUITVORMING)


def render_minutes(
    case: Case,
    meeting: Meeting,
    order: Sequence[str] = (),
    worry_order: Sequence[str] = (),
    followup: MeetingFollowUp | None = None,
) -> str:
    """Markdown minutes; `order` lists question ids as walked, `worry_order` the worry questions."""
    out: list[str] = [f"# Verslag casuïstiekbespreking: {md.inline(case.alias)}", ""]
    status = "afgesloten" if meeting.status is MeetingStatus.AFGESLOTEN else "nog niet afgesloten"
    facts = [
        ("Datum", format_date(meeting.held_on)),
        ("Overleg", f"{meeting.number} ({status})"),
        ("Fase", f"{meeting.phase.number}. {meeting.phase.label}"),
        ("Vragenset", meeting.questionset),
        ("Regie", case.regie),
    ]
    out += [f"- **{label}:** {md.inline(value)}" for label, value in facts if value]
    out += [
        "",
        "*Vertrouwelijk: dit verslag bevat bijzondere persoonsgegevens. "
        "Deel het alleen met wie het mag lezen.*",
        "",
        "## Aanwezigen",
        "",
    ]
    if meeting.participants:
        rows = [[p.name, p.role, p.attendance.value] for p in meeting.participants]
        out += [md.table(["Naam", "Rol of organisatie", "Aanwezig"], rows), ""]
    else:
        out += ["Geen deelnemers vastgelegd.", ""]
    out += _answer_block("Doel van het overleg", meeting.answers.get(PURPOSE_ID), level=2)
    out += review_section(followup)

    answers = _ordered_answers(meeting, order)
    for part in _QUESTION_PARTS:
        in_part = [a for a in answers if a.part == part.value]
        out += [f"## {part.label}", ""]
        if part is Part.CLIENTSTEM:
            out += _scores(meeting)
            out += trend_section(followup)
        elif not in_part:
            out += ["Niet besproken.", ""]
        for answer in in_part:
            out += _answer_block(answer.question_text, answer, level=3, always=True)
            out += _worry_block(meeting, answer.question_id, worry_order)

    out += [f"## {Part.ACTIEPLAN.label}", ""]
    if meeting.actions:
        rows = [
            [str(i), a.description, a.owner, format_date(a.due), a.priority.value, a.phase.label]
            for i, a in enumerate(meeting.actions, start=1)
        ]
        out += [md.table(["Nr.", "Actie", "Wie", "Wanneer", "Prioriteit", "Fase"], rows), ""]
    else:
        out += ["Geen acties afgesproken.", ""]
    out += decisions_section(followup)

    out += [f"## {Part.AFSLUITING.label}", ""]
    out += _answer_block("Samenvatting", meeting.answers.get(SUMMARY_ID), level=3)
    out += _answer_block(
        "Wie informeert de cliënten na het overleg", meeting.answers.get(AFTERCARE_ID), level=3
    )
    next_on = format_date(meeting.next_meeting) or "nog niet gepland"
    out += [f"**Volgend overleg:** {next_on}", ""]
    return "\n".join(out)


def _worries(meeting: Meeting, origin_id: str, worry_order: Sequence[str]) -> list[Answer]:
    prefix = worry_answer_id(origin_id, "")
    rank = {question_id: i for i, question_id in enumerate(worry_order)}
    found = [
        a for a in meeting.answers.values() if a.question_id.startswith(prefix) and a.text.strip()
    ]
    return sorted(found, key=lambda a: rank.get(a.question_id.removeprefix(prefix), len(rank)))


def _worry_block(meeting: Meeting, origin_id: str, worry_order: Sequence[str]) -> list[str]:
    worries = _worries(meeting, origin_id, worry_order)
    if not worries:
        return []
    lines = ["**De zorg concreet gemaakt:**", ""]
    for answer in worries:
        lines += [f"- *{md.inline(answer.question_text)}*", ""]
        lines += ["  " + line if line else "" for line in md.paragraph(answer.text).split("\n")]
        lines += [""]
    return lines


def _ordered_answers(meeting: Meeting, order: Sequence[str]) -> list[Answer]:
    rank = {question_id: i for i, question_id in enumerate(order)}
    answers = [
        a
        for a in meeting.answers.values()
        if a.question_id not in _FIXED
        and not is_worry_answer(a.question_id)
        and (a.text.strip() or _worries(meeting, a.question_id, ()))
    ]
    # Answers to questions no longer in the set keep their place after the known ones.
    return sorted(answers, key=lambda a: rank.get(a.question_id, len(rank)))


def _answer_block(title: str, answer: Answer | None, level: int, always: bool = False) -> list[str]:
    if answer is None or not (answer.text.strip() or always):
        return []
    lines = [f"{'#' * level} {md.inline(title)}", ""]
    if not answer.text.strip():
        return lines
    if answer.client_words:
        lines += ["*In de eigen woorden van de cliënt:*", "", md.quote(answer.text), ""]
    else:
        lines += [md.paragraph(answer.text), ""]
    return lines


def _scores(meeting: Meeting) -> list[str]:
    given = [s for s in meeting.scores if s.score is not None or s.higher.strip()]
    if not given:
        return ["Geen veiligheidscijfers gegeven.", ""]
    rows = [
        [
            s.perspective,
            s.voiced_by,
            "" if s.score is None else str(s.score),
            s.higher,
        ]
        for s in given
    ]
    headers = ["Perspectief", "Verwoord door", "Cijfer (0-10)", "Wat maakt het één punt hoger?"]
    return ["### Veiligheidscijfers", "", md.table(headers, rows), ""]
