"""Encryption at rest with the extra 'versleuteld': an SQLCipher file, a passphrase asked at start.

The tests that need SQLCipher run when the extra is installed
(`uv run --extra versleuteld pytest tests/test_encryption.py`) and are skipped otherwise.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from leidraad.cli import main
from leidraad.paths import Paths
from storage import encryption
from storage.backup import describe_backup, make_backup
from storage.database import Location
from storage.errors import DatabaseDamaged, WrongPassphrase
from storage.repository import Repository
from tests.conftest import family_case

needs_sqlcipher = pytest.mark.skipif(
    not encryption.available(),
    reason="SQLCipher (de extra 'versleuteld') is niet geïnstalleerd: "
    "uv run --extra versleuteld pytest tests/test_encryption.py",
)


def test_without_the_extra_an_encrypted_file_gets_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(encryption, "available", lambda: False)
    database = tmp_path / "leidraad.db"
    database.write_bytes(bytes(range(256)) * 64)  # what an encrypted file looks like
    with pytest.raises(DatabaseDamaged, match="versleuteld"):
        Repository.open(database)
    assert not encryption.needs_passphrase(database)


def test_without_the_extra_nothing_asks_for_a_passphrase(
    paths: Paths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(encryption, "available", lambda: False)
    result = CliRunner().invoke(main, ["--data-dir", str(paths.data_dir), "backup"])
    assert result.exit_code == 0, result.output
    assert "wachtwoord" not in result.output.lower()
    assert paths.database.read_bytes()[:16] == b"SQLite format 3\x00"


@needs_sqlcipher
def test_an_encrypted_database_holds_no_readable_words(tmp_path: Path) -> None:
    database = tmp_path / "leidraad.db"
    repo = Repository.open(Location(path=database, passphrase="paard batterij"))
    repo.save_case(family_case())
    repo.engine.dispose()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("leidraad.db*"))
    assert b"Gezin J." not in raw
    assert raw[:16] != b"SQLite format 3\x00"
    again = Repository.open(Location(path=database, passphrase="paard batterij"))
    assert [c.alias for c in again.list_cases()] == ["Gezin J."]
    again.engine.dispose()


@needs_sqlcipher
def test_a_wrong_passphrase_is_told_and_changes_nothing(tmp_path: Path) -> None:
    database = tmp_path / "leidraad.db"
    Repository.open(Location(path=database, passphrase="goed")).engine.dispose()
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    with pytest.raises(WrongPassphrase, match="wachtwoord klopt niet"):
        Repository.open(Location(path=database, passphrase="fout"))
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before


@needs_sqlcipher
def test_the_command_line_asks_the_passphrase_and_gives_up_after_three_tries(
    paths: Paths,
) -> None:
    args = ["--data-dir", str(paths.data_dir), "backup"]
    result = CliRunner().invoke(main, args, input="geheim\ngeheim\n")
    assert result.exit_code == 0, result.output
    assert "Kies een wachtwoord" in result.output
    assert encryption.is_encrypted_file(paths.database)

    result = CliRunner().invoke(main, args, input="a\nb\nc\n")
    assert result.exit_code == 6
    assert result.output.count("Het wachtwoord klopt niet") == 3


@needs_sqlcipher
def test_a_backup_of_an_encrypted_database_is_encrypted_too(tmp_path: Path) -> None:
    location = Location(path=tmp_path / "leidraad.db", passphrase="geheim")
    repo = Repository.open(location)
    repo.save_case(family_case())
    repo.engine.dispose()
    copy = make_backup(location, tmp_path / "kopie.db")
    assert b"Gezin J." not in copy.read_bytes()
    assert describe_backup(copy, "geheim").cases == 1
    with pytest.raises(WrongPassphrase):
        describe_backup(copy, "fout")


@needs_sqlcipher
def test_versleutelen_turns_a_plain_database_into_an_encrypted_one(paths: Paths) -> None:
    with encryption_disabled():
        repo = Repository.open(paths.database)
        repo.save_case(family_case())
        repo.engine.dispose()
    result = CliRunner().invoke(
        main, ["--data-dir", str(paths.data_dir), "versleutelen"], input="geheim\ngeheim\n"
    )
    assert result.exit_code == 0, result.output
    assert encryption.is_encrypted_file(paths.database)
    assert b"Gezin J." not in paths.database.read_bytes()
    repo = Repository.open(Location(path=paths.database, passphrase="geheim"))
    assert [c.alias for c in repo.list_cases()] == ["Gezin J."]
    repo.engine.dispose()


class encryption_disabled:
    """Make a plain database although the extra is installed."""

    def __enter__(self) -> None:
        self._saved = encryption.available
        encryption.available = lambda: False  # type: ignore[assignment]

    def __exit__(self, *_: object) -> None:
        encryption.available = self._saved  # type: ignore[method-assign]
