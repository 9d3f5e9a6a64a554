"""The demonstration database: the invented families written through the Repository.

Everything goes through the same API the screens use, so the demonstration
shows exactly what a real case looks like after the same meetings. The
database lives in a fresh private temporary folder that is removed afterwards;
the user's own data folder is never read or written.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event

from leidraad.core.audience import Restriction
from leidraad.core.domain import (
    AFTERCARE_ID,
    PURPOSE_ID,
    SUMMARY_ID,
    Action,
    Answer,
    Case,
    FamilyMember,
    MemberRole,
    Partner,
    Phase,
    Position,
    SafetyScore,
    worry_answer_id,
)
from leidraad.core.flow import Part
from leidraad.core.followup import Outcome
from leidraad.core.guide import Guide, Question
from leidraad.core.meeting import Meeting
from leidraad.core.people import change_position, unsafe_pairs
from leidraad.core.voice import ClientVoice
from leidraad.demo import FAMILIES
from leidraad.demo.model import (
    DemoFamily,
    DemoMeeting,
    InterimPhaseChange,
    PositionChange,
    Voice,
)
from leidraad.paths import Paths
from storage.repository import Repository

MEETING_START = time(9, 30)
MEETING_LENGTH = timedelta(minutes=95)
TIMEOUT_AFTER = timedelta(minutes=40)


class DemoContentError(ValueError):
    """The demonstration content names a question, person or action that does not exist."""


def build_demo(
    repo: Repository, guide: Guide, today: date, families: tuple[DemoFamily, ...] = FAMILIES
) -> list[int]:
    """Write every family into `repo`; returns the case ids in the order given."""
    return [_Builder(repo, guide, family, today).build() for family in families]


@dataclass
class DemoSession:
    paths: Paths
    repo: Repository


@contextmanager
def demo_database(guide: Guide, today: date) -> Iterator[DemoSession]:
    """A fresh demonstration database in a private temporary folder, removed on leaving."""
    folder = Path(tempfile.mkdtemp(prefix="leidraad-demo-"))  # mode 0700
    try:
        paths = Paths(folder / "data")
        paths.prepare()
        repo = Repository.open(paths.database)
        _without_sync(repo)
        try:
            build_demo(repo, guide, today)
            yield DemoSession(paths, repo)
        finally:
            repo.engine.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _without_sync(repo: Repository) -> None:
    """A throw-away database need not survive a power cut; skipping fsync makes it start fast."""

    def no_sync(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA synchronous=OFF")

    event.listen(repo.engine, "connect", no_sync)
    repo.engine.dispose()  # connections made from here on get the pragma


def _moment(day: date, at: time) -> datetime:
    """A local clock time on a day, stored as UTC like everything leidraad stores."""
    return datetime.combine(day, at).astimezone().astimezone(UTC)


class _Builder:
    def __init__(self, repo: Repository, guide: Guide, family: DemoFamily, today: date) -> None:
        self.repo, self.guide, self.family, self.today = repo, guide, family, today
        self.actions: dict[str, int] = {}
        self.aftercare: dict[str, int] = {}  # member -> aftercare action of the last meeting

    def build(self) -> int:
        family = self.family
        members = [self._person(m) for m in family.members]
        keys = {m.name: m.key for m in members}
        partners = [
            Partner(p.organisation, p.contact, linked_to=self._keys(p.linked_to, keys))
            for p in family.partners
        ]
        case = self.repo.save_case(
            Case(
                alias=family.alias,
                phase=family.start_phase,
                regie=family.regie,
                members=members,
                partners=partners,
            )
        )
        assert case.id is not None
        self.case = case
        steps: list[DemoMeeting | InterimPhaseChange] = [*family.meetings, *family.interim]
        for step in sorted(steps, key=lambda s: -s.days_ago):
            if isinstance(step, InterimPhaseChange):
                self.repo.change_phase(
                    case.id, step.to, step.reason, decided_on=self._day(step.days_ago)
                )
            else:
                self._meeting(step)
        for choice in family.plan_audiences:
            must_not = None if choice.must_not is None else self._keys(choice.must_not)
            self.repo.set_plan_audience(case.id, choice.kind, choice.outside, must_not)
        for plan in family.plans:
            version = self.repo.add_plan_version(
                case.id, plan.kind, plan.label, self._day(plan.days_ago)
            )
            assert version.id is not None
            for party, days_ago in plan.known:
                self._party(party)
                self.repo.set_plan_known(version.id, party, self._day(days_ago))
        return case.id

    def _day(self, days_ago: int) -> date:
        return self.today - timedelta(days=days_ago)

    def _person(self, given: FamilyMember) -> FamilyMember:
        """A fresh member (own key) with the position's history: the changes the family
        lists, or else the position as it was seen at the first meeting."""
        member = FamilyMember(given.name, given.role, given.age, note=given.note)
        changes = [c for c in self.family.positions if c.member == given.name]
        if not changes and given.position is not Position.ONBEKEND:
            first = max(m.days_ago for m in self.family.meetings)
            changes = [PositionChange(given.name, first, given.position)]
        for change in sorted(changes, key=lambda c: -c.days_ago):
            member = change_position(member, change.position, self._day(change.days_ago))
        if member.position is not given.position:
            raise DemoContentError(f"{self.family.alias}: positie van {given.name!r} klopt niet")
        return member

    def _keys(self, names: tuple[str, ...], keys: dict[str, str] | None = None) -> tuple[str, ...]:
        """Member keys for the names used in the demonstration content."""
        known = keys if keys is not None else {m.name: m.key for m in self.case.members}
        missing = [n for n in names if n not in known]
        if missing:
            raise DemoContentError(f"{self.family.alias}: geen gezinslid {missing[0]!r}")
        return tuple(known[n] for n in names)

    def _marked(
        self, restriction: Restriction, not_for: tuple[str, ...], shared_with: tuple[str, ...]
    ) -> Restriction:
        marked = restriction.not_for_people(*self._keys(not_for))
        return marked.shared_with_people(*self._keys(shared_with))

    def _meeting(self, demo: DemoMeeting) -> None:
        assert self.case.id is not None
        phase = self.repo.get_case(self.case.id).phase
        held_on = self._day(demo.days_ago)
        invited = self._keys(demo.invited)
        if bool(unsafe_pairs(self.case, invited)) is not (demo.together_safe is not None):
            raise DemoContentError(  # the answer is kept only where there is one to give
                f"{self.family.alias}: 'samen aan tafel veilig?' hoort alleen bij een pleger "
                "en een slachtoffer die allebei uitgenodigd zijn"
            )
        label = self.guide.for_phase(phase).label
        meeting = self.repo.start_meeting(
            self.case.id, label, held_on, invited, together_safe=demo.together_safe
        )
        assert meeting.id is not None
        start = _moment(held_on, MEETING_START)
        if demo.held:
            self.repo.mark_started(meeting.id, start)
        for who, attendance in demo.attendance:
            participant = next((p for p in meeting.participants if who in (p.name, p.role)), None)
            if participant is None or participant.id is None:
                raise DemoContentError(f"{self.family.alias}: niemand aan tafel heet {who!r}")
            self.repo.set_attendance(participant.id, attendance)
        self._answer(meeting.id, PURPOSE_ID, "Doel van het overleg", Part.OPENING, demo.purpose)
        aftercare = {v.member: self._voice(meeting.id, held_on, phase, v) for v in demo.voices}
        if demo.held:
            self._reviews(meeting.id, demo)
            self.aftercare = {k: v for k, v in aftercare.items() if v is not None}
        for said in demo.answers:
            question, part = self._question(phase, said.question_id)
            speaker = self._keys((said.speaker,))[0] if said.speaker else ""
            restriction = self._marked(said.restriction, said.not_for, said.shared_with)
            own = bool(speaker)
            answer = Answer(
                question.id, question.text, part.value, said.text, own, restriction, speaker
            )
            self.repo.save_answer(meeting.id, answer)
        for worry in demo.worries:
            origin, part = self._question(phase, worry.at_question)
            for worry_id, text in worry.answers:
                asked = self._worry_question(worry_id)
                answer_id = worry_answer_id(origin.id, asked.id)
                self._answer(meeting.id, answer_id, asked.text, part, text)
        self._scores(meeting, demo)
        for agreed in demo.actions:
            due = held_on + timedelta(days=agreed.due_days) if agreed.due_days is not None else None
            action = Action(
                agreed.description,
                agreed.owner,
                due,
                agreed.priority,
                phase,
                restriction=self._marked(agreed.restriction, agreed.not_for, ()),
            )
            saved = self.repo.save_action(meeting.id, action)
            assert saved.id is not None
            if agreed.key in self.actions:
                raise DemoContentError(f"{self.family.alias}: actie {agreed.key!r} bestaat al")
            self.actions[agreed.key] = saved.id
        length = MEETING_LENGTH
        if demo.timeout_minutes:
            pause = self.repo.start_timeout(meeting.id, start + TIMEOUT_AFTER)
            assert pause.id is not None
            paused = timedelta(minutes=demo.timeout_minutes)
            self.repo.end_timeout(pause.id, start + TIMEOUT_AFTER + paused)
            length += paused
        if demo.phase_decision is not None:
            decision = demo.phase_decision
            self.repo.change_phase(self.case.id, decision.to, decision.reason, meeting.id)
        if demo.summary:
            self._answer(meeting.id, SUMMARY_ID, "Samenvatting", Part.AFSLUITING, demo.summary)
        if demo.aftercare:
            self._answer(
                meeting.id,
                AFTERCARE_ID,
                "Wie informeert de cliënten na het overleg",
                Part.AFSLUITING,
                demo.aftercare,
                demo.aftercare_not_for,
            )
        if demo.next_in_days is not None:
            self.repo.set_next_meeting(meeting.id, held_on + timedelta(days=demo.next_in_days))
        if demo.held:
            self.repo.close_meeting(meeting.id, start + length)

    def _answer(
        self,
        meeting_id: int,
        answer_id: str,
        text: str,
        part: Part,
        said: str,
        not_for: tuple[str, ...] = (),
    ) -> None:
        restriction = self._marked(Restriction(), not_for, ())
        answer = Answer(answer_id, text, part.value, said, restriction=restriction)
        self.repo.save_answer(meeting_id, answer)

    def _voice(self, meeting_id: int, held_on: date, phase: Phase, demo: Voice) -> int | None:
        member = self._member(demo.member)
        due = (
            held_on + timedelta(days=demo.inform_days)
            if demo.inform_by and demo.inform_days is not None
            else None
        )
        voice = ClientVoice(
            member.name,
            is_child=member.role is MemberRole.KIND,
            hearing=demo.hearing,
            voiced_by=demo.voiced_by,
            seat=demo.seat,
            timeout_sign=demo.timeout_sign,
            topics=demo.topics,
            professional_note=demo.professional_note,
            heard=demo.heard,
            heard_where=demo.heard_where,
            ggz_perspective=demo.ggz_perspective,
            ggz_by=demo.ggz_by,
            inform_by=demo.inform_by,
            inform_how=demo.inform_how,
            inform_due=due,
            member_key=member.key,
        )
        action_id = self.repo.save_client_voice(meeting_id, voice).inform_action_id
        action = voice.aftercare_action(phase)
        if demo.inform_not_for and action is not None and action_id is not None:
            restriction = self._marked(Restriction(), demo.inform_not_for, ())
            self.repo.save_action(
                meeting_id, replace(action, id=action_id, restriction=restriction)
            )
        return action_id

    def _reviews(self, meeting_id: int, demo: DemoMeeting) -> None:
        """Tick off earlier actions; the last aftercare counts as done unless said otherwise."""
        for action_id in self.aftercare.values():
            self.repo.save_review(meeting_id, action_id, Outcome.GEDAAN, "")
        for review in demo.reviews:
            if review.key not in self.actions:
                raise DemoContentError(f"{self.family.alias}: geen actie {review.key!r}")
            self.repo.save_review(meeting_id, self.actions[review.key], review.outcome, review.note)

    def _scores(self, meeting: Meeting, demo: DemoMeeting) -> None:
        for given in demo.scores:
            row = next((s for s in meeting.scores if _perspective_of(s, given.who)), None)
            if row is None:
                raise DemoContentError(f"{self.family.alias}: geen perspectief {given.who!r}")
            row.score, row.higher = given.score, given.higher
            row.restriction = self._marked(row.restriction, given.not_for, given.shared_with)
            self.repo.save_score(row)

    def _member(self, name: str) -> FamilyMember:
        for member in self.case.members:
            if member.name == name:
                return member
        raise DemoContentError(f"{self.family.alias}: geen gezinslid {name!r}")

    def _party(self, name: str) -> None:
        known = {m.name for m in self.case.adults} | {p.organisation for p in self.case.partners}
        known |= {o for choice in self.family.plan_audiences for o in choice.outside}
        if name not in known:
            raise DemoContentError(f"{self.family.alias}: {name!r} kan een plan niet kennen")

    def _question(self, phase: Phase, question_id: str) -> tuple[Question, Part]:
        phase_set = self.guide.for_phase(phase)
        for stage, questions in phase_set.stages.items():
            for question in questions:
                if question.id == question_id:
                    return question, Part(stage.value)
        for question in self.guide.client_voice.questions:
            if question.id == question_id:
                return question, Part.CLIENTSTEM
        raise DemoContentError(
            f"{self.family.alias}: vraag {question_id!r} hoort niet bij fase {phase.label}"
        )

    def _worry_question(self, question_id: str) -> Question:
        questions = self.guide.worry.questions if self.guide.worry else ()
        for question in questions:
            if question.id == question_id:
                return question
        raise DemoContentError(f"{self.family.alias}: geen zorgvraag {question_id!r}")


def _perspective_of(score: SafetyScore, who: str) -> bool:
    """A score row belongs to a partner's organisation, an adult, or a child's perspective."""
    return (
        score.perspective == who
        or score.perspective.startswith(f"{who} (")
        or score.perspective.startswith(f"Perspectief van {who} (")
    )
