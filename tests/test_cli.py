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
