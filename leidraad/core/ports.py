"""What the layers above the core ask of the place where cases are kept.

The export use case (exports/publish.py) reads a case and records that a document
left the program through this protocol, so it needs no storage import and the
storage layer needs no exports import: both depend only on the core.
"""

from __future__ import annotations

from typing import Protocol

from leidraad.core.domain import Case
from leidraad.core.followup import CaseHistory, MeetingFollowUp
from leidraad.core.meeting import Meeting


class DocumentSource(Protocol):
    def get_case(self, case_id: int) -> Case: ...

    def get_meeting(self, meeting_id: int) -> Meeting: ...

    def meeting_followup(self, meeting_id: int) -> MeetingFollowUp: ...

    def case_history(self, case_id: int) -> CaseHistory: ...

    def record_export(self, case_id: int, what: str) -> None: ...
