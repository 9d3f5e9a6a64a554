import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from markdown_it import MarkdownIt

from exports.documents import question_order, save_minutes
from exports.files import minutes_filename, slug, write_private
from exports.minutes import render_minutes
from leidraad.core.domain import (
    AFTERCARE_ID,
    PURPOSE_ID,
    SUMMARY_ID,
    Action,
    Answer,
    Attendance,
    Participant,
    Phase,
    Priority,
    SafetyScore,
)
from leidraad.core.meeting import Meeting
from leidraad.core.voice import TimeOut
from tests.conftest import family_case, small_guide


def a_meeting() -> Meeting:
    return Meeting(
        case_id=1,
        number=2,
        held_on=date(2026, 11, 24),
        phase=Phase.DIRECTE_VEILIGHEID,
        questionset="Directe veiligheid (versie test)",
        next_meeting=date(2027, 1, 5),
        participants=[
            Participant("moeder", "ouder"),
            Participant("A. de Vries", "Veilig Thuis", Attendance.TELEFONISCH),
        ],
        answers={
            "di-be-2": Answer("di-be-2", "Wat gaat goed?", "beeldvorming", "School | thuis"),
            "di-be-1": Answer("di-be-1", "Welke zorgen?", "beeldvorming", "# geen kop\nregel 2"),
            "di-oo-1": Answer("di-oo-1", "Wat is nodig?", "oordeelsvorming", ""),
            "cs-1": Answer("cs-1", "Wat wil je zeggen?", "clientstem", "Ik wil rust", True),
            PURPOSE_ID: Answer(PURPOSE_ID, "Doel", "opening", "Afspraken over veiligheid"),
            SUMMARY_ID: Answer(SUMMARY_ID, "Samenvatting", "afsluiting", "Plan staat"),
            AFTERCARE_ID: Answer(AFTERCARE_ID, "Nazorg", "afsluiting", "VT belt moeder"),
        },
        scores=[
            SafetyScore("moeder (ouder)", "", 4, "Als vader wegblijft"),
            SafetyScore("Politie", "B. Bakker", None, ""),
        ],
        actions=[
            Action("Veiligheidsplan | maken", "Veilig Thuis", date(2026, 12, 1), Priority.NU),
        ],
    )


def test_minutes_hold_everything_a_partner_needs() -> None:
    order = question_order(small_guide(), a_meeting())
    text = render_minutes(family_case(), a_meeting(), order)
    assert text.startswith("# Verslag casuïstiekbespreking: Gezin J\\.") or text.startswith(
        "# Verslag casuïstiekbespreking: Gezin J."
    )
    for expected in [
        "24-11-2026",
        "1. Directe veiligheid",
        "| A. de Vries | Veilig Thuis | telefonisch |",
        "Afspraken over veiligheid",
        "## Beeldvorming",
        "### Welke zorgen?",
        "\\# geen kop\\\nregel 2",
        "| moeder (ouder) |  | 4 | Als vader wegblijft |",
        "| 1 | Veiligheidsplan \\| maken | Veilig Thuis | 01-12-2026 | nu | Directe veiligheid |",
        "**Volgend overleg:** 05-01-2027",
        "> Ik wil rust",
        "VT belt moeder",
    ]:
        assert expected in text, expected
    # Questions follow the order of the guide, not the order they were answered in.
    assert text.index("Welke zorgen?") < text.index("Wat gaat goed?")
    # Unanswered questions and scores nobody gave are left out.
    assert "Wat is nodig?" not in text
    assert "Politie" not in text


def test_the_minutes_parse_into_the_intended_structure() -> None:
    text = render_minutes(family_case(), a_meeting(), question_order(small_guide(), a_meeting()))
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert "Beeldvorming" in headings
    assert "# geen kop" not in headings
    assert sum(1 for t in tokens if t.type == "table_open") == 3


def test_export_is_deterministic() -> None:
    first = render_minutes(family_case(), a_meeting())
    assert first == render_minutes(family_case(), a_meeting())


def test_minutes_are_written_private_under_a_readable_name(tmp_path: Path) -> None:
    path = save_minutes(
        family_case(), a_meeting(), small_guide(), tmp_path / "verslagen", followup=None
    )
    assert path.name == "gezin-j-overleg-2-2026-11-24.md"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "Gezin J" in path.read_text(encoding="utf-8")
    assert not list(path.parent.glob(".*.tmp"))


def test_file_names_are_safe_for_any_alias() -> None:
    assert slug("Gezin Ö. / ../etc") == "gezin-o-etc"
    assert slug("???") == "casus"
    assert minutes_filename("Gezin J.", 3, date(2027, 1, 2)) == "gezin-j-overleg-3-2027-01-02.md"


def test_writing_replaces_a_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "x.md"
    write_private(target, "oud")
    write_private(target, "nieuw")
    assert target.read_text() == "nieuw"


def test_a_running_time_out_in_an_open_meeting_never_counts_negative() -> None:
    start = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    meeting = a_meeting()
    meeting.started_at = start
    meeting.timeouts = [
        TimeOut(start + timedelta(minutes=10), start + timedelta(minutes=25)),
        TimeOut(start + timedelta(minutes=40)),  # still running: the meeting is open
    ]
    text = render_minutes(family_case(), meeting)
    assert "**Time-outs:** 2 time-outs, samen 15 minuten." in text
