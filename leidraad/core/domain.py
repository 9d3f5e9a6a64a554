"""The case conference as plain data: cases, meetings and what is said in them.

No UI and no database here, so the rules can be tested and reused by the
screens, the storage layer and the exports alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from uuid import uuid4

from leidraad.core.audience import Restriction
from leidraad.core.names import name_key
from leidraad.core.positions import Position

__all__ = ["Position", "name_key"]  # re-exported: used wherever people are


class Phase(StrEnum):
    """The phase of chain care a family is in (gefaseerde ketenzorg)."""

    DIRECTE_VEILIGHEID = "directe_veiligheid"
    STABIELE_VEILIGHEID = "stabiele_veiligheid"
    HERSTEL = "herstel"

    @property
    def label(self) -> str:
        return _PHASE_LABELS[self]

    @property
    def number(self) -> int:
        return list(Phase).index(self) + 1

    @property
    def short(self) -> str:
        """For narrow table columns: '1 direct', '2 stabiel', '3 herstel'."""
        return f"{self.number} {self.value.split('_')[0].removesuffix('e')}"


_PHASE_LABELS = {
    Phase.DIRECTE_VEILIGHEID: "Directe veiligheid",
    Phase.STABIELE_VEILIGHEID: "Stabiele veiligheid",
    Phase.HERSTEL: "Herstel",
}


class Stage(StrEnum):
    """The BOB order every conversation step follows."""

    BEELDVORMING = "beeldvorming"
    OORDEELSVORMING = "oordeelsvorming"
    BESLUITVORMING = "besluitvorming"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class MemberRole(StrEnum):
    OUDER = "ouder"
    KIND = "kind"
    PARTNER = "partner"
    OVERIG = "overig"

    @property
    def label(self) -> str:
        return {"partner": "(ex-)partner"}.get(self.value, self.value)


class Attendance(StrEnum):
    AANWEZIG = "aanwezig"
    AFWEZIG = "afwezig"
    TELEFONISCH = "telefonisch"

    def next(self) -> Attendance:
        """The next state when the procesregisseur toggles attendance."""
        members = list(Attendance)
        return members[(members.index(self) + 1) % len(members)]


class Priority(StrEnum):
    NU = "nu"
    LATER = "later"


class MeetingStatus(StrEnum):
    OPEN = "open"
    AFGESLOTEN = "afgesloten"


class InvalidInput(ValueError):
    """Input a user typed that cannot be accepted; the message is Dutch and shown as is."""


# --- people -----------------------------------------------------------------


def new_key() -> str:
    """A stable identity for a person, kept for life: names change, are mistyped, repeat."""
    return uuid4().hex


@dataclass
class FamilyMember:
    """One person in the family.

    `position` says who needs protection from whom; `position_history` keeps each
    change with its date (see people.change_position). `note` is for professionals
    only and never reaches a client's document, so the name stays just a name.
    """

    name: str
    role: MemberRole
    age: int | None = None
    id: int | None = None
    key: str = field(default_factory=new_key, compare=False)
    position: Position = Position.ONBEKEND
    position_history: list[tuple[date, Position]] = field(default_factory=list)
    note: str = ""

    @property
    def is_child(self) -> bool:
        return self.role is MemberRole.KIND

    @property
    def description(self) -> str:
        if self.role is MemberRole.KIND and self.age is not None:
            return f"kind, {self.age} jaar"
        if self.role is MemberRole.PARTNER:
            return "partner of ex-partner"  # reads better than '(ex-)partner' inside brackets
        return self.role.label


@dataclass
class Partner:
    """A partner organisation in the chain and the person who speaks for it."""

    organisation: str
    contact: str = ""
    id: int | None = None
    key: str = field(default_factory=new_key, compare=False)
    linked_to: tuple[str, ...] = ()  # member keys of the clients this partner works with

    @property
    def description(self) -> str:
        return f"{self.organisation} ({self.contact})" if self.contact else self.organisation


@dataclass
class Case:
    alias: str
    phase: Phase = Phase.DIRECTE_VEILIGHEID
    regie: str = ""
    members: list[FamilyMember] = field(default_factory=list)
    partners: list[Partner] = field(default_factory=list)
    id: int | None = None

    @property
    def children(self) -> list[FamilyMember]:
        return [m for m in self.members if m.role is MemberRole.KIND]

    @property
    def adults(self) -> list[FamilyMember]:
        return [m for m in self.members if m.role is not MemberRole.KIND]

    def member(self, key: str) -> FamilyMember | None:
        """The family member with this key; people are found by key, never by name text."""
        return next((m for m in self.members if key and m.key == key), None)

    def partner(self, key: str) -> Partner | None:
        return next((p for p in self.partners if key and p.key == key), None)


@dataclass
class CaseSummary:
    """One row of the case list: enough to choose, nothing more."""

    id: int
    alias: str
    phase: Phase
    last_meeting: date | None
    open_actions: int
    closed: bool = False
    overdue: int = 0  # open actions past their date
    fell_back: bool = False  # back in directe veiligheid after a later phase


# --- the meeting ------------------------------------------------------------


@dataclass
class Participant:
    """Someone at the table; `key` is the member's or partner's key when known.

    A family member's presence says where and when that person will be: it is an
    item from that person (exports.variants.presence_origin), marked by `restriction`.
    """

    name: str
    role: str
    attendance: Attendance = Attendance.AANWEZIG
    id: int | None = None
    key: str = field(default="", compare=False)
    restriction: Restriction = field(default_factory=Restriction, compare=False)


@dataclass
class Answer:
    """A free-text answer, with the question text as it was asked at the time."""

    question_id: str
    question_text: str
    part: str
    text: str = ""
    client_words: bool = False
    restriction: Restriction = field(default_factory=Restriction)
    speaker: str = ""  # member key: whose own words these are (with client_words)


@dataclass
class SafetyScore:
    """One perspective's safety score and what would make it one point higher."""

    perspective: str
    voiced_by: str = ""
    score: int | None = None
    higher: str = ""
    id: int | None = None
    restriction: Restriction = field(default_factory=Restriction)
    member_key: str = field(default="", compare=False)  # whose perspective (member key)


