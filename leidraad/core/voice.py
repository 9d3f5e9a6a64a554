"""The client's voice around one meeting: preparation, the child's voice, time-outs, aftercare.

"Niet óver maar mét": each client is prepared for the meeting and says how
they want to be heard; each child's voice comes in through the casusregisseur
(or jeugd-GGZ), never by inviting the child; a time-out is a normal part of
the meeting; and afterwards someone tells every client and child the outcome.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from leidraad.core.domain import Action, Case, FamilyMember, MemberRole, Phase, Priority


class HearingMode(StrEnum):
    """How a client wants to be heard in the meeting."""

    AAN_TAFEL = "aan_tafel"
    CASUSREGISSEUR = "casusregisseur"
    ERVARINGSDESKUNDIGE = "ervaringsdeskundige"
    HUISBEZOEK = "huisbezoek"
    TELEFOON_NA = "telefoon_na"

    @property
    def label(self) -> str:
        return _HEARING_LABELS[self]

    @property
    def for_client(self) -> str:
        """The same choice said to the client, on their preparation sheet."""
        return _HEARING_FOR_CLIENT[self]

    @property
    def voiced_by_default(self) -> str:
        return _VOICED_BY_DEFAULT[self]


_HEARING_LABELS = {
    HearingMode.AAN_TAFEL: "zelf aan tafel",
    HearingMode.CASUSREGISSEUR: "via de casusregisseur",
    HearingMode.ERVARINGSDESKUNDIGE: "via een ervaringsdeskundige",
    HearingMode.HUISBEZOEK: "bij een gezamenlijk huisbezoek",
    HearingMode.TELEFOON_NA: "alleen een telefoongesprek na afloop",
}

_HEARING_FOR_CLIENT = {
    HearingMode.AAN_TAFEL: "Je komt zelf naar het overleg en zit aan tafel.",
    HearingMode.CASUSREGISSEUR: "Je komt niet zelf. De casusregisseur vertelt wat jij vindt.",
    HearingMode.ERVARINGSDESKUNDIGE: (
        "Je komt niet zelf. Een ervaringsdeskundige vertelt wat jij vindt."
    ),
    HearingMode.HUISBEZOEK: "We komen samen bij je thuis om met je te praten.",
    HearingMode.TELEFOON_NA: "Je komt niet. Na het overleg bellen we je op.",
}

_VOICED_BY_DEFAULT = {
    HearingMode.AAN_TAFEL: "",
    HearingMode.CASUSREGISSEUR: "casusregisseur",
    HearingMode.ERVARINGSDESKUNDIGE: "ervaringsdeskundige",
    HearingMode.HUISBEZOEK: "",
    HearingMode.TELEFOON_NA: "",
}


class InformHow(StrEnum):
    """How a client or child hears the outcome after the meeting."""

    TELEFONISCH = "telefonisch"
    HUISBEZOEK = "huisbezoek"
    GESPREK = "gesprek"
    BRIEF = "brief of e-mail"
    OP_SCHOOL = "op school"

    @property
    def label(self) -> str:
        return _INFORM_LABELS[self]


_INFORM_LABELS = {
    InformHow.TELEFONISCH: "telefonisch",
    InformHow.HUISBEZOEK: "bij een huisbezoek",
    InformHow.GESPREK: "in een gesprek op kantoor",
    InformHow.BRIEF: "per brief of e-mail",
    InformHow.OP_SCHOOL: "op school",
}


@dataclass
class ClientVoice:
    """What one family member brings to one meeting, and how they hear the outcome.

    Adults are prepared (how they want to be heard, where they sit, their
    time-out sign); for children the casusregisseur writes what they heard and
    jeugd-GGZ may voice the child's perspective. `professional_note` and the
    child's words are for professionals: they never reach a client's document.
    """

    member: str
    is_child: bool = False
    hearing: HearingMode = HearingMode.AAN_TAFEL
    voiced_by: str = ""
    seat: str = ""
    timeout_sign: str = ""
    topics: str = ""
    professional_note: str = ""
    heard: str = ""
    heard_where: str = ""
    heard_by: str = "casusregisseur"
    ggz_perspective: str = ""
    ggz_by: str = ""
    inform_by: str = ""
    inform_how: InformHow = InformHow.TELEFONISCH
    inform_due: date | None = None
    inform_action_id: int | None = None
    id: int | None = None
    member_key: str = field(default="", compare=False)  # whose voice: the member's key

    @property
    def voiced_label(self) -> str:
        """Who brings this voice in: the client themself, or who speaks for them."""
        if self.is_child:
            return self.heard_by or "casusregisseur"
        if self.hearing is HearingMode.AAN_TAFEL:
            return "zelf"
        return self.voiced_by or self.hearing.voiced_by_default or self.hearing.label

    def aftercare_action(self, phase: Phase) -> Action | None:
        """The action that makes sure this person hears the outcome, once someone is named."""
        if not self.inform_by.strip():
            return None
        return Action(
            f"{self.member}{_INFORMS} ({self.inform_how.label})",
            self.inform_by.strip(),
            self.inform_due,
            Priority.NU,
            phase,
            self.inform_action_id,
        )


_INFORMS = " informeren over de uitkomst"


def informed_member(case: Case, action: Action) -> FamilyMember | None:
    """Whom an aftercare action (`ClientVoice.aftercare_action`) informs, read from the text
    this module gives it: for actions seen without their meeting's voices (earlier meetings)."""
    for member in case.members:
        if action.description.startswith(f"{member.name}{_INFORMS} ("):
            return member
    return None


