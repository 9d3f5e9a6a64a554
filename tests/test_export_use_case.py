"""Every document that leaves the program is written once and noted once in the logboek.

The command line goes through the same use case (exports/publish.py) as the screens:
one "geëxporteerd" line per file, never a client's name in it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from exports.documents import DocumentRequest, Format
from exports.publish import ExportNotLogged, MinutesJob, ReadOnce, export_document, prepare
from exports.variants import Variant
from leidraad.cli import main
from leidraad.paths import Paths
from questionsets.loader import load_guide
from storage.errors import TemporaryProblem
from storage.repository import Repository
from tests.conftest import FIXED_DAY, family_case

EXPORTED = "geëxporteerd"


def exports_logged(repo: Repository, case_id: int) -> list[str]:
    """The details of the case's "geëxporteerd" lines, as `leidraad audit` shows them."""
    return [e.detail for e in repo.audit_log(case_id) if e.action == EXPORTED]


def case_with_a_meeting(repo: Repository) -> tuple[int, int]:
    case = repo.save_case(family_case())
    assert case.id is not None
    meeting = repo.start_meeting(case.id, "Directe veiligheid", FIXED_DAY)
    assert meeting.id is not None
    return case.id, meeting.id


def run(paths: Paths, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--data-dir", str(paths.data_dir), *args])
    return result.exit_code, result.output


def test_exporting_the_minutes_is_one_line_in_the_logboek(paths: Paths, repo: Repository) -> None:
    case_id, _ = case_with_a_meeting(repo)
    code, out = run(paths, "export", "Gezin J.")
    assert code == 0, out
    [written] = paths.minutes_dir.glob("*.md")
    assert f"Verslag geschreven: {written}" in out
    assert exports_logged(repo, case_id) == ["verslag overleg 1 (volledig)"]


def test_each_preparation_sheet_is_its_own_line_without_the_clients_name(
    paths: Paths, repo: Repository
) -> None:
    case_id, _ = case_with_a_meeting(repo)
    code, out = run(paths, "export", "1", "--variant", "voorbereiding")
    assert code == 0, out
    sheets = sorted(p.name for p in paths.minutes_dir.glob("*.md"))
    assert sheets == [
        "gezin-j-1-overleg-1-2026-11-24-voorbereiding-moeder.md",
        "gezin-j-1-overleg-1-2026-11-24-voorbereiding-vader.md",
    ]
    assert out.count("Voorbereiding geschreven:") == 2
    logged = exports_logged(repo, case_id)
    assert logged == [
        "voorbereiding overleg 1 (cliënt 1 van 2)",
        "voorbereiding overleg 1 (cliënt 2 van 2)",
    ]
    assert not any("moeder" in line or "vader" in line for line in logged)


def test_the_course_of_the_case_is_one_line_too(paths: Paths, repo: Repository) -> None:
    case_id, _ = case_with_a_meeting(repo)
    code, out = run(paths, "export", "1", "--variant", "verloop", "--format", "html")
    assert code == 0, out
    [written] = paths.minutes_dir.glob("gezin-j-1-verloop-*.html")
    assert f"Verloop geschreven: {written}" in out
    assert exports_logged(repo, case_id) == ["verloop van de casus (html)"]


def test_a_file_that_is_not_written_is_not_logged(
    paths: Paths, repo: Repository, tmp_path: Path
) -> None:
    case_id, _ = case_with_a_meeting(repo)
    taken = tmp_path / "bestaand.md"
    taken.write_text("eigen aantekeningen", encoding="utf-8")
    code, out = run(paths, "export", "1", "--out", str(taken))
    assert code == 1 and "bestaat al" in out
    assert exports_logged(repo, case_id) == []


def test_a_logboek_that_cannot_be_written_is_said_and_the_file_is_kept(
    paths: Paths, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id, _ = case_with_a_meeting(repo)

    def refuse(self: Repository, case_id: int, what: str) -> None:
        raise TemporaryProblem("De database is even bezet.")

    monkeypatch.setattr(Repository, "record_export", refuse)
    code, out = run(paths, "export", "1")
    assert code == 0, out
    [written] = paths.minutes_dir.glob("*.md")
    assert f"Verslag geschreven: {written}" in out
    assert (
        f"leidraad: Het bestand {written} is geschreven, maar het logboek kon niet worden "
        "bijgewerkt (De database is even bezet)." in out
    )
    monkeypatch.undo()
    assert exports_logged(repo, case_id) == []


def test_the_use_case_keeps_the_written_path_when_the_log_fails(
    paths: Paths, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, meeting_id = case_with_a_meeting(repo)
    monkeypatch.setattr(repo, "record_export", lambda case_id, what: 1 / 0)
    with pytest.raises(ExportNotLogged) as raised:
        export_document(repo, load_guide([]), MinutesJob(meeting_id), paths.minutes_dir, FIXED_DAY)
    assert raised.value.path.read_text(encoding="utf-8").startswith("# Verslag")
    assert "maar het logboek kon niet worden bijgewerkt" in str(raised.value)


def test_every_version_of_a_meeting_reads_differently_in_the_logboek(repo: Repository) -> None:
    """The logboek folds equal lines within minutes: two files must never read the same."""
    _, meeting_id = case_with_a_meeting(repo)
    guide = load_guide([])
    source = ReadOnce(repo)
    requests = [
        DocumentRequest(),
        DocumentRequest(format=Format.HTML),
        DocumentRequest(Variant.CLIENT, client="moeder"),
        DocumentRequest(Variant.CLIENT, client="vader"),
        DocumentRequest(Variant.CLIENT, client="vader", format=Format.HTML),
        DocumentRequest(Variant.ACTIES),
        DocumentRequest(Variant.PARTNER, "Politie"),
        DocumentRequest(Variant.PARTNER, "Veilig Thuis"),
        DocumentRequest(Variant.VOORBEREIDING, client="moeder"),
        DocumentRequest(Variant.VOORBEREIDING, client="vader", format=Format.HTML),
    ]
    lines = [
        prepare(source, guide, MinutesJob(meeting_id, r), Path("."), FIXED_DAY).what
        for r in requests
    ]
    assert len(set(lines)) == len(lines)
    assert "verslag overleg 1 (partner: Politie)" in lines
    assert "voorbereiding overleg 1 (cliënt 2 van 2, html)" in lines
    assert "verslag overleg 1 (client, persoon 2)" in lines  # by number, never by name
    assert not any("moeder" in line or "vader" in line for line in lines)
