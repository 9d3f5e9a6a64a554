"""The versions of a meeting's minutes, each for one reader, and what that reader may see.

Every renderer receives a meeting that has already been filtered here, so a
restricted item cannot reach a document by a forgotten check in a renderer.
Where each item came from (whose words, whose score, veiligheidsplan or not)
is worked out here too, once, and handed to `may_read`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from enum import StrEnum

from leidraad.core.audience import (
    ALL_PARTNERS,
    CLIENT,
    NO_ORIGIN,
    Origin,
    Reader,
    ReaderKind,
    Restriction,
    RestrictionKind,
    may_read,
)
from leidraad.core.domain import Action, Answer, Case, FamilyMember, Participant, SafetyScore
from leidraad.core.followup import CaseHistory, MeetingFollowUp
from leidraad.core.guide import holds_safety_plan
from leidraad.core.meeting import Meeting
from leidraad.core.names import name_key
from leidraad.core.people import (
    UnknownPerson,
    client_reader,
    household,
    names_by_key,
    partner_reader,
    readers_of,
    table_reader,
)
from leidraad.core.trend import ScoreSheet, perspective_key
from leidraad.core.voice import ClientVoice, HearingMode, informed_member


class Variant(StrEnum):
    VOLLEDIG = "volledig"
    CLIENT = "client"
    ACTIES = "acties"
    PARTNER = "partner"
    VOORBEREIDING = "voorbereiding"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def description(self) -> str:
        return _DESCRIPTIONS[self]

    @property
    def for_one_client(self) -> bool:
        """Made for one named client (`DocumentRequest.client`)."""
        return self in (Variant.CLIENT, Variant.VOORBEREIDING)


_LABELS = {
    Variant.VOLLEDIG: "volledig verslag",
    Variant.CLIENT: "verslag voor één cliënt",
    Variant.ACTIES: "actielijst",
    Variant.PARTNER: "versie voor één partner",
    Variant.VOORBEREIDING: "voorbereiding voor een cliënt",
}

_DESCRIPTIONS = {
    Variant.VOLLEDIG: "Alles voor de partners aan tafel, zonder wat voor één partner bedoeld is.",
    Variant.CLIENT: (
        "In gewone taal, voor één cliënt: wat is besloten en wat die persoon zelf kan doen. "
        "Zonder wat die persoon niet mag weten."
    ),
    Variant.ACTIES: "Alleen de acties met wie, wanneer en prioriteit: om rond te sturen.",
    Variant.PARTNER: (
        "Het volledige verslag plus wat alleen voor deze partner bedoeld is, zonder wat niet "
        "mag naar de cliënten met wie deze partner werkt."
    ),
    Variant.VOORBEREIDING: "Het blad dat de casusregisseur vooraf met de cliënt doorneemt.",
}


class UnknownPartner(ValueError):
    """A partner version was asked for without a partner name."""


class UnknownClient(ValueError):
    """A client's version was asked for without a client, or for someone who is not one."""


def reader_for(
    variant: Variant, partner: str = "", *, case: Case | None = None, client: str = ""
) -> Reader:
    """The reader of one version. With `case`, a named person who knows the family.

    Without a case (only to check the arguments) a client version has a client
    nobody in particular, who may read nothing personal.
    """
    if variant is Variant.PARTNER:
        name = " ".join(partner.split())
        if not name:
            raise UnknownPartner("Noem de partner voor wie deze versie is (--partner).")
        return partner_reader(case, name) if case else Reader(ReaderKind.PARTNER, name, name=name)
    if variant.for_one_client:
        if case is None:
            return CLIENT
        if not client.strip():
            choices = ", ".join(m.name for m in case.adults) or "geen"
            raise UnknownClient(f"Kies voor wie deze versie is (--client): {choices}.")
        try:
            return client_reader(case, client)
        except UnknownPerson as error:
            raise UnknownClient(str(error)) from None
    return table_reader(case) if case else ALL_PARTNERS


def for_case(reader: Reader, case: Case) -> Reader:
    """The same reader, knowing this family: positions, and a partner's linked clients."""
    if reader.kind is ReaderKind.PARTNER and not reader.partner_key:
        return partner_reader(case, reader.partner)
    if reader.kind is ReaderKind.CLIENT and reader.member and case.member(reader.member):
        return client_reader(case, reader.member)
    return replace(reader, household=household(case))


# --- whose is what ---------------------------------------------------------------------


