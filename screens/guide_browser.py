"""The guide without a case: every question set by phase and BOB stage, to teach and prepare.

Reading only: nothing here touches a case or the database, so it works before
the first case exists and on a projector without any real data in sight.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, Tree
from textual.widgets.tree import TreeNode

from leidraad.core.domain import Phase, Stage
from leidraad.core.guide import Guide, PhaseSet, Question
from screens.shown import cell, escape


@dataclass(frozen=True)
class GuidePlace:
    """What a line of the tree stands for; `question` set on a question's own line."""

    kind: str  # "phase", "stage", "voice", "worry" or "question"
    phase: Phase | None = None
    stage: Stage | None = None
    question: Question | None = None
    where: str = ""


def _question_block(number: int, question: Question, details: bool = True) -> str:
    lines = [f"[b]{number}. {escape(question.text)}[/]"]
    if details and question.help:
        lines.append(f"   [i]{escape(question.help)}[/]")
    if details and question.followups:
        lines.append("   Doorvragen:")
        lines += [f"     • {escape(f)}" for f in question.followups]
    return "\n".join(lines)


def _questions(questions: Sequence[Question], details: bool = True) -> str:
    return "\n\n".join(_question_block(i, q, details) for i, q in enumerate(questions, 1))


def _phase_heading(phase_set: PhaseSet) -> str:
    phase = phase_set.phase
    origin = f"versie {phase_set.version}" + (f", {phase_set.region}" if phase_set.region else "")
    return f"[b]Fase {phase.number}: {escape(phase.label)}[/]  [dim]{escape(origin)}[/]"


def describe(guide: Guide, place: GuidePlace) -> str:
    """The text on the right for the chosen line, as Rich markup."""
    if place.kind == "question" and place.question is not None:
        question = place.question
        parts = [f"[dim]{escape(place.where)}[/]", f"[b]{escape(question.text)}[/]"]
        if question.help:
            parts.append(f"[i]{escape(question.help)}[/]")
        if question.followups:
            prompts = "\n".join(f"  • {escape(f)}" for f in question.followups)
            parts.append(f"[b]Doorvragen[/]\n{prompts}")
        return "\n\n".join(parts)
    if place.kind == "stage" and place.phase is not None and place.stage is not None:
        phase_set = guide.for_phase(place.phase)
        questions = phase_set.stages.get(place.stage, ())
        heading = f"{_phase_heading(phase_set)}\n[b]{place.stage.label}[/]"
        return f"{heading}\n\n{_questions(questions)}"
    if place.kind == "phase" and place.phase is not None:
        phase_set = guide.for_phase(place.phase)
        blocks = [_phase_heading(phase_set), f"[dim]Gebaseerd op: {escape(phase_set.based_on)}[/]"]
        for stage in Stage:
            questions = phase_set.stages.get(stage, ())
            blocks.append(f"[b u]{stage.label}[/]\n{_questions(questions, details=False)}")
        return "\n\n".join(blocks)
    if place.kind == "voice":
        voice = guide.client_voice
        return "\n\n".join(
            [
                f"[b]{escape(voice.title)}[/]  [dim]{escape(voice.label)}[/]",
                "Niet óver maar mét: deze vragen stelt de procesregisseur aan de cliënten aan "
                "tafel. De casusregisseur bereidt ze er thuis op voor. Kinderen zitten niet aan "
                "tafel; hun stem komt via de casusregisseur of jeugd-GGZ.",
                f"[b]Schaalvraag[/]\n  {escape(voice.scale_question)}",
                f"[b]Hoe kan het cijfer omhoog?[/]\n  {escape(voice.higher_question)}",
                _questions(voice.questions),
            ]
        )
    if place.kind == "worry" and guide.worry is not None:
        worry = guide.worry
        return "\n\n".join(
            [
                f"[b]{escape(worry.title)}[/]  [dim]{escape(worry.label)}[/]",
                "Slaat iemand alarm, dan eerst doorvragen in plaats van meteen in actie te "
                "schieten. In een overleg opent Ctrl+R deze vragen bij elke vraag.",
                _questions(worry.questions),
            ]
        )
    return ""


