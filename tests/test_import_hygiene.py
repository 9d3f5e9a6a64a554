"""Dependencies point one way, and heavy libraries load only where they are first needed.

The contracts live in pyproject.toml ([tool.importlinter]); this test keeps them true,
the way Harlequin keeps its import hygiene.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parent.parent


def test_the_layers_hold_and_no_two_modules_import_each_other(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.syspath_prepend(str(ROOT))
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys; {statement}; print('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


@pytest.mark.parametrize(
    "module", ["leidraad.core.domain", "leidraad.core.meeting", "leidraad.core.voice"]
)
def test_the_core_loads_without_a_screen_or_a_database(module: str) -> None:
    loaded = _loaded_after(f"import {module}")
    assert not {"textual", "sqlalchemy", "sqlmodel", "markdown_it"} & loaded


def test_the_command_line_starts_without_the_database_layer() -> None:
    """`leidraad --help` and the first frame must not wait for SQLAlchemy's imports."""
    loaded = _loaded_after("import leidraad.cli")
    assert not {"sqlalchemy", "sqlmodel", "textual"} & loaded