def score_owner(case: Case, score: SafetyScore) -> str:
    """The member key of a score's perspective; found by name for scores stored without it."""
    if score.member_key:
        return score.member_key
    wanted = perspective_key(score.perspective)
    for m in case.members:
        forms = (m.name, f"{m.name} ({m.description})", f"Perspectief van {m.name}")
        if wanted in {perspective_key(f) for f in forms}:
            return m.key
    return ""


def voice_owner(case: Case, voice: ClientVoice) -> str:
    if voice.member_key:
        return voice.member_key
    return next((m.key for m in case.members if m.name == voice.member), "")


def with_owners(case: Case, meeting: Meeting) -> Meeting:
    """A copy with every score and voice knowing whose it is (older data lacks the key)."""
    return replace(
        meeting,
        scores=[replace(s, member_key=score_owner(case, s)) for s in meeting.scores],
        voices=[replace(v, member_key=voice_owner(case, v)) for v in meeting.voices],
    )


def answer_origin(answer: Answer, safety_plan_ids: frozenset[str]) -> Origin:
    return Origin(
        speaker=answer.speaker,
        client_words=answer.client_words,
        safety_plan=holds_safety_plan(answer.question_id, safety_plan_ids),
    )


def score_origin(score: SafetyScore) -> Origin:
    return Origin(speaker=score.member_key)


def voice_origins(voice: ClientVoice) -> tuple[Origin, Origin]:
    """(what the person said or chose, what was heard from a child)."""
    if voice.is_child and not voice.member_key:
        # A child's words whose child is unknown: only professionals may read them.
        unknown = Origin(professional=True)
        return unknown, unknown
    said = Origin(speaker=voice.member_key, client_words=True)
    return said, said


PROFESSIONAL_NOTE = Origin(professional=True)


def participant_member(case: Case, participant: Participant) -> FamilyMember | None:
    """The family member a participant is, by key, or by name for older meetings."""
    found = case.member(participant.key)
    if found is not None or case.partner(participant.key) is not None:
        return found
    return next((m for m in case.members if m.name == participant.name), None)


def presence_origin(case: Case | None, participant: Participant) -> Origin:
    """A family member at the table says where and when that person will be: an item
    from that person. Partners at the table are no one's item."""
    member = participant_member(case, participant) if case else None
    return Origin(speaker=member.key) if member else NO_ORIGIN


def action_origin(case: Case | None, action: Action, voices: Sequence[ClientVoice] = ()) -> Origin:
    """An action is an item from a person: the family member who does it (so they can
    always read it), else whom it informs of the outcome (where and how they hear it)."""
    if case is not None and action.owner.strip():
        wanted = name_key(action.owner)
        owner = case.member(action.owner.strip()) or next(
            (m for m in case.members if name_key(m.name) == wanted), None
        )
        if owner is not None:
            return Origin(speaker=owner.key)
    wanted_id = action.id
    voice = next(
        (v for v in voices if wanted_id is not None and v.inform_action_id == wanted_id), None
    )
    if voice is not None and voice.member_key:
        return Origin(speaker=voice.member_key)
    informed = informed_member(case, action) if case is not None else None
    return Origin(speaker=informed.key) if informed else NO_ORIGIN


def aftercare_marking(
    voice: ClientVoice, actions: Sequence[Action], case: Case | None = None
) -> tuple[Restriction, Origin]:
    """The marking and origin of a voice's aftercare line: those of its inform action, so
    who may not read that action does not read how, where or when the person is told."""
    wanted = voice.inform_action_id
    action = next((a for a in actions if wanted is not None and a.id == wanted), None)
    if voice.is_child and not voice.member_key:  # whose child is not known
        return (action.restriction if action else Restriction()), PROFESSIONAL_NOTE
    if action is None:
        return Restriction(), Origin(speaker=voice.member_key)
    return action.restriction, action_origin(case, action, [voice])


def _visible_voice(
    voice: ClientVoice, reader: Reader, actions: Sequence[Action], case: Case | None
) -> ClientVoice:
    everyone = Restriction()
    own, heard = voice_origins(voice)
    if not may_read(reader, everyone, own):
        # How they are heard is their choice too: it says whether they will be there.
        voice = replace(
            voice, hearing=HearingMode.AAN_TAFEL, voiced_by="", seat="", timeout_sign="", topics=""
        )
    if not may_read(reader, everyone, heard):
        voice = replace(voice, heard="", heard_where="", ggz_perspective="")
    if not may_read(reader, everyone, PROFESSIONAL_NOTE):
        voice = replace(voice, professional_note="")
    told = aftercare_marking(voice, actions, case)
    if voice.inform_by.strip() and not may_read(reader, *told):
        voice = replace(voice, inform_by="", inform_due=None)
    return voice


