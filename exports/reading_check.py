"""Before a document is saved: what in it came from, or is about, someone else.

A pure function for the export screen and the CLI to show ("Dit document voor
vader bevat 1 uitspraak van moeder"), and for the audit log to record by person
number, never by name (`ReadingNote.person` is a member key, `count` a number).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from exports.documents import DocumentRequest, document_view, request_reader
from exports.variants import action_origin, answer_origin, score_origin
from leidraad.core.audience import ReaderKind, may_read
from leidraad.core.domain import Case
from leidraad.core.guide import Guide
from leidraad.core.meeting import Meeting
from leidraad.core.people import readers_of


class NoteKind(StrEnum):
    UITSPRAAK = "uitspraak"
    SCORE = "score"
    KINDERSTEM = "kinderstem"
    VEILIGHEIDSPLAN = "veiligheidsplan"
    ACTIE = "actie"
    NIET_VOOR = "niet voor"


_WORDS = {
    NoteKind.UITSPRAAK: ("uitspraak", "uitspraken"),
    NoteKind.SCORE: ("score", "scores"),
    NoteKind.KINDERSTEM: ("stuk over wat een kind zei", "stukken over wat een kind zei"),
    NoteKind.VEILIGHEIDSPLAN: ("deel van het veiligheidsplan", "delen van het veiligheidsplan"),
    NoteKind.ACTIE: ("actie", "acties"),
    NoteKind.NIET_VOOR: ("onderdeel", "onderdelen"),
}


@dataclass(frozen=True)
class ReadingNote:
    """One line of the check: `count` items of one kind from or about `person` (member key;
    '' when it is not one family member, e.g. partners' scores or the veiligheidsplan)."""

    kind: NoteKind
    person: str
    count: int
    text: str


def reading_check(
    case: Case, meeting: Meeting, guide: Guide, request: DocumentRequest
) -> list[ReadingNote]:
    """What the document for this request holds that came from or is about someone else.

    Counted on `document_view`, the meeting exactly as the document shows it.
    """
    reader = request_reader(case, request)
    ids = guide.safety_plan_ids()
    seen = document_view(case, meeting, guide, request)
    me = reader.member
    label = reader.label
    names = {m.key: m.name for m in case.members}
    notes: list[ReadingNote] = []

    def note(kind: NoteKind, person: str, count: int, tail: str) -> None:
        if count:
            one, many = _WORDS[kind]
            words = one if count == 1 else many
            text = f"Dit document voor {label} bevat {count} {words}{tail}."
            notes.append(ReadingNote(kind, person, count, text))

    answers = [a for a in seen.answers.values() if a.text.strip()]
    for key, name in names.items():
        if key != me:
            said = [a for a in answers if a.client_words and a.speaker == key]
            note(NoteKind.UITSPRAAK, key, len(said), f" van {name}")
    plan = [a for a in answers if answer_origin(a, ids).safety_plan]
    note(NoteKind.VEILIGHEIDSPLAN, "", len(plan), "")
    for voice in seen.voices:
        if voice.is_child and (voice.heard.strip() or voice.ggz_perspective.strip()):
            note(NoteKind.KINDERSTEM, voice.member_key, 1, f" van {voice.member}")
    scores = [s for s in seen.scores if s.score is not None and s.member_key != me]
    owners = sorted({names.get(s.member_key, s.perspective) for s in scores})
    note(NoteKind.SCORE, "", len(scores), f" van anderen ({', '.join(owners)})")
    for key, name in names.items():
        if key == me:
            continue
        about = [
            a for a in seen.actions if _mentions(a.owner, name) or _mentions(a.description, name)
        ]
        note(NoteKind.ACTIE, key, len(about), f" over {name}")
    if reader.kind is ReaderKind.PARTNERS:
        notes += _kept_from_others(case, seen, guide, label)
    return notes


def _mentions(text: str, name: str) -> bool:
    return (
        bool(name.strip())
        and re.search(rf"(?<!\w){re.escape(name.strip())}(?!\w)", text, re.I) is not None
    )


def _kept_from_others(case: Case, seen: Meeting, guide: Guide, label: str) -> list[ReadingNote]:
    """In the table's version: how many items it shows may not go on to each client or
    partner."""
    ids = guide.safety_plan_ids()
    notes = []
    for other in readers_of(case):
        kept = sum(
            not may_read(other, a.restriction, answer_origin(a, ids))
            for a in seen.answers.values()
            if a.text.strip()
        )
        kept += sum(
            not may_read(other, a.restriction, action_origin(case, a, seen.voices))
            for a in seen.actions
        )
        kept += sum(not may_read(other, s.restriction, score_origin(s)) for s in seen.scores)
        if kept:
            one, many = _WORDS[NoteKind.NIET_VOOR]
            words = one if kept == 1 else many
            text = (
                f"Dit document voor {label} bevat {kept} {words} die niet naar {other.label} mogen."
            )
            notes.append(ReadingNote(NoteKind.NIET_VOOR, other.member, kept, text))
    return notes
