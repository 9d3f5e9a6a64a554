"""Reading question sets from TOML files: the built-in ones and an organisation's own.

A broken file from a user folder never stops the program: it is skipped and
the reason is reported, so the meeting can go on with the built-in guide.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from leidraad.domain import Phase, Stage
from leidraad.guide import ClientVoiceSet, Guide, PhaseSet, Question, WorrySet
from questionsets.schema import (
    KINDS,
    ClientVoiceSetModel,
    PhaseSetModel,
    QuestionModel,
    SetModel,
    WorrySetModel,
    duplicate_ids,
    explain,
)

BUILTIN_DIR = Path(__file__).parent / "builtin"
STAGE_NAMES = {stage.value for stage in Stage}


class QuestionSetError(ValueError):
    """A question set file that cannot be used; every message names the file."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(f"{path}: {p}" for p in problems))


@dataclass(frozen=True)
class LoadedSet:
    model: SetModel
    path: Path


def _location(loc: Iterable[int | str]) -> str:
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(het hele bestand)"


def _describe(loc: tuple[int | str, ...], kind: str, message: str) -> str:
    if kind == "missing" and len(loc) == 1 and loc[0] in STAGE_NAMES:
        return f"{loc[0]}: deze stap ontbreekt; voeg minstens één [[{loc[0]}]]-vraag toe"
    return f"{_location(loc)}: {explain(kind, message)}"


def parse_set(path: Path, data: bytes | None = None) -> SetModel:
    """Validate one file; raises QuestionSetError with Dutch messages naming key and fix."""
    try:
        raw = path.read_bytes() if data is None else data
        document: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise QuestionSetError(path, ["het bestand is geen UTF-8-tekst"]) from None
    except tomllib.TOMLDecodeError as error:
        raise QuestionSetError(path, [f"geen geldige TOML: {error}"]) from None
    except OSError as error:
        raise QuestionSetError(path, [f"kan het bestand niet lezen: {error.strerror}"]) from None
    kind = document.get("soort")
    if not isinstance(kind, str) or kind not in KINDS:
        raise QuestionSetError(
            path, [f'soort: moet "fase", "clientstem" of "zorg" zijn (nu: {kind!r})']
        )
    try:
        model = KINDS[kind].model_validate(document)
    except ValidationError as error:
        problems = [
            _describe(e["loc"], e["type"], e["msg"]) for e in error.errors(include_url=False)
        ]
        raise QuestionSetError(path, problems) from None
    duplicates = duplicate_ids(model)
    if duplicates:
        raise QuestionSetError(
            path,
            [
                f"vraag-id '{d}' komt meer dan eens voor; elke vraag heeft een eigen id"
                for d in duplicates
            ],
        )
    assert isinstance(model, PhaseSetModel | ClientVoiceSetModel | WorrySetModel)
    return model


def set_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.toml") if p.is_file())


def check_path(path: Path) -> list[str]:
    """Every problem in a file or folder of sets, for `leidraad questionsets check`."""
    if not path.exists():
        return [f"{path}: bestaat niet"]
    files = set_files(path) if path.is_dir() else [path]
    if not files:
        return [f"{path}: geen .toml-bestanden gevonden"]
    problems: list[str] = []
    for file in files:
        try:
            parse_set(file)
        except QuestionSetError as error:
            problems += str(error).splitlines()
    return problems


def _question(model: QuestionModel) -> Question:
    return Question(model.id, model.tekst, model.toelichting.strip(), tuple(model.doorvragen))


def _to_phase_set(model: PhaseSetModel, path: Path) -> PhaseSet:
    return PhaseSet(
        id=model.id,
        phase=Phase(model.fase),
        title=model.titel,
        version=model.versie,
        based_on=model.gebaseerd_op,
        stages={
            Stage(name): tuple(_question(q) for q in questions)
            for name, questions in model.question_lists().items()
        },
        region=model.regio.strip(),
        source=str(path),
    )


def load_sets(folders: Iterable[Path]) -> tuple[list[LoadedSet], list[str]]:
    """Every valid set in the folders, in order, and a note for every file skipped."""
    loaded: list[LoadedSet] = []
    problems: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for file in set_files(folder):
            try:
                loaded.append(LoadedSet(parse_set(file), file))
            except QuestionSetError as error:
                problems.append(f"Overgeslagen: {error}")
    return loaded, problems


def load_guide(user_folders: Iterable[Path] = ()) -> Guide:
    """The built-in guide, with an organisation's sets added or put in place by id."""
    builtin, builtin_problems = load_sets([BUILTIN_DIR])
    if builtin_problems:
        # The built-in sets ship with the program; a problem there is a bug, not a user error.
        raise QuestionSetError(BUILTIN_DIR, builtin_problems)
    extra, problems = load_sets(user_folders)
    by_id: dict[str, LoadedSet] = {}
    for item in builtin + extra:
        by_id[item.model.id] = item  # a user set with the same id replaces the built-in one

    phases: dict[Phase, PhaseSet] = {}
    client_voice: ClientVoiceSet | None = None
    worry: WorrySet | None = None
    for item in by_id.values():
        model, path = item.model, item.path
        if isinstance(model, PhaseSetModel):
            phases[Phase(model.fase)] = _to_phase_set(model, path)
        elif isinstance(model, ClientVoiceSetModel):
            client_voice = ClientVoiceSet(
                model.id,
                model.titel,
                model.versie,
                model.gebaseerd_op,
                model.schaalvraag,
                model.hogervraag,
                tuple(_question(q) for q in model.vragen),
                str(path),
            )
        else:
            worry = WorrySet(
                model.id,
                model.titel,
                model.versie,
                model.gebaseerd_op,
                tuple(_question(q) for q in model.vragen),
                str(path),
            )
    missing = [p.label for p in Phase if p not in phases]
    if missing or client_voice is None:
        raise QuestionSetError(
            BUILTIN_DIR, [f"ontbrekende vragenset: {', '.join(missing) or 'clientstem'}"]
        )
    return Guide(phases, client_voice, worry, problems)
