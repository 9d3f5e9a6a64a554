"""The meeting: walks the procesregisseur through the parts and questions of the guide.

The screen moves between pages and routes keys; what a page shows and stores
comes from the one meeting session every page is given (session.py), and what
the screen asks of a page is the same for all of them (page.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from leidraad.core.audience import Restriction
from leidraad.core.domain import format_date
from leidraad.core.flow import REVIEW_STEP, MeetingFlow, Part
from leidraad.core.meeting import Meeting
from leidraad.core.people import names_by_key
from screens.context import AppContext
from screens.export_screen import ExportScreen
from screens.meeting.actions_page import ActionsPage
from screens.meeting.clock import MeetingClock
from screens.meeting.closing_page import ClosingPage
from screens.meeting.commands import Command, meeting_commands
from screens.meeting.minutes import write_minutes
from screens.meeting.opening_page import OpeningPage
from screens.meeting.page import EmptyPage, MeetingPage
from screens.meeting.question_page import QuestionPage
from screens.meeting.review_page import ReviewPage
from screens.meeting.scores_page import ScoresPage
from screens.meeting.session import MeetingSession
from screens.meeting.voice_bar import ClientVoiceBar
from screens.meeting.worry_dialog import make_worry_concrete
from screens.shown import escape, line
from screens.widgets.answer_editor import cycle_speaker
from screens.widgets.restriction_dialog import RestrictionDialog
from screens.widgets.saver import flush_all
from screens.widgets.storage_guard import saving

KEY_HINT = (
    "[b]PgDn[/] volgende vraag\n[b]PgUp[/] vorige vraag\n"
    "[b]Ctrl+N[/] volgend deel\n[b]Ctrl+B[/] vorig deel\n[b]Ctrl+G[/] kies een deel\n"
    "[b]Ctrl+T[/] time-out\n[b]Ctrl+R[/] zorg concreet\n[b]Ctrl+L[/] afschermen\n"
    "[b]Ctrl+E[/] verslag bekijken"
)

# The parts with a page of their own; the stages of the guide are question pages.
PART_PAGES: dict[Part, Callable[[MeetingSession, str], MeetingPage]] = {
    Part.OPENING: lambda session, page_id: OpeningPage(session, id=page_id),
    Part.CLIENTSTEM: lambda session, page_id: ScoresPage(session, id=page_id),
    Part.ACTIEPLAN: lambda session, page_id: ActionsPage(session, id=page_id),
    Part.AFSLUITING: lambda session, page_id: ClosingPage(session, id=page_id),
}


class MeetingScreen(Screen[None]):
    CSS_PATH = "meeting.tcss"
    # Below 100 columns rows of buttons pack closer, so none falls off the screen.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        # The footer must fit 100 columns; the rest is in the key hint under the parts.
        Binding("pagedown", "next_step", "Volgende", priority=True),
        Binding("pageup", "previous_step", "Vorige", priority=True),
        Binding("ctrl+n", "next_part", "Volgend deel", priority=True),
        Binding("ctrl+b", "previous_part", "Vorig deel", show=False, priority=True),
        Binding("ctrl+t", "timeout", "Time-out", priority=True),
        Binding("ctrl+g", "goto_part", "Naar deel", show=False, priority=True),
        Binding("ctrl+o", "client_words", "Eigen woorden", priority=True),
        Binding("ctrl+r", "worry", "Zorg concreet", show=False, priority=True),
        Binding("ctrl+l", "restrict", "Afschermen", priority=True),
        Binding("ctrl+e", "export", "Verslag", show=False, priority=True),
        Binding("ctrl+s", "save", "Opslaan", show=False, priority=True),
        Binding("ctrl+f", "change_phase", "Fase wijzigen", show=False, priority=True),
        Binding("escape", "leave", "Terug"),
    ]

    def __init__(self, context: AppContext, meeting_id: int) -> None:
        super().__init__()
        self.context = context
        self.session = MeetingSession(context, meeting_id)
        self.position = 0

    @property
    def meeting(self) -> Meeting:
        return self.session.meeting

    @property
    def flow(self) -> MeetingFlow:
        return self.session.flow

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="topbar"):
            yield Static(self._meta(), id="meta")
            with Horizontal(id="where-row"):
                yield Static("", id="where")
                yield MeetingClock(self.session)
        with Horizontal(id="body"):
            with Vertical(id="sidebar"):
                yield OptionList(
                    *(Option(f"{p.number}  {p.label}", id=p.value) for p in Part), id="parts"
                )
                yield Static(KEY_HINT, id="key-hint")
            with Vertical(id="main"):
                yield ClientVoiceBar(id="voice-bar")
                # Pages are made when first visited: a meeting opens fast however long the guide.
                with ContentSwitcher(id="pages", initial="step-0"):
                    yield self._make_page(0)
        yield Footer(compact=True, show_command_palette=False)

    def _meta(self) -> str:
        m, session = self.session.meeting, self.session
        status = " · [b]afgesloten[/]" if session.closed else ""
        return (
            f"[b]{escape(session.case.alias)}[/] · overleg {m.number} · "
            f"{format_date(m.held_on)} · fase {m.phase.number}: {m.phase.label}{status} · "
            f"[dim]vragenset: {escape(m.questionset or session.phase_set.label)}[/]"
        )

    def _make_page(self, i: int) -> MeetingPage:
        step = self.session.flow.steps[i]
        page_id = f"step-{i}"
        if step.kind == REVIEW_STEP:
            return ReviewPage(self.session, id=page_id)
        if step.question is not None:
            return QuestionPage(self.session, step, id=page_id)
        make = PART_PAGES.get(step.part)
        if make is not None:
            return make(self.session, page_id)
        return EmptyPage(f"Geen vragen voor {step.part.label} in deze vragenset.", id=page_id)

    def on_mount(self) -> None:
        self.title = f"Overleg: {line(self.session.case.alias)}"
        with saving(self):  # without it the clock just waits; the meeting goes on
            self.session.start_if_due()
        self._show()
        self.query_one(MeetingClock).tick()

    # --- moving through the meeting -----------------------------------------

    def _pages(self) -> Iterator[MeetingPage]:
        """Every page made so far (a query by the MeetingPage type finds none: see page.py)."""
        for switcher in self.query("#pages"):  # none left while the screen unmounts
            for child in switcher.children:
                if isinstance(child, MeetingPage):
                    yield child

    def _page(self) -> MeetingPage:
        """The page shown now."""
        return self.query_one(f"#step-{self.position}", MeetingPage)

    def _show(self) -> None:
        position = self.position
        step = self.session.flow.steps[position]
        bar = self.query_one(ClientVoiceBar)
        bar.display = step.part.stage is not None
        if bar.display:
            bar.show_for(self.session.meeting, self.session.voices)
        self.query_one("#where", Static).update(self.session.flow.where(position))
        self.query_one("#parts", OptionList).highlighted = step.part.number - 1
        self.query_one(ContentSwitcher).current = f"step-{position}"
        # Focus at once, not after the next refresh: keys typed right after PgDn
        # must land on the new page, never in a field of the page just hidden.
        target = self._page().focus_target()
        self.set_focus(target, scroll_visible=False)
        if target is not None:  # and into view once the page has its size (80x24)
            self.call_after_refresh(target.scroll_visible, animate=False)

    def flush(self) -> None:
        """Write everything still waiting to be saved now, before leaving or closing."""
        flush_all(self)

    async def goto(self, position: int) -> None:
        """Show step `position`, making its page first if it was never visited."""
        self.flush()
        position = self.session.flow.clamp(position)
        switcher = self.query_one(ContentSwitcher)
        if not switcher.query_children(f"#step-{position}"):
            # Awaited inside the key's action, so keys typed meanwhile wait for the page.
            await switcher.mount(self._make_page(position))
        self.position = position
        self._show()

    async def action_next_step(self) -> None:
        await self.goto(self.session.flow.next(self.position))

    async def action_previous_step(self) -> None:
        await self.goto(self.session.flow.previous(self.position))

    async def action_next_part(self) -> None:
        await self.goto(self.session.flow.next_part(self.position))

    async def action_previous_part(self) -> None:
        await self.goto(self.session.flow.previous_part(self.position))

    def action_goto_part(self) -> None:
        self.query_one("#parts", OptionList).focus()

    @on(OptionList.OptionSelected, "#parts")
    async def _part_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            await self.goto(self.session.flow.start_of(Part(event.option.id)))

    @on(MeetingPage.DataChanged)
    def _data_changed(self) -> None:
        for page in self._pages():
            page.refresh_data()

    def palette_commands(self) -> list[Command]:
        return meeting_commands(self)

    # --- what the keys do on the page shown --------------------------------------

    def action_timeout(self) -> None:
        self.flush()
        self.query_one(MeetingClock).take_timeout()

    def action_client_words(self) -> None:
        """Ctrl+O: whose own words these are, in turn; protection follows who said it."""
        editor = self._page().answer_editor(self.focused)
        if editor is None:
            self.notify(
                "Op deze pagina is geen antwoord om te markeren.", severity="warning", markup=False
            )
            return
        speakers = self.session.speakers()
        editor.next_speaker(speakers)
        answer = editor.answer
        if not answer.client_words:
            self.notify("Markering 'eigen woorden' weggehaald.", markup=False)
            return
        following = cycle_speaker(answer, speakers)
        if not following.client_words:
            then = "geen eigen woorden"
        elif following.speaker:
            then = self.session.names().get(following.speaker, "iemand anders")
        else:
            then = "van wie is onbekend"
        self.notify(f"Gemarkeerd: {editor.speaker_label()}. Nog eens Ctrl+O: {then}.", markup=False)

    def action_worry(self) -> None:
        make_worry_concrete(self, self._page())

    def action_restrict(self) -> None:
        target = self._page().restrict_target(self.focused)
        if target is None:
            self.notify("Ga eerst naar een antwoord, cijfer of actie.", severity="warning")
            return
        case = self.session.current_case()

        def chosen(restriction: Restriction | None) -> None:
            if restriction is not None:
                target.apply(restriction)
                said = restriction.describe(names_by_key(case))
                self.notify(f"Wie mag dit lezen: {said}.", markup=False)

        dialog = RestrictionDialog(target.what, target.current, case, target.origin)
        self.app.push_screen(dialog, chosen)

    def action_export(self) -> None:
        self.flush()
        self.app.push_screen(ExportScreen(self.context, self.session.meeting_id))

    def action_save(self) -> None:
        self.flush()
        self.notify(
            "Alles is opgeslagen. (Leidraad slaat ook vanzelf op terwijl je typt.)", markup=False
        )

    def action_leave(self) -> None:
        self.flush()
        self.dismiss(None)

    def on_unmount(self) -> None:
        self.flush()

    # --- closing, the phase and the plans -----------------------------------------

    @on(ClosingPage.CloseRequested)
    def _close_requested(self) -> None:
        self._close_meeting()

    @work(exclusive=True, group="close")
    async def _close_meeting(self) -> None:
        self.flush()
        with saving(self) as attempt:
            self.session.close()
        if not attempt.ok:
            return
        self.query_one("#meta", Static).update(self._meta())
        result = await write_minutes(self, self.session)
        if result is not None:
            self.query_one(ClosingPage).show_result(result)

    async def action_change_phase(self) -> None:
        await self.goto(self.session.flow.start_of(Part.AFSLUITING))
        self.query_one(ClosingPage).change_phase()

    def action_plans(self) -> None:
        from screens.plans import PlansScreen

        self.flush()
        case_id = self.session.case.id or 0
        self.app.push_screen(PlansScreen(self.context, case_id, self.session.meeting.held_on))
