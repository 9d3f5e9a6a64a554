"""Turning a meeting into a document on disk, shared by the screens and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from exports.action_list import render_action_list
from exports.client_minutes import render_client_minutes
from exports.files import minutes_filename, slug, write_private
from exports.html import to_html
from exports.minutes import render_minutes
from exports.preparation_sheet import render_preparation
from exports.variants import Variant, reader_for, visible_meeting
from leidraad.core.domain import Case, name_key
from leidraad.core.flow import MeetingFlow
from leidraad.core.followup import MeetingFollowUp
from leidraad.core.guide import Guide
from leidraad.core.meeting import Meeting
from leidraad.core.voice import ClientVoice, clients, voices_for


class Format(StrEnum):
    MD = "md"
    HTML = "html"


@dataclass(frozen=True)
class DocumentRequest:
    """Which version of a meeting's minutes, for whom, in which format."""

    variant: Variant = Variant.VOLLEDIG
    partner: str = ""
    format: Format = Format.MD
    client: str = ""


class UnknownClient(ValueError):
    """A preparation sheet was asked for someone who is not a client of this case."""


def preparation_voice(case: Case, meeting: Meeting, client: str) -> ClientVoice:
    """The named adult's voice for this meeting (case and extra spaces do not matter)."""
    wanted = name_key(client)
    adults = clients(voices_for(case, meeting.voices))
    for voice in adults:
        if name_key(voice.member) == wanted:
            return voice
    names = ", ".join(v.member for v in adults) or "geen"
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
    reader = reader_for(request.variant, request.partner)
    if request.variant is Variant.VOORBEREIDING:
        visible = visible_meeting(meeting, reader)
        voice = preparation_voice(case, visible, request.client)
        return render_preparation(case, visible, guide.client_voice, voice)
    if request.variant is Variant.CLIENT:
        return render_client_minutes(case, meeting)
    if request.variant is Variant.ACTIES:
        return render_action_list(case, meeting)
    worry_order = [q.id for q in guide.worry.questions] if guide.worry else []
    order = question_order(guide, meeting)
    return render_minutes(case, meeting, order, worry_order, reader, followup)


def render_document(
    case: Case,
    meeting: Meeting,
    guide: Guide,
    request: DocumentRequest,
    followup: MeetingFollowUp | None,
) -> str:
    text = render_markdown(case, meeting, guide, request, followup)
    if request.format is Format.HTML:
        title = f"{case.alias}: overleg {meeting.number} ({request.variant.label})"
        return to_html(text, title)
    return text


def document_filename(case: Case, meeting: Meeting, request: DocumentRequest) -> str:
    variant = "" if request.variant is Variant.VOLLEDIG else request.variant.value
    if request.variant is Variant.PARTNER:
        variant = f"voor-{slug(request.partner)}"
    if request.variant is Variant.VOORBEREIDING:
        variant = f"voorbereiding-{slug(request.client)}"
    return minutes_filename(
        case.alias, meeting.number, meeting.held_on, variant, request.format.value
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
