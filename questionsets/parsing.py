"""Reading one question-set file: TOML in, a validated set or Dutch messages out.

Every message names the file, the line or key, and what to change, so a
trainer can fix a regional set without help. Nothing but QuestionSetError
ever comes out, whatever the bytes.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from leidraad.core.domain import AFTERCARE_ID, PURPOSE_ID, SUMMARY_ID
from questionsets.schema import (
    KIND_NAMES,
    KINDS,
    QUESTION_LISTS,
    ClientVoiceSetModel,
    KindModel,
    PhaseSetModel,
    SetModel,
    WorrySetModel,
    describe_value,
    explain,
)

MAX_BYTES = 1_000_000  # a question set is a few kilobytes; anything this big is a wrong file
RESERVED_IDS = frozenset({PURPOSE_ID, SUMMARY_ID, AFTERCARE_ID})


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file, with the line when it can be found."""

    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        where = f"regel {self.line}" + (f", kolom {self.column}" if self.column else "")
        return f"{where}: {self.message}"


class QuestionSetError(ValueError):
    """A question set file that cannot be used; every message names the file."""

    def __init__(self, path: Path, problems: Sequence[Problem | str]) -> None:
        self.path = path
        self.problems = [p if isinstance(p, Problem) else Problem(p) for p in problems]
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """One line per problem: 'pad, regel 12: ...' or 'pad: ...'."""
        return [
            f"{self.path}, {p}" if p.line is not None else f"{self.path}: {p}"
            for p in self.problems
        ]


# --- reading one file -------------------------------------------------------

_TOML_AT = re.compile(
    r"^(?P<msg>.*?) \(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)$"
)
_TOML_MESSAGES: tuple[tuple[str, str], ...] = (
    (
        "Invalid statement",
        "deze regel is geen sleutel met '=' en waarde, geen kopje zoals [[beeldvorming]] "
        "en geen commentaar met #",
    ),
    (
        "Expected '=' after a key",
        "na de sleutel hoort een '=' met een waarde, zoals tekst = \"...\"",
    ),
    (
        "Cannot overwrite a value",
        "deze sleutel staat al eerder in hetzelfde blok; laat er één staan",
    ),
    ("Cannot declare", "dit kopje staat al eerder in het bestand; laat er één staan"),
    ("Duplicate inline table key", "deze sleutel staat twee keer tussen { }; laat er één staan"),
    ("Unterminated string", 'een tekst is niet afgesloten; zet een " aan het eind van de tekst'),
    ("Unclosed array", "een lijst is niet afgesloten; zet een ] aan het eind"),
    ("Unclosed inline table", "een tabel tussen { } is niet afgesloten; zet een } aan het eind"),
    ("Expected ']]'", "een kopje als [[beeldvorming]] moet eindigen op ]]"),
    ("Expected ']'", "een kopje moet eindigen op ]"),
    ("Unescaped '\\'", "een \\ in een tekst moet dubbel: \\\\"),
    (
        "Invalid initial character for a key",
        "een sleutel begint met een letter, een cijfer, _ of -",
    ),
    ("Cannot mutate", "deze tabel is al eerder vastgelegd; voeg de regels daar samen"),
    ("Cannot redefine", "deze tabel is al eerder vastgelegd; voeg de regels daar samen"),
    ("Invalid hex value", "een \\u-code in een tekst is ongeldig"),
    ("Escaped character", "een \\u-code in een tekst is geen geldig teken"),
    ("Invalid date", "dit is geen geldige datum; zet tekst tussen aanhalingstekens"),
    ("Invalid value", "hier hoort een waarde: tekst tussen aanhalingstekens, of een lijst [ ... ]"),
    ("Found invalid character", "dit teken mag hier niet staan; zet tekst tussen aanhalingstekens"),
    (
        "Illegal character '\\n'",
        'een tekst is niet afgesloten; zet een " aan het eind van de regel',
    ),
    ("Illegal character", "dit teken mag niet in een tekst staan"),
    ("Expected", "hier ontbreekt een teken; vergelijk de regel met het voorbeeld in FORMAAT.md"),
)


def _toml_problem(error: tomllib.TOMLDecodeError, text: str) -> Problem:
    text = str(error)
    match = _TOML_AT.match(text)
    english = match.group("msg") if match else text
    dutch = next((nl for en, nl in _TOML_MESSAGES if english.startswith(en)), None)
    message = f"geen geldige TOML: {dutch}" if dutch else f"geen geldige TOML ({english})"
    if match and match.group("line"):
        return Problem(message, int(match.group("line")), int(match.group("col")))
    if match:
        return Problem(message + " (het bestand houdt hier op)", text.count("\n") + 1)
    return Problem(message)


def _read(path: Path, data: bytes | None) -> tuple[dict[str, Any], str]:
    try:
        if data is None:
            if path.stat().st_size > MAX_BYTES:
                raise QuestionSetError(path, ["het bestand is te groot voor een vragenset"])
            data = path.read_bytes()
        if len(data) > MAX_BYTES:
            raise QuestionSetError(path, ["het bestand is te groot voor een vragenset"])
        # utf-8-sig: Windows editors often put a byte-order mark at the start.
        text = data.decode("utf-8-sig")
        try:
            return tomllib.loads(text), text
        except tomllib.TOMLDecodeError as error:
            raise QuestionSetError(path, [_toml_problem(error, text)]) from None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1 if data is not None else None
        raise QuestionSetError(
            path,
            [Problem("dit is geen UTF-8-tekst; sla het bestand op als UTF-8", line)],
        ) from None
    except RecursionError:
        raise QuestionSetError(path, ["geen geldige TOML: te diep geneste haken"]) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise QuestionSetError(path, [f"kan het bestand niet lezen: {reason}"]) from None


