"""Reading question sets from TOML files: the built-in ones and an organisation's own.

A broken file from a user folder never stops the program: it is skipped and
the reason is reported, so the meeting can go on with the built-in guide.
Every message is Dutch and names the file, the line or key, and what to fix.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from leidraad.domain import AFTERCARE_ID, PURPOSE_ID, SUMMARY_ID, Phase, Stage
from leidraad.guide import (
    ClientVoiceSet,
    Guide,
    PhaseSet,
    Question,
    SetSummary,
    WorrySet,
)
from questionsets.schema import (
    KIND_NAMES,
    KINDS,
    QUESTION_LISTS,
    ClientVoiceSetModel,
    KindModel,
    PhaseSetModel,
    QuestionModel,
    SetModel,
    WorrySetModel,
    describe_value,
    duplicate_ids,
    explain,
    question_ids,
)

BUILTIN_DIR = Path(__file__).parent / "builtin"
MAX_BYTES = 1_000_000  # a question set is a few kilobytes; anything this big is a wrong file
RESERVED_IDS = frozenset({PURPOSE_ID, SUMMARY_ID, AFTERCARE_ID})
MAX_SHOWN = 5  # problems listed per skipped file before "en nog ..."


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


@dataclass(frozen=True)
class LoadedSet:
    model: SetModel
    path: Path
    builtin: bool = False


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
    assert not duplicate_ids(model)
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


# --- from files to the guide ------------------------------------------------


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


def _to_client_voice(model: ClientVoiceSetModel, path: Path) -> ClientVoiceSet:
    return ClientVoiceSet(
        model.id,
        model.titel,
        model.versie,
        model.gebaseerd_op,
        model.schaalvraag,
        model.hogervraag,
        tuple(_question(q) for q in model.vragen),
        str(path),
        model.regio.strip(),
    )


def _to_worry(model: WorrySetModel, path: Path) -> WorrySet:
    return WorrySet(
        model.id,
        model.titel,
        model.versie,
        model.gebaseerd_op,
        tuple(_question(q) for q in model.vragen),
        str(path),
        model.regio.strip(),
    )


Slot = tuple[str, str]


def _slot(model: SetModel) -> Slot:
    """Where a set is used: one slot per phase, one for the client's voice, one for worries."""
    return (model.soort, model.fase if isinstance(model, PhaseSetModel) else "")


def _slot_name(slot: Slot) -> str:
    if slot[0] == "fase":
        phase = Phase(slot[1])
        return f"fase {phase.number}, {phase.label}"
    return {"clientstem": "de stem van de cliënt", "zorg": "de zorg concreet maken"}[slot[0]]


_SLOT_ORDER = [
    *(_slot_name(("fase", p.value)) for p in Phase),
    _slot_name(("clientstem", "")),
    _slot_name(("zorg", "")),
]


def _skipped(path: Path, problems: Sequence[Problem | str]) -> str:
    """One message per skipped file, short enough for a notification."""
    shown = [f"  {p}" for p in problems[:MAX_SHOWN]]
    if len(problems) > MAX_SHOWN:
        shown.append(
            f"  ... en nog {len(problems) - MAX_SHOWN}; "
            f"alles zien: leidraad questionsets check {path}"
        )
    return "\n".join([f"{path} is overgeslagen:", *shown])


def load_sets(folders: Iterable[Path]) -> tuple[list[LoadedSet], list[str]]:
    """Every valid set in the folders, in order, and a message for every file skipped."""
    loaded: list[LoadedSet] = []
    problems: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            continue
        for file in set_files(folder):
            try:
                loaded.append(LoadedSet(parse_set(file), file))
            except QuestionSetError as error:
                problems.append(_skipped(file, error.problems))
    return loaded, problems


def builtin_sets() -> list[LoadedSet]:
    sets, problems = load_sets([BUILTIN_DIR])
    if problems:
        # The built-in sets ship with the program; a problem there is a bug, not a user error.
        raise QuestionSetError(BUILTIN_DIR, problems)
    return [LoadedSet(s.model, s.path, builtin=True) for s in sets]


def resolve(builtin: list[LoadedSet], user: list[LoadedSet]) -> Guide:
    """The guide from built-in and user sets; user sets that do not fit are skipped, with a note."""
    guide, errors = _resolve(builtin, user)
    guide.problems += [_skipped(e.path, e.problems) for e in errors]
    return guide