@dataclass
class Action:
    description: str
    owner: str
    due: date | None = None
    priority: Priority = Priority.NU
    phase: Phase = Phase.DIRECTE_VEILIGHEID
    id: int | None = None
    restriction: Restriction = field(default_factory=Restriction)


# Answers that are not questions of the guide but are typed and saved the same way.
PURPOSE_ID = "opening-doel"
SUMMARY_ID = "afsluiting-samenvatting"
AFTERCARE_ID = "afsluiting-nazorg"

SCORE_MIN, SCORE_MAX = 0, 10


def parse_score(text: str) -> int | None:
    """Read a safety score; empty means not given yet."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if not cleaned.isdigit():
        raise InvalidInput(f"'{cleaned}' is geen cijfer. Typ een heel getal van 0 tot en met 10.")
    value = int(cleaned)
    if not SCORE_MIN <= value <= SCORE_MAX:
        raise InvalidInput(f"{value} kan niet: een cijfer is van 0 tot en met 10.")
    return value


DATE_FORMAT_HINT = "dd-mm-jjjj, bijvoorbeeld 15-01-2027"


def parse_date(text: str) -> date | None:
    """Read a date the way Dutch users type it (15-1-2027, 15/01/2027) or ISO; empty is none."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    parts = cleaned.replace("/", "-").replace(".", "-").split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[2]) == 4:
        day, month, year = (int(p) for p in parts)
        try:
            return date(year, month, day)
        except ValueError:
            raise InvalidInput(f"'{cleaned}' bestaat niet als datum.") from None
    raise InvalidInput(f"'{cleaned}' is geen datum. Schrijf het zo: {DATE_FORMAT_HINT}.")


def format_date(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


def format_count(value: int) -> str:
    """Thousands with a dot, as Dutch readers expect: 10.000."""
    return f"{value:,}".replace(",", ".")


def parse_age(text: str) -> int | None:
    cleaned = text.strip()
    if not cleaned:
        return None
    if not cleaned.isdigit() or int(cleaned) > 120:
        raise InvalidInput(f"'{cleaned}' is geen leeftijd. Typ de leeftijd in jaren, zoals 7.")
    return int(cleaned)


def check_alias(text: str) -> str:
    alias = " ".join(text.split())
    if not alias:
        raise InvalidInput(
            "Geef de casus een naam, bijvoorbeeld 'Gezin J.'. Een schuilnaam is genoeg."
        )
    if len(alias) > 80:
        raise InvalidInput("De naam van de casus is te lang: houd het onder de 80 tekens.")
    return alias


def participants_for(case: Case, invited: Sequence[str] = ()) -> list[Participant]:
    """Who is expected at the table: each partner, and the clients invited by key.

    Nobody of the family sits at the table unless invited, and children never
    are (unknown keys and children in `invited` are left out); their voice comes
    in through the casusregisseur.
    """
    wanted = set(invited)
    people = [Participant(m.name, m.description, key=m.key) for m in case.adults if m.key in wanted]
    people += [
        Participant(p.contact or p.organisation, p.organisation, key=p.key) for p in case.partners
    ]
    return people


def perspectives_for(case: Case) -> list[SafetyScore]:
    """The safety scores asked for at the start: every adult, every partner, every child."""
    scores = [SafetyScore(f"{m.name} ({m.description})", member_key=m.key) for m in case.adults]
    scores += [SafetyScore(p.organisation, voiced_by=p.contact) for p in case.partners]
    scores += [
        SafetyScore(
            f"Perspectief van {m.name} ({m.description})",
            voiced_by="casusregisseur",
            member_key=m.key,
        )
        for m in case.children
    ]
    return scores


# Partners that usually sit at the table; offered as suggestions, never required.
KNOWN_PARTNERS = (
    "Veilig Thuis",
    "Politie",
    "Openbaar Ministerie",
    "Raad voor de Kinderbescherming",
    "Reclassering",
    "Jeugdbescherming",
    "GGZ",
    "Jeugd-GGZ",
    "Specialistische hulp huiselijk geweld",
    "Wijkteam",
    "Gemeente",
    "Slachtofferhulp",
    "School",
    "Ervaringsdeskundige",
)


WORRY_SEPARATOR = "~"


def worry_answer_id(origin_id: str, worry_question_id: str) -> str:
    """Answers to 'make the worry concrete' stay tied to the question where the alarm was raised."""
    return f"{origin_id}{WORRY_SEPARATOR}{worry_question_id}"


def is_worry_answer(question_id: str) -> bool:
    return WORRY_SEPARATOR in question_id
