"""The versions of a meeting's minutes, each for one reader, and what that reader may see.

Every renderer receives a meeting that has already been filtered here, so a
restricted item cannot reach a document by a forgotten check in a renderer.
"""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum

from leidraad.core.audience import ALL_PARTNERS, CLIENT, Reader, ReaderKind, may_read
from leidraad.core.followup import CaseHistory, MeetingFollowUp
from leidraad.core.meeting import Meeting
from leidraad.core.trend import ScoreSheet


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


_LABELS = {
    Variant.VOLLEDIG: "volledig verslag",
    Variant.CLIENT: "versie voor de cliënt",
    Variant.ACTIES: "actielijst",
    Variant.PARTNER: "versie voor één partner",
    Variant.VOORBEREIDING: "voorbereiding voor een cliënt",
}

_DESCRIPTIONS = {
    Variant.VOLLEDIG: "Alles voor de partners aan tafel, zonder wat voor één partner bedoeld is.",
    Variant.CLIENT: "In gewone taal: wat is besloten en wat de cliënt zelf kan doen.",
    Variant.ACTIES: "Alleen de acties met wie, wanneer en prioriteit: om rond te sturen.",
    Variant.PARTNER: "Het volledige verslag plus wat alleen voor deze partner bedoeld is.",
    Variant.VOORBEREIDING: "Het blad dat de casusregisseur vooraf met de cliënt doorneemt.",
}


class UnknownPartner(ValueError):
    """A partner version was asked for without a partner name."""


def reader_for(variant: Variant, partner: str = "") -> Reader:
    if variant in (Variant.CLIENT, Variant.VOORBEREIDING):
        return CLIENT
    if variant is Variant.PARTNER:
        name = " ".join(partner.split())
        if not name:
            raise UnknownPartner("Noem de partner voor wie deze versie is (--partner).")
        return Reader(ReaderKind.PARTNER, name)
    return ALL_PARTNERS


def visible_meeting(meeting: Meeting, reader: Reader) -> Meeting:
    """A copy of the meeting holding only what this reader may read.

    Notes for professionals and what children said are never for a client.
    """
    voices = meeting.voices
    if reader.kind is ReaderKind.CLIENT:
        voices = [replace(v, professional_note="", heard="", ggz_perspective="") for v in voices]
    return replace(
        meeting,
        answers={k: a for k, a in meeting.answers.items() if may_read(reader, a.restriction)},
        scores=[s for s in meeting.scores if may_read(reader, s.restriction)],
        actions=[a for a in meeting.actions if may_read(reader, a.restriction)],
        voices=voices,
    )


def _visible_sheets(sheets: list[ScoreSheet], reader: Reader) -> list[ScoreSheet]:
    return [
        replace(sheet, scores=tuple(s for s in sheet.scores if may_read(reader, s.restriction)))
        for sheet in sheets
    ]


def visible_followup(followup: MeetingFollowUp, reader: Reader) -> MeetingFollowUp:
    """The course of the case as this reader may see it: marked actions and scores left out."""
    return replace(
        followup,
        review=[i for i in followup.review if may_read(reader, i.action.restriction)],
        sheets=_visible_sheets(followup.sheets, reader),
    )


def visible_history(history: CaseHistory, reader: Reader) -> CaseHistory:
    """The whole course of a case as this reader may see it."""
    return replace(
        history,
        actions=[r for r in history.actions if may_read(reader, r.action.restriction)],
        sheets=_visible_sheets(history.sheets, reader),
    )
