"""A document belongs to its case by identity: purge finds it by case id, never by name."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from exports.publish import HistoryJob, MinutesJob, export_document
from leidraad.cli import main
from leidraad.paths import Paths
from questionsets.loader import load_guide
from storage.database import Location
from storage.documents import documents_of, registered_paths
from storage.repository import Repository
from tests.conftest import family_case

pytestmark = pytest.mark.both_backends

HELD = date(2019, 5, 1)
TODAY = date(2019, 6, 1)


def a_case(repo: Repository, alias: str, closed: datetime | None) -> tuple[int, int]:
    case = family_case()
    case.alias = alias
    saved = repo.save_case(case)
    assert saved.id is not None
    meeting = repo.start_meeting(saved.id, "Directe veiligheid", HELD)
    assert meeting.id is not None
    if closed is not None:
        repo.close_case(saved.id, "Verhuisd", closed)
    return saved.id, meeting.id


def write_both(repo: Repository, paths: Paths, case_id: int, meeting_id: int) -> list[Path]:
    guide = load_guide([])
    minutes = export_document(repo, guide, MinutesJob(meeting_id), paths.minutes_dir, TODAY)
    history = export_document(repo, guide, HistoryJob(case_id), paths.minutes_dir, TODAY)
    return [minutes, history]


def purge(paths: Paths, location: Location, *args: str) -> Result:
    server = [] if location.url is None else ["--database-url", location.url]
    command = ["--data-dir", str(paths.data_dir), *server, "purge", *args]
    return CliRunner().invoke(main, command)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_file_names_carry_the_case_number(paths: Paths, repo: Repository) -> None:
    case_id, meeting_id = a_case(repo, "Gezin J.", None)
    minutes, history = write_both(repo, paths, case_id, meeting_id)
    assert minutes.name == f"gezin-j-{case_id}-overleg-1-2019-05-01.md"
    assert history.name == f"gezin-j-{case_id}-verloop-2019-06-01.md"


def test_every_written_document_is_registered_with_its_case_and_meeting(
    paths: Paths, repo: Repository, tmp_path: Path
) -> None:
    case_id, meeting_id = a_case(repo, "Gezin J.", None)
    minutes, history = write_both(repo, paths, case_id, meeting_id)
    elsewhere = tmp_path / "buiten" / "kopie.md"
    export_document(
        repo, load_guide([]), MinutesJob(meeting_id), paths.minutes_dir, TODAY, target=elsewhere
    )
    found = {(d.meeting_id, d.path) for d in documents_of(repo.engine, [case_id])}
    assert found == {
        (meeting_id, minutes.name),
        (None, history.name),
        (meeting_id, str(elsewhere.resolve())),
    }


def test_writing_the_same_file_again_keeps_one_registration(paths: Paths, repo: Repository) -> None:
    case_id, meeting_id = a_case(repo, "Gezin J.", None)
    guide = load_guide([])
    for _ in range(2):
        export_document(
            repo, guide, MinutesJob(meeting_id), paths.minutes_dir, TODAY, overwrite=True
        )
    assert len(documents_of(repo.engine, [case_id])) == 1


def test_purge_removes_only_the_purged_case_documents_not_a_namesake(
    paths: Paths, location: Location, repo: Repository, tmp_path: Path
) -> None:
    """'Gezin J.' (expired) and 'Gezin J' (open) slug alike and met on the same day."""
    gone_id, gone_meeting = a_case(repo, "Gezin J.", datetime(2020, 1, 10, tzinfo=UTC))
    open_id, open_meeting = a_case(repo, "Gezin J", None)
    gone = write_both(repo, paths, gone_id, gone_meeting)
    kept = write_both(repo, paths, open_id, open_meeting)
    outside = tmp_path / "buiten.md"
    export_document(
        repo, load_guide([]), MinutesJob(gone_meeting), paths.minutes_dir, TODAY, target=outside
    )
    old = paths.minutes_dir / "gezin-j-overleg-1-2019-05-01.md"  # from before the register
    old.write_text("# Gezin J.\n", encoding="utf-8")
    before = {path: digest(path) for path in [*kept, old, outside]}

    result = purge(paths, location, "--ja")

    assert result.exit_code == 0, result.output
    assert "Vernietigd: 1 casus, 2 verslagen." in result.output
    assert not any(path.exists() for path in gone)
    assert {path: digest(path) for path in [*kept, old, outside]} == before
    assert "1 bestand" in result.output and "niet in het register" in result.output
    assert "met de hand" in result.output
    assert "buiten" in result.output  # the copy written with --out is named, not deleted
    assert documents_of(repo.engine, [gone_id]) == []
    assert registered_paths(repo.engine) == {path.name for path in kept}


def test_purge_never_deletes_a_registered_path_outside_verslagen(
    paths: Paths, location: Location, repo: Repository
) -> None:
    case_id, meeting_id = a_case(repo, "Gezin K.", datetime(2020, 1, 10, tzinfo=UTC))
    precious = paths.data_dir / "instellingen-kopie.toml"
    precious.write_text("belangrijk\n", encoding="utf-8")
    repo.record_document(case_id, meeting_id, "../instellingen-kopie.toml")
    repo.record_document(case_id, meeting_id, str(precious))

    result = purge(paths, location, "--ja")

    assert result.exit_code == 0, result.output
    assert "Vernietigd: 1 casus, 0 verslagen." in result.output
    assert precious.read_text(encoding="utf-8") == "belangrijk\n"


def test_the_dry_run_deletes_no_document(
    paths: Paths, location: Location, repo: Repository
) -> None:
    case_id, meeting_id = a_case(repo, "Gezin J.", datetime(2020, 1, 10, tzinfo=UTC))
    written = write_both(repo, paths, case_id, meeting_id)
    listing = sorted(p.name for p in paths.minutes_dir.iterdir())

    result = purge(paths, location, "--dry-run")

    assert result.exit_code == 0, result.output
    assert all(path.exists() for path in written)
    assert sorted(p.name for p in paths.minutes_dir.iterdir()) == listing
    assert len(documents_of(repo.engine, [case_id])) == 2
