"""Turning a meeting into a document on disk, shared by the screens and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from exports.action_list import action_list_view, render_action_list
from exports.client_minutes import client_view, render_client_minutes
from exports.files import minutes_filename, slug, write_private
from exports.html import to_html
from exports.minutes import render_minutes
from exports.preparation_sheet import preparation_view, render_preparation
from exports.variants import UnknownClient, Variant, reader_for, visible_meeting
from leidraad.core.audience import Reader
from leidraad.core.domain import Case, FamilyMember, name_key
from leidraad.core.flow import MeetingFlow
from leidraad.core.followup import MeetingFollowUp
from leidraad.core.guide import Guide
from leidraad.core.meeting import Meeting
from leidraad.core.people import UnknownPerson, find_client
from leidraad.core.people import document_clients as _adults
from leidraad.core.voice import ClientVoice, clients, voices_for

__all__ = ["UnknownClient"]  # re-exported: the CLI and screens catch it from here


class Format(StrEnum):
    MD = "md"
    HTML = "html"


@dataclass(frozen=True)
class DocumentRequest:
    """Which version of a meeting's minutes, for whom, in which format.

    `client`: for Variant.CLIENT and Variant.VOORBEREIDING, the one client the
    document is for, by member key or by name (case and extra spaces do not matter).
    `partner`: for Variant.PARTNER, the partner by organisation, contact or key.
    """

    variant: Variant = Variant.VOLLEDIG
    partner: str = ""
    format: Format = Format.MD
    client: str = ""


def document_clients(case: Case) -> list[FamilyMember]:
    """Who a client's version or preparation sheet can be for: adults, never a child."""
    return _adults(case)


def request_client(case: Case, request: DocumentRequest) -> FamilyMember:
    """The client a client's version is for; UnknownClient names the choices."""
    if not request.client.strip():
        choices = ", ".join(m.name for m in document_clients(case)) or "geen"
        raise UnknownClient(f"Kies voor wie deze versie is (--client): {choices}.")
    try:
        return find_client(case, request.client)
    except UnknownPerson as error:
        raise UnknownClient(str(error)) from None


def request_reader(case: Case, request: DocumentRequest) -> Reader:
    """The person (or the table) this document is written for."""
    return reader_for(request.variant, request.partner, case=case, client=request.client)


def preparation_voice(case: Case, meeting: Meeting, client: str) -> ClientVoice:
    """The named adult's voice for this meeting, by member key or name."""
    voices = clients(voices_for(case, meeting.voices))
    member = case.member(client.strip())
    for voice in voices:
        if member is not None and voice.member_key == member.key:
            return voice
    wanted = name_key(client)
    for voice in voices:
        if name_key(voice.member) == wanted:
            return voice
    names = ", ".join(v.member for v in voices) or "geen"
    raise UnknownClient(f"'{client}' is geen cliënt van deze casus. Kies uit: {names}.")


def question_order(guide: Guide, meeting: Meeting) -> list[str]:
    flow = MeetingFlow(guide.for_phase(meeting.phase), guide.client_voice)
    return [question.id for _, question in flow.questions()]


def render_markdown(
    case: Case,
    meeting: Meeting,
    guide: Guide,
    request: DocumentRequest,
    followup: MeetingFollowUp | None,
) -> str:
    """The markdown of one version; the same input always gives the same bytes.

    `followup` (from the repository's meeting_followup) is required, so no caller can leave
    the review of earlier actions, the score trend and the phase decisions out by forgetting
    it; pass None only where a meeting truly has no follow-up.
    """
    reader = request_reader(case, request)
    safety_plan = guide.safety_plan_ids()
    if request.variant is Variant.VOORBEREIDING:
        visible = document_view(case, meeting, guide, request)
        voice = preparation_voice(case, visible, reader.member)
        return render_preparation(case, visible, guide.client_voice, voice)
    if request.variant is Variant.CLIENT:
        return render_client_minutes(case, meeting, reader, safety_plan)
    if request.variant is Variant.ACTIES:
        return render_action_list(case, meeting)
    worry_order = [q.id for q in guide.worry.questions] if guide.worry else []
    order = question_order(guide, meeting)
    return render_minutes(case, meeting, order, worry_order, reader, followup, safety_plan)


def document_view(case: Case, meeting: Meeting, guide: Guide, request: DocumentRequest) -> Meeting:
    """The meeting as the document for this request shows it, made by the same function
    its renderer uses, so the reading check counts exactly what the reader gets."""
    reader = request_reader(case, request)
    ids = guide.safety_plan_ids()
    if request.variant is Variant.VOORBEREIDING:
        return preparation_view(case, meeting, reader, ids)
    if request.variant is Variant.CLIENT:
        return client_view(case, meeting, reader, ids)
    if request.variant is Variant.ACTIES:
        return action_list_view(case, meeting)
    return visible_meeting(meeting, reader, ids, case)


def render_document(
    case: Case,
    meeting: Meeting,
    guide: Guide,
    request: DocumentRequest,
    followup: MeetingFollowUp | None,
) -> str:
    text = render_markdown(case, meeting, guide, request, followup)
    if request.format is Format.HTML:
        return to_html(text, document_title(case, meeting, request))
    return text


def document_title(case: Case, meeting: Meeting, request: DocumentRequest) -> str:
    """The title of the HTML page: whose meeting, and for whom."""
    if request.variant is Variant.CLIENT:
        who = request_client(case, request).name
        return f"{case.alias}: overleg {meeting.number} (verslag voor {who})"
    if request.variant is Variant.VOORBEREIDING:
        who = request_client(case, request).name
        return f"{case.alias}: overleg {meeting.number} (voorbereiding voor {who})"
    if request.variant is Variant.PARTNER:
        return f"{case.alias}: overleg {meeting.number} (versie voor {request.partner.strip()})"
    return f"{case.alias}: overleg {meeting.number} ({request.variant.label})"


def document_filename(case: Case, meeting: Meeting, request: DocumentRequest) -> str:
    """E.g. 'gezin-a-1-overleg-2-2026-11-20-voor-moeder.md': its case number and reader."""
    variant = "" if request.variant is Variant.VOLLEDIG else request.variant.value
    if request.variant is Variant.PARTNER:
        variant = f"voor-{slug(request.partner)}"
    if request.variant is Variant.CLIENT:
        variant = f"voor-{slug(request_client(case, request).name)}"
    if request.variant is Variant.VOORBEREIDING:
        variant = f"voorbereiding-{slug(request_client(case, request).name)}"
    return minutes_filename(
        case.alias, meeting.number, meeting.held_on, variant, request.format.value, case.id
    )


def save_document(
    case: Case,
    meeting: Meeting,
    guide: Guide,
    request: DocumentRequest,
    path: Path,
    overwrite: bool,
    followup: MeetingFollowUp | None,
) -> Path:
    """Write one version; an existing file is only replaced when asked (FileExistsError)."""
    text = render_document(case, meeting, guide, request, followup)
    return write_private(path, text, overwrite)


def save_minutes(
    case: Case,
    meeting: Meeting,
    guide: Guide,
    folder: Path,
    target: Path | None = None,
    overwrite: bool = False,
    *,
    followup: MeetingFollowUp | None,
) -> Path:
    """The full minutes as markdown, by default in the minutes folder under a stable name."""
    request = DocumentRequest()
    path = target or folder / document_filename(case, meeting, request)
    return save_document(case, meeting, guide, request, path, overwrite, followup)
