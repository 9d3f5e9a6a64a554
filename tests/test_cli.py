"""The command line writes the same documents as the screens, and never clobbers a file."""

from __future__ import annotations

import stat
from pathlib import Path

from click.testing import CliRunner

from leidraad.cli import main
from leidraad.core.audience import Restriction
from leidraad.core.domain import Answer
from leidraad.paths import Paths
from storage.repository import Repository
from tests.conftest import family_case


def _meeting_with_a_police_secret(repo: Repository) -> None:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid")
    assert meeting.id is not None
    repo.save_answer(
        meeting.id,
        Answer(
            "dv-beeld-zorgen",
            "Welke zorgen?",
            "beeldvorming",
            "Geheim onderzoek",
            False,
            Restriction.only_for("Politie"),
        ),
    )
    repo.save_answer(
        meeting.id, Answer("dv-beeld-goed", "Wat gaat goed?", "beeldvorming", "School gaat goed")
    )


def run(paths: Paths, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--data-dir", str(paths.data_dir), *args])
    return result.exit_code, result.output


def test_each_variant_from_the_command_line(paths: Paths, repo: Repository, tmp_path: Path) -> None:
    _meeting_with_a_police_secret(repo)
    code, out = run(paths, "export", "gezin j.", "--out", str(tmp_path / "v.md"))
    assert code == 0, out
    full = (tmp_path / "v.md").read_text(encoding="utf-8")
    assert "School gaat goed" in full and "Geheim onderzoek" not in full
    assert stat.S_IMODE((tmp_path / "v.md").stat().st_mode) == 0o600

    code, out = run(
        paths,
        "export",
        "1",
        "--variant",
        "partner",
        "--partner",
        "Politie",
        "--format",
        "html",
        "--out",
        str(tmp_path / "p.html"),
    )
    assert code == 0, out
    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Geheim onderzoek" in page

    code, out = run(paths, "export", "1", "--variant", "acties", "--out", str(tmp_path / "a.md"))
    assert code == 0 and "Actielijst" in (tmp_path / "a.md").read_text(encoding="utf-8")


def test_a_partner_version_needs_a_partner_name(paths: Paths, repo: Repository) -> None:
    _meeting_with_a_police_secret(repo)
    code, out = run(paths, "export", "1", "--variant", "partner")
    assert code == 2
    assert "--partner" in out


def test_an_existing_file_is_kept_unless_overwriting_is_asked(
    paths: Paths, repo: Repository, tmp_path: Path
) -> None:
    _meeting_with_a_police_secret(repo)
    target = tmp_path / "v.md"
    target.write_text("eigen aantekeningen", encoding="utf-8")
    code, out = run(paths, "export", "1", "--out", str(target))
    assert code == 1 and "bestaat al" in out
    assert target.read_text(encoding="utf-8") == "eigen aantekeningen"
    code, _ = run(paths, "export", "1", "--out", str(target), "--overschrijven")
    assert code == 0 and "Verslag casuïstiekbespreking" in target.read_text(encoding="utf-8")


# --- a version for each client, and the reading check before it is written ---------------


def _meeting_with_scores(repo: Repository) -> int:
    """Gezin J.'s meeting where the police and the mother gave a score."""
    _meeting_with_a_police_secret(repo)
    meeting = repo.meeting_by_number(1, 1)
    for score in meeting.scores:
        if score.perspective in ("Politie",) or score.perspective.startswith("moeder"):
            score.score, score.higher = 4, "Als het rustig blijft."
            repo.save_score(score)
    assert meeting.case_id is not None
    return meeting.case_id


def invoke(paths: Paths, *args: str, answer: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--data-dir", str(paths.data_dir), *args], input=answer)
    return result.exit_code, result.output


def written(paths: Paths) -> list[str]:
    return sorted(p.name for p in paths.minutes_dir.glob("*"))


def exports_logged(repo: Repository, case_id: int) -> list[str]:
    return [e.detail for e in repo.audit_log(case_id) if e.action == "geëxporteerd"]


def test_a_clients_version_is_written_after_the_reading_check_and_ja(
    paths: Paths, repo: Repository
) -> None:
    case_id = _meeting_with_scores(repo)
    args = ("export", "1", "--variant", "client", "--client", "vader")
    code, out = invoke(paths, *args, answer="ja\n")
    assert code == 0, out
    assert "Leescontrole voor gezin-j-1-overleg-1-" in out
    assert "Dit document voor vader bevat 2 scores van anderen (Politie, moeder)." in out
    assert "Typ ja" in out
    [name] = written(paths)
    assert name.endswith("-voor-vader.md")
    text = (paths.minutes_dir / name).read_text(encoding="utf-8")
    assert "Dit verslag is voor jou, vader." in text and "Geheim onderzoek" not in text
    [line] = exports_logged(repo, case_id)
    assert line == "verslag overleg 1 (client, persoon 2); gecontroleerd: 2 score"
    assert "vader" not in line and "moeder" not in line


def test_anything_but_ja_writes_nothing(paths: Paths, repo: Repository) -> None:
    case_id = _meeting_with_scores(repo)
    args = ("export", "1", "--variant", "client", "--client", "vader")
    for answer in ("nee\n", "j\n", "\n", None):  # None: no input at all, as in a cron job
        code, out = invoke(paths, *args, answer=answer)
        assert code == 1, (answer, out)
        assert "leidraad: er is niets geschreven." in out
        assert written(paths) == []
    assert exports_logged(repo, case_id) == []


def test_ja_on_the_command_line_confirms_in_a_script(paths: Paths, repo: Repository) -> None:
    case_id = _meeting_with_scores(repo)
    code, out = invoke(paths, "export", "1", "--variant", "client", "--client", "vader", "--ja")
    assert code == 0, out
    assert "2 scores van anderen" in out and "Bevestigd met --ja." in out
    assert "Typ ja" not in out
    assert [n.endswith("-voor-vader.md") for n in written(paths)] == [True]
    assert "gecontroleerd" in exports_logged(repo, case_id)[0]


def test_without_client_there_is_a_version_for_each_client(paths: Paths, repo: Repository) -> None:
    case_id = _meeting_with_scores(repo)
    code, out = invoke(paths, "export", "1", "--variant", "client", answer="ja\nja\n")
    assert code == 0, out
    names = written(paths)
    assert [n.rsplit("-", 1)[1] for n in names] == ["moeder.md", "vader.md"]  # never the child
    assert out.count("Typ ja") == 2 and out.count("Verslag geschreven:") == 2
    assert len(set(exports_logged(repo, case_id))) == 2


def test_one_no_among_several_versions_writes_none_of_them(paths: Paths, repo: Repository) -> None:
    case_id = _meeting_with_scores(repo)
    code, out = invoke(paths, "export", "1", "--variant", "client", answer="ja\nnee\n")
    assert code == 1, out
    assert written(paths) == [] and exports_logged(repo, case_id) == []


def test_the_table_version_shows_its_check_without_asking(paths: Paths, repo: Repository) -> None:
    _meeting_with_scores(repo)
    code, out = invoke(paths, "export", "1")
    assert code == 0, out
    assert "Typ ja" not in out and "Verslag geschreven:" in out


def test_client_names_one_adult_of_the_case(paths: Paths, repo: Repository) -> None:
    _meeting_with_scores(repo)
    code, out = invoke(paths, "export", "1", "--variant", "client", "--client", "Sam")
    assert code == 2 and "Sam is een kind" in out
    code, out = invoke(paths, "export", "1", "--variant", "client", "--client", "oma")
    assert code == 2 and "'oma' is geen cliënt van deze casus. Kies uit: moeder, vader." in out
    code, out = invoke(paths, "export", "1", "--client", "vader")
    assert code == 2 and "--client hoort bij --variant client of --variant voorbereiding" in out
    code, out = invoke(paths, "export", "1", "--variant", "client", "--out", "x.md")
    assert code == 2 and "Kies met --client voor wie: moeder, vader." in out
    assert written(paths) == []


def test_a_preparation_sheet_counts_only_what_it_shows(paths: Paths, repo: Repository) -> None:
    _meeting_with_a_police_secret(repo)
    meeting = repo.meeting_by_number(1, 1)
    assert meeting.id is not None
    plan = "Nieuw telefoonnummer, codewoord met haar zus."
    repo.save_answer(
        meeting.id,
        Answer("dv-besluit-veiligheidsplan", "Wat komt erin?", "besluitvorming", plan),
    )
    table = ("export", "1")
    code, out = invoke(paths, *table)
    assert code == 0 and "1 deel van het veiligheidsplan" in out
    # The preparation sheet never shows the plan, so its check does not count it.
    args = ("export", "1", "--variant", "voorbereiding", "--client", "moeder")
    code, out = invoke(paths, *args)
    assert code == 0, out
    assert "veiligheidsplan" not in out
    assert [n.endswith("-voorbereiding-moeder.md") for n in written(paths)].count(True) == 1
