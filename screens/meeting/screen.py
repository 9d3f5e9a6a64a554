"""The meeting: walks the procesregisseur through the parts and questions of the guide."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from exports.documents import save_minutes
from leidraad.core.audience import Restriction
from leidraad.core.domain import Answer, MeetingStatus, format_date
from leidraad.core.flow import REVIEW_STEP, MeetingFlow, Part
from leidraad.core.voice import ClientVoice, format_duration, meeting_time
from screens.context import AppContext
from screens.export_screen import ExportScreen
from screens.meeting.actions_page import ActionsPage
from screens.meeting.closing_page import ClosingPage
from screens.meeting.opening_page import OpeningPage
from screens.meeting.phase_decision import PhaseDecision
from screens.meeting.question_page import QuestionPage
from screens.meeting.review_page import ReviewPage
from screens.meeting.scores_page import ScoreRow, ScoresPage
from screens.meeting.timeout_screen import TimeOutScreen
from screens.meeting.voice_bar import ClientVoiceBar
from screens.meeting.worry_dialog import WorryDialog
from screens.widgets.answer_editor import AnswerEditor
from screens.widgets.pending import flush_all
from screens.widgets.prompt import ConfirmDialog
from screens.widgets.restriction_dialog import RestrictionDialog
from screens.widgets.storage_guard import saving

KEY_HINT = (
    "[b]PgDn[/] volgende vraag\n[b]PgUp[/] vorige vraag\n"
    "[b]Ctrl+N[/] volgend deel\n[b]Ctrl+B[/] vorig deel\n[b]Ctrl+G[/] kies een deel\n"
    "[b]Ctrl+T[/] time-out\n[b]Ctrl+R[/] zorg concreet\n[b]Ctrl+L[/] afschermen\n"
    "[b]Ctrl+E[/] verslag bekijken"
)


class MeetingScreen(Screen[None]):
    CSS_PATH = "meeting.tcss"
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
        self.meeting = context.repo.get_meeting(meeting_id)
        self.case = context.repo.get_case(self.meeting.case_id)
        guide = context.guide
        self.phase_set = guide.for_phase(self.meeting.phase)
        self.review_items = context.repo.review_items(meeting_id)
        self.flow = MeetingFlow(
            self.phase_set,
            guide.client_voice,
            self.meeting.answers.values(),
            review=bool(self.review_items),
        )
        self.position = 0
        self.voices = context.repo.client_voices(meeting_id)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="topbar"):
            yield Static(self._meta(), id="meta")
            with Horizontal(id="where-row"):
                yield Static("", id="where")
                yield Static("", id="clock")
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
        m = self.meeting
        status = " · [b]afgesloten[/]" if m.status is MeetingStatus.AFGESLOTEN else ""
        return (
            f"[b]{escape(self.case.alias)}[/] · overleg {m.number} · {format_date(m.held_on)} · "
            f"fase {m.phase.number}: {m.phase.label}{status} · "
            f"[dim]vragenset: {escape(m.questionset or self.phase_set.label)}[/]"
        )

    def _make_page(self, i: int) -> Widget:
        step = self.flow.steps[i]
        page_id = f"step-{i}"
        if step.kind == REVIEW_STEP:
            return ReviewPage(self.context, self.meeting, self.review_items, id=page_id)
        if step.question is not None:
            answer = self.meeting.answers.get(step.question.id) or Answer(
                step.question.id, step.question.text, step.part.value
            )
            return QuestionPage(step, answer, self.save_answer, self.meeting, id=page_id)
        if step.part is Part.OPENING:
            return OpeningPage(
                self.context,
                self.meeting,
                self.save_answer,
                self.voices,
                self.save_voice,
                id=page_id,
            )
        if step.part is Part.CLIENTSTEM:
            return ScoresPage(self.context, self.meeting, id=page_id)
        if step.part is Part.ACTIEPLAN:
            return ActionsPage(self.context, self.meeting, id=page_id)
        if step.part is Part.AFSLUITING:
            return ClosingPage(
                self.context,
                self.meeting,
                self.save_answer,
                self.voices,
                self.save_voice,
                id=page_id,
            )
        return Static(f"Geen vragen voor {step.part.label} in deze vragenset.", id=page_id)

    def on_mount(self) -> None:
        self.title = f"Overleg: {self.case.alias}"
        assert self.meeting.id is not None
        started = self.meeting.started_at is not None
        if self.meeting.status is MeetingStatus.OPEN and not started and self._is_today_or_past():
            with saving(self):  # without it the clock just waits; the meeting goes on
                self.meeting.started_at = self.context.repo.mark_started(
                    self.meeting.id, self.context.now()
                )
        self._show(self.position)
        self._tick()
        self.set_interval(15, self._tick)

    def _is_today_or_past(self) -> bool:
        """A meeting opened days ahead (to look or prepare) has not begun yet."""
        return self.meeting.held_on <= self.context.today()

    def save_answer(self, answer: Answer) -> None:
        assert self.meeting.id is not None
        self.context.repo.save_answer(self.meeting.id, answer)
        self.meeting.answers[answer.question_id] = answer

    def save_voice(self, voice: ClientVoice) -> ClientVoice:
        """Store a client's voice; aftercare may add or change an action, so reload those."""
        assert self.meeting.id is not None
        stored = self.context.repo.save_client_voice(self.meeting.id, voice)
        before = next((v for v in self.voices if v.member == stored.member), None)
        self.voices[:] = [stored if v.member == stored.member else v for v in self.voices]
        self.meeting.voices = list(self.voices)
        if before is None or _aftercare(before) != _aftercare(stored):
            # Only then can the action plan have changed: typing elsewhere reads nothing.
            self.meeting.actions = self.context.repo.get_meeting(self.meeting.id).actions
            for page in self.query(ActionsPage):
                page.refresh_actions()
        return stored

    # --- the clock and time-outs -----------------------------------------------

    def _tick(self) -> None:
        m = self.meeting
        if m.started_at is None:
            self.query_one("#clock", Static).update("nog niet begonnen")
            return
        end = m.closed_at if m.status is MeetingStatus.AFGESLOTEN and m.closed_at else None
        length = meeting_time(m.started_at, m.timeouts, end or self.context.now())
        label = "duur" if end else "tijd"
        self.query_one("#clock", Static).update(f"{label} {format_duration(length)}")

    @work(exclusive=True, group="timeout")
    async def action_timeout(self) -> None:
        """Pause the meeting: logged at once, so a crash during the pause still records it."""
        self.flush()
        assert self.meeting.id is not None
        repo = self.context.repo
        with saving(self) as saved:
            timeout = repo.start_timeout(self.meeting.id, self.context.now())
        if not saved.ok:
            return
        self.meeting.timeouts.append(timeout)
        await self.app.push_screen_wait(TimeOutScreen(timeout.started_at, self.context.now))
        ended = self.context.now()
        assert timeout.id is not None
        with saving(self):
            repo.end_timeout(timeout.id, ended)
        timeout.ended_at = ended
        minutes = max(1, round((ended - timeout.started_at).total_seconds() / 60))
        self.notify(
            f"Time-out van {minutes} {'minuut' if minutes == 1 else 'minuten'} vastgelegd.",
            markup=False,
        )
        self._tick()

    # --- moving through the meeting -----------------------------------------

    def _show(self, position: int) -> None:
        step = self.flow.steps[position]
        bar = self.query_one(ClientVoiceBar)
        bar.display = step.part.stage is not None
        if bar.display:
            bar.show_for(self.meeting, self.voices)
        self.query_one("#where", Static).update(self.flow.where(position))
        parts = self.query_one("#parts", OptionList)
        parts.highlighted = step.part.number - 1
        switcher = self.query_one(ContentSwitcher)
        switcher.current = f"step-{position}"
        page = self._page(position)
        main_widget = getattr(page, "main_widget", None)
        target = main_widget() if main_widget is not None else None
        # Focus at once, not after the next refresh: keys typed right after PgDn
        # must land on the new page, never in a field of the page just hidden.
        self.set_focus(target, scroll_visible=False)

    def _page(self, position: int) -> Widget:
        return self.query_one(f"#step-{position}")

    def flush(self) -> None:
        """Write everything still waiting to be saved now, before leaving or closing."""
        flush_all(self)

    async def goto(self, position: int) -> None:
        """Show step `position`, making its page first if it was never visited."""
        self.flush()
        position = self.flow.clamp(position)
        switcher = self.query_one(ContentSwitcher)
        if not switcher.query_children(f"#step-{position}"):
            # Awaited inside the key's action, so keys typed meanwhile wait for the page.
            await switcher.mount(self._make_page(position))
        self.position = position
        self._show(position)

    async def action_next_step(self) -> None:
        await self.goto(self.flow.next(self.position))

    async def action_previous_step(self) -> None:
        await self.goto(self.flow.previous(self.position))

    async def action_next_part(self) -> None:
        await self.goto(self.flow.next_part(self.position))

    async def action_previous_part(self) -> None:
        await self.goto(self.flow.previous_part(self.position))

    def action_goto_part(self) -> None:
        self.query_one("#parts", OptionList).focus()

    @on(OptionList.OptionSelected, "#parts")
    async def _part_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            await self.goto(self.flow.start_of(Part(event.option.id)))

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        def go(part: Part) -> Callable[[], Awaitable[None]]:
            return lambda: self.goto(self.flow.start_of(part))

        commands: list[tuple[str, str, Callable[[], object]]] = [
            (f"Naar {part.label}", f"Deel {part.number} van {len(Part)}", go(part)) for part in Part
        ]
        commands += [
            (
                "Eigen woorden van de cliënt",
                "Markeer het antwoord als citaat",
                self.action_client_words,
            ),
            (
                "Wie mag dit lezen?",
                "Afschermen: alleen professionals of alleen voor één partner",
                self.action_restrict,
            ),
            ("Zorg concreet maken", "Bij deze vraag: eerst de zorg concreet", self.action_worry),
            (
                "Verslag bekijken en bewaren",
                "Kies de versie: volledig, cliënt, acties of per partner",
                self.action_export,
            ),
            (
                "Overleg afsluiten",
                "Naar de afsluiting: samenvatting en verslag",
                go(Part.AFSLUITING),
            ),
        ]
        commands += self._followup_commands()
        return commands

    def action_client_words(self) -> None:
        editor = self.focused if isinstance(self.focused, AnswerEditor) else None
        if editor is None:
            found = self._page(self.position).query(AnswerEditor)
            editor = found.first() if found else None
        if editor is None:
            self.notify(
                "Op deze pagina is geen antwoord om te markeren.", severity="warning", markup=False
            )
            return
        editor.toggle_client_words()
        marked = editor.answer.client_words
        self.notify(
            "Gemarkeerd als eigen woorden van de cliënt."
            if marked
            else "Markering 'eigen woorden' weggehaald.",
            markup=False,
        )

    def action_worry(self) -> None:
        worry = self.context.guide.worry
        page = self._page(self.position)
        if worry is None or not isinstance(page, QuestionPage):
            self.notify(
                "Ga eerst naar een vraag: de zorg wordt bij die vraag bewaard.",
                severity="warning",
                markup=False,
            )
            return
        editor = page.query_one(AnswerEditor)
        editor.flush()
        if editor.answer.question_id not in self.meeting.answers:
            with saving(self) as saved:  # so the minutes can show the worry under its question
                self.save_answer(editor.answer)
            if not saved.ok:
                return

        def back(_: None) -> None:
            page.refresh_worry_note(self.meeting)
            self.set_focus(page.main_widget(), scroll_visible=False)

        self.app.push_screen(
            WorryDialog(worry, editor.answer, self.meeting, self.save_answer), back
        )

    def _restrict_target(self) -> tuple[str, Restriction, Callable[[Restriction], None]] | None:
        """The item under the cursor that a marking would apply to, if there is one."""
        focused = self.focused
        row = (
            next((a for a in focused.ancestors if isinstance(a, ScoreRow)), None)
            if focused
            else None
        )
        if row is not None:
            return f"Cijfer van {row.score.perspective}", row.score.restriction, row.set_restriction
        page = self._page(self.position)
        if isinstance(page, ActionsPage):
            action = page.selected_action()
            if action is None:
                return None
            return (
                f"Actie: {action.description}",
                action.restriction,
                lambda r: page.set_restriction(action, r),
            )
        editor = focused if isinstance(focused, AnswerEditor) else None
        if editor is None:
            found = page.query(AnswerEditor)
            editor = found.first() if found else None
        if editor is None:
            return None
        return editor.answer.question_text, editor.answer.restriction, editor.set_restriction

    def action_restrict(self) -> None:
        target = self._restrict_target()
        if target is None:
            self.notify("Ga eerst naar een antwoord, cijfer of actie.", severity="warning")
            return
        what, current, apply = target

        def chosen(restriction: Restriction | None) -> None:
            if restriction is not None:
                apply(restriction)
                self.notify(f"Wie mag dit lezen: {restriction.label}.", markup=False)

        partners = [p.organisation for p in self.case.partners]
        self.app.push_screen(RestrictionDialog(what, current, partners), chosen)

    def action_export(self) -> None:
        self.flush()
        assert self.meeting.id is not None
        self.app.push_screen(ExportScreen(self.context, self.meeting.id))

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

    # --- closing -------------------------------------------------------------

    @on(ClosingPage.CloseRequested)
    def _close_requested(self) -> None:
        self._close_meeting()

    @work(exclusive=True, group="close")
    async def _close_meeting(self) -> None:
        self.flush()
        meeting_id = self.meeting.id
        assert meeting_id is not None
        repo = self.context.repo
        with saving(self) as attempt:
            repo.close_meeting(meeting_id)
            self.meeting = repo.get_meeting(meeting_id)
        if not attempt.ok:
            return
        self.query_one("#meta", Static).update(self._meta())
        guide, folder = self.context.guide, self.context.minutes_dir
        followup = repo.meeting_followup(meeting_id)
        try:
            try:
                path = save_minutes(self.case, self.meeting, guide, folder, followup=followup)
            except FileExistsError as existing:
                replace = await self.app.push_screen_wait(
                    ConfirmDialog(
                        f"Er is al een verslag van dit overleg:\n{escape(str(existing.filename))}"
                        "\n\nWil je het vervangen door de nieuwe versie?",
                        yes="Vervangen",
                    )
                )
                if not replace:
                    self.query_one(ClosingPage).show_result(
                        "Het bestaande verslag is niet aangeraakt. Met Ctrl+E kun je een "
                        "versie onder een andere naam bewaren."
                    )
                    return
                path = save_minutes(
                    self.case, self.meeting, guide, folder, overwrite=True, followup=followup
                )
        except OSError as error:
            self.notify(
                f"Het verslag kon niet worden geschreven: {error.strerror}. "
                "Het overleg zelf is opgeslagen.",
                severity="error",
                markup=False,
            )
            return
        with saving(self):
            repo.record_export(
                self.meeting.case_id, f"verslag overleg {self.meeting.number} bij het afsluiten"
            )
        self.query_one(ClosingPage).show_result(f"Verslag opgeslagen in:\n{path}")
        self.notify(
            f"Verslag opgeslagen: {path}", title="Overleg afgesloten", timeout=10, markup=False
        )

    # --- following the case over time ----------------------------------------------

    def _followup_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        commands: list[tuple[str, str, Callable[[], object]]] = []
        review = self.flow.review_position()
        if review is not None:
            commands.append(
                (
                    "Afspraken aftikken",
                    "Open acties van eerdere overleggen: gedaan, deels, niet gedaan",
                    lambda: self.goto(review),
                )
            )
        commands += [
            ("Fase wijzigen", "Besluit over de fase, met reden (Ctrl+F)", self.action_change_phase),
            (
                "Plannen: wie kent ze",
                "Veiligheidsplan, hulpverleningsplan, herstelplan",
                self.action_plans,
            ),
        ]
        return commands

    async def action_change_phase(self) -> None:
        await self.goto(self.flow.start_of(Part.AFSLUITING))
        self.query_one(PhaseDecision).change()

    def action_plans(self) -> None:
        from screens.plans import PlansScreen

        self.flush()
        self.app.push_screen(PlansScreen(self.context, self.case.id or 0, self.meeting.held_on))


def _aftercare(voice: ClientVoice) -> tuple[object, ...]:
    """What of a voice the aftercare action in the plan is made from."""
    return (voice.inform_by, voice.inform_how, voice.inform_due, voice.inform_action_id)