class GuideBrowserScreen(Screen[None]):
    """Tree on the left (phase → stage → question), the full text on the right."""

    CSS = """
    GuideBrowserScreen .title { text-style: bold; color: $accent; padding: 1 2 0 2; }
    GuideBrowserScreen #guide-hint { color: $text-muted; padding: 0 2; }
    GuideBrowserScreen #guide-body { height: 1fr; margin: 1 1 0 1; }
    GuideBrowserScreen #guide-tree {
        width: 2fr; max-width: 60; border: round $primary; overflow-x: hidden;
    }
    GuideBrowserScreen #guide-detail { width: 3fr; border: round $primary; padding: 0 1; }
    GuideBrowserScreen #guide-tree:focus, GuideBrowserScreen #guide-detail:focus {
        border: heavy $border;
    }
    """
    AUTO_FOCUS = "#guide-tree"
    BINDINGS = [
        Binding("escape", "close", "Terug"),
        Binding("pagedown", "next_question", "Volgende vraag", priority=True),
        Binding("pageup", "previous_question", "Vorige", priority=True),
        Binding("1", "jump('phase-1')", "Fase 1", show=False),
        Binding("2", "jump('phase-2')", "Fase 2", show=False),
        Binding("3", "jump('phase-3')", "Fase 3", show=False),
        Binding("c", "jump('voice')", "Cliënt", show=False),
        Binding("z", "jump('worry')", "Zorg", show=False),
    ]

    def __init__(self, guide: Guide) -> None:
        super().__init__()
        self.guide = guide
        self.roots: dict[str, TreeNode[GuidePlace]] = {}
        self.leaves: list[TreeNode[GuidePlace]] = []
        self._target: TreeNode[GuidePlace] | None = None  # where the cursor is going

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Gids: de vragen per fase en per stap (BOB)", classes="title")
        yield Static(
            "↑↓ Enter kiezen · Tab tekst · PgDn/PgUp vraag voor vraag · 1 2 3 fase · "
            "c cliënt · z zorg",
            id="guide-hint",
        )
        with Horizontal(id="guide-body"):
            yield Tree[GuidePlace]("Gids", id="guide-tree")
            with VerticalScroll(id="guide-detail"):
                yield Static("", id="detail")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title = "Gids"
        tree = self.query_one("#guide-tree", Tree)
        tree.show_root = False
        tree.guide_depth = 3
        for phase in Phase:
            phase_set = self.guide.for_phase(phase)
            node = tree.root.add(
                Text(f"{phase.number}. {phase.label}", style="bold"),
                GuidePlace("phase", phase),
                expand=phase is Phase.DIRECTE_VEILIGHEID,
            )
            self.roots[f"phase-{phase.number}"] = node
            for stage in Stage:
                questions = phase_set.stages.get(stage, ())
                stage_node = node.add(
                    Text(f"{stage.label} ({len(questions)})"),
                    GuidePlace("stage", phase, stage),
                    expand=phase is Phase.DIRECTE_VEILIGHEID and stage is Stage.BEELDVORMING,
                )
                where = f"Fase {phase.number}: {phase.label} · {stage.label}"
                self._leaves(stage_node, questions, where, phase, stage)
        voice = self.guide.client_voice
        node = tree.root.add(Text("Stem van de cliënt", style="bold"), GuidePlace("voice"))
        self.roots["voice"] = node
        self._leaves(node, voice.questions, "Stem van de cliënt")
        if self.guide.worry is not None:
            worry = self.guide.worry
            node = tree.root.add(Text(worry.title, style="bold"), GuidePlace("worry"))
            self.roots["worry"] = node
            self._leaves(node, worry.questions, worry.title)
        tree.move_cursor(self.roots["phase-1"])
        self._show(GuidePlace("phase", Phase.DIRECTE_VEILIGHEID))

    def _leaves(
        self,
        parent: TreeNode[GuidePlace],
        questions: Sequence[Question],
        where: str,
        phase: Phase | None = None,
        stage: Stage | None = None,
    ) -> None:
        for number, question in enumerate(questions, 1):
            place = GuidePlace("question", phase, stage, question, where)
            self.leaves.append(parent.add_leaf(cell(f"{number}. {question.text}"), place))

    def _show(self, place: GuidePlace | None) -> None:
        if place is not None:
            self.query_one("#detail", Static).update(describe(self.guide, place))
            self.query_one("#guide-detail", VerticalScroll).scroll_home(animate=False)

    @on(Tree.NodeHighlighted, "#guide-tree")
    def _highlighted(self, event: Tree.NodeHighlighted[GuidePlace]) -> None:
        self._show(event.node.data)

    def _move_to(self, node: TreeNode[GuidePlace]) -> None:
        parent = node.parent
        while parent is not None:
            parent.expand()
            parent = parent.parent
        tree: Tree[GuidePlace] = self.query_one("#guide-tree", Tree)
        tree.focus()
        self._target = node  # a node just expanded has no line yet: move after the refresh

        def move() -> None:
            if self._target is node:
                tree.move_cursor(node, animate=False)
                self._target = None

        self.call_after_refresh(move)

    def _step(self, pick: Callable[[int], int]) -> None:
        tree: Tree[GuidePlace] = self.query_one("#guide-tree", Tree)
        current = self._target or tree.cursor_node
        if current in self.leaves:
            index = pick(self.leaves.index(current))
        else:  # from a phase or stage line, start at its first question
            below = [n for n in self.leaves if _is_below(n, current)]
            index = self.leaves.index(below[0]) if below else 0
        self._move_to(self.leaves[max(0, min(index, len(self.leaves) - 1))])

    def action_next_question(self) -> None:
        self._step(lambda i: i + 1)

    def action_previous_question(self) -> None:
        self._step(lambda i: i - 1)

    def action_jump(self, name: str) -> None:
        node = self.roots.get(name)
        if node is not None:
            node.expand()
            self._move_to(node)

    def action_close(self) -> None:
        self.dismiss(None)

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        return [
            (
                "Fase 1: directe veiligheid",
                "Naar de vragen van fase 1",
                lambda: self.action_jump("phase-1"),
            ),
            (
                "Fase 2: stabiele veiligheid",
                "Naar de vragen van fase 2",
                lambda: self.action_jump("phase-2"),
            ),
            ("Fase 3: herstel", "Naar de vragen van fase 3", lambda: self.action_jump("phase-3")),
            ("Stem van de cliënt", "De vragen aan de cliënten", lambda: self.action_jump("voice")),
            ("Zorg concreet maken", "Doorvragen bij alarm", lambda: self.action_jump("worry")),
        ]


def _is_below(node: TreeNode[GuidePlace], ancestor: TreeNode[GuidePlace] | None) -> bool:
    parent = node.parent
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parent
    return False
