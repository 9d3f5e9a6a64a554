"""Every kind of field a person types into, reached the way the app shows it.

Shared by the kill test (tests/kill_target.py types into one field in a separate
process) and the failing-save tests, so both cover the same fields: the data they
need, how to open the field with the cursor in it, the repository method that
stores it, and what the database holds of it now.
"""

from __future__ import annotations

from dataclasses import replace

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import OptionList

from leidraad.app import LeidraadApp
from leidraad.core.domain import Action
from leidraad.core.flow import Part
from screens.case_form import CaseFormScreen
from screens.meeting.action_dialog import ActionDialog
from screens.meeting.screen import MeetingScreen
from screens.preparation import PreparationScreen
from storage.repository import Repository
from tests.followup_data import D4, three_meetings

# kind -> the repository method that stores what is typed there
KINDS = {
    "answer": "save_answer",
    "case": "save_case",
    "action": "save_action",
    "preparation": "save_client_voice",
    "voice": "save_client_voice",
    "score": "save_score",
    "review": "save_review",
    "closing": "save_client_voice",
}


def meeting_with_history(repo: Repository) -> int:
    """A fourth meeting of a case with open actions from earlier ones; the regie is empty,
    so what is typed there is all there is."""
    case_id, _, _ = three_meetings(repo)
    repo.save_case(replace(repo.get_case(case_id), regie=""))
    meeting = repo.start_meeting(case_id, "Directe veiligheid", D4)
    assert meeting.id is not None
    return meeting.id


async def open_field(app: LeidraadApp, pilot: Pilot[None], kind: str, meeting_id: int) -> Widget:
    """Show the field of this kind, put the cursor in it, and return it."""
    context = app.context
    repo = context.repo
    field: Widget
    if kind == "case":
        case = repo.get_case(repo.get_meeting(meeting_id).case_id)
        form = CaseFormScreen(context, case)
        await app.push_screen(form)
        field = form.query_one("#regie")
    elif kind == "action":
        dialog = ActionDialog(Action("", ""), [], lambda a: repo.save_action(meeting_id, a))
        await app.push_screen(dialog)
        field = dialog.query_one("#description")
    elif kind in ("preparation", "voice"):
        preparation = PreparationScreen(context, meeting_id)
        await app.push_screen(preparation)
        await pilot.pause()
        child = kind == "voice"
        index = next(i for i, v in enumerate(preparation.voices) if v.is_child == child)
        preparation.query_one("#people", OptionList).highlighted = index  # as with the arrows
        await pilot.pause()
        await pilot.pause()
        field = preparation.query_one("#heard" if child else "#topics")
    else:
        meeting = MeetingScreen(context, meeting_id)
        await app.push_screen(meeting)
        await pilot.pause()
        flow = meeting.flow
        position = {
            "answer": flow.start_of(Part.BEELDVORMING),
            "score": flow.start_of(Part.CLIENTSTEM),
            "review": flow.review_position(),
            "closing": flow.start_of(Part.AFSLUITING),
        }[kind]
        assert position is not None
        await meeting.goto(position)
        await pilot.pause()
        selector = {
            "answer": "AnswerEditor",
            "score": ".higher",
            "review": "#review-note",
            "closing": "#inform-by",
        }[kind]
        field = meeting._page().query(selector).first()
    field.focus()
    await pilot.pause()
    field.scroll_visible(animate=False)
    await pilot.pause()
    return field


def stored(repo: Repository, kind: str, meeting_id: int) -> str:
    """The text of this kind of field as the database holds it now ('' for nothing)."""
    meeting = repo.get_meeting(meeting_id)
    if kind == "case":
        return repo.get_case(meeting.case_id).regie
    if kind == "action":
        return meeting.actions[0].description if meeting.actions else ""
    if kind == "answer":
        texts = [a.text for a in meeting.answers.values()]
    elif kind == "score":
        texts = [s.higher for s in meeting.scores]
    elif kind == "review":
        texts = [i.note for i in repo.review_items(meeting_id)]
    else:
        attribute = {"preparation": "topics", "voice": "heard", "closing": "inform_by"}[kind]
        texts = [getattr(v, attribute) for v in repo.client_voices(meeting_id)]
    typed = [t for t in texts if t]
    assert len(typed) <= 1, f"{kind}: typed into one field, stored in {len(typed)}: {typed}"
    return typed[0] if typed else ""