class _Lines:
    """Finds the line of a key in the TOML text, so a message can point at it."""

    _HEADER = re.compile(r"^\s*\[")

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.first_table = next(
            (i for i, line in enumerate(self.lines) if self._HEADER.match(line)), len(self.lines)
        )

    def _key(self, key: str, start: int, end: int) -> int | None:
        name = re.escape(key)
        pattern = re.compile(rf"""^\s*(?:{name}|"{name}"|'{name}')\s*=""")
        return next((i + 1 for i in range(start, end) if pattern.match(self.lines[i])), None)

    def _end_of_block(self, start: int) -> int:
        return next(
            (j for j in range(start + 1, len(self.lines)) if self._HEADER.match(self.lines[j])),
            len(self.lines),
        )

    def find(self, loc: Sequence[int | str]) -> int | None:
        if not loc or not isinstance(loc[0], str):
            return None
        top = loc[0]
        header = re.compile(rf"^\s*\[\[?\s*{re.escape(top)}\s*\]")
        headers = [i for i, line in enumerate(self.lines) if header.match(line)]
        if len(loc) >= 2 and isinstance(loc[1], int) and loc[1] < len(headers):
            start = headers[loc[1]]
            if len(loc) >= 3 and isinstance(loc[2], str):
                return self._key(loc[2], start + 1, self._end_of_block(start)) or start + 1
            return start + 1
        return (
            self._key(top, 0, self.first_table)
            or (headers[0] + 1 if headers else None)
            or self._key(top, 0, len(self.lines))
        )


def _question_id(document: dict[str, Any], stage: str, index: int) -> str:
    items = document.get(stage)
    if isinstance(items, list) and index < len(items) and isinstance(items[index], dict):
        value = items[index].get("id")
        if isinstance(value, str) and value.strip():
            return f' (id "{value.strip()[:60]}")'
    return ""


def _where(document: dict[str, Any], loc: tuple[int | str, ...]) -> str:
    """A location a person can find: '[[beeldvorming]] vraag 2 (id "x"), tekst'."""
    if len(loc) >= 2 and loc[0] in QUESTION_LISTS and isinstance(loc[1], int):
        stage = str(loc[0])
        text = f"[[{stage}]] vraag {loc[1] + 1}{_question_id(document, stage, loc[1])}"
        rest = loc[2:]
        if rest:
            text += ", " + str(rest[0])
        if len(rest) >= 2 and isinstance(rest[1], int):
            text += f" nr. {rest[1] + 1}"
        return text
    parts = [str(p + 1) if isinstance(p, int) else p for p in loc]
    return ".".join(parts) or "het hele bestand"


def _validation_problems(
    error: ValidationError, document: dict[str, Any], model: KindModel, lines: _Lines
) -> list[Problem]:
    problems: list[Problem] = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        key = next((str(p) for p in reversed(loc) if isinstance(p, str)), "")
        in_question = len(loc) >= 3 and loc[0] in QUESTION_LISTS and isinstance(loc[1], int)
        message = explain(item["type"], key, str(item["msg"]), model, in_question)
        if item["type"] == "literal_error":
            message += f" (nu: {describe_value(item.get('input'))})"
        problems.append(Problem(f"{_where(document, loc)}: {message}", lines.find(loc)))
    return problems


def _id_problems(model: SetModel, lines: _Lines) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[str] = set()
    for stage, questions in model.question_lists().items():
        for index, question in enumerate(questions):
            line = lines.find((stage, index, "id"))
            if question.id in RESERVED_IDS:
                problems.append(
                    Problem(
                        f'[[{stage}]] vraag {index + 1}: id "{question.id}" gebruikt het '
                        "programma zelf; kies een ander id",
                        line,
                    )
                )
            if question.id in seen:
                problems.append(
                    Problem(
                        f'[[{stage}]] vraag {index + 1}: vraag-id "{question.id}" komt meer dan '
                        "eens voor; geef elke vraag een eigen id",
                        line,
                    )
                )
            seen.add(question.id)
    return problems


def validate_document(path: Path, document: Any, text: str = "") -> SetModel:
    """Check a parsed document against the schema; `text` is only used to find line numbers."""
    lines = _Lines(text)
    if not isinstance(document, dict):
        raise QuestionSetError(path, ["een vragenset is een tabel met sleutels, zoals soort = ..."])
    kind = document.get("soort")
    if kind is None:
        raise QuestionSetError(
            path, [f"soort: deze sleutel ontbreekt; zet bovenaan soort = {KIND_NAMES}"]
        )
    if not isinstance(kind, str) or kind not in KINDS:
        raise QuestionSetError(
            path,
            [
                Problem(
                    f"soort: onbekende soort {describe_value(kind)}; kies {KIND_NAMES}",
                    lines.find(("soort",)),
                )
            ],
        )
    model_type = KINDS[kind]
    try:
        model = model_type.model_validate(document)
    except ValidationError as error:
        found = _validation_problems(error, document, model_type, lines)
        # In file order, so the list reads top to bottom; keys that are missing come last.
        found.sort(key=lambda p: (p.line is None, p.line or 0))
        raise QuestionSetError(path, found) from None
    assert isinstance(model, PhaseSetModel | ClientVoiceSetModel | WorrySetModel)
    problems = _id_problems(model, lines)
    if problems:
        raise QuestionSetError(path, problems)
    return model


def parse_set(path: Path, data: bytes | None = None) -> SetModel:
    """Validate one file; raises QuestionSetError with Dutch messages naming line, key and fix."""
    document, text = _read(path, data)
    return validate_document(path, document, text)


def set_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.glob("*.toml") if p.is_file())
    except OSError:
        return []
