"""The minutes of one meeting as markdown: a pure function of the case and the meeting."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from exports import markdown as md
from exports.followup_sections import decisions_section, review_section, trend_section
from exports.variants import Marks, for_case, visible_followup, visible_meeting
from exports.voice_sections import aftercare_section, timeout_line, voice_section
from leidraad.core.audience import ALL_PARTNERS, Reader, ReaderKind, Restriction
from leidraad.core.domain import (
    AFTERCARE_ID,
    PURPOSE_ID,
    SUMMARY_ID,
    WORRY_SEPARATOR,
    Action,
    Answer,
    Case,
    MeetingStatus,
    SafetyScore,
    format_date,
    is_worry_answer,
)
from leidraad.core.flow import Part
from leidraad.core.followup import MeetingFollowUp
from leidraad.core.meeting import Meeting

_FIXED = {PURPOSE_ID, SUMMARY_ID, AFTERCARE_ID}
# A time-out still running when minutes are made is counted up to the meeting's close.
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_QUESTION_PARTS = (Part.CLIENTSTEM, Part.BEELDVORMING, Part.OORDEELSVORMING, Part.BESLUITVORMING)


SENSITIVE = (
    "*Vertrouwelijk: dit document bevat bijzondere persoonsgegevens. "
    "Deel het alleen met wie het mag lezen.*"
)


def header(title: str, case: Case, meeting: Meeting, version: str, reader: Reader) -> list[str]:
    """What every export starts with: whose meeting, which version, for whom, and a warning."""
    status = "afgesloten" if meeting.status is MeetingStatus.AFGESLOTEN else "nog niet afgesloten"
    facts = [
        ("Casus", case.alias),
        ("Datum", format_date(meeting.held_on)),
        ("Overleg", f"{meeting.number} ({status})"),
        ("Fase", f"{meeting.phase.number}. {meeting.phase.label}"),
        ("Vragenset", meeting.questionset),
        ("Regie", case.regie),
        ("Versie", version),
        ("Voor", reader.label),
    ]
    out = [f"# {md.inline(title)}", ""]
    out += [f"- **{label}:** {md.inline(value)}" for label, value in facts if value]
    return [*out, "", SENSITIVE, ""]


def marking(
    restriction: Restriction, marks: Marks | None = None, answer: Answer | None = None
) -> str:
    """A visible note on an item that may not be passed on to everyone."""
    label = _label(restriction, marks, answer)
    return f" *({label})*" if label else ""


def _label(restriction: Restriction, marks: Marks | None, answer: Answer | None = None) -> str:
    if marks is not None and answer is not None:
        return marks.answer(answer)
    if marks is not None:
        return marks.label(restriction)
    return restriction.label if restriction.is_restricted else ""


def render_minutes(
    case: Case,
    meeting: Meeting,
    order: Sequence[str] = (),
    worry_order: Sequence[str] = (),
    reader: Reader = ALL_PARTNERS,
    followup: MeetingFollowUp | None = None,
    safety_plan_ids: frozenset[str] = frozenset(),
) -> str:
    """Markdown minutes for partners; `order` lists question ids as walked.

    Only what `reader` may read is rendered; items that may not reach everyone say
    who they may not reach. `followup` adds the review of earlier actions, the score
    trend and phase decisions; `safety_plan_ids` (Guide.safety_plan_ids) marks the
    answers that hold the veiligheidsplan.
    """
    reader = for_case(reader, case)
    marks = Marks(case, safety_plan_ids, meeting.voices)
    meeting = visible_meeting(meeting, reader, safety_plan_ids, case)
    followup = visible_followup(followup, reader, case) if followup else None
    version = (
        f"versie voor {reader.partner}" if reader.kind is ReaderKind.PARTNER else "volledig verslag"
    )
    out = header(f"Verslag casuïstiekbespreking: {case.alias}", case, meeting, version, reader)
    out += ["## Aanwezigen", ""]
    if meeting.participants:
        rows = [
            [_marked(p.name, marks.presence(p)), p.role, p.attendance.value]
            for p in meeting.participants
        ]
        out += [md.table(["Naam", "Rol of organisatie", "Aanwezig"], rows), ""]
    else:
        out += ["Geen deelnemers vastgelegd.", ""]
    out += _answer_block("Doel van het overleg", meeting.answers.get(PURPOSE_ID), 2, marks)
    out += review_section(followup)

    worries = _worries_by_origin(meeting, worry_order)
    answers = _ordered_answers(meeting, order, worries)
    for part in _QUESTION_PARTS:
        in_part = [a for a in answers if a.part == part.value]
        out += [f"## {part.label}", ""]
        if part is Part.CLIENTSTEM:
            out += _scores(meeting, marks)
            out += voice_section(meeting)
            out += trend_section(followup)
        elif not in_part:
            out += ["Niet besproken.", ""]
        for answer in in_part:
            out += _answer_block(answer.question_text, answer, 3, marks, always=True)
            out += _worry_block(worries.get(answer.question_id, []), marks)

    out += [f"## {Part.ACTIEPLAN.label}", ""]
    out += action_table(meeting.actions, marks)
    out += decisions_section(followup)

    out += [f"## {Part.AFSLUITING.label}", ""]
    out += _answer_block("Samenvatting", meeting.answers.get(SUMMARY_ID), 3, marks)
    out += _answer_block(
        "Wie informeert de cliënten na het overleg", meeting.answers.get(AFTERCARE_ID), 3, marks
    )
    out += aftercare_section(meeting, marks)
    out += timeout_line(meeting, meeting.closed_at or meeting.started_at or _EPOCH)
    out += next_meeting_lines(meeting)
    return "\n".join(out)


def next_meeting_lines(meeting: Meeting) -> list[str]:
    next_on = format_date(meeting.next_meeting) or "nog niet gepland"
    return [f"**Volgend overleg:** {next_on}", ""]


def action_table(actions: Sequence[Action], marks: Marks | None = None) -> list[str]:
    if not actions:
        return ["Geen acties afgesproken.", ""]

    def described(action: Action) -> str:
        label = marks.action(action) if marks else _label(action.restriction, None)
        return _marked(action.description, label)

    rows = [
        [
            str(i),
            described(a),
            a.owner or "nog niet bepaald",
            format_date(a.due),
            a.priority.value,
            a.phase.label,
        ]
        for i, a in enumerate(actions, start=1)
    ]
    return [md.table(["Nr.", "Actie", "Wie", "Wanneer", "Prioriteit", "Fase"], rows), ""]


def _marked(text: str, label: str) -> str:
    return text + (f" ({label})" if label else "")


def _worries_by_origin(meeting: Meeting, worry_order: Sequence[str]) -> dict[str, list[Answer]]:
    """The filled-in worry answers per question where the worry was raised, in `worry_order`."""
    rank = {question_id: i for i, question_id in enumerate(worry_order)}
    found: dict[str, list[tuple[int, Answer]]] = {}
    for answer in meeting.answers.values():
        if not (is_worry_answer(answer.question_id) and answer.text.strip()):
            continue
        # worry_answer_id writes '<origin><separator><worry question>'.
        origin, _, asked = answer.question_id.partition(WORRY_SEPARATOR)
        found.setdefault(origin, []).append((rank.get(asked, len(rank)), answer))
    return {
        origin: [answer for _, answer in sorted(ranked, key=lambda pair: pair[0])]
        for origin, ranked in found.items()
    }


def _worry_block(worries: Sequence[Answer], marks: Marks | None) -> list[str]:
    if not worries:
        return []
    lines = ["**De zorg concreet gemaakt:**", ""]
    for answer in worries:
        mark = marking(answer.restriction, marks, answer)
        lines += [f"- *{md.inline(answer.question_text)}*{mark}", ""]
        lines += ["  " + line if line else "" for line in md.paragraph(answer.text).split("\n")]
        lines += [""]
    return lines


def _ordered_answers(
    meeting: Meeting, order: Sequence[str], worries: dict[str, list[Answer]]
) -> list[Answer]:
    rank = {question_id: i for i, question_id in enumerate(order)}
    answers = [
        a
        for a in meeting.answers.values()
        if a.question_id not in _FIXED
        and not is_worry_answer(a.question_id)
        and (a.text.strip() or a.question_id in worries)
    ]
    # Answers to questions no longer in the set keep their place after the known ones.
    return sorted(answers, key=lambda a: rank.get(a.question_id, len(rank)))


def _answer_block(
    title: str, answer: Answer | None, level: int, marks: Marks | None, always: bool = False
) -> list[str]:
    if answer is None or not (answer.text.strip() or always):
        return []
    lines = [f"{'#' * level} {md.inline(title)}", ""]
    if not answer.text.strip():
        return lines
    label = _label(answer.restriction, marks, answer)
    if label:
        lines += [f"*Afgeschermd: {md.inline(label)}.*", ""]
    if answer.client_words:
        lines += ["*In de eigen woorden van de cliënt:*", "", md.quote(answer.text), ""]
    else:
        lines += [md.paragraph(answer.text), ""]
    return lines


def _scores(meeting: Meeting, marks: Marks) -> list[str]:
    given = [s for s in meeting.scores if s.score is not None or s.higher.strip()]
    if not given:
        return ["Geen veiligheidscijfers gegeven.", ""]

    def perspective(score: SafetyScore) -> str:
        label = marks.score(score)
        return score.perspective + (f" ({label})" if label else "")

    rows = [
        [
            perspective(s),
            s.voiced_by,
            "" if s.score is None else str(s.score),
            s.higher,
        ]
        for s in given
    ]
    headers = ["Perspectief", "Verwoord door", "Cijfer (0-10)", "Wat maakt het één punt hoger?"]
    return ["### Veiligheidscijfers", "", md.table(headers, rows), ""]
