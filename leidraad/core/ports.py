"""What the layers above the core ask of the place where cases are kept.

The export use case (exports/publish.py) reads a case and records that a document
left the program through this protocol, so it needs no storage import and the
storage layer needs no exports import: both depend only on the core.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from leidraad.core.domain import Case
from leidraad.core.followup import CaseHistory, MeetingFollowUp
from leidraad.core.meeting import Meeting


class DocumentSource(Protocol):
    def get_case(self, case_id: int) -> Case: ...

    def get_meeting(self, meeting_id: int) -> Meeting: ...

    def meeting_followup(self, meeting_id: int) -> MeetingFollowUp: ...

    def case_history(self, case_id: int) -> CaseHistory: ...

    def record_export(self, case_id: int, what: str) -> None: ...

    # Optional: a source that also has
    #     def record_document(self, case_id: int, meeting_id: int | None, path: str) -> None
    # is told of every document written (see DocumentRegister), so purge can find a
    # case's documents by its id. A source without it (a test's fake) is not asked.


@runtime_checkable
class DocumentRegister(Protocol):
    """Keeps which written file belongs to which case and meeting.

    `path` is relative to the data folder's verslagen/ for a file inside it, else absolute.
    """

    def record_document(self, case_id: int, meeting_id: int | None, path: str) -> None: ...