def visible_meeting(
    meeting: Meeting,
    reader: Reader,
    safety_plan_ids: frozenset[str] = frozenset(),
    case: Case | None = None,
) -> Meeting:
    """A copy of the meeting holding only what this reader may read.

    Pass the `case` so older scores and voices learn whose they are, the reader
    knows the family and family members at the table are recognised; pass the
    guide's `safety_plan_ids` so the veiligheidsplan is recognised.
    """
    if case is not None:
        meeting = with_owners(case, meeting)
        reader = for_case(reader, case)
    voices = meeting.voices
    return replace(
        meeting,
        participants=[
            p
            for p in meeting.participants
            if may_read(reader, p.restriction, presence_origin(case, p))
        ],
        answers={
            k: a
            for k, a in meeting.answers.items()
            if may_read(reader, a.restriction, answer_origin(a, safety_plan_ids))
        },
        scores=[s for s in meeting.scores if may_read(reader, s.restriction, score_origin(s))],
        actions=[
            a
            for a in meeting.actions
            if may_read(reader, a.restriction, action_origin(case, a, voices))
        ],
        voices=[_visible_voice(v, reader, meeting.actions, case) for v in voices],
    )


def _visible_sheets(
    sheets: list[ScoreSheet], reader: Reader, case: Case | None
) -> list[ScoreSheet]:
    def readable(score: SafetyScore) -> bool:
        owner = score_owner(case, score) if case else score.member_key
        return may_read(reader, score.restriction, Origin(speaker=owner))

    return [replace(sheet, scores=tuple(filter(readable, sheet.scores))) for sheet in sheets]


def visible_followup(
    followup: MeetingFollowUp, reader: Reader, case: Case | None = None
) -> MeetingFollowUp:
    """The course of the case as this reader may see it: marked actions and scores left out."""
    if case is not None:
        reader = for_case(reader, case)
    return replace(
        followup,
        review=[
            i
            for i in followup.review
            if may_read(reader, i.action.restriction, action_origin(case, i.action))
        ],
        sheets=_visible_sheets(followup.sheets, reader, case),
    )


def visible_history(history: CaseHistory, reader: Reader) -> CaseHistory:
    """The whole course of a case as this reader may see it."""
    reader = for_case(reader, history.case)
    return replace(
        history,
        actions=[
            r
            for r in history.actions
            if may_read(reader, r.action.restriction, action_origin(history.case, r.action))
        ],
        sheets=_visible_sheets(history.sheets, reader, history.case),
    )


# --- what a professional version says about who may not read an item ----------------


class Marks:
    """Writes, in a version for professionals, which people an item may not reach.

    The explicit marking in words ("alleen professionals", "niet voor vader"), and
    for everything else who the defaults keep it from ("niet naar vader,
    Reclassering"), so nobody at the table passes it on to them by mistake.
    """

    def __init__(
        self,
        case: Case | None,
        safety_plan_ids: frozenset[str] = frozenset(),
        voices: Sequence[ClientVoice] = (),
    ) -> None:
        self.case = case
        self.voices = list(voices)
        self.names = names_by_key(case) if case else {}
        self.readers = readers_of(case) if case else []
        self.safety_plan_ids = safety_plan_ids

    def label(self, restriction: Restriction, origin: Origin = NO_ORIGIN) -> str:
        said = restriction.describe(self.names) if restriction.is_restricted else ""
        if restriction.kind is not RestrictionKind.IEDEREEN:
            kept = [r for r in self.readers if r.kind is not ReaderKind.CLIENT]
        else:
            kept = list(self.readers)
        named = restriction.not_for
        extra = [
            r.label for r in kept if not may_read(r, restriction, origin) and not (r.keys & named)
        ]
        if restriction.kind is RestrictionKind.PARTNER:
            extra = []
        parts = [p for p in (said, "niet naar " + ", ".join(extra) if extra else "") if p]
        return "; ".join(parts)

    def answer(self, answer: Answer) -> str:
        return self.label(answer.restriction, answer_origin(answer, self.safety_plan_ids))

    def score(self, score: SafetyScore) -> str:
        return self.label(score.restriction, score_origin(score))

    def action(self, action: Action) -> str:
        return self.label(action.restriction, action_origin(self.case, action, self.voices))

    def presence(self, participant: Participant) -> str:
        return self.label(participant.restriction, presence_origin(self.case, participant))

    def aftercare(self, voice: ClientVoice, actions: Sequence[Action]) -> str:
        return self.label(*aftercare_marking(voice, actions, self.case))
