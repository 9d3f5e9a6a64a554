"""One meeting being held: what every page reads, and the only ways a page writes.

The meeting screen makes one session and hands it to every page, instead of a
callback per kind of save. It knows no widgets: a page that stored something
other pages show says so with a message (`MeetingPage.DataChanged`). Storage
errors pass through, so the caller decides how to tell the user (`saving`).
"""

from __future__ import annotations

from datetime import date

from leidraad.core.domain import (
    Action,
    Answer,
    Attendance,
    Case,
    MeetingStatus,
    Participant,
    SafetyScore,
)
from leidraad.core.flow import MeetingFlow
from leidraad.core.followup import Outcome
from leidraad.core.guide import Guide
from leidraad.core.meeting import Meeting
from leidraad.core.people import names_by_key
from leidraad.core.voice import ClientVoice, TimeOut
from screens.context import AppContext


class MeetingSession:
    def __init__(self, context: AppContext, meeting_id: int) -> None:
        self.context = context
        repo = context.repo
        self.meeting: Meeting = repo.get_meeting(meeting_id)
        self.case = repo.get_case(self.meeting.case_id)
        self.phase_set = context.guide.for_phase(self.meeting.phase)
        self.review_items = repo.review_items(meeting_id)
        self.flow = MeetingFlow(
            self.phase_set,
            context.guide.client_voice,
            self.meeting.answers.values(),
            review=bool(self.review_items),
        )
        self.voices = repo.client_voices(meeting_id)

    @property
    def guide(self) -> Guide:
        return self.context.guide

    @property
    def meeting_id(self) -> int:
        assert self.meeting.id is not None
        return self.meeting.id

    @property
    def closed(self) -> bool:
        return self.meeting.status is MeetingStatus.AFGESLOTEN

    def answer(self, question_id: str, text: str, part: str) -> Answer:
        """The stored answer, or an empty one that keeps the question text as asked now."""
        return self.meeting.answers.get(question_id) or Answer(question_id, text, part)

    def current_case(self) -> Case:
        """The case as it is now: a phase or a partner may have changed since the start."""
        return self.context.repo.get_case(self.meeting.case_id)

    def partners(self) -> list[str]:
        """The partner organisations of the case, for 'wie mag dit lezen'."""
        return [p.organisation for p in self.case.partners]

    def names(self) -> dict[str, str]:
        """Key -> name of everyone in the case, to put markings and speakers into words."""
        return names_by_key(self.case)

    def speakers(self) -> list[str]:
        """Whose own words an answer can be (Ctrl+O), in the order of the case."""
        return [m.key for m in self.case.members]

    # --- the meeting's course -------------------------------------------------------

    def start_if_due(self) -> None:
        """Start the clock, unless the meeting is closed, running, or still days ahead."""
        m = self.meeting
        ahead = m.held_on > self.context.today()  # opened early, to look or to prepare
        if m.status is MeetingStatus.OPEN and m.started_at is None and not ahead:
            m.started_at = self.context.repo.mark_started(self.meeting_id, self.context.now())

    def start_timeout(self) -> TimeOut:
        timeout = self.context.repo.start_timeout(self.meeting_id, self.context.now())
        self.meeting.timeouts.append(timeout)
        return timeout

    def end_timeout(self, timeout: TimeOut) -> None:
        """The pause is over on screen even when storing its end fails."""
        ended = self.context.now()
        assert timeout.id is not None
        try:
            self.context.repo.end_timeout(timeout.id, ended)
        finally:
            timeout.ended_at = ended

    def close(self) -> None:
        self.context.repo.close_meeting(self.meeting_id)
        self.meeting = self.context.repo.get_meeting(self.meeting_id)

    # --- what is said and decided ---------------------------------------------------

    def save_answer(self, answer: Answer) -> None:
        self.context.repo.save_answer(self.meeting_id, answer)
        self.meeting.answers[answer.question_id] = answer

    def save_voice(self, voice: ClientVoice) -> tuple[ClientVoice, bool]:
        """Store a client's voice; True when the aftercare changed, so the plan was reloaded."""
        stored = self.context.repo.save_client_voice(self.meeting_id, voice)
        before = next((v for v in self.voices if v.member == stored.member), None)
        self.voices[:] = [stored if v.member == stored.member else v for v in self.voices]
        self.meeting.voices = list(self.voices)
        if before is not None and _aftercare(before) == _aftercare(stored):
            return stored, False  # typing elsewhere reads nothing back
        # Aftercare becomes an action in the plan: read the plan as storage made it.
        self.meeting.actions = self.context.repo.get_meeting(self.meeting_id).actions
        return stored, True

    def save_score(self, score: SafetyScore) -> None:
        self.context.repo.save_score(score)

    def add_score(self, score: SafetyScore) -> SafetyScore:
        saved = self.context.repo.add_score(self.meeting_id, score)
        self.meeting.scores.append(saved)
        return saved

    def save_action(self, action: Action) -> Action:
        stored = self.context.repo.save_action(self.meeting_id, action)
        ids = [a.id for a in self.meeting.actions]
        if stored.id in ids:
            self.meeting.actions[ids.index(stored.id)] = stored
        else:
            self.meeting.actions.append(stored)
        return stored

    def delete_action(self, action_id: int) -> None:
        self.context.repo.delete_action(action_id)
        self.meeting.actions = [a for a in self.meeting.actions if a.id != action_id]

    def toggle_attendance(self, participant: Participant) -> None:
        """Present, absent, on the phone, and round again."""
        assert participant.id is not None
        following: Attendance = participant.attendance.next()
        self.context.repo.set_attendance(participant.id, following)
        participant.attendance = following

    def add_participant(self, participant: Participant) -> Participant:
        saved = self.context.repo.add_participant(self.meeting_id, participant)
        self.meeting.participants.append(saved)
        return saved

    def set_invited(self, invited: list[str], together_safe: bool | None) -> None:
        """Invite these clients; the table (participants) follows, as storage seats them."""
        stored = self.context.repo.set_invited(self.meeting_id, invited, together_safe)
        self.meeting.invited, self.meeting.together_safe = stored.invited, stored.together_safe
        self.meeting.participants = stored.participants

    def set_next_meeting(self, when: date | None) -> None:
        self.context.repo.set_next_meeting(self.meeting_id, when)
        self.meeting.next_meeting = when

    def save_review(self, action_id: int, outcome: Outcome | None, note: str) -> None:
        self.context.repo.save_review(self.meeting_id, action_id, outcome, note)


def _aftercare(voice: ClientVoice) -> tuple[object, ...]:
    """What of a voice the aftercare action in the plan is made from."""
    return (voice.inform_by, voice.inform_how, voice.inform_due, voice.inform_action_id)
