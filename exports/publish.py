"""One use case for every document that leaves the program.

Gathers what the document needs, writes it atomically and privately, and records the
export in the audit log. The command line, the export screen, the case screen, closing
a meeting and the palette all call `export_document`, so none of them can forget a step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from exports.documents import DocumentRequest, document_filename, render_document
from exports.files import history_filename, write_private
from exports.history import render_history
from exports.html import to_html
from exports.variants import Variant
from leidraad.core.guide import Guide
from leidraad.core.ports import DocumentSource


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
        super().__init__(str(cause))
        self.path = path
        self.cause = cause


@dataclass(frozen=True)
class Prepared:
    """A document ready to be written: its text, its default path and the audit line."""

    case_id: int
    text: str
    default_path: Path
    what: str


def prepare(source: DocumentSource, guide: Guide, job: Job, folder: Path, today: date) -> Prepared:
    """Read and render, without writing: the preview and the save use the same text."""
    if isinstance(job, HistoryJob):
        history = source.case_history(job.case_id)
        text = render_history(history, today)
        if job.html:
            text = to_html(text, f"Verloop van de casus: {history.case.alias}")
        name = history_filename(history.case.alias, today, "html" if job.html else "md")
        return Prepared(job.case_id, text, folder / name, "verloop van de casus")
    meeting = source.get_meeting(job.meeting_id)
    case = source.get_case(meeting.case_id)
    followup = source.meeting_followup(job.meeting_id)
    text = render_document(case, meeting, guide, job.request, followup)
    name = document_filename(case, meeting, job.request)
    what = (
        f"voorbereiding overleg {meeting.number}"
        if job.request.variant is Variant.VOORBEREIDING
        else f"verslag overleg {meeting.number} ({job.request.variant.value})"
    )
    return Prepared(meeting.case_id, text, folder / name, what)


def write_prepared(
    source: DocumentSource, prepared: Prepared, target: Path | None = None, overwrite: bool = False
) -> Path:
    """Write atomically (FileExistsError unless `overwrite`), then log the export once."""
    path = write_private(target or prepared.default_path, prepared.text, overwrite)
    try:
        source.record_export(prepared.case_id, prepared.what)
    except Exception as error:  # any failure of the log must not hide that the file exists
        raise ExportNotLogged(path, error) from error
    return path


def export_document(
    source: DocumentSource,
    guide: Guide,
    job: Job,
    folder: Path,
    today: date,
    target: Path | None = None,
    overwrite: bool = False,
) -> Path:
    """Write one document and record it in the audit log; returns where it went."""
    return write_prepared(source, prepare(source, guide, job, folder, today), target, overwrite)