def _resolve(
    builtin: list[LoadedSet], user: list[LoadedSet]
) -> tuple[Guide, list[QuestionSetError]]:
    """Put an organisation's sets in place: by id they replace a built-in set, else they add one.

    For each phase (and for the client's voice and the worry set) the last
    user set read wins; the built-in set stays as the fallback, so the guide
    is always complete whatever the user folder holds.
    """
    problems: list[QuestionSetError] = []
    notes: dict[int, str] = {}
    builtin_by_id = {s.model.id: s for s in builtin}
    accepted: list[LoadedSet] = []
    for item in user:
        base = builtin_by_id.get(item.model.id)
        if base is not None and _slot(base.model) != _slot(item.model):
            problems.append(
                QuestionSetError(
                    item.path,
                    [
                        f'id "{item.model.id}" is de ingebouwde set voor '
                        f"{_slot_name(_slot(base.model))}. Een set met dit id vervangt die, "
                        "en moet dus ook daarvoor zijn (nu: "
                        f"{_slot_name(_slot(item.model))}). Geef je set een eigen id om "
                        "hem toe te voegen."
                    ],
                )
            )
            continue
        for earlier in accepted:
            if earlier.model.id == item.model.id and id(earlier) not in notes:
                notes[id(earlier)] = f"vervangen door {item.path} (zelfde id)"
        accepted.append(item)
    live = [item for item in accepted if id(item) not in notes]

    # Per slot: the user sets, last read first, then the built-in set as the fallback.
    candidates: dict[Slot, list[LoadedSet]] = {}
    for item in [*reversed(live), *builtin]:
        candidates.setdefault(_slot(item.model), []).append(item)
    skipped: set[int] = set()
    builtin_phase_ids = {
        qid for s in builtin if isinstance(s.model, PhaseSetModel) for qid in question_ids(s.model)
    }
    voice = _choose(
        candidates[("clientstem", "")],
        builtin_phase_ids,
        "de ingebouwde fasesets",
        problems,
        skipped,
    )
    voice_ids = set(question_ids(voice.model))
    chosen: dict[Slot, LoadedSet] = {("clientstem", ""): voice}
    for phase in Phase:
        slot = ("fase", phase.value)
        owner = f"de set '{voice.model.id}' voor de stem van de cliënt"
        chosen[slot] = _choose(candidates[slot], voice_ids, owner, problems, skipped)
    if ("zorg", "") in candidates:
        chosen[("zorg", "")] = candidates[("zorg", "")][0]

    replaced_by = {s.model.id: s for s in live if id(s) not in skipped}
    summaries: list[SetSummary] = []
    for item in [*builtin, *accepted]:
        if id(item) in skipped:
            continue
        slot = _slot(item.model)
        used = chosen.get(slot) is item
        note = notes.get(id(item), "")
        replacement = replaced_by.get(item.model.id)
        if not note and item.builtin and replacement is not None:
            note = f"vervangen door {replacement.path} (zelfde id)"
        if not used and not note:
            note = f"niet in gebruik: voor {_slot_name(slot)} geldt '{chosen[slot].model.id}'"
        summaries.append(_summary(item, slot, used, note))
    summaries.sort(key=lambda s: _SLOT_ORDER.index(s.slot))

    assert isinstance(voice.model, ClientVoiceSetModel)
    phases: dict[Phase, PhaseSet] = {}
    for phase in Phase:
        item = chosen[("fase", phase.value)]
        assert isinstance(item.model, PhaseSetModel)
        phases[phase] = _to_phase_set(item.model, item.path)
    worry_item = chosen.get(("zorg", ""))
    worry = None
    if worry_item is not None and isinstance(worry_item.model, WorrySetModel):
        worry = _to_worry(worry_item.model, worry_item.path)
    voice_set = _to_client_voice(voice.model, voice.path)
    return Guide(phases, voice_set, worry, [], summaries), problems


def _choose(
    options: list[LoadedSet],
    taken: set[str],
    owner: str,
    problems: list[QuestionSetError],
    skipped: set[int],
) -> LoadedSet:
    """The first option whose question ids do not clash with ids already in use."""
    for option in options:
        clash = sorted(set(question_ids(option.model)) & taken)
        if not clash or option.builtin:
            return option
        skipped.add(id(option))
        listed = ", ".join(f'"{c}"' for c in clash[:5])
        problems.append(
            QuestionSetError(
                option.path,
                [
                    f"vraag-id {listed} staat ook in {owner}; in één overleg heeft elke "
                    "vraag een eigen id. Kies een ander id."
                ],
            )
        )
    raise AssertionError("the built-in sets always fit together")


def _summary(item: LoadedSet, slot: Slot, used: bool, note: str) -> SetSummary:
    model = item.model
    return SetSummary(
        id=model.id,
        kind=model.soort,
        slot=_slot_name(slot),
        title=model.titel,
        version=model.versie,
        region=model.regio.strip(),
        source=str(item.path),
        builtin=item.builtin,
        used=used,
        note=note,
        questions=len(question_ids(model)),
    )


def load_guide(user_folders: Iterable[Path] = ()) -> Guide:
    """The built-in guide, with an organisation's sets added or put in place by id."""
    user, problems = load_sets(user_folders)
    guide = resolve(builtin_sets(), user)
    guide.problems[:0] = problems
    return guide


def check_path(path: Path) -> list[str]:
    """Every problem in a file or folder of sets, for `leidraad questionsets check`."""
    if not path.exists():
        return [f"{path}: bestaat niet"]
    files = set_files(path) if path.is_dir() else [path]
    if not files:
        return [f"{path}: geen .toml-bestanden gevonden"]
    problems: list[str] = []
    loaded: list[LoadedSet] = []
    for file in files:
        try:
            loaded.append(LoadedSet(parse_set(file), file))
        except QuestionSetError as error:
            problems += error.lines()
    # How the valid files would fit with the built-in sets: same-id or clashing question ids.
    if not path.resolve().is_relative_to(BUILTIN_DIR.resolve()):
        for misfit in _resolve(builtin_sets(), loaded)[1]:
            problems += misfit.lines()
    return problems
