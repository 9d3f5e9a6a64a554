"""The rows of the case form: one family member, one partner organisation.

A row edits the person it was made with and keeps everything it does not show
(key, position history, links), so saving updates people in place.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Select

from leidraad.core.domain import (
    KNOWN_PARTNERS,
    FamilyMember,
    InvalidInput,
    MemberRole,
    Partner,
    Position,
    parse_age,
)
from leidraad.core.people import change_position

POSITION_CHOICES = [(f"positie: {p.label}", p.value) for p in Position]


class MemberRow(Vertical):
    """One family member: role, name, age; their position in the violence and a note
    for professionals (so 'vermoeden LVB' is never part of the name)."""

    def __init__(self, member: FamilyMember | None = None, today: date | None = None) -> None:
        super().__init__(classes="person")
        self.member = member or FamilyMember("", MemberRole.OUDER)
        self.today = today or date.today()

    def compose(self) -> ComposeResult:
        with Horizontal(classes="row"):
            yield Select(
                [(role.label, role.value) for role in MemberRole],
                value=self.member.role.value,
                allow_blank=False,
                classes="role",
            )
            yield Input(
                self.member.name, placeholder="Naam of aanduiding, bijv. moeder", classes="name"
            )
            age = "" if self.member.age is None else str(self.member.age)
            yield Input(age, placeholder="leeftijd", classes="age")
            yield Button("✕", classes="remove", tooltip="Gezinslid weghalen")
        with Horizontal(classes="row second"):
            yield Select(
                POSITION_CHOICES,
                value=self.member.position.value,
                allow_blank=False,
                classes="position",
                tooltip="Positie in het geweld, zoals de professionals het nu zien",
            )
            yield Input(
                self.member.note,
                placeholder="Notitie voor professionals (nooit in een stuk voor de cliënt)",
                classes="note",
            )

    def typed_name(self) -> str:
        return self.query_one(".name", Input).value.strip()

    def typed_role(self) -> MemberRole:
        return MemberRole(str(self.query_one(".role", Select).value))

    def read(self) -> FamilyMember | None:
        """The member as typed: the stored member with the fields of this row replaced."""
        name = self.typed_name()
        age_text = self.query_one(".age", Input).value
        note = self.query_one(".note", Input).value.strip()
        if not name and not age_text.strip() and not note:
            return None
        if not name:
            raise InvalidInput("Een gezinslid heeft een naam of aanduiding nodig, bijv. 'moeder'.")
        member = replace(
            self.member, name=name, role=self.typed_role(), age=parse_age(age_text), note=note
        )
        position = Position(str(self.query_one(".position", Select).value))
        return change_position(member, position, self.today)


class PartnerRow(Vertical):
    """One partner organisation, its contact person, and the clients it works with."""

    class ChooseLinks(Message):
        """The user wants to say which clients this partner works with."""

        def __init__(self, row: PartnerRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, partner: Partner | None = None) -> None:
        super().__init__(classes="person")
        self.partner = partner or Partner("")
        self.linked: tuple[str, ...] = self.partner.linked_to

    def compose(self) -> ComposeResult:
        with Horizontal(classes="row"):
            yield Input(
                self.partner.organisation,
                placeholder="Organisatie, bijv. Veilig Thuis",
                suggester=SuggestFromList(KNOWN_PARTNERS, case_sensitive=False),
                classes="organisation",
            )
            yield Input(self.partner.contact, placeholder="Contactpersoon", classes="contact")
            yield Button("✕", classes="remove", tooltip="Partner weghalen")
        with Horizontal(classes="row second"):
            yield Button(
                "Werkt met: niemand in het bijzonder",
                classes="links",
                tooltip="Met welke cliënt(en) werkt deze partner? (bijv. reclassering: vader)",
            )

    def show_links(self, names: Mapping[str, str]) -> None:
        """Name the linked clients on the button; `names` is key -> name as typed now."""
        known = [names[k] for k in self.linked if k in names]
        label = ", ".join(known) if known else "niemand in het bijzonder"
        self.query_one(".links", Button).label = f"Werkt met: {label}"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.has_class("links"):
            event.stop()
            self.post_message(self.ChooseLinks(self))

    def read(self, members: Mapping[str, str]) -> Partner | None:
        """The partner as typed; links to people no longer in the form are dropped."""
        organisation = self.query_one(".organisation", Input).value.strip()
        contact = self.query_one(".contact", Input).value.strip()
        if not organisation and not contact:
            return None
        if not organisation:
            raise InvalidInput(f"Bij contactpersoon '{contact}' ontbreekt de organisatie.")
        linked = tuple(k for k in self.linked if k in members)
        return replace(self.partner, organisation=organisation, contact=contact, linked_to=linked)
