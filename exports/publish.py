"""One use case for every document that leaves the program.

Gathers what the document needs, writes it atomically and privately, and records the
export in the audit log. The command line, the export screen, the case screen, closing
a meeting and the palette all call `export_document`, so none of them can forget a step.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from exports.documents import (
    DocumentRequest,
    Format,
    document_filename,
    preparation_voice,
    render_document,
    render_markdown,
    request_client,
)
from exports.files import history_filename, write_private
from exports.history import render_history
from exports.html import to_html
from exports.reading_check import ReadingNote, reading_check
from exports.variants import Variant
from leidraad.core.domain import Case
from leidraad.core.followup import CaseHistory, MeetingFollowUp
from leidraad.core.guide import Guide
from leidraad.core.meeting import Meeting
from leidraad.core.ports import DocumentRegister, DocumentSource
from leidraad.core.voice import clients, voices_for


@dataclass(frozen=True)
class MinutesJob:
    """A version of one meeting's minutes (or a preparation sheet) for one reader."""

    meeting_id: int
    request: DocumentRequest = field(default_factory=DocumentRequest)


@dataclass(frozen=True)
class HistoryJob:
    """The whole course of one case (`verloop`)."""

    case_id: int
    html: bool = False


Job = MinutesJob | HistoryJob


class ExportNotLogged(Exception):
    """The file was written, but the audit log could not record it; `path` says where."""

    def __init__(self, path: Path, cause: Exception) -> None:
        reason = str(cause).strip().rstrip(".") or type(cause).__name__
        super().__init__(
            f"Het bestand {path} is geschreven, maar het logboek kon niet worden bijgewerkt "
            f"({reason})."
        )
        self.path = path
        self.cause = cause


@dataclass(frozen=True)
class Prepared:
    """A document ready to be written: its text, its default path and the audit line.

    `markdown` is what the text is made from (the same as `text` unless it is HTML),
    for a preview on screen.
    """

    case_id: int
    text: str
    default_path: Path
    what: str
    markdown: str = ""
    notes: tuple[ReadingNote, ...] = ()
    person_numbers: dict[str, int] = field(default_factory=dict)
    for_one_reader: bool = False  # a client's or one partner's version, or a preparation sheet
    meeting_id: int | None = None  # None for the course of a case
    folder: Path | None = None  # the verslagen/ folder: paths inside it are registered relative

    @property
    def needs_confirmation(self) -> bool:
        """A version for one client or partner that holds what came from, or is about,
        someone else is read and confirmed before it is saved; the partners' own full
        minutes and the action list show their notes without asking."""
        return self.for_one_reader and bool(self.notes)

    def checked_line(self) -> str:
        """The reading check for the audit log: kinds, counts and person numbers, no names."""
        parts = []
        for note in self.notes:
            who = f" van persoon {self.person_numbers[note.person]}" if note.person else ""
            parts.append(f"{note.count} {note.kind.value}{who}")
        return "gecontroleerd: " + "; ".join(parts)


class NotConfirmed(Exception):
    """A document with a reading check was about to be written without confirmation."""


def prepare(source: DocumentSource, guide: Guide, job: Job, folder: Path, today: date) -> Prepared:
    """Read and render, without writing: the preview and the save use the same text."""
    if isinstance(job, HistoryJob):
        history = source.case_history(job.case_id)
        markdown = render_history(history, today)
        text = (
            to_html(markdown, f"Verloop van de casus: {history.case.alias}")
            if job.html
            else markdown
        )
        extension = "html" if job.html else "md"
        name = history_filename(history.case.alias, today, extension, job.case_id)
        what = "verloop van de casus" + (" (html)" if job.html else "")
        return Prepared(job.case_id, text, folder / name, what, markdown, folder=folder)
    meeting = source.get_meeting(job.meeting_id)
    case = source.get_case(meeting.case_id)
    followup = source.meeting_followup(job.meeting_id)
    request = job.request
    text = render_document(case, meeting, guide, request, followup)
    html = request.format is Format.HTML
    markdown = render_markdown(case, meeting, guide, request, followup) if html else text
    name = document_filename(case, meeting, request)
    notes = tuple(reading_check(case, meeting, guide, request))
    numbers = {member.key: number for number, member in enumerate(case.members, start=1)}
    what = _what(case, meeting, request)
    one = request.variant in (Variant.CLIENT, Variant.PARTNER, Variant.VOORBEREIDING)
    return Prepared(
        meeting.case_id,
        text,
        folder / name,
        what,
        markdown,
        notes,
        numbers,
        one,
        meeting_id=job.meeting_id,
        folder=folder,
    )


