"""The minutes look back (earlier actions, the score trend) and the 'verloop' document."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from exports.history import render_history
from exports.minutes import render_minutes
from leidraad.cli import main
from leidraad.core.domain import Action, Phase
from leidraad.core.plans import PlanKind
from leidraad.paths import Paths
from storage.repository import Repository
from tests.conftest import family_case
from tests.followup_data import D2, D3, D4, three_meetings


def fourth_meeting(repo: Repository) -> tuple[int, int]:
    case_id, ids, _ = three_meetings(repo, scores=True)
    repo.change_phase(case_id, Phase.STABIELE_VEILIGHEID, "rust in huis", ids[1])
    version = repo.add_plan_version(case_id, PlanKind.VEILIGHEIDSPLAN, "versie 1", D2)
    assert version.id is not None
    repo.set_plan_known(version.id, "Veilig Thuis", D2)
    meeting = repo.start_meeting(case_id, "set", D4)
    assert meeting.id is not None
    repo.change_phase(case_id, Phase.DIRECTE_VEILIGHEID, "Nieuw incident | politie", meeting.id)
    return case_id, meeting.id


def test_the_minutes_show_the_review_the_trend_and_who_does_not_know_the_plan(
    repo: Repository,
) -> None:
    case_id, meeting_id = fourth_meeting(repo)
    meeting = repo.get_meeting(meeting_id)
    text = render_minutes(
        repo.get_case(case_id), meeting, followup=repo.meeting_followup(meeting_id)
    )
    review = text[text.index("## Afspraken van eerdere overleggen") : text.index("## Stem")]
    assert "| Huisbezoek | Veilig Thuis | 03-08-2026 (te laat: 64 dagen) | 1 | nog niet" in review
    assert "| Gesprek met school |" in review
    assert "Veiligheidsplan maken" not in review
    assert "**Let op:** 2 acties zijn over de afgesproken datum" in review
    trend = text[text.index("### Verloop van de veiligheidscijfers") : text.index("## Beeld")]
    assert "| moeder (ouder) | 3 → 4 → 6 → – | 6 | +2 sinds vorige keer |" in trend
    assert "Overleggen: 1 (14-07-2026), 2 (11-08-2026), 3 (08-09-2026), 4 (06-10-2026)" in trend
    assert "**Terug naar directe veiligheid** (was 2. Stabiele veiligheid)" in text
    assert "Reden: Nieuw incident \\| politie" in text
    assert "1 van 4 kennen deze versie. **Nog niet:** Politie, moeder, vader." in text
    assert "- **Herstelplan:** nog niet vastgelegd." in text


def test_a_difference_of_three_points_is_named_in_the_minutes(repo: Repository) -> None:
    case_id, ids, _ = three_meetings(repo, scores=True)
    text = render_minutes(
        repo.get_case(case_id), repo.get_meeting(ids[0]), followup=repo.meeting_followup(ids[0])
    )
    assert "**Let op: de perspectieven liggen 3 punten uit elkaar.**" in text
    assert "laagst Perspectief van Sam (kind, 8 jaar) (2), hoogst vader" in text
    assert "### Verloop van de veiligheidscijfers" not in text  # one meeting is no trend yet
    assert "## Afspraken van eerdere overleggen" not in text


def test_the_first_minutes_without_follow_up_stay_as_they_were(repo: Repository) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "set", D2)
    assert "## Fase en plannen" not in render_minutes(case, meeting)


def test_the_verloop_document_tells_the_whole_course(repo: Repository) -> None:
    case_id, _ = fourth_meeting(repo)
    text = render_history(repo.case_history(case_id), date(2026, 10, 10))
    assert text.startswith("# Verloop van de casus: Gezin J.")
    assert "- **Overleggen:** 14-07-2026 tot en met 06-10-2026, 4 overleggen" in text
    assert "**Terug naar directe veiligheid sinds 06-10-2026.**" in text
    assert (
        "| 11-08-2026 | Van 1. Directe veiligheid naar 2. Stabiele veiligheid | overleg 2 |" in text
    )
    assert "| 06-10-2026 | ⚠ Terug naar directe veiligheid (was 2. Stabiele veiligheid) |" in text
    assert "| Politie | 4 → 5 → 7 → – | 7 | +2 sinds vorige keer |" in text
    assert "In overleg 3 (08-09-2026):\n\n**Verschil tussen de perspectieven:** 2 punten" in text
    huisbezoek = next(line for line in text.splitlines() if line.startswith("| Huisbezoek"))
    assert "03-08-2026 (te laat: 68 dagen)" in huisbezoek
    assert "overleg 2: deels gedaan (moeder niet thuis); overleg 3: niet gedaan" in huisbezoek
    schuld = next(line for line in text.splitlines() if line.startswith("| Schuldhulp"))
    assert "| niet meer nodig |" in schuld
    assert "- 11-08-2026 · Actie · Gedaan: Veiligheidsplan maken" in text
    assert "- 06-10-2026 · Fase · **Let op:** Terug naar directe veiligheid" in text


def test_export_variant_verloop_writes_the_case_history(paths: Paths, repo: Repository) -> None:
    three_meetings(repo, scores=True)
    runner = CliRunner()
    args = ["--data-dir", str(paths.data_dir), "export", "gezin j.", "--variant", "verloop"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    [written] = paths.minutes_dir.glob("gezin-j-1-verloop-*.md")
    assert "## Acties en wat ervan terechtkwam" in written.read_text(encoding="utf-8")
    assert written.stat().st_mode & 0o077 == 0
    again = runner.invoke(main, [*args, "--meeting", "2"])
    assert again.exit_code == 1
    assert "--meeting hoort niet bij --variant verloop" in again.output
    minutes = runner.invoke(main, ["--data-dir", str(paths.data_dir), "export", "1"])
    assert minutes.exit_code == 0, minutes.output
    [latest] = paths.minutes_dir.glob("gezin-j-1-overleg-3-*.md")
    assert "## Afspraken van eerdere overleggen" in latest.read_text(encoding="utf-8")


@given(st.text(min_size=1, max_size=40).filter(lambda t: t.strip()))
def test_a_typed_action_stays_one_table_cell_in_the_verloop(description: str) -> None:
    from leidraad.core.followup import ActionRecord, CaseHistory

    action = Action(description, "VT", id=1)
    history = CaseHistory(
        case=family_case(),
        created_on=D3,
        meetings=[],
        sheets=[],
        phase_changes=[],
        actions=[ActionRecord(action, 1, D3, "open")],
        plans=[],
    )
    tokens = MarkdownIt("commonmark").enable("table").parse(render_history(history, D4))
    tables = [t for t in tokens if t.type == "table_open"]
    cells = [t for t in tokens if t.type == "td_open"]
    assert len(tables) == 2  # phases and actions
    assert len(cells) == 4 + 6  # one row in each: the start, and the action
