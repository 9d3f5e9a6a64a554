"""One meeting of a case: who sat at the table and everything said and agreed in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from leidraad.core.domain import (
    Action,
    Answer,
    MeetingStatus,
    Participant,
    Phase,
    SafetyScore,
)
from leidraad.core.voice import ClientVoice, TimeOut


@dataclass
class Meeting:
    case_id: int
    number: int
    held_on: date
    phase: Phase
    questionset: str = ""
    status: MeetingStatus = MeetingStatus.OPEN
    next_meeting: date | None = None
    closed_at: datetime | None = None
    participants: list[Participant] = field(default_factory=list)
    answers: dict[str, Answer] = field(default_factory=dict)
    scores: list[SafetyScore] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    id: int | None = None
    started_at: datetime | None = None
    voices: list[ClientVoice] = field(default_factory=list)
    timeouts: list[TimeOut] = field(default_factory=list)
    # Member keys of the clients invited to the table; nobody by default, never a child
    # (see people.invitable). `together_safe` records the answer when a pleger and a
    # slachtoffer would both sit at the table (people.unsafe_pairs): None is not yet asked.
    invited: list[str] = field(default_factory=list)
    together_safe: bool | None = None

    def answer_text(self, question_id: str) -> str:
        answer = self.answers.get(question_id)
        return answer.text if answer else ""


@dataclass
class MeetingSummary:
    id: int
    number: int
    held_on: date
    phase: Phase
    status: MeetingStatus
