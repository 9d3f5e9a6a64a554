"""The guide's questions as the meeting uses them, independent of the file format."""

from __future__ import annotations

from dataclasses import dataclass, field

from leidraad.core.domain import WORRY_SEPARATOR, Phase, Stage


def _label(title: str, version: str, region: str) -> str:
    name = f"{title} (versie {version})"
    return f"{name}, {region}" if region else name


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    help: str = ""
    followups: tuple[str, ...] = ()
    safety_plan: bool = False  # the answer holds (part of) a veiligheidsplan


@dataclass(frozen=True)
class PhaseSet:
    """The BOB questions for one phase of chain care."""

    id: str
    phase: Phase
    title: str
    version: str
    based_on: str
    stages: dict[Stage, tuple[Question, ...]]
    region: str = ""
    source: str = ""

    @property
    def label(self) -> str:
        """How the set is named in the meeting and the minutes, regional variant included."""
        return _label(self.title, self.version, self.region)


@dataclass(frozen=True)
class ClientVoiceSet:
    id: str
    title: str
    version: str
    based_on: str
    scale_question: str
    higher_question: str
    questions: tuple[Question, ...]
    source: str = ""
    region: str = ""

    @property
    def label(self) -> str:
        return _label(self.title, self.version, self.region)


@dataclass(frozen=True)
class WorrySet:
    """Questions that make an alarming worry concrete instead of panicking."""

    id: str
    title: str
    version: str
    based_on: str
    questions: tuple[Question, ...]
    source: str = ""
    region: str = ""

    @property
    def label(self) -> str:
        return _label(self.title, self.version, self.region)


@dataclass(frozen=True)
class SetSummary:
    """One set that was read, where from, and whether the meeting uses it (for `list`)."""

    id: str
    kind: str
    slot: str
    title: str
    version: str
    region: str
    source: str
    builtin: bool
    used: bool
    note: str = ""
    questions: int = 0

    @property
    def label(self) -> str:
        return _label(self.title, self.version, self.region)


@dataclass
class Guide:
    """Everything loaded: one set per phase, the client's voice, the worry set.

    `problems` names every user file that was skipped and why; `sets` lists
    every set that was read, used or not, so a user can see what came from where.
    """

    phases: dict[Phase, PhaseSet]
    client_voice: ClientVoiceSet
    worry: WorrySet | None = None
    problems: list[str] = field(default_factory=list)
    sets: list[SetSummary] = field(default_factory=list)

    def for_phase(self, phase: Phase) -> PhaseSet:
        return self.phases[phase]

    def safety_plan_ids(self) -> frozenset[str]:
        """Ids of every question whose answer holds (part of) a veiligheidsplan.

        Worry answers made at such a question (`<id>~<worry id>`) count as well: see
        `holds_safety_plan`.
        """
        questions = [q for s in self.phases.values() for qs in s.stages.values() for q in qs]
        questions += list(self.client_voice.questions)
        questions += list(self.worry.questions) if self.worry else []
        return frozenset(q.id for q in questions if q.safety_plan)


def holds_safety_plan(question_id: str, safety_plan_ids: frozenset[str]) -> bool:
    """Whether an answer (or a worry made concrete at that question) is veiligheidsplan."""
    origin, _, asked = question_id.partition(WORRY_SEPARATOR)
    return origin in safety_plan_ids or asked in safety_plan_ids
