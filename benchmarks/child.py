"""One measurement of benchmarks/run.py, in a fresh interpreter; prints one JSON line."""

from __future__ import annotations

import json
import os
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

STARTED = time.time()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def emit(**values: float) -> None:
    print(json.dumps(values))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


# --- data -------------------------------------------------------------------


def make(folder: Path, cases: int, meetings: int) -> None:
    """Seeded cases with meetings, answers, scores and actions, written in bulk."""
    from sqlalchemy import insert

    from leidraad.paths import Paths
    from storage.database import open_engine
    from storage.tables import (
        ActionRow,
        AnswerRow,
        CaseRow,
        FamilyMemberRow,
        MeetingRow,
        PartnerRow,
        ScoreRow,
    )

    paths = Paths(folder)
    paths.prepare()
    engine = open_engine(paths.database)
    rng = random.Random(1)
    phases = ["directe_veiligheid", "stabiele_veiligheid", "herstel"]
    start = date(2024, 1, 8)
    case_rows, members, partners, meeting_rows, answers, scores, actions = (
        [],
        [],
        [],
        [],
        [],
        [],
        [],
    )
    meeting_id = 0
    for case_id in range(1, cases + 1):
        case_rows.append(
            {
                "id": case_id,
                "alias": f"Gezin {case_id:05d}",
                "phase": rng.choice(phases),
                "regie": "Veilig Thuis",
            }
        )
        members += [
            {"case_id": case_id, "position": 0, "name": "moeder", "role": "ouder"},
            {"case_id": case_id, "position": 1, "name": "kind", "role": "kind", "age": 7},
        ]
        partners.append({"case_id": case_id, "position": 0, "organisation": "Politie"})
        for number in range(1, meetings + 1):
            meeting_id += 1
            held = start + timedelta(days=28 * number + case_id % 20)
            meeting_rows.append(
                {
                    "id": meeting_id,
                    "case_id": case_id,
                    "number": number,
                    "held_on": held,
                    "phase": phases[0],
                    "questionset": "Directe veiligheid (versie 1.1)",
                    "status": "afgesloten",
                }
            )
            answers.append(
                {
                    "meeting_id": meeting_id,
                    "question_id": "dv-beeld-zorgen",
                    "question_text": "Welke zorgen zijn er?",
                    "part": "beeldvorming",
                    "text": "Zorgen over ruzie thuis. " * 4,
                }
            )
            scores.append(
                {
                    "meeting_id": meeting_id,
                    "position": 0,
                    "perspective": "moeder (ouder)",
                    "score": rng.randint(2, 8),
                    "higher": "Meer rust",
                }
            )
            actions.append(
                {
                    "case_id": case_id,
                    "meeting_id": meeting_id,
                    "description": "Huisbezoek",
                    "owner": "Politie",
                    "priority": "nu",
                    "phase": phases[0],
                    "status": "open" if number == meetings else "gedaan",
                }
            )
    with engine.begin() as connection:
        for table, rows in [
            (CaseRow, case_rows),
            (FamilyMemberRow, members),
            (PartnerRow, partners),
            (MeetingRow, meeting_rows),
            (AnswerRow, answers),
            (ScoreRow, scores),
            (ActionRow, actions),
        ]:
            for i in range(0, len(rows), 5000):
                connection.execute(insert(table), rows[i : i + 5000])  # type: ignore[arg-type]
    engine.dispose()
    emit(done=1)


# --- start-up ---------------------------------------------------------------


