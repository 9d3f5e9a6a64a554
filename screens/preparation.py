"""Preparing the clients of a meeting: the casusregisseur's screen, at home with the client."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from exports.variants import Variant
from leidraad.core.domain import PURPOSE_ID, Answer, format_date
from leidraad.core.flow import Part
from leidraad.core.voice import ClientVoice, HearingMode, voices_for
from screens.context import AppContext
from screens.export_screen import ExportScreen
from screens.shown import escape
from screens.voice_forms import ChildVoiceForm, PreparationForm
from screens.widgets.answer_editor import AnswerEditor
from screens.widgets.invite_list import InviteList
from screens.widgets.saver import flush_all
from screens.widgets.storage_guard import saving


class PreparationScreen(Screen[None]):
    CSS_PATH = "preparation.tcss"
    BINDINGS = [
        Binding("ctrl+e", "sheet", "Blad voor de cliënt", priority=True),
        Binding("escape", "back", "Terug"),
    ]

    def __init__(self, context: AppContext, meeting_id: int) -> None:
        super().__init__()
        self.context = context
        self.meeting = context.repo.get_meeting(meeting_id)
        self.case = context.repo.get_case(self.meeting.case_id)
        self.voices = voices_for(self.case, self.meeting.voices)

    def compose(self) -> ComposeResult:
        m = self.meeting
        yield Header()
        yield Static(
            f"[b]Voorbereiding[/] · {escape(self.case.alias)} · overleg {m.number} op "
            f"{format_date(m.held_on)}",
            id="title",
        )
        with Horizontal():
            with VerticalScroll(id="people-box"):
                yield Static("Wie bereid je voor?", classes="section")
                yield OptionList(
                    *(
                        Option(escape(v.member + (" (kind)" if v.is_child else "")), id=str(i))
                        for i, v in enumerate(self.voices)
                    ),
                    id="people",
                )
                yield Static("Wie nodig je uit aan tafel?", classes="section")
                yield InviteList(self.case, m.invited, m.together_safe, id="invites")
                yield Static(self._shared(), id="shared")
            with VerticalScroll(id="form-box"):
                yield Static("Doel van het overleg (hetzelfde voor iedereen)", classes="section")
                purpose = m.answers.get(PURPOSE_ID) or Answer(
                    PURPOSE_ID, "Doel van het overleg", Part.OPENING.value
                )
                yield AnswerEditor(purpose, self._save_purpose, id="purpose")
                yield Vertical(id="form")
        yield Footer(compact=True, show_command_palette=False)

    def _shared(self) -> str:
        """What every client hears beforehand: who sits at the table, and the questions."""
        voice_set = self.context.guide.client_voice
        people = "\n".join(
            f"  • {escape(p.name)} ({escape(p.role)})" for p in self.meeting.participants
        )
        return (
            f"[b]Aan tafel[/]\n{people or '  nog niemand'}\n\n"
            f"[b]De vragen aan de cliënt[/]\n  • {escape(voice_set.scale_question)}\n"
            f"  • {escape(voice_set.higher_question)}"
        )

    async def on_mount(self) -> None:
        self._align_hearing(())
        if self.voices:
            await self._show(0)
        else:
            self.query_one("#form").mount(
                Static("Deze casus heeft nog geen gezinsleden. Voeg ze toe bij 'Casus bewerken'.")
            )
        self.query_one("#people", OptionList).focus()

    @on(InviteList.Changed)
    def _invited(self, event: InviteList.Changed) -> None:
        """Store who is invited; the table, and so every sheet, follows."""
        assert self.meeting.id is not None
        self._flush()  # what is typed goes first, so it cannot undo the hearing set below
        before = list(self.meeting.invited)
        with saving(self):
            stored = self.context.repo.set_invited(
                self.meeting.id, event.invited, event.together_safe
            )
            self.meeting.invited, self.meeting.together_safe = stored.invited, stored.together_safe
            self.meeting.participants = stored.participants
        self.query_one(InviteList).show(self.meeting.invited, self.meeting.together_safe)
        self.query_one("#shared", Static).update(self._shared())
        if self._align_hearing(set(before) ^ set(self.meeting.invited)) and self.voices:
            self.call_later(self._show, getattr(self, "current", 0))

    def _align_hearing(self, changed: Collection[str]) -> bool:
        """Who is not invited does not come to the table: their voice comes in through the
        casusregisseur, unless another way was agreed. Who was just invited comes."""
        invited = set(self.meeting.invited)
        updated = False
        for voice in list(self.voices):
            key = voice.member_key
            if voice.is_child:
                continue
            if key not in invited and voice.hearing is HearingMode.AAN_TAFEL:
                new = replace(voice, hearing=HearingMode.CASUSREGISSEUR)
            elif key in invited and key in changed and voice.hearing is not HearingMode.AAN_TAFEL:
                new = replace(voice, hearing=HearingMode.AAN_TAFEL, voiced_by="")
            else:
                continue
            with saving(self) as attempt:
                self._save_voice(new)
            updated = updated or attempt.ok
        return updated

    def _save_purpose(self, answer: Answer) -> None:
        assert self.meeting.id is not None
        self.context.repo.save_answer(self.meeting.id, answer)
        self.meeting.answers[answer.question_id] = answer

    def _save_voice(self, voice: ClientVoice) -> ClientVoice:
        assert self.meeting.id is not None
        stored = self.context.repo.save_client_voice(self.meeting.id, voice)
        self.voices = [stored if v.member == stored.member else v for v in self.voices]
        return stored

    @on(OptionList.OptionHighlighted, "#people")
    async def _chosen(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id is not None:
            await self._show(int(event.option.id))

    async def _show(self, index: int) -> None:
        """Swap the form: the old one is saved and gone before the new one appears."""
        self.current = index
        box = self.query_one("#form", Vertical)
        flush_all(box)
        voice = self.voices[index]
        form_type = ChildVoiceForm if voice.is_child else PreparationForm
        # No frame in between: Textual may draw a field it is still removing, and crash.
        with self.app.batch_update():
            await box.remove_children()
            await box.mount(form_type(voice, self._save_voice))

    def selected_client(self) -> ClientVoice | None:
        voice = self.voices[getattr(self, "current", 0)] if self.voices else None
        return voice if voice is not None and not voice.is_child else None

    def action_sheet(self) -> None:
        voice = self.selected_client()
        if voice is None:
            self.notify(
                "Kies eerst een ouder of andere volwassene: voor kinderen is er geen blad.",
                severity="warning",
                markup=False,
            )
            return
        self._flush()
        assert self.meeting.id is not None
        self.app.push_screen(
            ExportScreen(self.context, self.meeting.id, Variant.VOORBEREIDING, voice.member)
        )

    def _flush(self) -> None:
        flush_all(self)

    def action_back(self) -> None:
        self._flush()
        self.dismiss(None)

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        return [
            ("Blad voor de cliënt", "Voorbereidingsblad in gewone taal", self.action_sheet),
        ]
