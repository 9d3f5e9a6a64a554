"""The `questionsets list` and `check` commands, and the format document in step with the schema."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from leidraad.cli import main
from questionsets.loader import BUILTIN_DIR, parse_set
from questionsets.schema import KINDS, question_keys
from tests.test_questionsets import VALID, write

FORMAT_DOC = BUILTIN_DIR.parent / "FORMAAT.md"
README = BUILTIN_DIR.parent.parent / "README.md"


Run = Callable[..., Result]


@pytest.fixture
def run(tmp_path: Path) -> Run:
    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, ["--data-dir", str(tmp_path / "data"), *args])

    return invoke


def test_list_shows_every_set_with_its_file(run: Run) -> None:
    result = run("questionsets", "list")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Vragensets in gebruik" in out
    for name in ("Fase 1, Directe veiligheid", "Fase 2, Stabiele veiligheid", "Fase 3, Herstel"):
        assert name in out
    assert "De stem van de cliënt" in out and "De zorg concreet maken" in out
    for file in BUILTIN_DIR.glob("*.toml"):
        assert f"ingebouwd: {file}" in out
    assert "(bestaat niet)" in out  # the data folder has no vragensets yet
    assert out.index("Fase 1") < out.index("Fase 2") < out.index("Fase 3")


def test_list_shows_a_regional_set_the_set_it_replaces_and_skipped_files(
    run: Run,
    tmp_path: Path,
) -> None:
    folder = tmp_path / "regio"
    regional = write(folder, "regio.toml", VALID)
    broken = write(folder, "kapot.toml", 'soort = "fase"\ntitel = "Kapot\n')
    result = run("--questionsets", str(folder), "questionsets", "list")
    assert result.exit_code == 0
    out = result.output
    assert "Directe veiligheid (versie 2), ZVH Testregio · 3 vragen · id dv-regio" in out
    assert f"eigen set: {regional}" in out
    assert "Gelezen, maar niet in gebruik" in out
    assert "niet in gebruik: voor fase 1, Directe veiligheid geldt 'dv-regio'" in out
    assert "Overgeslagen bestanden" in out
    assert f"{broken} is overgeslagen:" in out
    assert "regel 2, kolom 15: geen geldige TOML: een tekst is niet afgesloten" in out
    assert f"{folder} (--questionsets)" in out


def test_list_reports_a_questionsets_folder_that_does_not_exist(
    run: Run,
    tmp_path: Path,
) -> None:
    missing = tmp_path / "nergens"
    result = run("--questionsets", str(missing), "questionsets", "list")
    assert result.exit_code == 0
    assert f"{missing}: deze map met vragensets bestaat niet" in result.output


def test_check_accepts_the_built_in_sets(run: Run) -> None:
    result = run("questionsets", "check", str(BUILTIN_DIR))
    assert result.exit_code == 0
    assert f"In orde: {BUILTIN_DIR} (5 bestanden)" in result.output


def test_check_exits_non_zero_with_every_error(
    run: Run,
    tmp_path: Path,
) -> None:
    bad = write(
        tmp_path,
        "set.toml",
        VALID.replace("regio =", "regoi =").replace('versie = "2"', "versie = 2"),
    )
    result = run("questionsets", "check", str(bad))
    assert result.exit_code == 1
    assert f"{bad}, regel 5: versie: moet tekst zijn" in result.output
    assert f'{bad}, regel 7: regoi: deze sleutel is onbekend (bedoel je "regio"?)' in result.output
    assert "2 fouten gevonden" in result.output


def test_check_without_a_path_checks_the_user_folders(
    run: Run,
    tmp_path: Path,
) -> None:
    assert "Geen eigen vragensets gevonden" in run("questionsets", "check").output
    write(tmp_path / "data" / "vragensets", "a.toml", VALID)
    result = run("questionsets", "check")
    assert result.exit_code == 0
    assert "In orde:" in result.output and "(1 bestand)" in result.output


def test_check_of_a_missing_path_fails(run: Run, tmp_path: Path) -> None:
    result = run("questionsets", "check", str(tmp_path / "nergens.toml"))
    assert result.exit_code == 1
    assert "nergens.toml: bestaat niet" in result.output


# --- the format document --------------------------------------------------------


def test_the_format_document_names_every_key_of_the_schema() -> None:
    doc = FORMAT_DOC.read_text(encoding="utf-8")
    keys = question_keys() | {k for kind in KINDS.values() for k in kind.model_fields}
    for key in sorted(keys):
        assert f"`{key}`" in doc or f"`[[{key}]]`" in doc, key
    for kind in KINDS:
        assert f'soort = "{kind}"' in doc


def test_the_examples_in_the_format_document_are_valid_sets(tmp_path: Path) -> None:
    doc = FORMAT_DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", doc, flags=re.S)
    assert len(blocks) == 3
    kinds = set()
    for i, block in enumerate(blocks):
        kinds.add(parse_set(write(tmp_path, f"voorbeeld{i}.toml", block)).soort)
    assert kinds == set(KINDS)


def test_the_readme_links_the_format_document() -> None:
    assert "questionsets/FORMAAT.md" in README.read_text(encoding="utf-8")