def start_floor() -> None:
    """A bare Textual app with the home screen's widgets and no database: the floor."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Footer, Header, Input, Static

    marks: dict[str, float] = {}

    class Floor(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Casussen")
            yield Input(placeholder="Zoek op naam van de casus")
            yield Static("")
            yield DataTable()
            yield Static("")
            yield Footer()

        def on_mount(self) -> None:
            self.call_after_refresh(self._first_frame)

        def _first_frame(self) -> None:
            marks["first_frame"] = time.time()
            self.exit()

    Floor().run(headless=True)
    emit(**marks)


def start_app(folder: Path) -> None:
    """The real entry point, as `uv run leidraad` runs it, stopped by the start-up probe."""
    probe = Path(tempfile.mkdtemp()) / "probe.json"
    os.environ["LEIDRAAD_PROBE"] = str(probe)
    from leidraad.cli import main

    main(["--data-dir", str(folder)], standalone_mode=False)
    emit(**json.loads(probe.read_text()))


# --- saving an answer -------------------------------------------------------


def save(folder: Path, count: int) -> None:
    import asyncio

    from leidraad.app import LeidraadApp
    from leidraad.core.domain import Case
    from leidraad.paths import Paths
    from questionsets.loader import load_guide
    from screens.meeting.screen import MeetingScreen
    from screens.widgets.answer_editor import AnswerEditor
    from storage.repository import Repository

    paths = Paths(folder)
    paths.prepare()
    repo = Repository.open(paths.database)
    case = repo.save_case(Case("Gezin B."))
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid")
    assert meeting.id is not None
    app_times: list[float] = []
    raw_times: list[float] = []
    raw_path = folder / "kaal.db"
    raw = sqlite3.connect(raw_path, isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=FULL")
    raw.execute(
        "CREATE TABLE answers (meeting_id INTEGER, question_id TEXT, question_text TEXT, "
        "text TEXT, UNIQUE (meeting_id, question_id))"
    )

    def raw_save(i: int) -> float:
        began = time.perf_counter()
        raw.execute("BEGIN")
        raw.execute(
            "INSERT INTO answers VALUES (1, 'q', 'Vraag', ?) ON CONFLICT (meeting_id, question_id) "
            "DO UPDATE SET text = excluded.text",
            (f"Zorgen over de veiligheid thuis, versie {i}",),
        )
        raw.execute("COMMIT")
        return time.perf_counter() - began

    async def drive() -> None:
        app = LeidraadApp(repo, load_guide([]), paths)
        async with app.run_test(size=(120, 36)) as pilot:
            assert meeting.id is not None
            screen = MeetingScreen(app.context, meeting.id)
            app.push_screen(screen)
            await pilot.pause()
            await screen.action_next_part()
            await screen.action_next_part()
            await pilot.pause()
            editor = screen.query(AnswerEditor).first()
            # Alternating, so both paths meet the same disk and the same load.
            for i in range(count):
                editor.load_text(f"Zorgen over de veiligheid thuis, versie {i}")
                editor._dirty = True  # what the change event sets before the quiet-time save
                began = time.perf_counter()
                editor.flush()
                app_times.append(time.perf_counter() - began)
                raw_times.append(raw_save(i))

    asyncio.run(drive())
    emit(
        app_median=statistics.median(app_times),
        app_p99=percentile(app_times, 0.99),
        raw_median=statistics.median(raw_times),
        raw_p99=percentile(raw_times, 0.99),
    )


# --- documents --------------------------------------------------------------


def export(folder: Path) -> None:
    from exports.documents import DocumentRequest, render_document
    from exports.history import render_history
    from leidraad.core.domain import (
        Action,
        Answer,
        Case,
        FamilyMember,
        MemberRole,
        Partner,
        SafetyScore,
    )
    from leidraad.paths import Paths
    from questionsets.loader import load_guide
    from storage.repository import Repository

    paths = Paths(folder)
    paths.prepare()
    repo = Repository.open(paths.database)
    guide = load_guide([])
    case = repo.save_case(
        Case(
            "Gezin V.",
            members=[
                FamilyMember("moeder", MemberRole.OUDER),
                FamilyMember("Sam", MemberRole.KIND, 9),
            ],
            partners=[Partner("Politie", "B. Bakker"), Partner("Veilig Thuis", "A. de Vries")],
        )
    )
    assert case.id is not None
    first = repo.start_meeting(case.id, "Directe veiligheid", date(2025, 1, 6))
    assert first.id is not None
    for i in range(150):
        part = ("beeldvorming", "oordeelsvorming", "besluitvorming")[i % 3]
        repo.save_answer(
            first.id, Answer(f"vraag-{i}", f"Vraag {i}?", part, f"Antwoord {i} | met tekst. " * 6)
        )
    for i in range(40):
        repo.save_action(first.id, Action(f"Actie {i}", "Politie", date(2025, 2, 1)))
    for i in range(59):
        later = repo.start_meeting(
            case.id, "Directe veiligheid", date(2025, 1, 6) + timedelta(weeks=2 * (i + 1))
        )
        assert later.id is not None
        for score in later.scores:
            repo.save_score(
                SafetyScore(score.perspective, score.voiced_by, 3 + i % 6, "", score.id)
            )
        repo.save_action(later.id, Action(f"Afspraak {i}", "Veilig Thuis"))

    def minutes() -> float:
        began = time.perf_counter()
        meeting = repo.get_meeting(first.id or 0)
        followup = repo.meeting_followup(first.id or 0)
        render_document(case, meeting, guide, DocumentRequest(), followup)
        return time.perf_counter() - began

    def history() -> float:
        began = time.perf_counter()
        render_history(repo.case_history(case.id or 0), date(2027, 6, 1))
        return time.perf_counter() - began

    minutes()
    history()
    emit(
        minutes=statistics.median(minutes() for _ in range(15)),
        history=statistics.median(history() for _ in range(7)),
    )


# --- a large database ---------------------------------------------------------


def large(folder: Path) -> None:
    import asyncio

    from textual import events
    from textual.widgets import DataTable, Input

    from leidraad.app import LeidraadApp, Opened
    from leidraad.paths import Paths
    from screens import probe
    from storage.case_list import quick_case_list

    paths = Paths(folder)
    results: dict[str, float] = {"started": STARTED}

    def load() -> Opened:
        # Imported here, as the program does: the list shows before the ORM is loaded.
        from questionsets.loader import load_guide
        from storage.repository import Repository

        return Opened(Repository.open(paths.database), load_guide([]))

    async def drive() -> None:
        app = LeidraadApp(
            None,
            None,
            paths,
            loader=load,
            preview=lambda: quick_case_list(paths.database, date.today()),
        )
        async with app.run_test(size=(120, 36)) as pilot:
            while "cases_loaded" not in probe.marks():
                await pilot.pause(0.01)
            results["cases_loaded"] = probe.marks()["cases_loaded"]
            while not app.has_data:
                await pilot.pause(0.01)
            results["data_open"] = probe.marks()["data_open"]
            await pilot.pause()
            table = app.screen.query_one("#cases", DataTable)
            search = app.screen.query_one("#search", Input)
            began = time.perf_counter()
            search.value = "Gezin 0123"
            while table.row_count > 20:
                await pilot.pause(0.001)
            results["search"] = time.perf_counter() - began
            search.value = ""
            while table.row_count < 20:
                await pilot.pause(0.001)
            table.focus()
            await pilot.pause()
            driver = app._driver
            assert driver is not None
            began = time.perf_counter()
            for _ in range(50):  # as fast as a held-down arrow key
                driver.send_message(events.Key("down", None))
            while table.cursor_row < 50:
                await pilot.pause(0.001)
            results["scroll"] = time.perf_counter() - began

    asyncio.run(drive())
    results["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    emit(**results)


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    if command == "make":
        make(Path(rest[0]), int(rest[1]), int(rest[2]))
    elif command == "start" and rest[0] == "floor":
        start_floor()
    elif command == "start":
        start_app(Path(rest[1]))
    elif command == "save":
        save(Path(rest[0]), int(rest[1]))
    elif command == "export":
        export(Path(rest[0]))
    elif command == "large":
        large(Path(rest[0]))
