"""The procesregisseur can read a case's audit log from the case screen."""

from __future__ import annotations

from leidraad.paths import Paths
from screens.audit_log import AuditLogScreen
from screens.case_detail import CaseScreen
from storage.repository import Repository
from tests.conftest import family_case
from tests.helpers import make_app, screen_text


async def test_l_on_a_case_shows_who_did_what_and_when(paths: Paths, repo: Repository) -> None:
    named = Repository(repo.engine, actor="P. Jansen")
    case = named.save_case(family_case())
    assert case.id is not None
    meeting = named.start_meeting(case.id, "Directe veiligheid")
    named.record_export(case.id, f"verslag overleg {meeting.number} via de opdrachtregel")
    app = make_app(paths, repo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter")
        assert isinstance(app.screen, CaseScreen)
        await pilot.press("l")
        assert isinstance(app.screen, AuditLogScreen)
        text = screen_text(pilot)
        assert "Logboek: Gezin J." in text
        assert "P. Jansen" in text
        assert "aangemaakt" in text
        assert "verslag overleg 1 via de opdrachtregel" in text
        await pilot.press("escape")
        assert isinstance(app.screen, CaseScreen)