def voices_for(case: Case, existing: Iterable[ClientVoice] = ()) -> list[ClientVoice]:
    """One voice per family member, in the case's order; what was already recorded is kept."""
    stored = list(existing)
    by_key = {v.member_key: v for v in stored if v.member_key}
    by_name = {v.member: v for v in stored if not v.member_key}
    voices = []
    for m in case.members:
        found = by_key.pop(m.key, None) or by_name.pop(m.name, None)
        voices.append(_with_key(found, m) if found else _new_voice(m))
    # A member since removed from the case keeps what was recorded about them.
    return voices + list(by_key.values()) + list(by_name.values())


def _with_key(voice: ClientVoice, member: FamilyMember) -> ClientVoice:
    if voice.member_key == member.key:
        return voice
    voice.member_key = member.key  # a voice stored before keys existed learns whose it is
    return voice


def _new_voice(member: FamilyMember) -> ClientVoice:
    return ClientVoice(member.name, is_child=member.role is MemberRole.KIND, member_key=member.key)


def clients(voices: Sequence[ClientVoice]) -> list[ClientVoice]:
    return [v for v in voices if not v.is_child]


def children(voices: Sequence[ClientVoice]) -> list[ClientVoice]:
    return [v for v in voices if v.is_child]


# --- time-outs and the meeting clock ------------------------------------------


@dataclass
class TimeOut:
    started_at: datetime
    ended_at: datetime | None = None
    id: int | None = None

    def length(self, now: datetime) -> timedelta:
        # A running time-out is measured up to `now`; the minutes of an open meeting pass
        # its start as `now`, which can lie before the time-out began: count that as nothing.
        return max(timedelta(), (self.ended_at or now) - self.started_at)


def paused_time(timeouts: Iterable[TimeOut], now: datetime) -> timedelta:
    return sum((t.length(now) for t in timeouts), timedelta())


def meeting_time(
    started_at: datetime | None, timeouts: Iterable[TimeOut], now: datetime
) -> timedelta:
    """How long the meeting has run, without its time-outs."""
    if started_at is None:
        return timedelta()
    return max(timedelta(), now - started_at - paused_time(timeouts, now))


def format_duration(length: timedelta) -> str:
    """'0:07' for seven minutes, '1:32' for an hour and a half."""
    minutes = int(length.total_seconds()) // 60
    return f"{minutes // 60}:{minutes % 60:02d}"


def describe_timeouts(timeouts: Sequence[TimeOut], now: datetime) -> str:
    if not timeouts:
        return ""
    total = paused_time(timeouts, now)
    minutes = max(1, round(total.total_seconds() / 60))
    count = "1 time-out" if len(timeouts) == 1 else f"{len(timeouts)} time-outs"
    return f"{count}, samen {minutes} {'minuut' if minutes == 1 else 'minuten'}"