def _what(case: Case, meeting: Meeting, request: DocumentRequest) -> str:
    """The audit line: which document, one line per file, without a client's name.

    Two different files must not read the same, or the log folds them into one entry.
    """
    variant = request.variant
    details = [variant.value]
    if variant is Variant.PARTNER:
        details = [f"partner: {request.partner}"]  # an organisation, not a person
    if variant is Variant.CLIENT:  # by person number, as the reading check
        reader = request_client(case, request)
        number = next(i for i, m in enumerate(case.members, start=1) if m.key == reader.key)
        details = [f"client, persoon {number}"]
    if variant is Variant.VOORBEREIDING:
        adults = [v.member for v in clients(voices_for(case, meeting.voices))]
        member = preparation_voice(case, meeting, request.client).member
        details = [f"cliënt {adults.index(member) + 1} van {len(adults)}"]
    if request.format is Format.HTML:
        details.append("html")
    document = "voorbereiding" if variant is Variant.VOORBEREIDING else "verslag"
    return f"{document} overleg {meeting.number} ({', '.join(details)})"


def write_prepared(
    source: DocumentSource,
    prepared: Prepared,
    target: Path | None = None,
    overwrite: bool = False,
    *,
    confirmed: bool = False,
) -> Path:
    """Write atomically (FileExistsError unless `overwrite`), register it, log the export once.

    The file is registered with its case and meeting when the source keeps a register
    (DocumentRegister), so purge finds it by identity, never by its name. A document
    whose reading check found something (`prepared.notes`) is only written
    when the user confirmed it (`confirmed`; NotConfirmed otherwise), and the log line
    then says what was checked, by person number.
    """
    if prepared.needs_confirmation and not confirmed:
        raise NotConfirmed("\n".join(note.text for note in prepared.notes))
    path = write_private(target or prepared.default_path, prepared.text, overwrite)
    what = prepared.what
    if prepared.needs_confirmation:
        what = f"{what}; {prepared.checked_line()}"
    try:
        if isinstance(source, DocumentRegister):
            source.record_document(
                prepared.case_id, prepared.meeting_id, _registered(prepared, path)
            )
        source.record_export(prepared.case_id, what)
    except Exception as error:  # any failure of the log must not hide that the file exists
        raise ExportNotLogged(path, error) from error
    return path


def _registered(prepared: Prepared, path: Path) -> str:
    """The path as the register keeps it: relative inside verslagen/, else absolute."""
    where = Path(os.path.realpath(path))
    if prepared.folder is not None:
        folder = Path(os.path.realpath(prepared.folder))
        if where.is_relative_to(folder) and where != folder:
            return where.relative_to(folder).as_posix()
    return str(where)


def export_document(
    source: DocumentSource,
    guide: Guide,
    job: Job,
    folder: Path,
    today: date,
    target: Path | None = None,
    overwrite: bool = False,
    *,
    confirmed: bool = False,
) -> Path:
    """Write one document and record it in the audit log; returns where it went."""
    prepared = prepare(source, guide, job, folder, today)
    return write_prepared(source, prepared, target, overwrite, confirmed=confirmed)


class ReadOnce:
    """A DocumentSource that reads each case, meeting and history once.

    The export screen previews version after version of one meeting: one read serves
    every preview and the save, as the screen did before it used the use case.
    """

    def __init__(self, source: DocumentSource) -> None:
        self._source = source
        self._cases: dict[int, Case] = {}
        self._meetings: dict[int, Meeting] = {}
        self._followups: dict[int, MeetingFollowUp] = {}
        self._histories: dict[int, CaseHistory] = {}

    def get_case(self, case_id: int) -> Case:
        if case_id not in self._cases:
            self._cases[case_id] = self._source.get_case(case_id)
        return self._cases[case_id]

    def get_meeting(self, meeting_id: int) -> Meeting:
        if meeting_id not in self._meetings:
            self._meetings[meeting_id] = self._source.get_meeting(meeting_id)
        return self._meetings[meeting_id]

    def meeting_followup(self, meeting_id: int) -> MeetingFollowUp:
        if meeting_id not in self._followups:
            self._followups[meeting_id] = self._source.meeting_followup(meeting_id)
        return self._followups[meeting_id]

    def case_history(self, case_id: int) -> CaseHistory:
        if case_id not in self._histories:
            self._histories[case_id] = self._source.case_history(case_id)
        return self._histories[case_id]

    def record_export(self, case_id: int, what: str) -> None:
        self._source.record_export(case_id, what)

    def record_document(self, case_id: int, meeting_id: int | None, path: str) -> None:
        if isinstance(self._source, DocumentRegister):
            self._source.record_document(case_id, meeting_id, path)
