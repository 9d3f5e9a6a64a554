"""Opening: who of the family is invited, who is at the table, who is absent or on the
phone, how the voice of each client who is not there comes in, and the purpose."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, DataTable, Static

from leidraad.core.domain import PURPOSE_ID, Attendance, Participant
from leidraad.core.flow import Part
from leidraad.core.voice import HearingMode, clients
from screens.meeting.page import MeetingPage
from screens.meeting.session import MeetingSession
from screens.shown import cell
from screens.voice_forms import AbsentVoiceRow
from screens.widgets.answer_editor import AnswerEditor
from screens.widgets.invite_list import InviteList
from screens.widgets.prompt import PromptDialog
from screens.widgets.storage_guard import saving


class ParticipantTable(DataTable[str | Text]):
    BINDINGS = [
        Binding("space", "toggle_attendance", "Aanwezigheid wisselen", show=False),
        Binding("a", "add", "Deelnemer toevoegen", show=False),
    ]

    def action_toggle_attendance(self) -> None:
        self.action_select_cursor()

    def action_add(self) -> None:
        page = self.parent
        if isinstance(page, OpeningPage):
            page.add_participant()


class OpeningPage(VerticalScroll, MeetingPage):
    def __init__(self, session: MeetingSession, *, id: str) -> None:
        super().__init__(id=id, classes="page", can_focus=False)
        self.session = session

    def compose(self) -> ComposeResult:
        meeting = self.session.meeting
        yield Static("Wie van het gezin is uitgenodigd?", classes="question")
        yield Static(
            "Niemand, tot je het hier aanvinkt (Spatie). Kinderen nodig je niet uit; hun stem "
            "komt via de casusregisseur.",
            classes="help",
        )
        yield InviteList(self.session.case, meeting.invited, meeting.together_safe, id="invites")
        yield Static("Wie zijn er bij het overleg?", classes="question")
        yield Static("Spatie of Enter wisselt: aanwezig, afwezig, telefonisch.", classes="help")
        yield ParticipantTable(id="participants", cursor_type="row")
        with Horizontal(classes="buttons"):
            yield Button("+ Deelnemer (a)", id="add-participant")
        yield Vertical(id="absent-voices")
        yield Static("Doel van het overleg", classes="question")
        answer = self.session.answer(PURPOSE_ID, "Doel van het overleg", Part.OPENING.value)
        yield AnswerEditor(
            answer, self.session.save_answer, id="purpose", names=self.session.names()
        )

    def on_mount(self) -> None:
        table = self.query_one(ParticipantTable)
        table.add_column("Naam", key="name")
        table.add_column("Rol of organisatie", key="role")
        table.add_column("Aanwezig", key="attendance")
        self._fill_table()
        self._sync_absent()

    def _fill_table(self) -> None:
        table = self.query_one(ParticipantTable)
        row = table.cursor_row
        table.clear()
        for p in self.session.meeting.participants:
            table.add_row(cell(p.name), cell(p.role), p.attendance.value, key=str(p.id))
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    @on(InviteList.Changed)
    def _invited(self, event: InviteList.Changed) -> None:
        event.stop()
        with saving(self):
            self.session.set_invited(event.invited, event.together_safe)
        meeting = self.session.meeting
        self.query_one(InviteList).show(meeting.invited, meeting.together_safe)
        self._fill_table()
        self._sync_absent()

    def _not_at_table(self) -> set[str]:
        """Names of the adults who are not at the table: not invited, or absent."""
        case = self.session.case
        seated: set[str] = set()
        for p in self.session.meeting.participants:
            member = case.member(p.key) or next((m for m in case.members if m.name == p.name), None)
            if member is not None and p.attendance is not Attendance.AFWEZIG:
                seated.add(member.key)
        return {m.name for m in case.adults if m.key not in seated}

    def _sync_absent(self) -> None:
        """A client who is not at the table gets a row: how was their voice brought in?"""
        absent = self._not_at_table()
        box = self.query_one("#absent-voices", Vertical)
        shown = {row.voice.member: row for row in box.query(AbsentVoiceRow)}
        for voice in clients(self.session.voices):
            if voice.member in absent and voice.member not in shown:
                box.mount(AbsentVoiceRow(voice, self.save_voice))
            elif voice.member not in absent and voice.member in shown:
                shown[voice.member].remove()
                if voice.hearing is not HearingMode.AAN_TAFEL:
                    with saving(self):
                        self.save_voice(replace(voice, hearing=HearingMode.AAN_TAFEL, voiced_by=""))

    def focus_target(self) -> Widget:
        return self.query_one(ParticipantTable)

    @on(DataTable.RowSelected, "#participants")
    def _toggle(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value
        participants = self.session.meeting.participants
        participant = next((p for p in participants if str(p.id) == key), None)
        if participant is None or participant.id is None:
            return
        with saving(self) as attempt:
            self.session.toggle_attendance(participant)
        if not attempt.ok:
            return
        self.query_one(ParticipantTable).update_cell(
            event.row_key, "attendance", participant.attendance.value
        )
        self._sync_absent()

    @on(Button.Pressed, "#add-participant")
    def add_participant(self) -> None:
        def added(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            with saving(self):
                saved = self.session.add_participant(
                    Participant(result[0], result[1], Attendance.AANWEZIG)
                )
                self.query_one(ParticipantTable).add_row(
                    cell(saved.name), cell(saved.role), saved.attendance.value, key=str(saved.id)
                )

        self.app.push_screen(
            PromptDialog(
                "Deelnemer toevoegen",
                "Naam",
                "Rol of organisatie (bijv. casusregisseur, ervaringsdeskundige)",
                "Vul een naam in.",
            ),
            added,
        )
