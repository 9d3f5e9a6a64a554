"""Safety per person: no document made for someone holds what that person may not know.

Families, positions, markings, releases and items are generated; every item text
is a unique token. For each adult X, X's own version, X's preparation sheet and
the version of every partner that works with X are made, in markdown and HTML,
with their titles and file names, and searched for tokens. Which tokens are
forbidden is decided here from the rules as written, not by calling may_read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exports.documents import (
    DocumentRequest,
    Format,
    document_filename,
    document_title,
    render_document,
)
from exports.variants import Variant
from leidraad.core.audience import Restriction, RestrictionKind
from leidraad.core.domain import (
    AFTERCARE_ID,
    PURPOSE_ID,
    SUMMARY_ID,
    Action,
    Answer,
    Case,
    FamilyMember,
    MemberRole,
    Participant,
    Partner,
    Phase,
    SafetyScore,
    participants_for,
)
from leidraad.core.guide import Guide
from leidraad.core.meeting import Meeting
from leidraad.core.positions import Position
from leidraad.core.voice import ClientVoice
from tests.conftest import small_guide

TOKEN = re.compile(r"TK\d{3}Q")
QUESTIONS = ["di-be-1", "di-be-2", "di-oo-1", "di-oo-2", "di-be-1~zc-basis", "cs-1"]
FIXED = [PURPOSE_ID, SUMMARY_ID, AFTERCARE_ID]
PARTNER_NAMES = ["Veilig Thuis", "Reclassering", "Slachtofferhulp"]


@dataclass
class Item:
    """One token and what the rules need to know about it."""

    token: str
    restriction: Restriction = field(default_factory=Restriction)
    speaker: str = ""
    client_words: bool = False
    safety_plan: bool = False
    professional: bool = False
    shown_to_client: bool = False  # the client's version shows this kind of item
    shown_in_preparation: str = ""  # member key whose preparation sheet shows it
    shown_to_partner: bool = False


@dataclass
class World:
    case: Case
    meeting: Meeting
    guide: Guide
    items: list[Item]


class Tokens:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> str:
        self.n += 1
        return f"TK{self.n:03d}Q"


@st.composite
def worlds(draw: st.DrawFn) -> World:
    new = Tokens()
    adults = [
        FamilyMember(
            name,
            draw(st.sampled_from([MemberRole.OUDER, MemberRole.PARTNER, MemberRole.OVERIG])),
            key=f"lid{i}",
            position=draw(st.sampled_from([p for p in Position if p is not Position.KIND])),
            note=new(),
        )
        for i, name in enumerate(["Ava", "Bas", "Cor"][: draw(st.integers(2, 3))])
    ]
    children = [
        FamilyMember(
            name,
            MemberRole.KIND,
            5 + i,
            key=f"kind{i}",
            position=draw(st.sampled_from([Position.KIND, Position.ONBEKEND])),
            note=new(),
        )
        for i, name in enumerate(["Dex", "Eva"][: draw(st.integers(0, 2))])
    ]
    members = adults + children
    adult_keys = [m.key for m in adults]
    partners = [
        Partner(
            name,
            f"contact {i}",
            key=f"ptn{i}",
            linked_to=tuple(draw(st.lists(st.sampled_from(adult_keys), unique=True, max_size=2))),
        )
        for i, name in enumerate(PARTNER_NAMES[: draw(st.integers(1, 3))])
    ]
    case = Case("Gezin T.", members=members, partners=partners)
    everyone = [m.key for m in members] + [p.key for p in partners]

    def restriction() -> Restriction:
        kind = draw(st.sampled_from(list(RestrictionKind)))
        if kind is RestrictionKind.PARTNER:
            base = Restriction.only_for(draw(st.sampled_from([p.organisation for p in partners])))
        else:
            base = Restriction(kind)
        not_for = draw(st.lists(st.sampled_from(everyone), max_size=2))
        shared = draw(st.lists(st.sampled_from(everyone), max_size=2))
        return base.not_for_people(*not_for).shared_with_people(*shared)

    safety_plan = set(draw(st.lists(st.sampled_from(QUESTIONS[:4]), max_size=2)))
    items: list[Item] = []
    answers: dict[str, Answer] = {}
    for qid in QUESTIONS + FIXED:
        if not draw(st.booleans()):
            continue
        own = draw(st.booleans())
        speaker = draw(st.sampled_from(["", *[m.key for m in members]])) if own else ""
        item = Item(new(), restriction(), speaker, own, qid.split("~")[0] in safety_plan)
        item.shown_to_client = qid in FIXED or (own and bool(speaker))
        item.shown_to_partner = "~" not in qid
        items.append(item)
        part = {"cs-1": "clientstem"}.get(qid, "beeldvorming")
        answers[qid] = Answer(
            qid, "Vraag?", part, item.token, own, item.restriction, speaker=speaker
        )
    scores = []
    for m in [*members, None, None]:
        if not draw(st.booleans()):
            continue
        item = Item(new(), restriction(), m.key if m else "", shown_to_client=True)
        item.shown_to_partner = True
        items.append(item)
        keyed = m is not None and draw(st.booleans())
        perspective = f"{m.name} ({m.description})" if m else "Politie"
        scores.append(
            SafetyScore(
                perspective,
                score=5,
                higher=item.token,
                restriction=item.restriction,
                member_key=m.key if keyed and m else "",
            )
        )
    actions = []
    for i in range(draw(st.integers(0, 3))):
        # An action a family member does is an item from that person.
        owner = draw(st.sampled_from(adults + PARTNER_NAMES))
        speaker = owner.key if isinstance(owner, FamilyMember) else ""
        item = Item(new(), restriction(), speaker, shown_to_client=True, shown_to_partner=True)
        items.append(item)
        name = owner.name if isinstance(owner, FamilyMember) else owner
        actions.append(Action(item.token, name, id=100 + i, restriction=item.restriction))
    voices = []
    for i, m in enumerate(members):
        voice = ClientVoice(m.name, is_child=m.is_child, member_key=m.key)
        if draw(
            st.booleans()
        ):  # how this person hears the outcome: from them, marked as its action
            informs = Item(new(), restriction(), m.key, shown_to_client=True, shown_to_partner=True)
            told = Item(new(), informs.restriction, m.key, client_words=True)
            told.shown_to_client = told.shown_to_partner = True
            told.shown_in_preparation = "" if m.is_child else m.key
            items += [informs, told]
            actions.append(
                Action(informs.token, "Veilig Thuis", id=200 + i, restriction=informs.restriction)
            )
            voice.inform_by, voice.inform_action_id = told.token, 200 + i
        note = Item(new(), professional=True)
        items.append(note)
        voice.professional_note = note.token
        if m.is_child:
            heard, ggz = Item(new(), speaker=m.key), Item(new(), speaker=m.key)
            heard.client_words = ggz.client_words = True
            heard.shown_to_partner = ggz.shown_to_partner = True
            voice.heard, voice.ggz_perspective = heard.token, ggz.token
            items += [heard, ggz]
        else:
            for attribute in ("topics", "seat", "timeout_sign"):
                said = Item(new(), speaker=m.key, client_words=True, shown_in_preparation=m.key)
                setattr(voice, attribute, said.token)
                items.append(said)
        voices.append(voice)
    items += [Item(m.note, professional=True) for m in members]
    invited = draw(st.lists(st.sampled_from(adult_keys), unique=True))
    participants = participants_for(case, invited)
    for p in participants:  # a family member's presence is an item from that person
        if case.member(p.key) is not None:
            p.restriction = restriction()
    meeting = Meeting(
        case_id=1,
        number=2,
        held_on=date(2026, 11, 20),
        phase=Phase.DIRECTE_VEILIGHEID,
        participants=participants,
        answers=answers,
        scores=scores,
        actions=actions,
        voices=voices,
        invited=invited,
    )
    return World(case, meeting, guide_marking(safety_plan), items)


def guide_marking(ids: set[str]) -> Guide:
    guide = small_guide()
    phases = {
        phase: replace(
            s,
            stages={
                stage: tuple(replace(q, safety_plan=q.id in ids) for q in qs)
                for stage, qs in s.stages.items()
            },
        )
        for phase, s in guide.phases.items()
    }
    return replace(guide, phases=phases)


# --- the rules as written --------------------------------------------------------------


def forbidden_for_client(case: Case, item: Item, x: str) -> bool:
    r = item.restriction
    if item.professional or r.kind is not RestrictionKind.IEDEREEN or x in r.not_for:
        return True
    if item.speaker == x or x in r.shared_with:
        return False
    speaker = case.member(item.speaker)
    if speaker is not None and speaker.is_child:
        return True
    return _kept_from_pleger(case, item, x)


def _kept_from_pleger(case: Case, item: Item, x: str) -> bool:
    me = case.member(x)
    assert me is not None
    if not me.position.uses_violence:
        return False
    speaker = case.member(item.speaker)
    if item.safety_plan:
        return True
    if speaker is not None:
        return speaker.key != x and (speaker.is_child or speaker.position.is_protected)
    others = [m for m in case.members if m.key != x and (m.is_child or m.position.is_protected)]
    return item.client_words and bool(others)


def forbidden_for_linked_partner(case: Case, item: Item, x: str, partner: Partner) -> bool:
    r = item.restriction
    if r.kind is RestrictionKind.PARTNER:
        return r.partner != partner.organisation
    if x in r.not_for or partner.key in r.not_for:
        return True
    released = x in r.shared_with or partner.key in r.shared_with
    return not released and _kept_from_pleger(case, item, x)


def presence_item(case: Case, p: Participant) -> Item:
    return Item("", p.restriction, p.key)


def seated(text: str, heading: str, name: str) -> bool:
    """Whether `name` is listed in the section under `heading` (who is at the table)."""
    if heading not in text:
        return False
    section = text.split(heading, 1)[1].split("\n## ", 1)[0]
    listed = [line for line in section.splitlines() if line.startswith("- ")]
    # In a table only the name, not the marking after it: it may name who may not read it.
    table = [line.split("|")[1] for line in section.splitlines() if line.startswith("| ")]
    listed += [cell.split(" (", 1)[0] for cell in table]
    return any(re.search(rf"\b{name}\b", line) for line in listed)


def documents(world: World, request: DocumentRequest) -> str:
    texts = [
        render_document(world.case, world.meeting, world.guide, replace(request, format=f), None)
        for f in Format
    ]
    texts += [
        document_filename(world.case, world.meeting, request),
        document_title(world.case, world.meeting, request),
    ]
    return "\n".join(texts)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(world=worlds())
def test_no_document_for_a_person_holds_what_they_may_not_know(world: World) -> None:
    case = world.case
    for adult in case.adults:
        x = adult.key
        mine = documents(world, DocumentRequest(Variant.CLIENT, client=x))
        found = set(TOKEN.findall(mine))
        for item in world.items:
            if forbidden_for_client(case, item, x):
                assert item.token not in found, ("client", adult.name, item)
            elif item.shown_to_client and (item.speaker == x or not item.client_words):
                assert item.token in found, ("client misses", adult.name, item)
        family = [(p, case.member(p.key)) for p in world.meeting.participants]
        for p, m in family:
            if m is None or m.key == x:
                continue
            hidden = forbidden_for_client(case, presence_item(case, p), x)
            assert seated(mine, "## Wie er waren", m.name) is not hidden, ("aanwezig", adult, m)
        sheet = documents(world, DocumentRequest(Variant.VOORBEREIDING, client=adult.name))
        for p, m in family:
            if m is None or m.key == x:
                continue
            hidden = forbidden_for_client(case, presence_item(case, p), x)
            listed = seated(sheet, "## Wie er aan tafel zitten", m.name)
            assert listed is not hidden, ("aan tafel", adult.name, m.name)
        found = set(TOKEN.findall(sheet))
        for item in world.items:
            if forbidden_for_client(case, item, x):
                assert item.token not in found, ("voorbereiding", adult.name, item)
            elif item.shown_in_preparation == x:
                assert item.token in found, ("voorbereiding misses", adult.name, item)
            elif item.shown_in_preparation:  # another client's own preparation
                assert item.token not in found, ("voorbereiding of another", adult.name, item)
        for partner in (p for p in case.partners if x in p.linked_to):
            text = documents(world, DocumentRequest(Variant.PARTNER, partner.organisation))
            found = set(TOKEN.findall(text))
            for item in world.items:
                if forbidden_for_linked_partner(case, item, x, partner):
                    assert item.token not in found, ("partner", partner.organisation, item)
            for p, m in family:
                if m is not None and forbidden_for_linked_partner(
                    case, presence_item(case, p), x, partner
                ):
                    assert not seated(text, "## Aanwezigen", m.name), (partner, m.name)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(world=worlds())
def test_every_partner_version_holds_what_that_partner_may_read(world: World) -> None:
    from leidraad.core.audience import Origin, may_read
    from leidraad.core.people import partner_reader

    for partner in world.case.partners:
        reader = partner_reader(world.case, partner.key)
        text = documents(world, DocumentRequest(Variant.PARTNER, partner.organisation))
        found = set(TOKEN.findall(text))
        for item in world.items:
            origin = Origin(item.speaker, item.client_words, item.safety_plan, item.professional)
            readable = may_read(reader, item.restriction, origin)
            if not readable:
                assert item.token not in found, (partner.organisation, item)
            elif item.shown_to_partner:
                assert item.token in found, ("partner misses", partner.organisation, item)
