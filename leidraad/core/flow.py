"""The fixed walk through a meeting: parts, and the questions inside them.

The meeting screen only keeps a position; which step comes next, and what the
progress line says, is decided here so it can be tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from leidraad.core.domain import Answer, Stage, is_worry_answer, worry_answer_id
from leidraad.core.guide import ClientVoiceSet, PhaseSet, Question


class Part(StrEnum):
    OPENING = "opening"
    CLIENTSTEM = "clientstem"
    BEELDVORMING = "beeldvorming"
    OORDEELSVORMING = "oordeelsvorming"
    BESLUITVORMING = "besluitvorming"
    ACTIEPLAN = "actieplan"
    AFSLUITING = "afsluiting"

    @property
    def label(self) -> str:
        return _PART_LABELS[self]

    @property
    def number(self) -> int:
        return list(Part).index(self) + 1

    @property
    def stage(self) -> Stage | None:
        try:
            return Stage(self.value)
        except ValueError:
            return None


_PART_LABELS = {
    Part.OPENING: "Opening",
    Part.CLIENTSTEM: "Stem van de cliënt",
    Part.BEELDVORMING: "Beeldvorming",
    Part.OORDEELSVORMING: "Oordeelsvorming",
    Part.BESLUITVORMING: "Besluitvorming",
    Part.ACTIEPLAN: "Actieplan",
    Part.AFSLUITING: "Afsluiting",
}


@dataclass(frozen=True)
class Step:
    """One page of the meeting: a part, and the question on it if the page is a question."""

    part: Part
    question: Question | None = None
    index: int = 0
    count: int = 1
    kind: str = ""  # REVIEW_STEP for the page that ticks off earlier agreements


REVIEW_STEP = "afspraken"


def as_asked(
    questions: Sequence[Question],
    part: Part,
    answers: Sequence[Answer],
    known: Iterable[str] = (),
) -> list[Question]:
    """The questions of a part as this meeting asked them.

    A question already answered keeps the text it was asked with, even when the
    set has been reworded since; an answered question that is no longer in the
    set stays at the end of its part, so nothing typed in a meeting disappears.
    `known` holds the ids of every question the walk shows, so a question
    that moved to another part is not shown twice.
    """
    asked = {a.question_id: a for a in answers}
    result = [
        replace(q, text=asked[q.id].question_text)
        if q.id in asked and asked[q.id].question_text.strip()
        else q
        for q in questions
    ]
    shown = {q.id for q in questions} | set(known)
    for answer in asked.values():
        question_id = answer.question_id
        if answer.part != part.value or question_id in shown or is_worry_answer(question_id):
            continue
        if answer.question_text.strip() and (
            answer.text.strip() or _has_worry_answers(question_id, answers)
        ):
            result.append(Question(question_id, answer.question_text))
    return result


def _has_worry_answers(question_id: str, answers: Sequence[Answer]) -> bool:
    prefix = worry_answer_id(question_id, "")
    return any(a.question_id.startswith(prefix) and a.text.strip() for a in answers)


class MeetingFlow:
    def __init__(
        self,
        phase_set: PhaseSet,
        client_voice: ClientVoiceSet,
        answers: Iterable[Answer] = (),
        review: bool = False,
    ) -> None:
        """`answers` are those of the meeting being walked, so it shows what was asked."""
        given = list(answers)
        known = {q.id for q in client_voice.questions}
        known |= {q.id for questions in phase_set.stages.values() for q in questions}
        steps: list[Step] = [Step(Part.OPENING)]
        if review:  # earlier agreements are ticked off right after who is at the table
            steps.append(Step(Part.OPENING, kind=REVIEW_STEP))
        voice = as_asked(client_voice.questions, Part.CLIENTSTEM, given, known)
        # The scores page comes first in the client's voice, then its open questions.
        steps.append(Step(Part.CLIENTSTEM))
        steps += [Step(Part.CLIENTSTEM, q, i, len(voice)) for i, q in enumerate(voice)]
        for stage in Stage:
            part = Part(stage.value)
            questions = as_asked(phase_set.stages.get(stage, ()), part, given, known)
            if not questions:
                steps.append(Step(part))
            steps += [Step(part, q, i, len(questions)) for i, q in enumerate(questions)]
        steps += [Step(Part.ACTIEPLAN), Step(Part.AFSLUITING)]
        self.steps: tuple[Step, ...] = tuple(steps)

    def __len__(self) -> int:
        return len(self.steps)

    def clamp(self, position: int) -> int:
        return max(0, min(position, len(self.steps) - 1))

    def next(self, position: int) -> int:
        return self.clamp(position + 1)

    def previous(self, position: int) -> int:
        return self.clamp(position - 1)

    def start_of(self, part: Part) -> int:
        return next(i for i, step in enumerate(self.steps) if step.part is part)

    def next_part(self, position: int) -> int:
        review = self.review_position()
        if review is not None and position < review:
            return review  # ticking off earlier agreements is a stop of its own
        parts = list(Part)
        current = parts.index(self.steps[self.clamp(position)].part)
        if current + 1 >= len(parts):
            return self.clamp(position)
        return self.start_of(parts[current + 1])

    def previous_part(self, position: int) -> int:
        """Back to the start of this part, or to the previous part when already at its start."""
        position = self.clamp(position)
        part = self.steps[position].part
        start = self.start_of(part)
        if position != start:
            return start
        parts = list(Part)
        current = parts.index(part)
        return self.start_of(parts[current - 1]) if current > 0 else start

    def where(self, position: int) -> str:
        """The progress line above every page: 'Deel 3 van 7 · Beeldvorming · vraag 2 van 5'."""
        step = self.steps[self.clamp(position)]
        text = f"Deel {step.part.number} van {len(Part)} · {step.part.label}"
        if step.question is not None:
            text += f" · vraag {step.index + 1} van {step.count}"
        elif step.part is Part.CLIENTSTEM:
            text += " · veiligheidscijfers"
        elif step.kind == REVIEW_STEP:
            text += " · afspraken aftikken"
        return text

    def review_position(self) -> int | None:
        """Where the earlier agreements are ticked off; None when there is nothing to tick off."""
        found = [i for i, step in enumerate(self.steps) if step.kind == REVIEW_STEP]
        return found[0] if found else None

    def questions(self) -> list[tuple[Part, Question]]:
        return [(s.part, s.question) for s in self.steps if s.question is not None]
