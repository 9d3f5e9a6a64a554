"""The meeting: walks the procesregisseur through the parts and questions of the guide."""

from __future__ import annotations

from collections.abc import Callable

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from exports.documents import save_minutes
from leidraad.domain import Answer, MeetingStatus, format_date
from leidraad.flow import MeetingFlow, Part
from screens.context import AppContext
from screens.meeting.actions_page import ActionsPage
from screens.meeting.closing_page import ClosingPage
from screens.meeting.opening_page import OpeningPage
from screens.meeting.question_page import QuestionPage
from screens.meeting.scores_page import ScoresPage
from screens.meeting.worry_dialog import WorryDialog
from screens.widgets.answer_editor import AnswerEditor
from screens.widgets.storage_guard import saving

KEY_HINT = (
    "[b]PgDn[/] volgende vraag\n[b]PgUp[/] vorige vraag\n"
    "[b]Ctrl+N[/] volgend deel\n[b]Ctrl+T[/] vorig deel\n[b]Ctrl+G[/] kies een deel\n"
    "[b]Ctrl+R[/] zorg concreet"
)


class MeetingScreen(Screen[None]):
    CSS_PATH = "meeting.tcss"
    BINDINGS = [
        # The footer must fit 100 columns; ^T is explained in the key hint under the parts.
        Binding("pagedown", "next_step", "Volgende", priority=True),
        Binding("pageup", "previous_step", "Vorige", priority=True),
        Binding("ctrl+n", "next_part", "Volgend deel", priority=True),
        Binding("ctrl+t", "previous_part", "Vorig deel", show=False, priority=True),
        Binding("ctrl+g", "goto_part", "Naar deel", show=False, priority=True),
        Binding("ctrl+o", "client_words", "Eigen woorden", priority=True),
        Binding("ctrl+r", "worry", "Zorg concreet", priority=True),
        Binding("ctrl+s", "save", "Opslaan", show=False, priority=True),
        Binding("escape", "leave", "Terug"),
    ]

    position: reactive[int] = reactive(0, init=False)

    def __init__(self, context: AppContext, meeting_id: int) -> None:
        super().__init__()
        self.context = context
        self.meeting = context.repo.get_meeting(meeting_id)
        self.case = context.repo.get_case(self.meeting.case_id)
        guide = context.guide
        self.phase_set = guide.for_phase(self.meeting.phase)
        self.flow = MeetingFlow(self.phase_set, guide.client_voice)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="topbar"):
            yield Static(self._meta(), id="meta")
            yield Static("", id="where")
        with Horizontal(id="body"):
            with Vertical(id="sidebar"):
                yield OptionList(
                    *(Option(f"{p.number}  {p.label}", id=p.value) for p in Part), id="parts"
                )
                yield Static(KEY_HINT, id="key-hint")
            with ContentSwitcher(id="pages", initial="step-0"):
                yield from self._pages()
        yield Footer(compact=True, show_command_palette=False)

    def _meta(self) -> str:
        m = self.meeting
        status = " · [b]afgesloten[/]" if m.status is MeetingStatus.AFGESLOTEN else ""
        return (
            f"[b]{escape(self.case.alias)}[/] · overleg {m.number} · {format_date(m.held_on)} · "
            f"fase {m.phase.number}: {m.phase.label}{status} · "
            f"[dim]vragenset: {escape(m.questionset or self.phase_set.label)}[/]"
        )

    def _pages(self) -> ComposeResult:
        for i, step in enumerate(self.flow.steps):
            page_id = f"step-{i}"
            if step.question is not None:
                answer = self.meeting.answers.get(step.question.id) or Answer(
                    step.question.id, step.question.text, step.part.value
                )
                yield QuestionPage(step, answer, self.save_answer, id=page_id)
            elif step.part is Part.OPENING:
                yield OpeningPage(self.context, self.meeting, self.save_answer, id=page_id)
            elif step.part is Part.CLIENTSTEM:
                yield ScoresPage(self.context, self.meeting, id=page_id)
            elif step.part is Part.ACTIEPLAN:
                yield ActionsPage(self.context, self.meeting, id=page_id)
            elif step.part is Part.AFSLUITING:
                yield ClosingPage(self.context, self.meeting, self.save_answer, id=page_id)
            else:
                yield Static(f"Geen vragen voor {step.part.label} in deze vragenset.", id=page_id)

    def on_mount(self) -> None:
        self.title = f"Overleg: {self.case.alias}"
        for page in self.query(QuestionPage):
            page.refresh_worry_note(self.meeting)
        self._show(self.position)

    def save_answer(self, answer: Answer) -> None:
        assert self.meeting.id is not None
        self.context.repo.save_answer(self.meeting.id, answer)
        self.meeting.answers[answer.question_id] = answer

    # --- moving through the meeting -----------------------------------------

    def watch_position(self, position: int) -> None:
        self._show(position)

    def _show(self, position: int) -> None:
        step = self.flow.steps[position]
        self.query_one("#where", Static).update(self.flow.where(position))
        parts = self.query_one("#parts", OptionList)
        parts.highlighted = step.part.number - 1
        switcher = self.query_one(ContentSwitcher)
        switcher.current = f"step-{position}"
        page = self._page(position)
        focus_main = getattr(page, "focus_main", None)
        if focus_main is not None:
            self.call_after_refresh(focus_main)

    def _page(self, position: int) -> Widget:
        return self.query_one(f"#step-{position}")

    def flush(self) -> None:
        """Write every pending answer now, before leaving or closing."""
        for editor in self.query(AnswerEditor):
            editor.flush()

    def _go(self, position: int) -> None:
        self.flush()
        self.position = self.flow.clamp(position)

    def action_next_step(self) -> None:
        self._go(self.flow.next(self.position))

    def action_previous_step(self) -> None:
        self._go(self.flow.previous(self.position))

    def action_next_part(self) -> None:
        self._go(self.flow.next_part(self.position))

    def action_previous_part(self) -> None:
        self._go(self.flow.previous_part(self.position))

    def action_goto_part(self) -> None:
        self.query_one("#parts", OptionList).focus()

    @on(OptionList.OptionSelected, "#parts")
    def _part_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self._go(self.flow.start_of(Part(event.option.id)))

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        def go(part: Part) -> Callable[[], None]:
            return lambda: self._go(self.flow.start_of(part))

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
                "Overleg afsluiten",
                "Naar de afsluiting: samenvatting en verslag",
                go(Part.AFSLUITING),
            ),
        ]
        return commands

    def action_client_words(self) -> None:
        editor = self.focused if isinstance(self.focused, AnswerEditor) else None
        if editor is None:
            found = self._page(self.position).query(AnswerEditor)
            editor = found.first() if found else None
        if editor is None:
            self.notify("Op deze pagina is geen antwoord om te markeren.", severity="warning")
            return
        editor.toggle_client_words()
        marked = editor.answer.client_words
        self.notify(
            "Gemarkeerd als eigen woorden van de cliënt."
            if marked
            else "Markering 'eigen woorden' weggehaald."
        )

    def action_worry(self) -> None:
        worry = self.context.guide.worry
        page = self._page(self.position)
        if worry is None or not isinstance(page, QuestionPage):
            self.notify(
                "Ga eerst naar een vraag: de zorg wordt bij die vraag bewaard.", severity="warning"
            )
            return
        editor = page.query_one(AnswerEditor)
        editor.flush()
        if editor.answer.question_id not in self.meeting.answers:
            self.save_answer(editor.answer)  # so the minutes can show the worry under its question

        def back(_: None) -> None:
            page.refresh_worry_note(self.meeting)
            page.focus_main()

        self.app.push_screen(
            WorryDialog(worry, editor.answer, self.meeting, self.save_answer), back
        )

    def action_save(self) -> None:
        self.flush()
        self.notify("Alles is opgeslagen. (Leidraad slaat ook vanzelf op terwijl je typt.)")

    def action_leave(self) -> None:
        self.flush()
        self.dismiss(None)

    def on_unmount(self) -> None:
        self.flush()

    # --- closing -------------------------------------------------------------

    @on(ClosingPage.CloseRequested)
    def _close_meeting(self) -> None:
        self.flush()
        assert self.meeting.id is not None
        repo = self.context.repo
        with saving(self) as attempt:
            repo.close_meeting(self.meeting.id)
            self.meeting = repo.get_meeting(self.meeting.id)
        if not attempt.ok:
            return
        try:
            path = save_minutes(
                self.case, self.meeting, self.context.guide, self.context.minutes_dir
            )
        except OSError as error:
            self.notify(
                f"Het verslag kon niet worden geschreven: {error.strerror}. "
                "Het overleg zelf is opgeslagen.",
                severity="error",
            )
            return
        with saving(self):
            repo.record_export(self.meeting.case_id, self.meeting.number, "bij het afsluiten")
        self.query_one("#meta", Static).update(self._meta())
        self.query_one(ClosingPage).show_result(f"Verslag opgeslagen in:\n{path}")
        self.notify(f"Verslag opgeslagen: {path}", title="Overleg afgesloten", timeout=10)
